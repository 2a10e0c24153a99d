package dev.msgprobe.report;

import java.util.ArrayList;
import java.util.List;

/** Rows of plain text cells laid out in left-aligned columns two spaces apart, trailing blanks cut. */
public final class TextColumns {
  private TextColumns() {}

  /** One line per row; every row may have a different number of cells. */
  public static List<String> lines(List<List<String>> rows) {
    int columns = rows.stream().mapToInt(List::size).max().orElse(0);
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    List<String> lines = new ArrayList<>();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        line.append(i == 0 ? "" : "  ").append(cell).append(" ".repeat(widths[i] - cell.length()));
      }
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }
}
