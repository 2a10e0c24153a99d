package dev.msgprobe.measure;

import static dev.msgprobe.measure.MeasurerFixture.CA;
import static dev.msgprobe.measure.MeasurerFixture.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.analysis.Classifier;
import dev.msgprobe.analysis.NetworkContext;
import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.Failures;
import dev.msgprobe.model.Method;
import dev.msgprobe.model.Status;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.model.Verdict;
import dev.msgprobe.testing.Handlers;
import dev.msgprobe.testing.LoopbackServer;
import dev.msgprobe.testing.TestCa;
import dev.msgprobe.testing.TestEndpoints;
import dev.msgprobe.testing.TlsFront;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An ordinary https page fetch over loopback, measured and then classified: the server that sends a
 * few KiB and holds the connection open (tcp.stall), the one that answers late (inconclusive), the one
 * that drips (not blocked). No transfer runs, so the page fetch alone decides.
 */
class ResponseArrivalPlansTest {
  private final MeasurerFixture fixture = new MeasurerFixture();

  @Test
  void pageThatFreezesAfter3KiB_isRecordedWithItsBytes_andClassifiedTcpStall() throws Exception {
    Measured m = measure(Handlers.sendThenStall(3 * 1024));

    assertThat(m.keys().requests()).first().satisfies(r -> {
      assertThat(r.failure()).isEqualTo(Failures.GENERIC_TIMEOUT);
      assertThat(r.progress().bodyBytes()).isEqualTo(3 * 1024);
      assertThat(r.progress().lastByteT()).isNotNull();
    });
    assertThat(m.verdict().status()).isEqualTo(Status.BLOCKED);
    assertThat(m.verdict().method()).isEqualTo(Method.TCP_STALL);
  }

  @Test
  void serverThatNeverAnswersTheRequest_isInconclusive() throws Exception {
    Measured m = measure(Handlers.readRequestThenSilent());

    assertThat(m.keys().requests()).first().satisfies(r -> {
      assertThat(r.progress().requestSent()).isTrue();
      assertThat(r.progress().anyByte()).isFalse();
    });
    assertThat(m.verdict().status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(m.verdict().method()).isEqualTo(Method.HTTP_TIMEOUT);
  }

  @Test
  void serverDrippingItsBody_isNotBlocked() throws Exception {
    Measured m = measure(Handlers.paced(100, 1_000_000));

    assertThat(m.keys().requests()).first()
        .satisfies(r -> assertThat(r.failure()).isEqualTo(Failures.STILL_ARRIVING));
    assertThat(m.verdict().status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(m.verdict().method()).isNotEqualTo(Method.TCP_STALL);
  }

  private record Measured(TestKeys keys, Verdict verdict) {}

  private Measured measure(LoopbackServer.Handler page) throws Exception {
    TlsFront front = new TlsFront(TestCa.serverContext(CA.leaf(HOST)), Set.of(), List.of(), page);
    try (LoopbackServer server = LoopbackServer.start(front)) {
      fixture.resolver.answer(HOST, "127.0.0.1");
      Endpoint endpoint = TestEndpoints.of("https://" + HOST + ":" + server.port() + "/");
      TestKeys keys = fixture.measure(endpoint);
      return new Measured(keys, new Classifier().classify(endpoint, keys, NetworkContext.UNKNOWN));
    }
  }
}
