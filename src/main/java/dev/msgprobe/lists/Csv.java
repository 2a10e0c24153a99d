package dev.msgprobe.lists;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 reader: fields separated by commas (or another delimiter: semicolons in a list saved by
 * Excel in a Russian locale), records by LF or CRLF, fields optionally in double
 * quotes where they may hold commas, line breaks and doubled quotes. Unquoted fields are trimmed;
 * records whose fields are all blank are skipped. A malformed record is reported at the line it
 * starts on and left out; reading goes on with the next line.
 */
final class Csv {
  /** One record and the line it starts on (1-based). */
  record Row(int line, List<String> fields) {}

  private final String text;
  private final Problems problems;
  private final char delimiter;
  private int pos;
  private int line = 1;

  private Csv(String text, Problems problems, char delimiter) {
    this.text = text;
    this.problems = problems;
    this.delimiter = delimiter;
  }

  static List<Row> read(String text, Problems problems) {
    return read(text, problems, ',');
  }

  static List<Row> read(String text, Problems problems, char delimiter) {
    return new Csv(text, problems, delimiter).rows();
  }

  private List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    while (pos < text.length()) {
      int start = line;
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
      if (text.charAt(pos) == delimiter) {
        pos++;
      } else {
        consumeLineBreak();
        return fields;
      }
    }
  }

  private boolean peekQuote() {
    int p = pos;
    while (p < text.length() && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
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
    while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
      pos++;
    }
    if (pos < text.length() && !isDelimiter(text.charAt(pos))) {
      return "text after the closing quote of a quoted field";
    }
    fields.add(value.toString());
    return null;
  }

  private boolean isDelimiter(char c) {
    return c == delimiter || c == '\n' || c == '\r';
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
