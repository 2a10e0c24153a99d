package dev.msgprobe.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.model.Failures;
import dev.msgprobe.model.NetworkEvent;
import dev.msgprobe.model.Transfer;
import dev.msgprobe.testing.Handlers;
import dev.msgprobe.testing.LoopbackServer;
import dev.msgprobe.testing.TestCa;
import dev.msgprobe.testing.TlsFront;
import dev.msgprobe.trace.Trace;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLSocket;
import okhttp3.tls.HandshakeCertificates;
import org.junit.jupiter.api.Test;

class TransferUploadTest {
  private static final int KIB = 1024;
  private static final String HOST = "upload.example";
  private static final TestCa CA = new TestCa();
  /** What the probe asks for; Linux allots twice as much. */
  private static final int SEND_BUFFER = 8 * KIB;
  /** The servers' receive buffer, so a server that stops reading soon stops the client's writes. */
  private static final int RECEIVE_BUFFER = 4 * KIB;
  /** Buffers at the system's minimum on both sides, for a short paced upload that their size does not dominate. */
  private static final int MIN_BUFFER = 1;
  private final TransferProbe probe = new TransferProbe(Duration.ofMillis(500), Duration.ofMillis(300),
      Duration.ofSeconds(3), Duration.ofMillis(50));

  @Test
  void tlsServerThatStopsReadingAfter16KiB_stallsTheUploadWithinTheFreezeRange() throws Exception {
    Trace trace = new Trace();

    Transfer t = uploadOverTls(Handlers.readBodyThenStop(16 * KIB), 64 * KIB, SEND_BUFFER, probe, trace);

    assertThat(t.direction()).isEqualTo("upload");
    assertThat(t.stalled()).isTrue();
    assertThat(t.failure()).isEqualTo(Failures.GENERIC_TIMEOUT);
    assertThat(t.bytes()).isBetween(1L * KIB, 32L * KIB);
    assertThat(t.targetBytes()).isEqualTo(64 * KIB);
    assertThat(t.serverName()).isEqualTo(HOST);
    List<NetworkEvent> samples = samples(trace);
    assertThat(samples).hasSizeGreaterThanOrEqualTo(3).extracting(NetworkEvent::numBytes).isSorted();
    assertThat(samples.get(samples.size() - 1).numBytes()).isGreaterThan(t.bytes()).isLessThan(64L * KIB);
    assertThat(samples).allSatisfy(e -> {
      assertThat(e.tags()).containsExactly("throughput");
      assertThat(e.transactionId()).isEqualTo(9);
    });
    assertThat(trace.toTestKeys().transfers()).containsExactly(t);
  }

  @Test
  void withoutTheKernelsQueue_aStallCountsTheBytesWrittenLessTheSendBuffer() throws Exception {
    TransferProbe blind = new TransferProbe(Duration.ofMillis(500), Duration.ofMillis(300), Duration.ofSeconds(3),
        Duration.ofMillis(50), socket -> -1, System::nanoTime);
    Trace trace = new Trace();

    Transfer t = uploadOverTls(Handlers.readBodyThenStop(16 * KIB), 64 * KIB, SEND_BUFFER, blind, trace);

    List<NetworkEvent> samples = samples(trace);
    assertThat(t.stalled()).isTrue();
    assertThat(t.bytes()).isEqualTo(samples.get(samples.size() - 1).numBytes() - SEND_BUFFER)
        .isBetween(1L * KIB, 32L * KIB);
  }

  @Test
  void tlsServerReadingAt100Kbps_completesWithoutStall() throws Exception {
    // The last writes wait for the buffers to drain at the server's pace: a stall window above that.
    TransferProbe patient = new TransferProbe(Duration.ofMillis(500), Duration.ofMillis(1500), Duration.ofSeconds(3),
        Duration.ofMillis(50));

    Transfer t = uploadOverTls(Handlers.readBodyPaced(12_500), 16 * KIB, MIN_BUFFER, patient, new Trace());

    assertThat(t.failure()).isNull();
    assertThat(t.stalled()).isFalse();
    assertThat(t.bytes()).isPositive(); // the figures themselves: ByteProgressTest and TransferFiguresTest, in virtual time
  }

