package dev.msgprobe.net;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import okhttp3.Headers;

/** OONI's default measurement headers (probe-cli internal/model/http.go) and the archival forms of header lists. */
public final class MeasurementHeaders {
  public static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
  public static final String ACCEPT_LANGUAGE = "en-US,en;q=0.9";
  public static final String USER_AGENT = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15"
      + " (KHTML, like Gecko) Version/17.10 Safari/605.1.1";

  private MeasurementHeaders() {}

  /** {@code headers_list}: every header as a {@code [name, value]} pair, in order. */
  public static List<List<String>> list(Headers headers) {
    return IntStream.range(0, headers.size()).mapToObj(i -> List.of(headers.name(i), headers.value(i))).toList();
  }

  /** {@code headers}: the first value of each name, in order of first appearance. */
  public static Map<String, String> firstValues(List<List<String>> list) {
    Map<String, String> first = new LinkedHashMap<>();
    for (List<String> kv : list) {
      first.putIfAbsent(kv.get(0), kv.get(1));
    }
    return first;
  }
}
