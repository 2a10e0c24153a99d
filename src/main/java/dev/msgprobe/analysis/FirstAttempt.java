package dev.msgprobe.analysis;

import dev.msgprobe.net.IpLiterals;
import dev.msgprobe.model.DnsQuery;
import dev.msgprobe.model.Failures;
import dev.msgprobe.model.HttpTransaction;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.Tags;
import dev.msgprobe.model.TcpConnect;
import dev.msgprobe.model.TlsHandshake;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * A measurement seen as OONI's urlgetter would have seen it: the system resolver only, one attempt per
 * step, no retries, no trusted addresses, no differential steps. {@link #failure()} is the first
 * failure along DNS, TCP connect, TLS and HTTP (null when the target worked; HTTP status ignored);
 * {@link #connected()} says whether a TCP connect succeeded (OONI's {@code failed_operation != connect}).
 */
final class FirstAttempt {
  private final Observations o;
  private final String scheme;
  private final boolean ipHost;

  FirstAttempt(Measurement m) {
    URI uri = URI.create(m.input());
    this.scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? "" : uri.getHost();
    this.ipHost = IpLiterals.isLiteral(host);
    this.o = new Observations(m.testKeys(), host);
  }

  boolean connected() {
    return connects().stream().anyMatch(c -> c.failure() == null);
  }

  String failure() {
    if (!ipHost) {
      String dns = dnsFailure();
      if (dns != null) {
        return dns;
      }
    }
    List<TcpConnect> connects = connects();
    if (connects.isEmpty()) {
      return Failures.UNKNOWN;
    }
    if (connects.stream().noneMatch(c -> c.failure() == null)) {
      return connects.get(0).failure();
    }
    if (scheme.equals("tcp")) {
      return null;
    }
    if (scheme.equals("https") || scheme.equals("tls") || scheme.equals("wss")) {
      List<TlsHandshake> hs = o.handshakes(AttemptRole.MAIN).stream().filter(h -> !h.hasTag(Tags.TRUSTED_ADDRESS)).toList();
      if (hs.isEmpty()) {
        return Failures.UNKNOWN;
      }
      if (hs.get(0).failure() != null || scheme.equals("tls")) {
        return hs.get(0).failure();
      }
    }
    List<HttpTransaction> rs = o.requests(AttemptRole.MAIN).stream().filter(r -> !r.hasTag(Tags.TRUSTED_ADDRESS)).toList();
    return rs.isEmpty() ? Failures.UNKNOWN : rs.get(0).failure();
  }

  private String dnsFailure() {
    List<DnsQuery> system = o.system();
    if (system.isEmpty()) {
      return Failures.UNKNOWN;
    }
    DnsAnswerSet answer = DnsAnswerSet.of(system);
    if (!answer.answered()) {
      return answer.failure() == null ? Failures.UNKNOWN : answer.failure();
    }
    return answer.usable().isEmpty() ? Failures.DNS_BOGON : null;
  }

  private List<TcpConnect> connects() {
    return o.connects(AttemptRole.MAIN).stream().filter(c -> !c.hasTag(Tags.TRUSTED_ADDRESS)).toList();
  }
}
