package dev.msgprobe.net;

import java.net.Proxy;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * The one OkHttp configuration fit for measuring: no proxy, no automatic redirects (they are followed
 * and recorded by hand), no silent retries or route switching, no Happy-Eyeballs racing, no cache,
 * every operation bounded by {@code timeout}. Callers add their own call deadline, pool, DNS and TLS.
 */
final class MeasurementClients {
  private MeasurementClients() {}

  static OkHttpClient.Builder builder(Duration timeout) {
    return new OkHttpClient.Builder()
        .proxy(Proxy.NO_PROXY)
        .followRedirects(false)
        .followSslRedirects(false)
        .retryOnConnectionFailure(false)
        .fastFallback(false)
        .cache(null)
        .connectTimeout(timeout)
        .readTimeout(timeout)
        .writeTimeout(timeout)
        .callTimeout(timeout);
  }
}
