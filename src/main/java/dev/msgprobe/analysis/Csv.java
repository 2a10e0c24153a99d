package dev.msgprobe.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal RFC 4180 reader for the fingerprint files: comma-separated, fields may be quoted with
 * {@code "} (a doubled quote inside is one quote, commas and newlines inside are kept), the first
 * row is the header, blank lines and lines starting with {@code #} are skipped.
 */
final class Csv {
  private Csv() {}

  /** The rows as maps from header name to value, in file order. */
  static List<Map<String, String>> parse(String text) {
    List<List<String>> records = records(text);
    List<Map<String, String>> rows = new ArrayList<>();
    if (records.isEmpty()) {
      return rows;
    }
    List<String> header = records.get(0);
    for (List<String> r : records.subList(1, records.size())) {
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i).trim(), i < r.size() ? r.get(i) : "");
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<List<String>> records(String text) {
    List<List<String>> out = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean atLineStart = true;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (atLineStart && !quoted && (c == '#' || c == '\n' || c == '\r')) {
        i = skipLine(text, i);
        continue;
      }
      atLineStart = false;
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        record.add(field.toString());
        field.setLength(0);
        out.add(record);
        record = new ArrayList<>();
        atLineStart = true;
      } else {
        field.append(c);
      }
      i++;
    }
    if (!atLineStart) {
      record.add(field.toString());
      out.add(record);
    }
    return out;
  }

  private static int skipLine(String text, int i) {
    int nl = text.indexOf('\n', i);
    return nl < 0 ? text.length() : nl + 1;
  }
}
