package dev.msgprobe.report;

import dev.msgprobe.model.NetworkMode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.model.Method;
import dev.msgprobe.model.RunSummary;
import dev.msgprobe.model.ServiceSummary;
import dev.msgprobe.model.Status;
import java.io.IOException;
import dev.msgprobe.i18n.Lang;
import dev.msgprobe.i18n.Texts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

  @Test
  void summary_matchesGoldenFile() throws IOException {
    Golden.assertMatches("summary.md", MarkdownRenderer.render(Fixtures.summary()));
  }

  @Test
  void endpoints_matchGoldenFile() throws IOException {
    Golden.assertMatches("endpoints.md", MarkdownRenderer.renderEndpoints(TableRendererTest.endpoints()));
  }

  @Test
  void russianSummary_hasRussianHeadingsAndStatuses_andTheReportsKeys() {
    String text = MarkdownRenderer.render(Fixtures.summary(), Texts.of(Lang.RU))
        + MarkdownRenderer.renderEndpoints(TableRendererTest.endpoints(), Texts.of(Lang.RU));

    assertThat(text).contains("| Сервис | Статус | Адреса |", "**заблокирован**", "endpoints_status=blocked",
        "Недоступны: 5 из 6 адресов", "| tls.reset |");
  }

  @Test
  void pipesAndLineBreaksInCells_cannotBreakTheTable() {
    String text = MarkdownRenderer.renderEndpoints(List.of(Fixtures.simple("https://a.example/?q=a|b", "x|y",
        Status.BLOCKED, Method.HTTP_BLOCKPAGE, "title was \"blocked | RKN\"\nsecond line")));

    assertThat(text).contains("| x\\|y | `https://a.example/?q=a\\|b` | blocked | http.blockpage | "
        + "title was \"blocked \\| RKN\" second line |");
  }

  @Test
  void emptySummary_hasNoTable() {
    RunSummary summary = new RunSummary("msgprobe", "0.1.0", null, "AS0", "ZZ", null, 2, NetworkMode.NORMAL, Map.of(),
        Map.<String, ServiceSummary>of());

    assertThat(MarkdownRenderer.render(summary)).isEqualTo("""
        **msgprobe 0.1.0**, AS0 ZZ, took 2.0 s

        Network: normal.

        No services measured.
        """);
  }
}
