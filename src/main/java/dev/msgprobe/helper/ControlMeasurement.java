package dev.msgprobe.helper;

import dev.msgprobe.model.LegacyFailures;
import dev.msgprobe.helper.AddressPlan.Target;
import dev.msgprobe.helper.ThResponse.IpInfo;
import dev.msgprobe.model.Failures;
import dev.msgprobe.net.Bogons;
import dev.msgprobe.net.IpLiterals;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * oohelperd's measure.go: resolve the URL's host (unless it is an IP), plan the endpoints from the
 * probe's and the helper's addresses, then measure every endpoint (TCP, TLS) and fetch the URL side
 * by side, and assemble the reply, marking an address valid for the domain when a TLS handshake to it
 * succeeded. Thread-safe; one instance serves every request.
 */
final class ControlMeasurement {
  private final HelperResolver resolver;
  private final GuardedSocketFactory sockets;
  private final TcpTlsCheck tcpTls;
  private final HttpCheck http;
  private final ExecutorService executor;

  ControlMeasurement(HelperConfig config, ExecutorService executor) {
    this.executor = executor;
    this.resolver = new HelperResolver(config.resolver(), config.timeout(), executor);
    this.sockets = new GuardedSocketFactory(config.allowPrivate());
    this.tcpTls = new TcpTlsCheck(sockets, config.trust(), config.timeout());
    OkHttpClient client = new OkHttpClient.Builder()
        .dns(host -> addresses(host, config.allowPrivate()))
        .socketFactory(sockets)
        .sslSocketFactory(config.trust().sslContext().getSocketFactory(), config.trust().trustManager())
        .connectionPool(new okhttp3.ConnectionPool(0, 1, TimeUnit.SECONDS))
        .followRedirects(false)
        .followSslRedirects(false)
        .connectTimeout(config.timeout())
        .readTimeout(config.timeout())
        .writeTimeout(config.timeout())
        .build();
    this.http = new HttpCheck(client, config.timeout().multipliedBy(2));
  }

  /** @throws IllegalArgumentException when the request's URL cannot be parsed (a bad request) */
  ThResponse measure(ThRequest request) throws InterruptedException {
    TargetUrl url = TargetUrl.parse(request.httpRequest());
    ThResponse.Dns dns = new ThResponse.Dns(null, List.of());
    if (!IpLiterals.isLiteral(url.host())) {
      HelperResolver.Lookup lookup = resolver.lookup(url.host());
      dns = new ThResponse.Dns(LegacyFailures.dns(lookup.failure()), lookup.addresses());
    }
    Map<String, IpInfo> ipInfo = AddressPlan.ipInfo(request.tcpConnect(), dns.addrs());
    List<Future<TcpTlsCheck.Result>> endpoints = new ArrayList<>();
    for (Target target : AddressPlan.endpoints(url, ipInfo, sockets::allows)) {
      endpoints.add(executor.submit(() -> tcpTls.run(target, url.host())));
    }
    Future<ThResponse.Http> fetch = executor.submit(() -> http.fetch(url.url(), request.httpRequestHeaders()));

    Map<String, ThResponse.Tcp> tcp = new TreeMap<>();
    Map<String, ThResponse.Tls> tls = new TreeMap<>();
    try {
      for (Future<TcpTlsCheck.Result> future : endpoints) {
        TcpTlsCheck.Result result = future.get();
        tcp.put(result.target().endpoint(), result.tcp());
        if (result.tls() != null) {
          tls.put(result.target().endpoint(), result.tls());
          if (result.tls().status()) {
            ipInfo.computeIfPresent(result.target().address(), (ip, info) -> info.with(IpInfo.FLAG_VALID_FOR_DOMAIN));
          }
        }
      }
      return new ThResponse(tcp, tls, Map.of(), fetch.get(), null, dns, ipInfo);
    } catch (InterruptedException e) {
      endpoints.forEach(f -> f.cancel(true));
      fetch.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      throw new IllegalStateException("a control step failed unexpectedly", e.getCause());
    }
  }

  /** OkHttp's lookup through the helper's resolver; any bogon answer fails it (netxlite's bogon resolver) unless allowed. */
  private List<InetAddress> addresses(String host, boolean allowPrivate) throws UnknownHostException {
    HelperResolver.Lookup lookup = resolver.lookup(host);
    if (lookup.failure() != null) {
      throw new HelperDnsException(host, lookup.failure());
    }
    if (!allowPrivate && lookup.addresses().stream().anyMatch(Bogons::isBogon)) {
      throw new HelperDnsException(host, Failures.DNS_BOGON);
    }
    List<InetAddress> addresses = new ArrayList<>();
    for (String ip : lookup.addresses()) {
      addresses.add(IpLiterals.parse(ip));
    }
    return addresses;
  }
}
