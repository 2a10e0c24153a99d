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

class TableRendererTest {
  private static final String RED = "\u001b[31m";
  private static final String YELLOW = "\u001b[33m";
  private static final String GREEN = "\u001b[32m";
  private static final String DIM = "\u001b[2m";

  @Test
  void summaryWithoutColour_matchesGoldenFile() throws IOException {
    Golden.assertMatches("summary-table.txt", new TableRenderer(false).render(Fixtures.summary()));
  }

  @Test
  void endpointsWithoutColour_matchesGoldenFile() throws IOException {
    Golden.assertMatches("endpoints-table.txt", new TableRenderer(false).renderEndpoints(endpoints()));
  }

  @Test
  void russianSummaryWithoutColour_matchesGoldenFile() throws IOException {
    TableRenderer russian = new TableRenderer(false, Texts.of(Lang.RU));

    Golden.assertMatches("summary-table.ru.txt", russian.render(Fixtures.summary()) + russian.renderEndpoints(endpoints()));
  }

  @Test
  void everyLineInBothLanguages_fitsAnEightyColumnTerminal() {
    for (Lang lang : Lang.values()) {
      TableRenderer table = new TableRenderer(false, Texts.of(lang));
      String text = table.render(Fixtures.summary()) + table.renderEndpoints(endpoints());

      assertThat(text.lines()).as(lang.name()).allSatisfy(line ->
          assertThat(line.codePointCount(0, line.length())).as(line).isLessThanOrEqualTo(80));
    }
  }

  @Test
  void withoutColour_thereAreNoEscapeCodes() {
    TableRenderer plain = new TableRenderer(false);

    assertThat(plain.render(Fixtures.summary()) + plain.renderEndpoints(endpoints())).doesNotContain("\u001b");
  }

  @Test
  void withColour_statusesAreColouredBySeverity() {
    String table = new TableRenderer(true).render(Fixtures.summary());

    assertThat(table).contains(RED + "BLOCKED", YELLOW + "PARTIALLY BLOCKED", GREEN + "REACHABLE",
        YELLOW + "throttled", RED + "blocked");
  }

  @Test
  void withColour_downAndInconclusiveAreDim() {
    RunSummary summary = new RunSummary("msgprobe", "0.1.0", null, "AS0", "ZZ", null, 1, NetworkMode.NORMAL, Map.of(),
        Map.of("max", new ServiceSummary(ServiceStatus.DOWN, 1, Map.of("down", 1), Map.of(), Map.of(), Map.of())));

    assertThat(new TableRenderer(true).render(summary)).contains(DIM + "DOWN");
    assertThat(new TableRenderer(true).renderEndpoints(List.of(
        Fixtures.simple("https://max.ru/", "max", Status.INCONCLUSIVE, Method.TCP_TIMEOUT, "offline"))))
        .contains(DIM + "inconclusive");
  }

  @Test
  void colouredColumns_lineUpLikePlainOnes() {
    String plain = new TableRenderer(false).render(Fixtures.summary());
    String coloured = new TableRenderer(true).render(Fixtures.summary()).replaceAll("\u001b\\[[0-9;]*m", "");

    assertThat(coloured).isEqualTo(plain);
  }

  @Test
  void longContent_isWrappedToAtMostOneHundredColumns() {
    String longName = "https://" + "very-long-subdomain.".repeat(8) + "example.com/path";
    Measurement m = Fixtures.simple(longName, "whatsapp", Status.BLOCKED, Method.TCP_TIMEOUT,
        "connect to 157.240.1.53:443 timed out after 10 s on both attempts while every control connected "
            + "within 40 ms, and the decoy handshake to the same address timed out as well " + longName);
    RunSummary summary = new RunSummary("msgprobe", "0.1.0", longName, "AS0", "ZZ", null, 1, NetworkMode.NORMAL,
        Map.of(longName, Status.REACHABLE), Map.of("whatsapp", new ServiceSummary(ServiceStatus.BLOCKED, 1,
            Map.of("blocked", 1), Map.of("tcp.timeout", 1), Map.of("chat", ServiceStatus.BLOCKED, "web", ServiceStatus.BLOCKED,
            "registration", ServiceStatus.BLOCKED, "media", ServiceStatus.BLOCKED, "calls", ServiceStatus.BLOCKED,
            "api", ServiceStatus.BLOCKED, "site", ServiceStatus.BLOCKED),
            Map.of("whatsapp_endpoints_blocked", List.of("e1.whatsapp.net", "e2.whatsapp.net", "e3.whatsapp.net",
                "e4.whatsapp.net", "e5.whatsapp.net", "e6.whatsapp.net", "e7.whatsapp.net")))));

    for (boolean color : new boolean[] {false, true}) {
      TableRenderer renderer = new TableRenderer(color);
      String text = renderer.render(summary) + renderer.renderEndpoints(List.of(m));
      assertThat(text.replaceAll("\u001b\\[[0-9;]*m", "").lines())
          .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(TableRenderer.WIDTH));
    }
  }

  @Test
  void allReachable_saysSo() {
    String text = new TableRenderer(false).renderEndpoints(List.of(
        Fixtures.simple("https://max.ru/", "max", Status.REACHABLE, Method.OK, "ok"),
        Fixtures.simple("https://web.max.ru/", "max", Status.REACHABLE, Method.OK, "ok")));

    assertThat(text).isEqualTo("All 2 endpoints are reachable.\n");
  }

  @Test
  void noServices_saysSo() {
    RunSummary summary = new RunSummary("msgprobe", "0.1.0", null, "AS0", "ZZ", null, 0.4, NetworkMode.OFFLINE, null, null);

    assertThat(new TableRenderer(false).render(summary)).isEqualTo("""
        msgprobe 0.1.0 | AS0 ZZ | took 0.4 s
        Network: offline (every control failed, so nothing is called blocked)

        No services measured.
        """);
  }

  /** Report order mixes services; the listing groups them and leaves out reachable ones. */
  static List<Measurement> endpoints() {
    return List.of(
        Fixtures.blockedWeb(),
        Fixtures.simple("http://149.154.175.50:443/", "telegram", Status.BLOCKED, Method.TCP_TIMEOUT,
            "connect to 149.154.175.50:443 timed out twice; the control connected in 48 ms"),
        Fixtures.simple("tcp://e1.whatsapp.net:5222", "whatsapp", Status.DOWN, Method.TCP_REFUSED,
            "the control was refused too"),
        Fixtures.simple("https://web.telegram.org/", "telegram", Status.REACHABLE, Method.OK, "ok"),
        Fixtures.simple("https://telegram.org/", "telegram", Status.THROTTLED, Method.TCP_THROTTLE,
            "downloaded at 12 kbit/s, baseline 9800 kbit/s"),
        Fixtures.simple("dns://max.ru", "max", null, null, null));
  }
}
