package dev.msgprobe.report;

import dev.msgprobe.model.NetworkMode;
import dev.msgprobe.model.ServiceStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.Method;
import dev.msgprobe.model.RunSummary;
import dev.msgprobe.model.ServiceSummary;
import dev.msgprobe.model.Status;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlRendererTest {
  private static final String HOSTILE = "<script>alert('x')</script> & \"quoted\"";

  @Test
  void page_matchesGoldenFile() throws IOException {
    Golden.assertMatches("summary.html", HtmlRenderer.render(Fixtures.summary(), TableRendererTest.endpoints()));
  }

  @Test
  void everyTextFromTheReport_isEscaped() {
    Measurement line = Fixtures.withAnnotation(
        Fixtures.simple("https://evil.example/?a=<b>&c=\"d\"", "x<y>", Status.BLOCKED, Method.HTTP_BLOCKPAGE,
            "block page title: " + HOSTILE), "function", "f<n>");
    RunSummary summary = new RunSummary("msgprobe", "0.1<b>", "r<e>port.jsonl", "AS<1>", "Z&Z", "2026-11-28 10:15:02",
        3, NetworkMode.NORMAL, Map.of("https://<c>/", Status.REACHABLE),
        Map.of("x<y>", new ServiceSummary(ServiceStatus.BLOCKED, 1, Map.of("blocked", 1), Map.of("http.blockpage", 1),
            Map.of("f<n>", ServiceStatus.BLOCKED), Map.of("k<ey>", "v<al>"))));

    String page = HtmlRenderer.render(summary, List.of(line));

    assertThat(page).doesNotContain("<script", "<b>", "<y>", "<n>", "<e>", "<1>", "<c>", "<ey>", "Z&Z",
        "\"quoted\"");
    assertThat(page).contains("block page title: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;",
        "<code>https://evil.example/?a=&lt;b&gt;&amp;c=&quot;d&quot;</code>", "<h2>x&lt;y&gt;: ",
        "f&lt;n&gt; <span class=\"blocked\">blocked</span>", "Report: <code>r&lt;e&gt;port.jsonl</code>");
  }

  @Test
  void statusFromANewerReport_isShownAsUnknown() {
    Map<String, Status> controls = new java.util.HashMap<>();
    controls.put("https://ya.ru/", Status.fromWire("x\" onclick=\"alert(1)"));
    RunSummary summary = new RunSummary("msgprobe", "0.1.0", null, "AS0", "ZZ", null, 1, NetworkMode.NORMAL,
        controls, Map.of());

    String page = HtmlRenderer.render(summary, List.of());

    assertThat(page).contains("ya.ru <span class=\"unknown\">unknown</span>").doesNotContain("onclick");
  }

  @Test
  void page_hasNoScriptAndLoadsNothing() {
    String page = HtmlRenderer.render(Fixtures.summary(), TableRendererTest.endpoints());

    assertThat(page).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<link")
        .doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("src=").doesNotContainIgnoringCase("url(")
        .doesNotContainIgnoringCase("href").doesNotContainIgnoringCase("@import")
        .contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">");
  }

  @Test
  void notReachableEndpoints_showAllTheirEvidence() {
    String page = HtmlRenderer.render(Fixtures.summary(), List.of(Fixtures.blockedWeb()));

    assertThat(page).contains("<h2>Not reachable: 1 of 1 endpoint</h2>",
        "<li>ClientHello with SNI web.whatsapp.com to 157.240.1.53:443 was reset after 31 ms</li>"
            + "<li>the same address completed a handshake with SNI example.com</li>");
  }

  @Test
  void eachService_hasATableOfItsEndpoints() {
    String page = HtmlRenderer.render(Fixtures.summary(), TableRendererTest.endpoints());
    String telegram = page.substring(page.indexOf("<h2>telegram"), page.indexOf("<h2>max"));

    assertThat(telegram).contains("<code>http://149.154.175.50:443/</code>", "<code>https://web.telegram.org/</code>",
        "<code>https://telegram.org/</code>").doesNotContain("whatsapp.com");
  }
}
