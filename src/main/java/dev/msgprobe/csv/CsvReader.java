package dev.msgprobe.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 reader: fields separated by the caller's separator (a comma, or {@code ;} as spreadsheets
 * in some locales write it), records by LF, CRLF or a lone CR, fields optionally in double quotes where
 * they may hold separators, line breaks and doubled quotes. Unquoted fields are trimmed; records whose
 * fields are all blank are skipped, and so are lines starting with {@code #} when comments are asked
 * for. A malformed record is reported to {@link Problems} at the line it starts on and left out;
 * reading goes on with the next line.
 */
public final class CsvReader {
  /** One record and the line it starts on (1-based). */
  public record Row(int line, List<String> fields) {
    public Row {
      fields = List.copyOf(fields);
    }
  }

  /** Where a malformed record is reported: the line it starts on and what is wrong. */
  @FunctionalInterface
  public interface Problems {
    void add(int line, String problem);
  }

  private final String text;
  private final char separator;
  private final boolean comments;
  private final Problems problems;
  private int pos;
  private int line = 1;

  private CsvReader(String text, char separator, boolean comments, Problems problems) {
    if (separator == '"' || separator == '\n' || separator == '\r') {
      throw new IllegalArgumentException("not a CSV separator: " + separator);
    }
    this.text = text;
    this.separator = separator;
    this.comments = comments;
    this.problems = problems;
  }

  /** The records of {@code text}, separated by {@code separator}. */
  public static List<Row> read(String text, char separator, Problems problems) {
    return new CsvReader(text, separator, false, problems).rows();
  }

  /** As {@link #read}, also skipping the lines that start with {@code #}. */
  public static List<Row> readSkippingComments(String text, char separator, Problems problems) {
    return new CsvReader(text, separator, true, problems).rows();
  }

  private List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    while (pos < text.length()) {
      int start = line;
      if (comments && text.charAt(pos) == '#') {
        skipToLineEnd();
        if (pos < text.length()) {
          consumeLineBreak();
        }
        continue;
      }
      List<String> fields = record();
      if (fields != null && fields.stream().anyMatch(f -> !f.isBlank())) {
        rows.add(new Row(start, fields));
      }
    }
    return rows;
  }

  /** Reads one record up to and including its line break; null when it was malformed. */
  private List<String> record() {
    int start = line;
    List<String> fields = new ArrayList<>();
    while (true) {
      String problem = peekQuote() ? quotedField(fields) : plainField(fields);
      if (problem != null) {
        problems.add(start, problem);
        skipToLineEnd();
        if (pos < text.length()) {
          consumeLineBreak();
        }
        return null;
      }
      if (pos >= text.length()) {
        return fields;
      }
      if (text.charAt(pos) == separator) {
        pos++;
      } else {
        consumeLineBreak();
        return fields;
      }
    }
  }

  private boolean peekQuote() {
    int p = pos;
    while (p < text.length() && isBlank(text.charAt(p))) {
      p++;
    }
    if (p < text.length() && text.charAt(p) == '"') {
      pos = p;
      return true;
    }
    return false;
  }

  private String plainField(List<String> fields) {
    int begin = pos;
    while (pos < text.length() && !isDelimiter(text.charAt(pos))) {
      if (text.charAt(pos) == '"') {
        return "quote inside an unquoted field (quote the whole field and double the quote)";
      }
      pos++;
    }
    fields.add(text.substring(begin, pos).strip());
    return null;
  }

  private String quotedField(List<String> fields) {
    pos++; // opening quote
    StringBuilder value = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        return "quoted field is not closed";
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        if (pos < text.length() && text.charAt(pos) == '"') {
          value.append('"');
          pos++;
        } else {
          break;
        }
      } else {
        if (c == '\n') {
          line++;
        }
        value.append(c);
      }
    }
    while (pos < text.length() && isBlank(text.charAt(pos))) {
      pos++;
    }
    if (pos < text.length() && !isDelimiter(text.charAt(pos))) {
      return "text after the closing quote of a quoted field";
    }
    fields.add(value.toString());
    return null;
  }

  /** Space and tab around a quoted field are ignored, unless one of them is the separator. */
  private boolean isBlank(char c) {
    return (c == ' ' || c == '\t') && c != separator;
  }

  private boolean isDelimiter(char c) {
    return c == separator || c == '\n' || c == '\r';
  }

  private void skipToLineEnd() {
    while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
      pos++;
    }
  }

  /** Consumes LF, CRLF or a lone CR. */
  private void consumeLineBreak() {
    char c = text.charAt(pos++);
    if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
      pos++;
    }
    line++;
  }
}
