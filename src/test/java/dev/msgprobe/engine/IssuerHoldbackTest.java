package dev.msgprobe.engine;

import static dev.msgprobe.engine.CampaignTest.emptyKeys;
import static dev.msgprobe.engine.CampaignTest.endpoint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.analysis.NetworkContext;
import dev.msgprobe.analysis.SharedIssuers;
import dev.msgprobe.geo.NetworkOwner;
import dev.msgprobe.model.BinaryData;
import dev.msgprobe.model.Confidence;
import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.Failures;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.Method;
import dev.msgprobe.model.Status;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.model.TlsHandshake;
import dev.msgprobe.model.Verdict;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The campaign's cross-endpoint pass: endpoints whose certificate came from an unknown issuer wait for
 * the end of the run, then are judged with what the whole run saw, and are written exactly once, also
 * when the run is cancelled.
 */
@Timeout(10)
class IssuerHoldbackTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-08T03:00:00Z"), ZoneOffset.UTC);
  private static final HeldCertificate CA = new HeldCertificate.Builder().certificateAuthority(0)
      .commonName("Throwaway CA").build();
  private final List<Measurement> written = Collections.synchronizedList(new ArrayList<>());
  private final Envelope envelope = new Envelope("rid", CLOCK.instant(), NetworkOwner.UNKNOWN, "10.0.0.1",
      NetworkOwner.UNKNOWN, "10.0.0.1", "test");

  /** Down alone; blocked when told of a shared issuer for its keys. */
  private static final class IssuerAwareAnalyzer extends CampaignTest.FakeAnalyzer {
    @Override
    public Verdict classify(Endpoint e, TestKeys keys, NetworkContext ctx) {
      return SharedIssuers.hasUnknownIssuer(e.host(), keys)
          ? Verdict.of(Status.DOWN, Method.TLS_CERT_INVALID, null, Confidence.MEDIUM, List.of("alone"))
          : super.classify(e, keys, ctx);
    }

    @Override
    public Verdict classify(Endpoint e, TestKeys keys, NetworkContext ctx, SharedIssuers shared) {
      return shared == SharedIssuers.NONE ? classify(e, keys, ctx)
          : Verdict.of(Status.BLOCKED, Method.TLS_CERT_INVALID, null, Confidence.MEDIUM, List.of("with the run"));
    }
  }

  @Test
  void unknownIssuerEndpoint_isWrittenOnceAfterTheOthers_judgedWithTheWholeRun() throws Exception {
    Campaign c = new Campaign(e -> e.host().startsWith("mitm") ? untrusted(e.host()) : emptyKeys(),
        new IssuerAwareAnalyzer(), envelope, written::add, Progress.NONE, 1, CLOCK);

    Campaign.Result result = c.run(List.of(), List.of(endpoint("tls://mitm.example", "s"),
        endpoint("tls://fine.example", "s")));

    assertThat(written).extracting(Measurement::input).containsExactly("tls://fine.example", "tls://mitm.example");
    assertThat(written.get(1).testKeys().verdict().evidence()).containsExactly("with the run");
    assertThat(result.measured()).isEqualTo(2);
  }

  @Test
  void cancelledRun_stillWritesItsHeldBackEndpoints_andNothingTwice() throws Exception {
    AtomicReference<Campaign> campaign = new AtomicReference<>();
    Campaign c = new Campaign(e -> {
      if (e.host().startsWith("cancel")) {
        campaign.get().cancel();
        return emptyKeys();
      }
      return untrusted(e.host());
    }, new IssuerAwareAnalyzer(), envelope, written::add, Progress.NONE, 1, CLOCK);
    campaign.set(c);

    Campaign.Result result = c.run(List.of(), List.of(endpoint("tls://mitm.example", "s"),
        endpoint("tls://cancel.example", "s"), endpoint("tls://never.example", "s")));

    assertThat(result.cancelled()).isTrue();
    assertThat(written).extracting(Measurement::input).containsExactly("tls://mitm.example");
  }

  /** Keys whose main handshake was refused for an unknown issuer, the chain recorded. */
  private static TestKeys untrusted(String host) {
    HeldCertificate leaf = new HeldCertificate.Builder().commonName(host).signedBy(CA).build();
    byte[] der;
    try {
      der = leaf.certificate().getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
    TlsHandshake h = new TlsHandshake("tcp", "192.0.2.7:443", null, Failures.SSL_UNKNOWN_AUTHORITY, null, false,
        List.of(BinaryData.of(der)), host, 0.1, 0.2, List.of(), null, 1);
    return new TestKeys("redirect", null, null, null, null, List.of(h), null, null, null, null);
  }
}
