package dev.msgprobe.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Locale;

/**
 * One endpoint to measure, as loaded from a test list. {@code url} is the URI exactly as written in
 * the list (it becomes the measurement's {@code input}); {@code scheme} is one of https, http, tls, tcp,
 * wss, dns; {@code port} is explicit or the scheme's default (dns: 53); {@code path} is "/" when the URI
 * has none. {@code list} names the list it came from ({@code whatsapp}, or a file name without
 * extension); {@code line} is its line in that file (0 for a URI given on the command line).
 * {@code throughput} marks endpoints that also get the throughput and stall transfer.
 */
public record Endpoint(
    String url,
    String scheme,
    String host,
    int port,
    String path,
    String method,
    String service,
    String function,
    String list,
    int line,
    String categoryCode,
    String categoryDescription,
    String dateAdded,
    String source,
    String notes,
    boolean throughput) {

  /** True when the host is an IPv4 or IPv6 literal (no DNS step). */
  @JsonIgnore
  public boolean hostIsAddress() {
    return host.indexOf(':') >= 0 || host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
  }

  /** True for schemes that run a TLS handshake. */
  @JsonIgnore
  public boolean usesTls() {
    String s = scheme.toLowerCase(Locale.ROOT);
    return s.equals("https") || s.equals("tls") || s.equals("wss");
  }

  /** {@code host:port}, with brackets around an IPv6 host. */
  @JsonIgnore
  public String authority() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  /** This endpoint with another HTTP method. */
  public Endpoint withMethod(String method) {
    return new Endpoint(url, scheme, host, port, path, method, service, function, list, line, categoryCode,
        categoryDescription, dateAdded, source, notes, throughput);
  }

  /** This endpoint of another service. */
  public Endpoint withService(String service) {
    return new Endpoint(url, scheme, host, port, path, method, service, function, list, line, categoryCode,
        categoryDescription, dateAdded, source, notes, throughput);
  }

  /** This endpoint with another function. */
  public Endpoint withFunction(String function) {
    return new Endpoint(url, scheme, host, port, path, method, service, function, list, line, categoryCode,
        categoryDescription, dateAdded, source, notes, throughput);
  }

  /** This endpoint from another list. */
  public Endpoint withList(String list) {
    return new Endpoint(url, scheme, host, port, path, method, service, function, list, line, categoryCode,
        categoryDescription, dateAdded, source, notes, throughput);
  }

  /** This endpoint in another category. */
  public Endpoint withCategoryCode(String categoryCode) {
    return new Endpoint(url, scheme, host, port, path, method, service, function, list, line, categoryCode,
        categoryDescription, dateAdded, source, notes, throughput);
  }

  /** This endpoint from another source. */
  public Endpoint withSource(String source) {
    return new Endpoint(url, scheme, host, port, path, method, service, function, list, line, categoryCode,
        categoryDescription, dateAdded, source, notes, throughput);
  }

  /** This endpoint with throughput measured or not. */
  public Endpoint withThroughput(boolean throughput) {
    return new Endpoint(url, scheme, host, port, path, method, service, function, list, line, categoryCode,
        categoryDescription, dateAdded, source, notes, throughput);
  }

  /** This endpoint's URI, list and line with the method and description (service, function, category, date, source, notes, throughput) of {@code known}. */
  public Endpoint describedAs(Endpoint known) {
    return new Endpoint(url, scheme, host, port, path, known.method(), known.service(), known.function(), list, line,
        known.categoryCode(), known.categoryDescription(), known.dateAdded(), known.source(), known.notes(),
        known.throughput());
  }
}
