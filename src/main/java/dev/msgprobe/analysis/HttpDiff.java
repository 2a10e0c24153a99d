package dev.msgprobe.analysis;

import dev.msgprobe.evidence.Evidence;
import dev.msgprobe.model.Body;
import dev.msgprobe.model.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * OONI Web Connectivity's response comparison (OONI's ts-017-web-connectivity, v0.4 rules) between the probe's
 * and the control's final cleartext response. Each match is null when it cannot be computed.
 * Unlike OONI, an uncomputable status-code match (control 5xx) is not called a difference.
 */
record HttpDiff(Boolean statusCodeMatch, Double bodyProportion, Boolean bodyLengthMatch, Boolean headersMatch,
    Boolean titleMatch) {

  /** Header names every server sends; left out of the header comparison. */
  private static final Set<String> COMMON_HEADERS = Set.of("date", "content-type", "server", "cache-control",
      "vary", "set-cookie", "location", "expires", "x-powered-by", "content-encoding", "last-modified",
      "accept-ranges", "pragma", "x-frame-options", "etag", "x-content-type-options", "age", "via", "p3p",
      "x-xss-protection", "content-language", "cf-ray", "strict-transport-security", "link", "x-varnish");
  private static final Pattern TITLE = Pattern.compile("(?i)<title>([^<]{1,512})</title>");
  /** body_length_match holds above this proportion. */
  static final double BODY_PROPORTION_THRESHOLD = 0.7;

  static HttpDiff compare(HttpResponse probe, boolean probeTruncated, HttpResponse control) {
    Boolean status = null;
    if (probe.code() > 0 && control.code() > 0) {
      status = probe.code() == control.code() ? Boolean.TRUE : (control.code() / 100 == 5 ? null : Boolean.FALSE);
    }
    long a = length(probe.body());
    long b = length(control.body());
    Double proportion = null;
    Boolean bodyMatch = null;
    if (a > 0 && b > 0 && !probeTruncated) {
      proportion = Math.min(a, b) / (double) Math.max(a, b);
      bodyMatch = proportion > BODY_PROPORTION_THRESHOLD;
    }
    return new HttpDiff(status, proportion, bodyMatch, uncommonHeaders(probe).equals(uncommonHeaders(control)),
        titleMatch(probe.body(), control.body()));
  }

  /** OONI's http-diff: the status codes differ, or they match and nothing else does. */
  boolean differs() {
    if (statusCodeMatch == null) {
      return false;
    }
    return !statusCodeMatch
        || !(Boolean.TRUE.equals(bodyLengthMatch) || Boolean.TRUE.equals(headersMatch) || Boolean.TRUE.equals(titleMatch));
  }

  String describe() {
    return bodyProportion == null
        ? Evidence.sentence("http.diff.keys", statusCodeMatch, bodyLengthMatch, headersMatch, titleMatch)
        : Evidence.sentence("http.diff.keys.proportion", statusCodeMatch, bodyLengthMatch, headersMatch, titleMatch,
            String.format(Locale.ROOT, "%.2f", bodyProportion));
  }

  private static long length(Body body) {
    if (body == null) {
      return 0;
    }
    return body.text() != null ? body.text().getBytes(StandardCharsets.UTF_8).length : body.binary().bytes().length;
  }

  private static Set<String> uncommonHeaders(HttpResponse r) {
    Set<String> names = new TreeSet<>();
    if (r.headersList() != null) {
      for (List<String> kv : r.headersList()) {
        if (!kv.isEmpty()) {
          names.add(kv.get(0).toLowerCase(Locale.ROOT));
        }
      }
    }
    names.removeAll(COMMON_HEADERS);
    return names;
  }

  private static Boolean titleMatch(Body a, Body b) {
    Set<String> x = titleWords(a);
    Set<String> y = titleWords(b);
    if (x == null || y == null) {
      return null;
    }
    return x.equals(y);
  }

  private static Set<String> titleWords(Body body) {
    if (body == null) {
      return null;
    }
    Matcher m = TITLE.matcher(body.asText());
    if (!m.find()) {
      return null;
    }
    return Arrays.stream(m.group(1).split(" ")).filter(w -> w.length() >= 5)
        .map(w -> w.toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(TreeSet::new));
  }
}
