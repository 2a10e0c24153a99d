package dev.msgprobe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.collector.Acknowledgements;
import dev.msgprobe.collector.CollectorClient;
import dev.msgprobe.collector.CollectorConfig;
import dev.msgprobe.collector.CollectorServer;
import dev.msgprobe.collector.LiveSubmitter;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.report.ReportWriter;
import dev.msgprobe.store.Query;
import dev.msgprobe.store.Store;
import dev.msgprobe.store.Stores;
import dev.msgprobe.testing.Fleet;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmitCommandTest {
  @TempDir Path dir;
  private Store store;
  private CollectorServer collector;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  @BeforeEach
  void openStore() throws Exception {
    store = Stores.open(dir.resolve("collector.db").toString(), Map.of()).orElseThrow();
  }

  @AfterEach
  void stop() {
    if (collector != null) {
      collector.close();
    }
    store.close();
  }

  private CollectorServer startCollector(int port) throws Exception {
    collector = CollectorServer.start(new CollectorConfig(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), store,
        Map.of(), null, 4, 1 << 20, Duration.ofSeconds(10)));
    return collector;
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), Map.of("XDG_DATA_HOME", dir.toString()), args);
  }

  @Test
  void aCollectorThatDisappearsMidRun_losesNothing_andSubmitSendsTheRestLater() throws Exception {
    String url = startCollector(0).url();
    int port = collector.address().getPort();
    List<Measurement> lines = Fleet.run(5, "AS12389", "RU");
    Path report = dir.resolve("run.jsonl");
    StringWriter runErr = new StringWriter();
    LiveSubmitter live = new LiveSubmitter(new CollectorClient(url, null, Duration.ofSeconds(2)), new PrintWriter(runErr, true),
        Duration.ofSeconds(30));

    live.started(report);
    try (ReportWriter writer = ReportWriter.create(report, Set.of())) {
      for (int i = 0; i < lines.size(); i++) {
        if (i == 4) {
          waitForAcknowledged(report, 4);
          collector.close();
        }
        live.written(writer.write(lines.get(i)));
      }
    }
    live.finished(report);

    assertThat(Files.readAllLines(report)).hasSize(lines.size());
    assertThat(store.measurements(Query.ALL)).hasSize(4);
    assertThat(runErr.toString()).contains("submitting to " + url + " stopped after 4 measurements",
        "msgprobe submit " + report + " --to " + url);
    assertThat(Files.readAllLines(Acknowledgements.sidecar(report))).hasSize(4);

    startCollector(port);
    assertThat(run("submit", report.toString(), "--to", url)).as(err.toString()).isZero();
    assertThat(out.toString()).contains("6 sent, 4 acknowledged before, 0 refused");
    assertThat(store.measurements(Query.ALL)).containsExactlyInAnyOrderElementsOf(lines);

    assertThat(run("submit", report.toString(), "--to", url)).isZero();
    assertThat(out.toString()).contains("0 sent, 10 acknowledged before");
  }

  @Test
  void submittingWhatWasImported_storesNothingTwice() throws Exception {
    String url = startCollector(0).url();
    Path report = dev.msgprobe.testing.ReportLines.write(dir.resolve("r.jsonl"),
        Fleet.run(2, "AS31213", "RU").toArray(Measurement[]::new));
    store.add(dev.msgprobe.report.ReportReader.read(report).measurements(), "anonymous");

    assertThat(run("submit", report.toString(), "--to", url)).as(err.toString()).isZero();

    assertThat(store.measurements(Query.ALL)).hasSize(10);
  }

  @Test
  void aCollectorThatIsDown_exits1_andSaysToTryAgain() throws Exception {
    String url = startCollector(0).url();
    collector.close();
    collector = null;
    Path report = dev.msgprobe.testing.ReportLines.write(dir.resolve("r.jsonl"),
        Fleet.run(2, "AS31213", "RU").toArray(Measurement[]::new));

    assertThat(run("submit", report.toString(), "--to", url, "--timeout", "2")).isEqualTo(1);
    assertThat(err.toString()).contains("run the same command again later");
    assertThat(out.toString()).contains("0 sent");
  }

  /** Until the submitter has recorded {@code n} acknowledgements (stored is not enough: the reply may be in flight). */
  private static void waitForAcknowledged(Path report, int n) throws Exception {
    Path sidecar = Acknowledgements.sidecar(report);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while ((!Files.exists(sidecar) || Files.readAllLines(sidecar).size() < n) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

}
