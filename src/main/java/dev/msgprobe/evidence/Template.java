package dev.msgprobe.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One catalogue entry in one language: literal text around placeholders. {@code {n}} is data shown as it
 * is (an address, a host, a failure string); {@code {n,number}} is a number, shown as it is;
 * {@code {n,text}} is another catalogue sentence or fragment, rendered in the reader's language when it
 * is one and shown as it is otherwise. No MessageFormat quoting: an apostrophe is an apostrophe.
 */
record Template(String key, String source, List<String> literals, List<Placeholder> placeholders) {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)(?:,(number|text))?}");

  enum Kind { DATA, NUMBER, TEXT }

  record Placeholder(int index, Kind kind) {}

  static Template parse(String key, String source) {
    List<String> literals = new ArrayList<>();
    List<Placeholder> placeholders = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(source);
    int at = 0;
    while (m.find()) {
      literals.add(source.substring(at, m.start()));
      Kind kind = m.group(2) == null ? Kind.DATA : Kind.valueOf(m.group(2).toUpperCase(java.util.Locale.ROOT));
      placeholders.add(new Placeholder(Integer.parseInt(m.group(1)), kind));
      at = m.end();
    }
    literals.add(source.substring(at));
    for (String literal : literals) {
      if (literal.indexOf('{') >= 0 || literal.indexOf('}') >= 0) {
        throw new IllegalArgumentException("evidence template " + key + ": a brace that is not a placeholder: " + source);
      }
    }
    return new Template(key, source, List.copyOf(literals), List.copyOf(placeholders));
  }

  /** The template with {@code args} in its placeholders, each as {@code String.valueOf} writes it. */
  String format(Object... args) {
    StringBuilder out = new StringBuilder(literals.get(0));
    for (int i = 0; i < placeholders.size(); i++) {
      int index = placeholders.get(i).index();
      if (index >= args.length) {
        throw new IllegalArgumentException("evidence " + key + " needs argument {" + index + "}, got "
            + args.length + " arguments");
      }
      out.append(args[index]).append(literals.get(i + 1));
    }
    return out.toString();
  }

  /** How many characters of literal text the template has: how specific a match with it is. */
  int literalLength() {
    return literals.stream().mapToInt(String::length).sum();
  }

  /** The highest placeholder index plus one. */
  int arity() {
    return placeholders.stream().mapToInt(Placeholder::index).max().orElse(-1) + 1;
  }

  /**
   * Whether {@code s} can have been made from this template as far as its literal text goes: it starts
   * and ends with the first and last literals and holds the others in order. Linear, so the parser's
   * quick filter cannot backtrack badly on a long sentence the way a regular expression with several
   * {@code .*} can.
   */
  boolean mayMatch(String s) {
    String first = literals.get(0);
    String last = literals.get(literals.size() - 1);
    if (literals.size() == 1) {
      return s.equals(first);
    }
    if (!s.startsWith(first) || !s.endsWith(last)) {
      return false;
    }
    int at = first.length();
    for (int i = 1; i < literals.size() - 1; i++) {
      int k = s.indexOf(literals.get(i), at);
      if (k < 0) {
        return false;
      }
      at = k + literals.get(i).length();
    }
    return s.length() - last.length() >= at;
  }
}
