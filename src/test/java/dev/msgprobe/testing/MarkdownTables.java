package dev.msgprobe.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the tables of the repository's Markdown docs, so tests can hold docs and code to the same
 * names. A section is the lines after a heading up to the next heading of any level.
 */
public final class MarkdownTables {
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  private MarkdownTables() {}

  /** The lines of {@code doc} (relative to the repository root) under the heading line {@code heading}. */
  public static List<String> section(String doc, String heading) {
    List<String> lines = read(Path.of(doc));
    int start = lines.indexOf(heading);
    if (start < 0) {
      throw new AssertionError(doc + " has no heading '" + heading + "'");
    }
    List<String> section = new ArrayList<>();
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.startsWith("#")) {
        break;
      }
      section.add(line);
    }
    return section;
  }

  /** The cells of each body row of the tables in {@code section} (header and separator rows skipped). */
  public static List<List<String>> rows(List<String> section) {
    List<List<String>> rows = new ArrayList<>();
    boolean header = true;
    for (String line : section) {
      String row = line.strip();
      if (!row.startsWith("|")) {
        header = true;
        continue;
      }
      if (row.startsWith("|---") || row.startsWith("| ---")) {
        header = false;
        continue;
      }
      if (!header) {
        List<String> cells = new ArrayList<>();
        for (String cell : row.substring(1, row.length() - 1).split("(?<!\\\\)\\|")) {
          cells.add(cell.strip());
        }
        rows.add(cells);
      }
    }
    return rows;
  }

  /** The first `code` span of {@code cell}, or null. */
  public static String code(String cell) {
    Matcher m = CODE.matcher(cell);
    return m.find() ? m.group(1) : null;
  }

  /** Every match of {@code pattern} in {@code text}, in order. */
  public static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  private static List<String> read(Path doc) {
    try {
      return Files.readAllLines(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
