package dev.msgprobe.measure;

import static dev.msgprobe.measure.MeasurerFixture.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.helper.ControlServer;
import dev.msgprobe.helper.HelperConfig;
import dev.msgprobe.model.Tags;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.net.Trust;
import dev.msgprobe.testing.FakeDnsServer;
import dev.msgprobe.testing.FakeDnsZone;
import dev.msgprobe.testing.Handlers;
import dev.msgprobe.testing.LoopbackServer;
import dev.msgprobe.testing.TestEndpoints;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * With a control vantage the control step runs while the plan does; whichever is faster, the report
 * lists the same entries in the same order under the same transaction ids.
 */
@Timeout(60)
class ControlVantageOrderTest {
  private static final int RUNS = 15;

  private static FakeDnsServer helperDns;
  private static ControlServer helper;
  private static LoopbackServer open;

  @BeforeAll
  static void start() throws IOException {
    helperDns = FakeDnsServer.start(new FakeDnsZone().answer(HOST, "127.0.0.1", "127.0.0.2"));
    helper = ControlServer.start(new HelperConfig(new InetSocketAddress("127.0.0.1", 0), helperDns.address(),
        Trust.of(List.of()), Duration.ofSeconds(1), true, null, 4, HelperConfig.DEFAULT_MAX_REQUEST_BYTES));
    open = LoopbackServer.start(Handlers.httpOk("ok".getBytes(StandardCharsets.US_ASCII)));
  }

  @AfterAll
  static void stop() {
    helper.close();
    helperDns.close();
    open.close();
  }

  @Test
  void controlVantage_givesTheSameIdsAndOrderWhateverFinishesFirst() {
    Random random = new Random(7);
    List<List<String>> layouts = new ArrayList<>();
    for (int run = 0; run < RUNS; run++) {
      long delayNanos = Duration.ofMillis(random.nextInt(40)).toNanos();
      MeasurerFixture fixture = new MeasurerFixture();
      fixture.resolver.answer(HOST, "127.0.0.1", "127.0.0.2");
      HostResolver late = (host, trace) -> {
        LockSupport.parkNanos(delayNanos); // sometimes the helper answers first, sometimes the plan ends first
        return fixture.resolver.resolve(host, trace);
      };
      ControlStep control = new ControlStep(helperUrl(), Duration.ofSeconds(5), Trust.jdkDefault(), null);
      EndpointMeasurer measurer = new EndpointMeasurer(fixture.config(), late, MeasurerFixture.trust(), fixture.sleeper,
          fixture.validatePort, control);

      layouts.add(layout(measurer.measure(TestEndpoints.of("tcp://" + HOST + ":" + open.port()))));
    }

    assertThat(layouts.get(0)).anyMatch(entry -> entry.contains(Tags.CONTROL));
    assertThat(layouts.get(0)).anyMatch(entry -> !entry.contains(Tags.CONTROL));
    assertThat(layouts).allSatisfy(layout -> assertThat(layout).containsExactlyElementsOf(layouts.get(0)));
  }

  @Test
  void controlEntries_followTheProbesOwnUnderTheIdsAfterTheirs() {
    MeasurerFixture fixture = new MeasurerFixture();
    fixture.resolver.answer(HOST, "127.0.0.1");
    ControlStep control = new ControlStep(helperUrl(), Duration.ofSeconds(5), Trust.jdkDefault(), null);
    EndpointMeasurer measurer = new EndpointMeasurer(fixture.config(), fixture.resolver, MeasurerFixture.trust(),
        fixture.sleeper, fixture.validatePort, control);

    TestKeys keys = measurer.measure(TestEndpoints.of("tcp://" + HOST + ":" + open.port()));

    assertThat(keys.tcpConnect()).extracting(c -> c.tags().contains(Tags.CONTROL)).containsExactly(false, true, true);
    long lastProbeId = Math.max(keys.queries().get(0).transactionId(), keys.tcpConnect().get(0).transactionId());
    assertThat(keys.queries().get(1).tags()).contains(Tags.CONTROL);
    assertThat(keys.queries().get(1).transactionId()).isEqualTo(lastProbeId + 1);
    assertThat(keys.tcpConnect().subList(1, 3)).extracting(c -> c.transactionId())
        .containsExactly(lastProbeId + 2, lastProbeId + 3);
  }

  private static String helperUrl() {
    return helper.url();
  }

  /** Every entry as kind, tags, target and transaction id, in report order. */
  private static List<String> layout(TestKeys keys) {
    return Stream.of(
        keys.queries().stream().map(q -> "dns " + q.tags() + " " + q.engine() + " " + q.transactionId()),
        keys.tcpConnect().stream().map(c -> "tcp " + c.tags() + " " + c.ip() + " " + c.failure() + " " + c.transactionId()),
        keys.tlsHandshakes().stream().map(h -> "tls " + h.tags() + " " + h.address() + " " + h.transactionId()),
        keys.requests().stream().map(r -> "http " + r.tags() + " " + r.request().url() + " " + r.transactionId()),
        keys.networkEvents().stream().map(e -> "event " + e.tags() + " " + e.operation() + " " + e.transactionId()))
        .flatMap(s -> s).toList();
  }
}
