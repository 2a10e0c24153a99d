package dev.msgprobe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No words for a person are hard-coded where people's texts are made: a string literal in {@code cli},
 * {@code report} or {@code history} that holds two words in a row (after HTML tags and format
 * specifiers are taken out) belongs in the bundle {@code dev/msgprobe/i18n/Messages*.properties}.
 * Comments, CSS and the files listed in {@link #NOT_YET_TRANSLATED} are not read; that list may only
 * shrink: a listed file with no such literal left fails the test until it is taken off.
 */
class UserTextInBundleTest {
  private static final Path MAIN = Path.of("src/main/java/dev/msgprobe");
  private static final List<String> PACKAGES = List.of("cli", "report", "history");
  /**
   * Files whose messages still speak English only, whatever --lang says: the report reader's and
   * writer's FILE:LINE and resume messages, which no reader's texts reach yet, and programming errors
   * (a closed writer, a value Jackson cannot write).
   */
  private static final Set<String> NOT_YET_TRANSLATED = Set.of(
      "report/LineBoundary.java",
      "report/ReportJson.java",
      "report/ReportReader.java",
      "report/ReportWriter.java",
      "report/Scrubber.java");
  private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
  /** Two words in a row: not parts of an option name ({@code --no-doh URL}), a path or a host name. */
  private static final Pattern TWO_WORDS = Pattern.compile("(?<![-\\p{L}\\d_/.@])\\p{L}{2,}[,;:']? \\p{L}{2,}");
  /** HTML tags (also a tag's start at a literal's end), entities, format specifiers, escapes. */
  private static final Pattern MARKUP =
      Pattern.compile("<[!/a-zA-Z][^>]*(?:>|$)|&[a-z]+;|%[-0-9.]*[a-zA-Z]|\\\\[a-z\"]|\\$\\{[^}]*}");

  @Test
  void wordsForPeople_comeFromTheBundle() throws IOException {
    List<String> found = new ArrayList<>();
    Set<String> listedButClean = new TreeSet<>(NOT_YET_TRANSLATED);
    for (String pkg : PACKAGES) {
      try (Stream<Path> files = Files.list(MAIN.resolve(pkg))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
          String name = pkg + "/" + file.getFileName();
          List<String> words = wordsIn(file);
          if (NOT_YET_TRANSLATED.contains(name)) {
            if (!words.isEmpty()) {
              listedButClean.remove(name);
            }
            continue;
          }
          words.forEach(w -> found.add(name + ": " + w));
        }
      }
    }

    assertThat(found).as("string literals with words for a person (put them in the bundle)").isEmpty();
    assertThat(listedButClean).as("translated files still listed in NOT_YET_TRANSLATED").isEmpty();
  }

  /** The literals of one source file, comments left out, that hold words for a person. */
  static List<String> wordsIn(Path file) throws IOException {
    List<String> words = new ArrayList<>();
    boolean inComment = false;
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (inComment) {
        inComment = !line.contains("*/");
        continue;
      }
      if (line.startsWith("/*")) {
        inComment = !line.contains("*/");
        continue;
      }
      if (line.startsWith("//") || line.startsWith("*")) {
        continue;
      }
      Matcher m = LITERAL.matcher(line);
      while (m.find()) {
        String text = m.group(1);
        if (looksLikeCss(text)) {
          continue;
        }
        if (TWO_WORDS.matcher(MARKUP.matcher(text).replaceAll(" ")).find()) {
          words.add((i + 1) + " \"" + text + "\"");
        }
      }
    }
    return words;
  }

  private static boolean looksLikeCss(String text) {
    return (text.contains("{") || text.contains("}")) && text.contains(":");
  }
}
