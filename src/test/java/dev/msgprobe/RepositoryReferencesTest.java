package dev.msgprobe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository is self-contained: no source, doc, script or data file points at a document that
 * lives outside it. The contract is in docs/contract/, the design in docs/design/.
 */
class RepositoryReferencesTest {
  private static final List<String> ROOTS = List.of("src", "docs", "lab", "bench", ".ci", "test-lists", "README.md");
  /** Names of documents outside the repository, and of the directories they were kept in. */
  private static final Pattern OUTSIDE = Pattern.compile(
      "\\bSPEC\\b|SPEC\\.md|DESIGN\\.md|\\bresearch/|/work/|\\.\\./shared|\\bshared/research");

  /** This file names the patterns it looks for. */
  private static final Path SELF = Path.of("RepositoryReferencesTest.java");

  @Test
  void noFilePointsAtADocumentOutsideTheRepository() throws IOException {
    List<String> found = new ArrayList<>();
    for (String root : ROOTS) {
      try (Stream<Path> files = Files.walk(Path.of(root))) {
        for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.endsWith(SELF)).toList()) {
          List<String> lines = textLines(file);
          for (int i = 0; i < lines.size(); i++) {
            if (OUTSIDE.matcher(lines.get(i)).find()) {
              found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
            }
          }
        }
      }
    }
    assertThat(found).as("lines pointing outside the repository").isEmpty();
  }

  @Test
  void outsidePattern_catchesTheOldReferenceForms() {
    assertThat(List.of("(SPEC §3)", "see SPEC.md", "research/ooni.md §7.2", "DESIGN.md's flow", "/work/shared/x"))
        .allMatch(line -> OUTSIDE.matcher(line).find());
    assertThat(List.of("ooni/spec ts-018", "research: hyperion-cs/dpi-checkers", "docs/contract/report.md"))
        .noneMatch(line -> OUTSIDE.matcher(line).find());
  }

  /** A text file's lines; none for a binary file. */
  private static List<String> textLines(Path file) throws IOException {
    try {
      return Files.readAllLines(file);
    } catch (MalformedInputException binary) {
      return List.of();
    }
  }
}
