package dev.msgprobe.measure;

import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.model.TransferMode;
import dev.msgprobe.net.Trust;
import dev.msgprobe.testing.LoopbackServer;
import dev.msgprobe.testing.StubResolver;
import dev.msgprobe.testing.TestCa;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import mockwebserver3.MockWebServer;

/**
 * One measurer wired for loopback tests: short timeouts, a stub resolver, the test CA trusted, retry
 * delays recorded instead of slept, {@code validate} handshakes sent to {@link #validatePort}.
 */
final class MeasurerFixture {
  static final String HOST = "test.example";
  static final String OTHER = "other.example";
  static final String DECOY = "decoy.example";
  static final Duration TIMEOUT = Duration.ofMillis(500);
  static final Duration RETRY_DELAY = Duration.ofMillis(7);
  static final int BODY_CAP = 4096;
  static final long TRANSFER_BYTES = 64 * 1024;
  static final TestCa CA = new TestCa();
  private static Trust trust;

  final StubResolver resolver = new StubResolver();
  final List<Duration> pauses = new CopyOnWriteArrayList<>();
  Sleeper sleeper = pauses::add;
  int validatePort;
  int maxRedirects = 3;
  Duration timeout = TIMEOUT;

  /** Which endpoints get a transfer; the tests that are not about the selection keep today's marked ones. */
  TransferMode transfers = TransferMode.MARKED;

  MeasurerFixture() {
    Logger.getLogger(MockWebServer.class.getName()).setLevel(Level.OFF);
    try {
      validatePort = LoopbackServer.closedPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  TestKeys measure(Endpoint endpoint) {
    return new EndpointMeasurer(config(), resolver, trust(), sleeper, validatePort).measure(endpoint);
  }

  MeasureConfig config() {
    return new MeasureConfig(new InetSocketAddress(LoopbackServer.IP, 53), List.of(), null, DECOY, timeout,
        RETRY_DELAY, BODY_CAP, TRANSFER_BYTES, null, maxRedirects, transfers);
  }

  static synchronized Trust trust() {
    if (trust == null) {
      try {
        trust = CA.trust(Files.createTempDirectory("msgprobe-ca"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return trust;
  }
}
