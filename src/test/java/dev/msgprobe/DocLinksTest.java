package dev.msgprobe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every relative link in docs/ and README.md reaches an existing file and, when it names one, anchor. */
class DocLinksTest {
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern EXPLICIT_ANCHOR = Pattern.compile("<a id=\"([^\"]+)\"");
  private static final Pattern HEADING = Pattern.compile("(?m)^#+ (.*)$");

  @Test
  void everyRelativeLinkResolves() throws IOException {
    List<String> broken = new ArrayList<>();
    List<Path> docs;
    try (Stream<Path> files = Files.walk(Path.of("docs"))) {
      docs = new ArrayList<>(files.filter(f -> f.toString().endsWith(".md")).toList());
    }
    docs.add(Path.of("README.md"));
    for (Path doc : docs) {
      Matcher link = LINK.matcher(Files.readString(doc));
      while (link.find()) {
        String target = link.group(1);
        if (target.matches("[a-z]+:.*")) {
          continue;
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path resolved = file.isEmpty() ? doc : doc.resolveSibling(file).normalize();
        if (!Files.exists(resolved)) {
          broken.add(doc + ": " + target + " (no such file)");
        } else if (hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1))) {
          broken.add(doc + ": " + target + " (no such anchor)");
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  @Test
  void headingAnchor_isGitHubsSlug() {
    assertThat(slug("`report` options")).isEqualTo("report-options");
    assertThat(slug("OONI's own keys (`OoniKeys`)")).isEqualTo("oonis-own-keys-oonikeys");
  }

  private static Set<String> anchors(Path doc) throws IOException {
    String text = Files.readString(doc);
    Set<String> ids = new HashSet<>();
    EXPLICIT_ANCHOR.matcher(text).results().forEach(m -> ids.add(m.group(1)));
    HEADING.matcher(text).results().forEach(m -> ids.add(slug(m.group(1))));
    return ids;
  }

  /** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
  static String slug(String heading) {
    return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}_\\- ]", "").replace(' ', '-');
  }
}