  @Test
  void tlsServerReadingItAllAndAnswering200_isOk() throws Exception {
    Trace trace = new Trace();

    Transfer t = uploadOverTls(Handlers.readBodyThenOk(), 64 * KIB, SEND_BUFFER, probe, trace);

    assertThat(t.failure()).isNull();
    assertThat(t.stalled()).isFalse();
    assertThat(t.bytes()).as("all delivered (at least all but the send buffer where the queue is unknown)")
        .isGreaterThanOrEqualTo(64L * KIB - SEND_BUFFER).isLessThanOrEqualTo(64L * KIB);
    assertThat(samples(trace).get(samples(trace).size() - 1).numBytes()).isEqualTo(64L * KIB);
  }

  @Test
  void answerBeforeTheBodyWasRead_endsTheUploadWithoutFailure() throws Exception {
    Transfer t = uploadPlain(Handlers.answerBeforeTheBody(), 256 * KIB, probe);

    assertThat(t.failure()).isNull();
    assertThat(t.stalled()).isFalse();
  }

  @Test
  void resetMidUpload_isConnectionResetNotStalled() throws Exception {
    Transfer t = uploadPlain(Handlers.readBodyThenReset(8 * KIB), 256 * KIB, probe);

    assertThat(t.failure()).isEqualTo(Failures.CONNECTION_RESET);
    assertThat(t.stalled()).isFalse();
  }

  @Test
  void closeWithoutAnswer_isEof() throws Exception {
    Transfer t = uploadPlain(socket -> {
      Handlers.readRequestHead(socket.getInputStream());
      socket.shutdownOutput();
      socket.getInputStream().transferTo(OutputStream.nullOutputStream());
    }, 64 * KIB, probe);

    assertThat(t.failure()).isEqualTo(Failures.EOF);
    assertThat(t.stalled()).isFalse();
  }

  @Test
  void deadlineWhileWritesStillProgress_isTimeoutNotStall() throws Exception {
    TransferProbe shortDeadline = new TransferProbe(Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(400), Duration.ofMillis(50));

    Transfer t = uploadPlain(Handlers.readBodyPaced(25_000), 256 * KIB, shortDeadline);

    assertThat(t.failure()).isEqualTo(Failures.GENERIC_TIMEOUT);
    assertThat(t.stalled()).isFalse();
  }

  private static Transfer uploadOverTls(LoopbackServer.Handler handler, long bytes, int sendBuffer,
      TransferProbe probe, Trace trace) throws IOException {
    TlsFront front = new TlsFront(TestCa.serverContext(CA.leaf(HOST)), Set.of(), List.of(), handler);
    try (LoopbackServer server = LoopbackServer.startWithReceiveBuffer(sendBuffer == MIN_BUFFER ? MIN_BUFFER
        : RECEIVE_BUFFER, front)) {
      Socket tcp = connect(server, sendBuffer);
      SSLSocket tls = (SSLSocket) new HandshakeCertificates.Builder().addTrustedCertificate(CA.root().certificate())
          .build().sslSocketFactory().createSocket(tcp, HOST, server.port(), true);
      tls.startHandshake();
      return probe.upload(tls, tcp, HOST, HOST, "/", bytes, trace, 9, List.of("throughput"));
    }
  }

  private static Transfer uploadPlain(LoopbackServer.Handler handler, long bytes, TransferProbe probe)
      throws IOException {
    try (LoopbackServer server = LoopbackServer.startWithReceiveBuffer(RECEIVE_BUFFER, handler)) {
      Socket tcp = connect(server, SEND_BUFFER);
      return probe.upload(tcp, tcp, null, HOST, "/", bytes, new Trace(), 9, List.of("throughput"));
    }
  }

  private static Socket connect(LoopbackServer server, int sendBuffer) throws IOException {
    Socket socket = new Socket();
    socket.setSendBufferSize(sendBuffer);
    socket.connect(new InetSocketAddress(LoopbackServer.IP, server.port()), 500);
    socket.setSoTimeout(100); // as a handshake may leave it: shorter than any window the probe waits for
    return socket;
  }

  private static List<NetworkEvent> samples(Trace trace) {
    return trace.toTestKeys().networkEvents().stream()
        .filter(e -> e.operation().equals("bytes_sent_cumulative")).toList();
  }
}
