package dev.msgprobe.lists;

import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.Scheme;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Builds an {@link Endpoint} from the columns of one list entry, checking every column and
 * reporting each problem (without the {@code FILE:LINE:} prefix). Defaults: {@code service} = the
 * list's name, {@code function} = {@value #DEFAULT_FUNCTION}, {@code method} = GET for http, https
 * and wss (null for the other schemes, which send no HTTP request), {@code throughput} = no.
 */
final class EndpointBuilder {
  static final String DEFAULT_FUNCTION = "other";

  /** RFC 9110 token: what an HTTP method may be made of. */
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  private EndpointBuilder() {}

  /**
   * Returns the endpoint, or null when a column is wrong; {@code columns} maps column names to
   * trimmed values (absent columns are simply missing).
   */
  static Endpoint build(Map<String, String> columns, String list, int line, Consumer<String> problems) {
    List<String> found = new ArrayList<>();
    String url = value(columns, Columns.URL);
    EndpointUri uri = null;
    try {
      uri = EndpointUri.parse(url == null ? "" : url);
    } catch (EndpointUri.Invalid e) {
      found.add(e.getMessage());
    }
    String method = method(value(columns, Columns.METHOD), uri, found);
    boolean throughput = throughput(value(columns, Columns.THROUGHPUT), uri, found);
    String dateAdded = value(columns, Columns.DATE_ADDED);
    if (dateAdded != null && !isDate(dateAdded)) {
      found.add("date_added '" + dateAdded + "' is not a date as YYYY-MM-DD");
    }
    found.forEach(problems);
    if (!found.isEmpty()) {
      return null;
    }
    String service = value(columns, Columns.SERVICE);
    String function = value(columns, Columns.FUNCTION);
    return new Endpoint(url, uri.scheme(), uri.host(), uri.port(), uri.path(), method,
        service == null ? list : service.toLowerCase(Locale.ROOT),
        function == null ? DEFAULT_FUNCTION : function.toLowerCase(Locale.ROOT),
        list, line,
        value(columns, Columns.CATEGORY_CODE), value(columns, Columns.CATEGORY_DESCRIPTION), dateAdded,
        value(columns, Columns.SOURCE), value(columns, Columns.NOTES), throughput);
  }

  /** The trimmed value, or null when the column is absent or blank. */
  private static String value(Map<String, String> columns, String name) {
    String v = columns.get(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static boolean sendsHttp(EndpointUri uri) {
    return Scheme.fromWire(uri.scheme()).request() == Scheme.Request.HTTP;
  }

  private static String method(String method, EndpointUri uri, List<String> found) {
    if (uri == null) {
      return null;
    }
    if (method == null) {
      return Scheme.fromWire(uri.scheme()).request() == Scheme.Request.NONE ? null : "GET";
    }
    if (!sendsHttp(uri)) {
      found.add("method '" + method + "' applies only to http and https urls, not " + uri.scheme());
      return null;
    }
    if (!TOKEN.matcher(method).matches()) {
      found.add("bad method '" + method + "' (expected an HTTP method such as GET, POST or HEAD)");
      return null;
    }
    return method.toUpperCase(Locale.ROOT);
  }

  private static boolean throughput(String value, EndpointUri uri, List<String> found) {
    if (value == null) {
      return false;
    }
    boolean yes;
    switch (value.toLowerCase(Locale.ROOT)) {
      case "yes", "true", "1" -> yes = true;
      case "no", "false", "0" -> yes = false;
      default -> {
        found.add("throughput '" + value + "' is not yes or no");
        return false;
      }
    }
    if (yes && uri != null && !sendsHttp(uri)) {
      found.add("throughput needs an http or https url (it downloads the url), not " + uri.scheme());
    }
    return yes;
  }

  private static boolean isDate(String text) {
    if (!DATE.matcher(text).matches()) {
      return false;
    }
    try {
      LocalDate.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
