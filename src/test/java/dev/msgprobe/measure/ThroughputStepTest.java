package dev.msgprobe.measure;

import static dev.msgprobe.measure.MeasurerFixture.CA;
import static dev.msgprobe.measure.MeasurerFixture.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.model.Failures;
import dev.msgprobe.model.TcpConnect;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.model.TlsHandshake;
import dev.msgprobe.model.Transfer;
import dev.msgprobe.model.TransferMode;
import dev.msgprobe.testing.ClientHello;
import dev.msgprobe.testing.Handlers;
import dev.msgprobe.testing.LoopbackServer;
import dev.msgprobe.testing.TestCa;
import dev.msgprobe.testing.TestEndpoints;
import dev.msgprobe.testing.TlsFront;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ThroughputStepTest {
  private final MeasurerFixture fixture = new MeasurerFixture();

  /**
   * The JVM's first TLS handshakes load the JSSE providers, which on a loaded machine takes longer than
   * the fixture's timeout; one throwaway measurement first keeps that out of whichever test runs first.
   */
  @BeforeAll
  static void warmUpTls() throws Exception {
    MeasurerFixture warm = new MeasurerFixture();
    try (LoopbackServer server = LoopbackServer.start(TlsFront.plain(TestCa.serverContext(CA.leaf(HOST))))) {
      warm.resolver.answer(HOST, "127.0.0.1");
      warm.measure(TestEndpoints.of("tls://" + HOST + ":" + server.port()));
    }
  }

  @Test
  void throughputOnTls_freezesAfter16KiB() throws Exception {
    TlsFront front = new TlsFront(TestCa.serverContext(CA.leaf(HOST)), Set.of(), List.of(),
        Handlers.sendThenStall(16 * 1024));
    try (LoopbackServer server = LoopbackServer.start(front)) {
      fixture.resolver.answer(HOST, "127.0.0.1");

      TestKeys keys = fixture.measure(TestEndpoints.withThroughput(TestEndpoints.of("tls://" + HOST + ":" + server.port())));

      assertThat(keys.transfers()).singleElement().satisfies(t -> {
        assertThat(t.stalled()).isTrue();
        assertThat(t.failure()).isEqualTo(Failures.GENERIC_TIMEOUT);
        assertThat(t.bytes()).isGreaterThan(16 * 1024);
        assertThat(t.serverName()).isEqualTo(HOST);
        assertThat(t.tags()).containsExactly("throughput");
      });
      assertThat(keys.tlsHandshakes()).extracting(TlsHandshake::tags).containsExactly(List.of(), List.of("throughput"));
      assertThat(keys.tlsHandshakes().get(1).negotiatedProtocol()).isEmpty();
      assertThat(keys.networkEvents()).filteredOn(e -> e.operation().equals("bytes_received_cumulative"))
          .isNotEmpty().allSatisfy(e -> assertThat(e.tags()).containsExactly("throughput"));
    }
  }

  @Test
  void pacedPlainHttp_completesItsDownloadWithoutStall() throws Exception {
    try (LoopbackServer server = LoopbackServer.start(Handlers.paced(12_500, 12_500))) {
      String url = "http://127.0.0.1:" + server.port() + "/";

      TestKeys keys = fixture.measure(TestEndpoints.withThroughput(TestEndpoints.of(url)));

      assertThat(keys.requests()).singleElement()
          .satisfies(r -> assertThat(r.response().bodyIsTruncated()).isTrue());
      assertThat(keys.transfers()).extracting(Transfer::direction).containsExactly("download", "upload");
      assertThat(keys.transfers().get(0)).satisfies(t -> {
        assertThat(t.failure()).isNull();
        assertThat(t.stalled()).isFalse();
        assertThat(t.bytes()).isGreaterThan(12_500); // the figures themselves: ByteProgressTest, in virtual time
        assertThat(t.serverName()).isNull();
      });
    }
  }

  @Test
  void smallPageThenAnUploadThatFreezes_recordsBothTheUploadStalled() throws Exception {
    try (LoopbackServer server = LoopbackServer.startWithReceiveBuffer(4 * 1024, inTurn(
        TlsFront.plain(TestCa.serverContext(CA.leaf(HOST))),
        overTls(Handlers.httpOk(new byte[2 * 1024])),
        overTls(Handlers.readBodyThenStop(16 * 1024))))) {
      fixture.resolver.answer(HOST, "127.0.0.1");

      TestKeys keys = fixture.measure(TestEndpoints.withThroughput(TestEndpoints.of("tls://" + HOST + ":" + server.port())));

      assertThat(keys.transfers()).extracting(Transfer::direction).containsExactly("download", "upload");
      assertThat(keys.transfers().get(0)).satisfies(t -> {
        assertThat(t.failure()).isNull();
        assertThat(t.stalled()).isFalse();
      });
      assertThat(keys.transfers().get(1)).satisfies(t -> {
        assertThat(t.stalled()).isTrue();
        assertThat(t.failure()).isEqualTo(Failures.GENERIC_TIMEOUT);
        assertThat(t.bytes()).isBetween(1024L, 32 * 1024L);
        assertThat(t.targetBytes()).isEqualTo(MeasurerFixture.TRANSFER_BYTES);
        assertThat(t.serverName()).isEqualTo(HOST);
        assertThat(t.tags()).containsExactly("throughput");
      });
      assertThat(keys.tlsHandshakes()).extracting(TlsHandshake::tags)
          .containsExactly(List.of(), List.of("throughput"), List.of("throughput"));
      assertThat(keys.networkEvents()).filteredOn(e -> e.operation().equals("bytes_sent_cumulative"))
          .isNotEmpty().allSatisfy(e -> {
            assertThat(e.tags()).containsExactly("throughput");
            assertThat(e.transactionId()).isEqualTo(keys.transfers().get(1).transactionId());
          });
    }
  }

  @Test
  void uploadTheServerReadsAndAnswers_isOk() throws Exception {
    try (LoopbackServer server = LoopbackServer.start(inTurn(
        TlsFront.plain(TestCa.serverContext(CA.leaf(HOST))),
        overTls(Handlers.httpOk(new byte[512])),
        overTls(Handlers.readBodyThenOk())))) {
      fixture.resolver.answer(HOST, "127.0.0.1");

      TestKeys keys = fixture.measure(TestEndpoints.withThroughput(TestEndpoints.of("tls://" + HOST + ":" + server.port())));

      assertThat(keys.transfers()).extracting(Transfer::direction).containsExactly("download", "upload");
      assertThat(keys.transfers()).extracting(Transfer::failure).containsOnlyNulls();
      assertThat(keys.transfers().get(1).stalled()).isFalse();
    }
  }

  @Test
  void downloadThatMoved64KiB_isStillFollowedByAnUpload_forTheUploadBaseline() throws Exception {
    try (LoopbackServer server = LoopbackServer.start(Handlers.httpOk(new byte[128 * 1024]))) {
      String url = "http://127.0.0.1:" + server.port() + "/";

      TestKeys keys = fixture.measure(TestEndpoints.withThroughput(TestEndpoints.of(url)));

      assertThat(keys.transfers()).extracting(Transfer::direction).containsExactly("download", "upload");
      assertThat(keys.transfers().get(0).failure()).isNull();
      assertThat(keys.transfers().get(0).bytes()).isGreaterThanOrEqualTo(64 * 1024);
    }
  }

  @Test
  void downloadThatStalled_needsNoUpload() throws Exception {
    try (LoopbackServer server = LoopbackServer.start(Handlers.sendThenStall(16 * 1024))) {
      String url = "http://127.0.0.1:" + server.port() + "/";

      TestKeys keys = fixture.measure(TestEndpoints.withThroughput(TestEndpoints.of(url)));

      assertThat(keys.transfers()).singleElement().satisfies(t -> {
        assertThat(t.direction()).isEqualTo("download");
        assertThat(t.stalled()).isTrue();
      });
    }
  }

  @Test
  void handshakeOfTheTransferConnectionReset_isATransferThatNeverStarted() throws Exception {
    TlsFront front = TlsFront.plain(TestCa.serverContext(CA.leaf(HOST)));
    AtomicInteger connections = new AtomicInteger();
    LoopbackServer.Handler firstConnectionOnly = socket -> {
      if (connections.incrementAndGet() == 1) {
        front.handle(socket);
      } else {
        ClientHello.read(socket.getInputStream());
        Handlers.reset(socket);
      }
    };
    try (LoopbackServer server = LoopbackServer.start(firstConnectionOnly)) {
      fixture.resolver.answer(HOST, "127.0.0.1");

      TestKeys keys = fixture.measure(TestEndpoints.withThroughput(TestEndpoints.of("tls://" + HOST + ":" + server.port())));

      assertThat(keys.transfers()).singleElement().satisfies(t -> {
        assertThat(t.failure()).isEqualTo(Failures.CONNECTION_RESET);
        assertThat(t.bytes()).isZero();
        assertThat(t.stalled()).isFalse();
        assertThat(t.serverName()).isEqualTo(HOST);
        assertThat(t.tags()).containsExactly("throughput");
      });
    }
  }

  /** The i-th connection goes to the i-th handler; any later one to the last. */
  private static LoopbackServer.Handler inTurn(LoopbackServer.Handler... handlers) {
    AtomicInteger connections = new AtomicInteger();
    return socket -> handlers[Math.min(connections.getAndIncrement(), handlers.length - 1)].handle(socket);
  }

  private static LoopbackServer.Handler overTls(LoopbackServer.Handler then) {
    return new TlsFront(TestCa.serverContext(CA.leaf(HOST)), Set.of(), List.of(), then);
  }

  @Test
  void tcpEndpoint_hasNothingToDownload() throws Exception {
    try (LoopbackServer server = LoopbackServer.start(Handlers.httpOk(new byte[1024]))) {
      TestKeys keys = fixture.measure(TestEndpoints.withThroughput(TestEndpoints.of("tcp://127.0.0.1:" + server.port())));

      assertThat(keys.transfers()).isEmpty();
      assertThat(keys.tcpConnect()).extracting(TcpConnect::tags).containsExactly(List.of());
    }
  }

  @Test
  void endpointWithoutThroughput_hasNoTransfer() throws Exception {
    try (LoopbackServer server = LoopbackServer.start(TlsFront.plain(TestCa.serverContext(CA.leaf(HOST))))) {
      fixture.resolver.answer(HOST, "127.0.0.1");

      TestKeys keys = fixture.measure(TestEndpoints.of("tls://" + HOST + ":" + server.port()));

      assertThat(keys.transfers()).isEmpty();
      assertThat(keys.tlsHandshakes()).extracting(TlsHandshake::tags).containsExactly(List.of());
    }
  }

  @Test
  void transferAll_unmarkedHttpsEndpoint_getsOnlyAnUploadOfAtLeast64KiB() throws Exception {
    fixture.transfers = TransferMode.ALL;
    try (LoopbackServer server = LoopbackServer.start(inTurn(
        overTls(Handlers.httpOk(new byte[512])),
        overTls(Handlers.readBodyThenOk())))) {
      fixture.resolver.answer(HOST, "127.0.0.1");

      TestKeys keys = fixture.measure(TestEndpoints.of("https://" + HOST + ":" + server.port() + "/"));

      assertThat(keys.transfers()).singleElement().satisfies(t -> {
        assertThat(t.direction()).isEqualTo("upload");
        assertThat(t.failure()).isNull();
        assertThat(t.stalled()).isFalse();
        assertThat(t.targetBytes()).isGreaterThanOrEqualTo(64 * 1024L);
        assertThat(t.serverName()).isEqualTo(HOST);
      });
    }
  }

  @Test
  void transferAll_unmarkedDcPostThatFreezes_recordsTheUploadStalled() throws Exception {
    fixture.transfers = TransferMode.ALL;
    try (LoopbackServer server = LoopbackServer.startWithReceiveBuffer(4 * 1024, inTurn(
        Handlers.httpOk(new byte[64]),
        Handlers.readBodyThenStop(16 * 1024)))) {
      String url = "http://127.0.0.1:" + server.port() + "/";

      TestKeys keys = fixture.measure(TestEndpoints.withMethod(TestEndpoints.of(url), "POST"));

      assertThat(keys.transfers()).singleElement().satisfies(t -> {
        assertThat(t.direction()).isEqualTo("upload");
        assertThat(t.stalled()).isTrue();
        assertThat(t.bytes()).isBetween(1024L, 32 * 1024L);
      });
    }
  }

  @Test
  void transferNone_markedEndpoint_hasNoTransfer() throws Exception {
    fixture.transfers = TransferMode.NONE;
    try (LoopbackServer server = LoopbackServer.start(Handlers.httpOk(new byte[128 * 1024]))) {
      String url = "http://127.0.0.1:" + server.port() + "/";

      TestKeys keys = fixture.measure(TestEndpoints.withThroughput(TestEndpoints.of(url)));

      assertThat(keys.transfers()).isEmpty();
    }
  }
}
