package dev.msgprobe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.analysis.NetworkContext;
import dev.msgprobe.geo.NetworkOwner;
import dev.msgprobe.model.Confidence;
import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.Method;
import dev.msgprobe.model.Status;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.model.Verdict;
import dev.msgprobe.net.Threads;
import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class CampaignTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
  private final List<Measurement> written = Collections.synchronizedList(new ArrayList<>());
  private final Envelope envelope = new Envelope("rid", CLOCK.instant(), NetworkOwner.UNKNOWN, "10.0.0.1", NetworkOwner.UNKNOWN, "10.0.0.1", "test");

  static Endpoint endpoint(String url, String service) {
    String host = url.replaceFirst("^[a-z]+://", "").replaceFirst("[:/].*$", "");
    return new Endpoint(url, url.substring(0, url.indexOf(':')), host, 443, "/", "GET", service, "chat",
        service, 1, null, null, null, null, null, false);
  }

  static TestKeys emptyKeys() {
    return new TestKeys("redirect", null, null, null, null, null, null, null, null, null);
  }

  /** Reachable unless the URL contains "bad"; the context says offline when every control is "bad". */
  static class FakeAnalyzer implements Analyzer {
    volatile NetworkContext seen;

    @Override
    public Verdict classify(Endpoint e, TestKeys keys, NetworkContext ctx) {
      seen = ctx;
      return e.url().contains("bad")
          ? Verdict.of(Status.BLOCKED, Method.TCP_TIMEOUT, null, Confidence.MEDIUM, List.of("timed out"))
          : Verdict.reachable(Confidence.HIGH, List.of("worked"));
    }

    @Override
    public NetworkContext networkContext(List<Measurement> controls) {
      boolean any = controls.stream().anyMatch(m -> m.testKeys().verdict().status() == Status.REACHABLE);
      return new NetworkContext(any, any, null);
    }
  }

  @Test
  void controlsAreMeasuredFirstAndDecideTheContextGivenToEndpoints() throws Exception {
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    FakeAnalyzer analyzer = new FakeAnalyzer();
    Campaign c = new Campaign(e -> {
      order.add(e.url());
      return emptyKeys();
    }, analyzer, envelope, written::add, Progress.NONE, 4, CLOCK);

    Campaign.Result r = c.run(List.of(endpoint("https://bad-control/", "control")),
        List.of(endpoint("https://a/", "whatsapp"), endpoint("https://b/", "whatsapp")));

    assertThat(order.get(0)).isEqualTo("https://bad-control/");
    assertThat(r.context().offline()).isTrue();
    assertThat(analyzer.seen.offline()).isTrue();
    assertThat(r.controls()).hasSize(1);
    assertThat(r.measured()).isEqualTo(2);
    assertThat(written).hasSize(3);
    assertThat(written.subList(1, 3)).extracting(Measurement::input).containsExactlyInAnyOrder("https://a/", "https://b/");
    assertThat(written.get(2).testKeys().verdict()).isNotNull();
    assertThat(written.get(0).annotation("service")).isEqualTo("control");
    assertThat(r.cancelled()).isFalse();
  }

  @Test
  void withoutControlsTheContextIsUnknown() throws Exception {
    Campaign c = new Campaign(e -> emptyKeys(), new FakeAnalyzer(), envelope, written::add, Progress.NONE, 2, CLOCK);

    Campaign.Result r = c.run(List.of(), List.of(endpoint("https://a/", "max")));

    assertThat(r.context()).isEqualTo(NetworkContext.UNKNOWN);
    assertThat(written).extracting(Measurement::input).containsExactly("https://a/");
  }

  @Test
  void noMoreThanTwoEndpointsOfOneHostRunAtOnce() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    Campaign c = new Campaign(e -> {
      int now = inFlight.incrementAndGet();
      maxInFlight.accumulateAndGet(now, Math::max);
      try {
        Thread.sleep(30);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
      }
      inFlight.decrementAndGet();
      return emptyKeys();
    }, new FakeAnalyzer(), envelope, written::add, Progress.NONE, 8, CLOCK);
    List<Endpoint> sameHost = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      sameHost.add(endpoint("tcp://149.154.175.50:" + (400 + i), "telegram"));
    }

    c.run(List.of(), sameHost);

    assertThat(maxInFlight.get()).isLessThanOrEqualTo(Campaign.PER_HOST);
    assertThat(written).hasSize(8);
  }

  @Test
  void cancelKeepsFinishedEndpointsAndAbandonsTheOnesInFlight() throws Exception {
    CountDownLatch twoDone = new CountDownLatch(2);
    Campaign[] holder = new Campaign[1];
    Campaign c = new Campaign(e -> {
      if (e.url().contains("slow")) {
        try {
          Thread.sleep(5_000);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
        }
      }
      return emptyKeys();
    }, new FakeAnalyzer(), envelope, m -> {
      written.add(m);
      twoDone.countDown();
    }, Progress.NONE, 4, CLOCK);
    holder[0] = c;
    Thread canceller = new Thread(() -> {
      try {
        twoDone.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException ignored) {
        return;
      }
      holder[0].cancel();
    });
    canceller.start();

    Campaign.Result r = c.run(List.of(), List.of(endpoint("https://a/", "x"), endpoint("https://b/", "x"),
        endpoint("https://slow1/", "x"), endpoint("https://slow2/", "x")));

    assertThat(r.cancelled()).isTrue();
    assertThat(written).extracting(Measurement::input).containsExactlyInAnyOrder("https://a/", "https://b/");
    assertThat(r.measured()).isEqualTo(2);
  }

  @Test
  void measurerThatThrowsOnOneEndpoint_isThatEndpointsInconclusiveVerdict_andTheRunGoesOn() throws Exception {
    Campaign c = new Campaign(e -> {
      if (e.url().contains("boom")) {
        throw new IllegalStateException("head has no status line");
      }
      return emptyKeys();
    }, new FakeAnalyzer(), envelope, written::add, Progress.NONE, 2, CLOCK);

    Campaign.Result r = c.run(List.of(), List.of(endpoint("https://a/", "x"), endpoint("https://boom/", "x"),
        endpoint("https://b/", "x")));

    assertThat(r.measured()).isEqualTo(3);
    Measurement boom = written.stream().filter(m -> m.input().contains("boom")).findFirst().orElseThrow();
    assertThat(boom.testKeys().verdict().status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(boom.testKeys().verdict().evidence()).singleElement().asString()
        .contains("measuring", "IllegalStateException", "head has no status line");
    assertThat(boom.testKeys().failure()).startsWith("unknown_failure: IllegalStateException");
  }

  @Test
  void measurementFaultKeepsWhatWasObservedBeforeIt() throws Exception {
    TestKeys partial = new TestKeys("redirect", "tcp_connect", null, null, List.of(), null, null, null, null, null);
    Campaign c = new Campaign(e -> {
      throw new dev.msgprobe.measure.MeasurementFault(partial, new ArithmeticException("/ by zero"));
    }, new FakeAnalyzer(), envelope, written::add, Progress.NONE, 1, CLOCK);

    c.run(List.of(), List.of(endpoint("https://a/", "x")));

    assertThat(written).singleElement().satisfies(m -> {
      assertThat(m.testKeys().failedOperation()).isEqualTo("tcp_connect");
      assertThat(m.testKeys().failure()).isEqualTo("unknown_failure: ArithmeticException: / by zero");
    });
  }

  @Test
  void analyzerThatThrowsOnOneEndpoint_isThatEndpointsInconclusiveVerdict() throws Exception {
    FakeAnalyzer throwing = new FakeAnalyzer() {
      @Override
      public Verdict classify(Endpoint e, TestKeys keys, NetworkContext ctx) {
        if (e.url().contains("boom")) {
          throw new NullPointerException();
        }
        return super.classify(e, keys, ctx);
      }
    };
    Campaign c = new Campaign(e -> emptyKeys(), throwing, envelope, written::add, Progress.NONE, 1, CLOCK);

    c.run(List.of(), List.of(endpoint("https://boom/", "x"), endpoint("https://a/", "x")));

    assertThat(written).hasSize(2);
    assertThat(written.get(0).testKeys().verdict().status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(written.get(0).testKeys().verdict().evidence().get(0)).contains("classifying", "NullPointerException");
    assertThat(written.get(1).testKeys().verdict().status()).isEqualTo(Status.REACHABLE);
  }

  @Test
  void finishedEndpointsAreNotRetained_onlyTheSinkSawThem() throws Exception {
    List<WeakReference<Measurement>> seen = Collections.synchronizedList(new ArrayList<>());
    Campaign c = new Campaign(e -> emptyKeys(), new FakeAnalyzer(), envelope, m -> seen.add(new WeakReference<>(m)),
        Progress.NONE, 4, CLOCK);
    List<Endpoint> endpoints = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      endpoints.add(endpoint("https://host" + i + "/", "x"));
    }

    Campaign.Result r = c.run(List.of(), endpoints);

    assertThat(r.measured()).isEqualTo(50);
    assertThat(seen).hasSize(50);
    for (int i = 0; i < 20 && seen.stream().anyMatch(ref -> ref.get() != null); i++) {
      System.gc();
      Thread.sleep(10);
    }
    assertThat(seen).allSatisfy(ref -> assertThat(ref.get()).isNull());
    assertThat(c).isNotNull();
  }

  @Test
  void noMoreEndpointsInFlightThanTheParallelism() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    Campaign c = new Campaign(e -> {
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        Thread.sleep(5);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
      }
      inFlight.decrementAndGet();
      return emptyKeys();
    }, new FakeAnalyzer(), envelope, written::add, Progress.NONE, 3, CLOCK);
    List<Endpoint> endpoints = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      endpoints.add(endpoint("https://host" + i + "/", "x"));
    }

    c.run(List.of(), endpoints);

    assertThat(maxInFlight.get()).isBetween(1, 3);
    assertThat(written).hasSize(30);
  }

  @Test
  void endpointsRunOnVirtualThreads_whenTheRuntimeHasThem() throws Exception {
    List<String> madeBy = Collections.synchronizedList(new ArrayList<>());
    Threads.Capability withVirtual = name -> Optional.of(r -> {
      madeBy.add(name);
      Thread t = new Thread(r, "virtual-stand-in");
      t.setDaemon(true);
      return t;
    });
    List<String> ranOn = Collections.synchronizedList(new ArrayList<>());
    Campaign c = new Campaign(e -> {
      ranOn.add(Thread.currentThread().getName());
      return emptyKeys();
    }, new FakeAnalyzer(), envelope, written::add, Progress.NONE, 2, CLOCK, withVirtual);

    c.run(List.of(), List.of(endpoint("https://a/", "x"), endpoint("https://b/", "x")));

    assertThat(ranOn).hasSize(2).containsOnly("virtual-stand-in");
    assertThat(madeBy).isNotEmpty().containsOnly("msgprobe-endpoints");
  }

  @Test
  void endpointsRunOnDaemonPlatformThreads_whenTheRuntimeHasNoVirtualThreads() throws Exception {
    List<Thread> ranOn = Collections.synchronizedList(new ArrayList<>());
    Campaign c = new Campaign(e -> {
      ranOn.add(Thread.currentThread());
      return emptyKeys();
    }, new FakeAnalyzer(), envelope, written::add, Progress.NONE, 2, CLOCK, name -> Optional.empty());

    c.run(List.of(), List.of(endpoint("https://a/", "x")));

    assertThat(ranOn).singleElement().satisfies(t -> {
      assertThat(t.isDaemon()).isTrue();
      assertThat(t.getName()).isEqualTo("msgprobe-endpoints");
    });
  }
}
