package dev.msgprobe.model;

import static dev.msgprobe.testing.MarkdownTables.code;
import static dev.msgprobe.testing.MarkdownTables.rows;
import static dev.msgprobe.testing.MarkdownTables.section;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tag table of docs/design/measurement.md is exactly {@link Tags}. */
class TagsDocTest {
  @Test
  void tagTable_listsEveryTagOnce() throws IllegalAccessException {
    List<String> documented = rows(section("docs/design/measurement.md", "## Tags")).stream()
        .map(row -> code(row.get(0))).toList();
    List<String> tags = new ArrayList<>();
    for (Field f : Tags.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        tags.add((String) f.get(null));
      }
    }

    assertThat(documented).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(tags);
  }
}
