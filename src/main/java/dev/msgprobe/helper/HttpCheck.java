package dev.msgprobe.helper;

import dev.msgprobe.model.LegacyFailures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Call;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * oohelperd's http.go: a GET of the URL with the probe's {@code User-Agent}, {@code Accept} and
 * {@code Accept-Language} headers, following redirects like Go's client (a cookie jar, at most 10
 * requests: a tenth redirect is a failure), the whole fetch bounded by its budget. The result is the
 * final response's status code, headers (Go's canonical names, first values), body length (counted up
 * to {@value #MAX_BODY} bytes) and title; or {@code -1}s and a legacy failure string.
 */
final class HttpCheck {
  static final long MAX_BODY = 1L << 24;
  /** How much of the body is searched for the title. */
  private static final int TITLE_WINDOW = 1 << 19;
  private static final int MAX_REQUESTS = 10;
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final Set<String> FORWARDED = Set.of("user-agent", "accept", "accept-language");
  /** measurexlite's WebGetTitle. */
  private static final Pattern TITLE = Pattern.compile("(?i)<title>([^<]{1,512})</title>");

  private final OkHttpClient base;
  private final Duration budget;

  /** {@code base} resolves through the helper's resolver, dials through its guarded sockets and follows no redirect itself. */
  HttpCheck(OkHttpClient base, Duration budget) {
    this.base = base;
    this.budget = budget;
  }

  ThResponse.Http fetch(String url, Map<String, List<String>> probeHeaders) {
    HttpUrl current = HttpUrl.parse(url);
    if (current == null) {
      return ThResponse.Http.failed(LegacyFailures.UNKNOWN);
    }
    OkHttpClient client = base.newBuilder().cookieJar(new MemoryCookieJar()).build();
    long deadline = System.nanoTime() + budget.toNanos();
    for (int requests = 1; ; requests++) {
      Request.Builder request = new Request.Builder().url(current).get();
      probeHeaders.forEach((name, values) -> {
        if (name != null && values != null && FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
          values.forEach(value -> request.addHeader(name, value));
        }
      });
      Call call = client.newCall(request.build());
      call.timeout().timeout(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      try (Response response = call.execute()) {
        String location = response.header("Location");
        if (!REDIRECTS.contains(response.code()) || location == null) {
          return read(response);
        }
        current = response.request().url().resolve(location);
        if (current == null || requests == MAX_REQUESTS) {
          return ThResponse.Http.failed(LegacyFailures.UNKNOWN);
        }
      } catch (IOException e) {
        return ThResponse.Http.failed(failureOf(e));
      }
    }
  }

  private static ThResponse.Http read(Response response) {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    long length = 0;
    String failure = null;
    try (InputStream body = response.body().byteStream()) {
      byte[] chunk = new byte[16 * 1024];
      for (int n; length < MAX_BODY && (n = body.read(chunk, 0, (int) Math.min(chunk.length, MAX_BODY - length))) != -1; ) {
        head.write(chunk, 0, (int) Math.min(n, TITLE_WINDOW - head.size()));
        length += n;
      }
    } catch (IOException e) {
      failure = failureOf(e);
    }
    return new ThResponse.Http(length, "", failure, title(head.toString(StandardCharsets.UTF_8)),
        headers(response), response.code());
  }

  private static String failureOf(IOException e) {
    boolean duringLookup = false;
    for (Throwable t = e; t != null; t = t.getCause()) {
      duringLookup |= t instanceof HelperDnsException;
    }
    return LegacyFailures.http(ExceptionFailures.classify(e), duringLookup);
  }

  static String title(String body) {
    Matcher m = TITLE.matcher(body);
    return m.find() ? m.group(1) : "";
  }

  /** The first value of each header under Go's canonical name, sorted by name as Go's JSON encoder does. */
  private static Map<String, String> headers(Response response) {
    Map<String, String> headers = new TreeMap<>();
    Headers received = response.headers();
    for (int i = 0; i < received.size(); i++) {
      headers.putIfAbsent(canonicalName(received.name(i)), received.value(i));
    }
    return headers;
  }

  /** Go's {@code textproto.CanonicalMIMEHeaderKey}: "content-type" becomes "Content-Type"; names with odd characters stay as they are. */
  static String canonicalName(String name) {
    if (name.isEmpty() || !name.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0))) {
      return name;
    }
    StringBuilder out = new StringBuilder(name.length());
    boolean upper = true;
    for (char c : name.toCharArray()) {
      out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
      upper = c == '-';
    }
    return out.toString();
  }

  /** The cookies of one fetch, kept across its redirects only. */
  private static final class MemoryCookieJar implements CookieJar {
    private final List<Cookie> cookies = new ArrayList<>();

    @Override
    public synchronized void saveFromResponse(HttpUrl url, List<Cookie> received) {
      for (Cookie cookie : received) {
        cookies.removeIf(c -> c.name().equals(cookie.name()) && c.domain().equals(cookie.domain())
            && c.path().equals(cookie.path()));
        cookies.add(cookie);
      }
    }

    @Override
    public synchronized List<Cookie> loadForRequest(HttpUrl url) {
      long now = System.currentTimeMillis();
      return cookies.stream().filter(c -> c.expiresAt() > now && c.matches(url)).toList();
    }
  }
}
