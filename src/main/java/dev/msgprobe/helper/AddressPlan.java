package dev.msgprobe.helper;

import dev.msgprobe.net.IpEndpoint;
import dev.msgprobe.helper.ThResponse.IpInfo;
import dev.msgprobe.net.Bogons;
import dev.msgprobe.net.IpLiterals;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Which addresses and endpoints the helper measures, as oohelperd's ipinfo.go decides: every
 * address the probe connected to or the helper resolved gets an {@code ip_info} entry; every one the
 * helper may connect to is measured on the URL's port, or 443 for https, or 80 and 443 for http,
 * with a TLS handshake on 443 (and, beyond oohelperd, on the explicit port of an https URL, so that
 * a TLS service on another port gets its handshake measured). Endpoints are in string order, at most
 * {@value #MAX_ENDPOINTS}.
 */
final class AddressPlan {
  static final int MAX_ENDPOINTS = 32;

  private AddressPlan() {}

  /** One endpoint to measure: {@code address} is the IP, {@code endpoint} is {@code ip:port}. */
  record Target(String address, String endpoint, int port, boolean tls) {}

  /** {@code ip_info} for the probe's {@code ip:port} endpoints and the helper's resolved addresses. */
  static Map<String, IpInfo> ipInfo(Collection<String> probeEndpoints, Collection<String> helperAddresses) {
    Map<String, IpInfo> info = new TreeMap<>();
    for (String endpoint : probeEndpoints) {
      String ip = IpEndpoint.hostOf(endpoint);
      if (ip != null && IpLiterals.isLiteral(ip)) {
        info.merge(ip, new IpInfo(0, IpInfo.FLAG_RESOLVED_BY_PROBE), AddressPlan::union);
      }
    }
    for (String ip : helperAddresses) {
      if (IpLiterals.isLiteral(ip)) {
        info.merge(ip, new IpInfo(0, IpInfo.FLAG_RESOLVED_BY_HELPER), AddressPlan::union);
      }
    }
    info.replaceAll((ip, i) -> Bogons.isBogon(ip) ? i.with(IpInfo.FLAG_BOGON) : i);
    return info;
  }

  /** The endpoints to measure for {@code url} among the addresses of {@code ipInfo} that {@code allowed} lets through. */
  static List<Target> endpoints(TargetUrl url, Map<String, IpInfo> ipInfo, Predicate<String> allowed) {
    List<String> ports = ports(url);
    List<Target> targets = new ArrayList<>();
    for (String ip : ipInfo.keySet()) {
      if (!allowed.test(ip)) {
        continue;
      }
      for (String port : ports) {
        boolean tls = port.equals("443") || url.scheme().equals("https") && port.equals(url.explicitPort());
        targets.add(new Target(ip, IpEndpoint.join(ip, port), Integer.parseInt(port), tls));
      }
    }
    targets.sort((a, b) -> a.endpoint().compareTo(b.endpoint()));
    return targets.size() > MAX_ENDPOINTS ? List.copyOf(targets.subList(0, MAX_ENDPOINTS)) : targets;
  }

  private static List<String> ports(TargetUrl url) {
    if (url.explicitPort() != null) {
      return List.of(url.explicitPort());
    }
    return switch (url.scheme()) {
      case "https" -> List.of("443");
      case "http" -> List.of("80", "443");
      default -> List.of();
    };
  }

  private static IpInfo union(IpInfo a, IpInfo b) {
    return a.with(b.flags());
  }
}
