package dev.msgprobe.lists;

import dev.msgprobe.model.Endpoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses the text of a list in either format, told apart by its first non-blank line: a URI or a
 * {@code #} comment starts a URI-per-line file (OONI's {@code --input-file}); anything else is the
 * header of a CSV list with a {@code url} column (Citizen Lab test-lists, extended as docs/contract/lists.md says).
 */
final class ListParser {
  private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

  private final String name;
  private final Problems problems;
  private final List<Endpoint> endpoints = new ArrayList<>();
  private final Map<EndpointKey, Integer> seen = new HashMap<>();

  private ListParser(String name, String file) {
    this.name = name;
    this.problems = new Problems(file);
  }

  /** Parses {@code text} (a leading BOM is ignored); {@code file} names it in messages. */
  static TestList parse(String name, String file, String text) throws ListException {
    ListParser parser = new ListParser(name, file);
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    if (isUriPerLine(body)) {
      parser.uriPerLine(body);
    } else {
      parser.csv(body);
    }
    if (parser.endpoints.isEmpty() && parser.problems.isEmpty()) {
      parser.problems.addFile("no endpoints in the list");
    }
    parser.problems.throwIfAny();
    return new TestList(name, file, parser.endpoints);
  }

  private static String[] lines(String text) {
    return LINE_BREAK.split(text, -1);
  }

  private static boolean isUriPerLine(String text) {
    for (String line : lines(text)) {
      String s = line.strip();
      if (!s.isEmpty()) {
        return s.startsWith("#") || EndpointUri.looksLikeUri(s);
      }
    }
    return true;
  }

  private void uriPerLine(String text) {
    String[] lines = lines(text);
    for (int i = 0; i < lines.length; i++) {
      String s = lines[i].strip();
      if (!s.isEmpty() && !s.startsWith("#")) {
        add(Map.of(Columns.URL, s), i + 1);
      }
    }
  }

  private void csv(String text) {
    Problems syntax = new Problems(problems.file());
    List<Csv.Row> rows = Csv.read(text, syntax);
    Csv.Row header = rows.isEmpty() ? null : rows.get(0);
    List<String> names = header == null || syntax.firstLine() < header.line() ? null : columnNames(header);
    if (names == null || !names.contains(Columns.URL)) {
      notAList(text);
      return;
    }
    problems.addAll(syntax);
    for (String name : Columns.ALL) {
      if (names.indexOf(name) != names.lastIndexOf(name)) {
        problems.add(header.line(), "column " + name + " appears more than once in the header");
        return;
      }
    }
    for (Csv.Row row : rows.subList(1, rows.size())) {
      if (row.fields().size() != names.size()) {
        problems.add(row.line(), "expected " + names.size() + " columns as in the header, found " + row.fields().size());
        continue;
      }
      Map<String, String> columns = new HashMap<>();
      for (int i = 0; i < names.size(); i++) {
        columns.put(names.get(i), row.fields().get(i));
      }
      add(columns, row.line());
    }
  }

  private static List<String> columnNames(Csv.Row header) {
    return header.fields().stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList();
  }

  /** Reports a file that is neither format, once, at its first non-blank line. */
  private void notAList(String text) {
    String[] lines = lines(text);
    int i = 0;
    while (i < lines.length - 1 && lines[i].isBlank()) {
      i++;
    }
    String first = lines[i].strip();
    String shown = first.length() > 60 ? first.substring(0, 57) + "..." : first;
    problems.add(i + 1, "not a test list: the first line is neither a URI nor a CSV header with a url column ('"
        + shown + "')");
  }

  private void add(Map<String, String> columns, int line) {
    Endpoint endpoint = EndpointBuilder.build(columns, name, line, message -> problems.add(line, message));
    if (endpoint == null) {
      return;
    }
    Integer first = seen.putIfAbsent(EndpointKey.of(endpoint), line);
    if (first != null) {
      problems.add(line, "duplicate of line " + first + " (" + endpoint.url()
          + (endpoint.method() == null ? "" : " " + endpoint.method()) + ")");
      return;
    }
    endpoints.add(endpoint);
  }
}
