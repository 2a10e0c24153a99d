package dev.msgprobe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.collector.CollectorConfig;
import dev.msgprobe.collector.CollectorServer;
import dev.msgprobe.store.Query;
import dev.msgprobe.store.Store;
import dev.msgprobe.store.Stores;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run records itself in the history store and sends its lines to a collector; neither fails it. */
class RunRecordsTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), Map.of("XDG_DATA_HOME", dir.resolve("xdg").toString()),
        args);
  }

  private static int closedPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private String[] runArgs(Path report, String... more) throws Exception {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("run", "tcp://127.0.0.1:" + closedPort(),
        "--controls", "none", "--no-doh", "--resolver-echo", "none", "--resolver", "127.0.0.1:" + closedPort(),
        "--timeout", "1", "--no-progress", "-q", "-o", report.toString()));
    args.addAll(java.util.List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void aRun_isRecordedInTheLocalHistoryOfItsEnvironment_andSentToTheCollector() throws Exception {
    Path report = dir.resolve("r.jsonl");
    try (Store collectorStore = Stores.open(dir.resolve("collector.db").toString(), Map.of()).orElseThrow();
        CollectorServer collector = CollectorServer.start(new CollectorConfig(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            collectorStore, Map.of(), null, 4, 1 << 20, Duration.ofSeconds(10)))) {

      int status = run(runArgs(report, "--submit", collector.url()));

      assertThat(status).as(err.toString()).isZero();
      assertThat(collectorStore.measurements(Query.ALL)).hasSize(1);
    }
    Path history = dir.resolve("xdg/msgprobe/history.db");
    try (Store local = Stores.open(history.toString(), Map.of()).orElseThrow()) {
      assertThat(local.measurements(Query.ALL)).singleElement()
          .satisfies(m -> assertThat(m.testKeys().verdict().method().wire()).isEqualTo("tcp.refused"));
    }
    assertThat(Files.readAllLines(dev.msgprobe.collector.Acknowledgements.sidecar(report))).hasSize(1);
  }

  @Test
  void storeNone_recordsNothing_andACollectorThatIsDown_failsNothing() throws Exception {
    Path report = dir.resolve("r.jsonl");
    int down = closedPort();

    int status = run(runArgs(report, "--store", "none", "--submit", "http://127.0.0.1:" + down));

    assertThat(status).isZero();
    assertThat(Files.readAllLines(report)).hasSize(1);
    assertThat(dir.resolve("xdg")).doesNotExist();
    assertThat(err.toString()).contains("submitting to http://127.0.0.1:" + down + " stopped after 0 measurements",
        "msgprobe submit " + report);
  }

  @Test
  void aStoreThatCannotBeOpened_isBadInput_beforeMeasuring() throws Exception {
    Path report = dir.resolve("r.jsonl");
    Files.writeString(dir.resolve("file"), "x");

    assertThat(run(runArgs(report, "--store", dir.resolve("file/h.db").toString()))).isEqualTo(2);
    assertThat(report).doesNotExist();
    assertThat(err.toString()).contains("msgprobe run: --store:");
  }
}
