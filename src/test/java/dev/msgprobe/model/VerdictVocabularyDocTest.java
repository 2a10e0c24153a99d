package dev.msgprobe.model;

import static dev.msgprobe.testing.MarkdownTables.code;
import static dev.msgprobe.testing.MarkdownTables.rows;
import static dev.msgprobe.testing.MarkdownTables.section;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verdict vocabulary of docs/contract/report.md is exactly the one the model writes. */
class VerdictVocabularyDocTest {
  private static final String DOC = "docs/contract/report.md";

  @Test
  void statusTable_listsEveryStatusInOrder() {
    assertThat(firstColumn("### status"))
        .containsExactlyElementsOf(Arrays.stream(Status.values()).map(Status::wire).toList());
  }

  @Test
  void layerTable_listsEveryLayerInOrder() {
    assertThat(firstColumn("### layer"))
        .containsExactlyElementsOf(Arrays.stream(Layer.values()).map(Layer::wire).toList());
  }

  @Test
  void confidenceTable_listsEveryConfidence() {
    List<String> documented = rows(section(DOC, "### sni_filtering, confidence, evidence")).stream()
        .map(row -> code(row.get(0))).toList();
    assertThat(documented).containsExactlyElementsOf(
        Arrays.stream(Confidence.values()).map(c -> c.name().toLowerCase(java.util.Locale.ROOT)).toList());
  }

  @Test
  void methodTable_listsEveryMethodWithItsLayer() {
    Map<String, String> documented = new LinkedHashMap<>();
    for (List<String> row : rows(section(DOC, "### method"))) {
      documented.put(code(row.get(0)), code(row.get(1)));
    }
    Map<String, String> model = new LinkedHashMap<>();
    for (Method m : Method.values()) {
      model.put(m.wire(), m.layer() == null ? null : m.layer().wire());
    }
    assertThat(documented).containsExactlyEntriesOf(model);
  }

  private static List<String> firstColumn(String heading) {
    return rows(section(DOC, heading)).stream().map(row -> code(row.get(0))).toList();
  }
}
