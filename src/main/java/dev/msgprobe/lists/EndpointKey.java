package dev.msgprobe.lists;

import dev.msgprobe.model.Endpoint;

/**
 * What makes two endpoints the same measurement: the URI as parsed (so {@code https://a/} and
 * {@code https://a:443/} are one) and the HTTP method.
 */
record EndpointKey(String scheme, String host, int port, String path, String method) {
  static EndpointKey of(Endpoint e) {
    return new EndpointKey(e.scheme(), e.host(), e.port(), e.path(), e.method());
  }
}
