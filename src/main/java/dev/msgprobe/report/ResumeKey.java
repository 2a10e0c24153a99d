package dev.msgprobe.report;

import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.Measurement;
import java.util.Locale;

/**
 * Identifies an endpoint across runs, for {@code --resume}: the endpoint URI ({@code input}), plus
 * {@code "|" + METHOD} when its HTTP method is not GET. The method is read from the measurement's
 * {@code method} annotation, which the engine writes from {@link Endpoint#method()}; a missing,
 * empty or GET method counts as GET. So {@code https://web.whatsapp.com/} and
 * {@code http://149.154.175.50:443/|POST} are keys, and a GET and a POST of the same URI are two
 * endpoints. The service and list are not part of the key: a URI measured once is not measured again
 * because it also appears in another list.
 */
public final class ResumeKey {
  /** The annotation holding the endpoint's HTTP method. */
  public static final String METHOD_ANNOTATION = "method";

  private ResumeKey() {}

  public static String of(Endpoint endpoint) {
    return key(endpoint.url(), endpoint.method());
  }

  public static String of(Measurement measurement) {
    return key(measurement.input(), measurement.annotation(METHOD_ANNOTATION));
  }

  private static String key(String input, String method) {
    if (method == null || method.isBlank() || method.equalsIgnoreCase("GET")) {
      return input;
    }
    return input + "|" + method.trim().toUpperCase(Locale.ROOT);
  }
}
