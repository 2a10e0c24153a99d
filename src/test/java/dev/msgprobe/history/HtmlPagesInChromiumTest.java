package dev.msgprobe.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.msgprobe.engine.StoredReports;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.report.HtmlRenderer;
import dev.msgprobe.report.LoadedReport;
import dev.msgprobe.report.SummarisedRun;
import dev.msgprobe.testing.Chromium;
import dev.msgprobe.testing.Fleet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history and report pages rendered by a real browser: no console error (a script, a blocked load
 * or a CSP violation would show there), the content laid out, and a screenshot kept under
 * {@code target/html-pages/} to look at.
 */
class HtmlPagesInChromiumTest {
  private static final Path PAGES = Path.of("target", "html-pages");

  @TempDir Path work;

  @Test
  void historyPage_rendersWithoutErrors_andAScreenshotIsKept() throws Exception {
    Chromium chromium = chromium();
    List<Measurement> all = new ArrayList<>();
    for (int d = 0; d < 14; d++) {
      all.addAll(Fleet.run(d, "AS12389", "RU"));
    }
    Path page = write("history.html", HistoryHtml.render(History.of("~/.local/share/msgprobe/history.db", all)));

    assertRendered(chromium, page, "history.png", "whatsapp web: dns.nxdomain", "<svg");
  }

  @Test
  void reportPage_rendersWithoutErrors_andAScreenshotIsKept() throws Exception {
    Chromium chromium = chromium();
    SummarisedRun run = StoredReports.summarise(List.of(new LoadedReport(Path.of("reports/msgprobe-20260310T100000Z.jsonl"),
        Fleet.run(9, "AS12389", "RU"), List.of())));
    Path page = write("report.html", HtmlRenderer.render(run.summary(), run.measurements()));

    assertRendered(chromium, page, "report.png", "What the methods mean", "class=\"card partially_blocked\"");
  }

  private void assertRendered(Chromium chromium, Path page, String png, String... texts) throws Exception {
    Chromium.Result dom = chromium.dumpDom(page, work);
    assertThat(dom.exit()).as(dom.stderr()).isZero();
    assertThat(dom.stdout()).contains(texts).contains("</html>");
    assertThat(dom.stderr()).as("console").doesNotContain("Uncaught", "Refused to", "Failed to load");

    Path shot = PAGES.resolve(png);
    Files.deleteIfExists(shot);
    Chromium.Result r = chromium.screenshot(page, shot, 1280, 2400, work);
    assertThat(r.exit()).as(r.stderr()).isZero();
    assertThat(shot).exists();
    assertThat(Files.size(shot)).isGreaterThan(10_000);
  }

  private static Chromium chromium() {
    Optional<Chromium> c = Chromium.find();
    assumeTrue(c.isPresent(), "no chromium here (apt-get install chromium): browser rendering test skipped");
    return c.get();
  }

  private static Path write(String name, String html) throws Exception {
    Files.createDirectories(PAGES);
    return Files.writeString(PAGES.resolve(name), html, StandardCharsets.UTF_8);
  }
}
