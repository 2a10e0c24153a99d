package dev.msgprobe.lists;

import static dev.msgprobe.testing.MarkdownTables.code;
import static dev.msgprobe.testing.MarkdownTables.rows;
import static dev.msgprobe.testing.MarkdownTables.section;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The scheme tables of docs/contract/lists.md against the schemes the list parser accepts. */
class SchemeTableDocTest {
  private static final String DOC = "docs/contract/lists.md";

  @Test
  void implementedSchemeTable_isExactlyTheAcceptedSchemes() {
    assertThat(schemes("## Schemes")).containsExactlyElementsOf(EndpointUri.SCHEMES);
  }

  @Test
  void everyImplementedExample_parses() throws Exception {
    for (List<String> row : rows(section(DOC, "## Schemes"))) {
      assertThat(EndpointUri.parse(code(row.get(1))).scheme()).isEqualTo(code(row.get(0)));
    }
  }

  private static List<String> schemes(String heading) {
    return rows(section(DOC, heading)).stream().map(row -> code(row.get(0))).toList();
  }
}
