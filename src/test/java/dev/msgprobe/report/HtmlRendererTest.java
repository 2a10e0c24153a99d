package dev.msgprobe.report;

import dev.msgprobe.model.NetworkMode;
import dev.msgprobe.model.ServiceStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.i18n.Lang;
import dev.msgprobe.i18n.Texts;
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
  void russianPage_isInRussian_withEvidenceInRussianAndMethodsAsTheReportHasThem() {
    String page = HtmlRenderer.render(Fixtures.summary(), TableRendererTest.endpoints(), Texts.of(Lang.RU));

    assertThat(page).contains("<html lang=\"ru\">", "<h1>Отчёт msgprobe</h1>", ">заблокирован</span>",
            "<th>Свидетельства</th>", "<h2>Что значат методы</h2>", "<code>tls.reset</code>",
            "ClientHello (SNI web.whatsapp.com) к 157.240.1.53:443: сброс соединения (RST) через 31 мс")
        .doesNotContain(">blocked</span>", "What the methods mean", "was reset after");
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
        "<code>https://evil.example/?a=&lt;b&gt;&amp;c=&quot;d&quot;</code>", "<h2>x&lt;y&gt; <span class=\"badge blocked\">",
        "<span>f&lt;n&gt;</span><span class=\"badge blocked\">blocked</span>", "Report: <code>r&lt;e&gt;port.jsonl</code>");
  }

  @Test
  void statusFromANewerReport_isShownAsUnknown() {
    Map<String, Status> controls = new java.util.HashMap<>();
    controls.put("https://ya.ru/", Status.fromWire("x\" onclick=\"alert(1)"));
    RunSummary summary = new RunSummary("msgprobe", "0.1.0", null, "AS0", "ZZ", null, 1, NetworkMode.NORMAL,
        controls, Map.of());

    String page = HtmlRenderer.render(summary, List.of());

    assertThat(page).contains("ya.ru <span class=\"badge unknown\">").doesNotContain("onclick");
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
  void eachEndpoint_showsItsEvidence_onThePage() {
    String page = HtmlRenderer.render(Fixtures.summary(), List.of(Fixtures.blockedWeb()));

    assertThat(page).contains("<li>ClientHello with SNI web.whatsapp.com to 157.240.1.53:443 was reset after 31 ms</li>"
        + "<li>the same address completed a handshake with SNI example.com</li>");
  }

  @Test
  void longEvidence_isFoldedAfterItsFirstSentence() {
    Measurement line = Fixtures.simple("https://web.whatsapp.com/", "whatsapp", Status.BLOCKED, Method.TLS_RESET,
        "one", "two", "three");

    String page = HtmlRenderer.render(Fixtures.summary(), List.of(line));

    assertThat(page).contains("<td>one<details><summary>all 3 observations</summary><ul class=\"evidence\"><li>one</li>"
        + "<li>two</li><li>three</li></ul></details></td>");
  }

  @Test
  void endpoints_areOrderedByStatusThenName_andCardsComeFirst() {
    Measurement b = Fixtures.simple("https://b.example/", "whatsapp", Status.REACHABLE, Method.OK, "fine");
    Measurement a = Fixtures.simple("https://a.example/", "whatsapp", Status.REACHABLE, Method.OK, "fine");
    Measurement z = Fixtures.simple("https://z.example/", "whatsapp", Status.BLOCKED, Method.TCP_RESET, "reset");

    String page = HtmlRenderer.render(Fixtures.summary(), List.of(b, a, z));

    assertThat(page.indexOf("class=\"cards\"")).isLessThan(page.indexOf("<table>"));
    assertThat(page.indexOf("z.example")).isLessThan(page.indexOf("a.example"));
    assertThat(page.indexOf("a.example")).isLessThan(page.indexOf("b.example"));
    assertThat(page).contains("<dt>tcp.reset</dt><dd>the connection is reset</dd>");
  }

  @Test
  void eachService_hasATableOfItsEndpoints() {
    String page = HtmlRenderer.render(Fixtures.summary(), TableRendererTest.endpoints());
    String telegram = page.substring(page.indexOf("<h2>telegram"), page.indexOf("<h2>max"));

    assertThat(telegram).contains("<code>http://149.154.175.50:443/</code>", "<code>https://web.telegram.org/</code>",
        "<code>https://telegram.org/</code>").doesNotContain("whatsapp.com");
  }
}
