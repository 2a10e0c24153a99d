package dev.msgprobe.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.model.Failures;
import dev.msgprobe.model.NetworkEvent;
import dev.msgprobe.model.Transfer;
import dev.msgprobe.testing.Handlers;
import dev.msgprobe.testing.LoopbackServer;
import dev.msgprobe.trace.Trace;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransferProbeTest {
  private static final int KIB = 1024;
  private static final long TARGET = 256 * KIB;
  private final TransferProbe probe = new TransferProbe(Duration.ofMillis(500), Duration.ofMillis(300),
      Duration.ofSeconds(3), Duration.ofMillis(50));

  @Test
  void freezeAfter16KiB_isStalledAndTimedOut() throws Exception {
    Trace trace = new Trace();

    Transfer t = download(Handlers.sendThenStall(16 * KIB), TARGET, probe, trace);

    assertThat(t.stalled()).isTrue();
    assertThat(t.failure()).isEqualTo(Failures.GENERIC_TIMEOUT);
    assertThat(t.bytes()).isGreaterThan(16 * KIB).isLessThan(17 * KIB);
    assertThat(t.targetBytes()).isEqualTo(TARGET);
    assertThat(t.direction()).isEqualTo("download");
    assertThat(t.tags()).containsExactly("throughput");
    List<NetworkEvent> samples = samples(trace);
    assertThat(samples).hasSizeGreaterThanOrEqualTo(3);
    assertThat(samples.get(samples.size() - 1).numBytes()).isEqualTo(t.bytes());
    assertThat(samples).allSatisfy(e -> {
      assertThat(e.tags()).containsExactly("throughput");
      assertThat(e.transactionId()).isEqualTo(9);
    });
    assertThat(trace.toTestKeys().transfers()).containsExactly(t);
  }

  @Test
  void pacedDownload_completesWithGrowingSamples() throws Exception {
    Trace trace = new Trace();

    Transfer t = download(Handlers.paced(12_500, 12_500), TARGET, probe, trace);

    assertThat(t.failure()).isNull();
    assertThat(t.stalled()).isFalse();
    assertThat(t.bytes()).isGreaterThan(12_500);
    assertThat(samples(trace)).extracting(NetworkEvent::numBytes).isSorted();
  }

  @Test
  void fastServer_reachesTheTargetWithoutFailure() throws Exception {
    Transfer t = download(Handlers.httpOk(new byte[512 * KIB]), TARGET, probe, new Trace());

    assertThat(t.failure()).isNull();
    assertThat(t.stalled()).isFalse();
    assertThat(t.bytes()).isGreaterThanOrEqualTo(TARGET);
  }

  @Test
  void smallerResponse_endsCompleteBelowTheTarget() throws Exception {
    Transfer t = download(Handlers.httpOk(new byte[4 * KIB]), TARGET, probe, new Trace());

    assertThat(t.failure()).isNull();
    assertThat(t.bytes()).isGreaterThan(4 * KIB).isLessThan(TARGET);
  }

  @Test
  void resetMidTransfer_isConnectionResetNotStalled() throws Exception {
    Transfer t = download(Handlers.sendThenReset(8 * KIB), TARGET, probe, new Trace());

    assertThat(t.failure()).isEqualTo(Failures.CONNECTION_RESET);
    assertThat(t.stalled()).isFalse();
  }

  @Test
  void closeBeforeTheDeclaredLength_isEof() throws Exception {
    Transfer t = download(Handlers.sendThenClose(8 * KIB), TARGET, probe, new Trace());

    assertThat(t.failure()).isEqualTo(Failures.EOF);
    assertThat(t.stalled()).isFalse();
    assertThat(t.bytes()).isGreaterThan(8 * KIB);
  }

  @Test
  void noByteAtAll_isTimeoutNotStall() throws Exception {
    Transfer t = download(Handlers.silent(), TARGET, probe, new Trace());

    assertThat(t.failure()).isEqualTo(Failures.GENERIC_TIMEOUT);
    assertThat(t.stalled()).isFalse();
    assertThat(t.bytes()).isZero();
    assertThat(t.goodputKbps()).isZero();
  }

  @Test
  void deadlineWhileDataStillFlows_isTimeoutNotStall() throws Exception {
    TransferProbe shortDeadline = new TransferProbe(Duration.ofMillis(500), Duration.ofMillis(300),
        Duration.ofMillis(300), Duration.ofMillis(50));

    Transfer t = download(Handlers.paced(12_500, 100 * KIB), TARGET, shortDeadline, new Trace());

    assertThat(t.failure()).isEqualTo(Failures.GENERIC_TIMEOUT);
    assertThat(t.stalled()).isFalse();
    assertThat(t.bytes()).isPositive();
  }

  private static Transfer download(LoopbackServer.Handler handler, long target, TransferProbe probe, Trace trace)
      throws IOException {
    try (LoopbackServer server = LoopbackServer.start(handler)) {
      Socket socket = new Socket();
      socket.connect(new InetSocketAddress(LoopbackServer.IP, server.port()), 500);
      return probe.download(socket, null, "test.example", "/", target, trace, 9, List.of("throughput"));
    }
  }

  private static List<NetworkEvent> samples(Trace trace) {
    return trace.toTestKeys().networkEvents().stream()
        .filter(e -> e.operation().equals("bytes_received_cumulative")).toList();
  }
}
