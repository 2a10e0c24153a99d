package dev.msgprobe.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Evidence is built from the catalogue only. The producers (the analysis package and the probe-fault
 * verdict) hold no English prose of their own: no string literal with two words in a row, and no
 * literal with a space joined to something with {@code +}, except in exception messages. And every
 * key the sources name exists.
 */
class EvidenceSourcesTest {
  private static final List<Path> PRODUCERS = List.of(Path.of("src/main/java/dev/msgprobe/analysis"),
      Path.of("src/main/java/dev/msgprobe/model/Verdict.java"), Path.of("src/main/java/dev/msgprobe/engine/Campaign.java"));
  private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
  private static final Pattern TWO_WORDS = Pattern.compile("[A-Za-z]{2,} +[A-Za-z]{2,}");
  private static final Pattern KEY = Pattern.compile("Evidence\\.sentence\\(\\s*\"([^\"]+)\"\\s*([,)+])");

  @Test
  void producersHoldNoEnglishProse() throws IOException {
    List<String> prose = new ArrayList<>();
    for (Path file : javaFiles(PRODUCERS)) {
      if (file.endsWith("Campaign.java")) {
        continue;
      }
      prose.addAll(prose(file, Files.readAllLines(file)));
    }
    assertThat(prose).as("sentences built outside the evidence catalogue (add them to Evidence.properties)").isEmpty();
  }

  @Test
  void theScanFindsConcatenatedSentences() {
    List<String> lines = List.of(
        "    ev.add(first.failure() + \" is a failure of this machine\");",
        "    p.add(\"TCP connect to \" + addr);",
        "    notes.add(addr + \" failed\");",
        "    throw new IllegalArgumentException(id + \": not an IP address: \" + ip);",
        "    // a comment \"with two words\"",
        "    String key = \"transfer.\" + (up ? \"upload\" : \"download\");",
        "    return \"AS\" + asn;");

    assertThat(prose(Path.of("Example.java"), lines)).containsExactly(
        "Example.java:1: \" is a failure of this machine\"", "Example.java:2: \"TCP connect to \"",
        "Example.java:3: \" failed\"");
  }

  @Test
  void everyKeyTheSourcesNameExists() throws IOException {
    List<String> missing = new ArrayList<>();
    int named = 0;
    for (Path file : javaFiles(PRODUCERS)) {
      Matcher m = KEY.matcher(Files.readString(file));
      while (m.find()) {
        named++;
        String key = m.group(1);
        boolean prefix = m.group(2).equals("+");
        boolean known = prefix ? Catalogue.english().templates().keySet().stream().anyMatch(k -> k.startsWith(key))
            : Catalogue.english().templates().containsKey(key);
        if (!known) {
          missing.add(file.getFileName() + ": " + key);
        }
      }
    }
    assertThat(named).isGreaterThan(100);
    assertThat(missing).isEmpty();
  }

  /** The prose literals of a source file, as FILE:LINE: "literal". */
  static List<String> prose(Path file, List<String> lines) {
    List<String> out = new ArrayList<>();
    boolean inComment = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (inComment || line.startsWith("/*") || line.startsWith("*")) {
        inComment = !line.contains("*/") && (inComment || line.startsWith("/*"));
        continue;
      }
      if (line.startsWith("//") || line.contains("throw new ") || line.contains("Exception(")) {
        continue;
      }
      Matcher m = LITERAL.matcher(line);
      while (m.find()) {
        String text = m.group(1);
        boolean joined = line.substring(m.end()).stripLeading().startsWith("+")
            || line.substring(0, m.start()).stripTrailing().endsWith("+");
        if (TWO_WORDS.matcher(text).find() || joined && text.contains(" ") && text.matches(".*[A-Za-z].*")) {
          out.add(file.getFileName() + ":" + (i + 1) + ": \"" + text + "\"");
        }
      }
    }
    return out;
  }

  private static List<Path> javaFiles(List<Path> roots) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> s = Files.walk(root)) {
        s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
      }
    }
    return files;
  }
}
