package dev.msgprobe.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The English and Russian bundles say the same things: the same keys, the same arguments, every key the code asks for. */
class I18nBundleTest {
  private static final Path DIR = Path.of("src/main/resources/dev/msgprobe/i18n");
  private static final Pattern ARGUMENT = Pattern.compile("(?<!\\$)\\{(\\d+)");
  /** {@code texts.get("summary.took", ...)}, {@code texts.count("summary.endpoints", n)}, {@code texts.find(...)}. */
  private static final Pattern KEY_IN_CODE = Pattern.compile("\\btexts\\.(?:get|count|find)\\(\"([a-z][A-Za-z0-9_.-]*)\"");

  @Test
  void everyEnglishKeyHasARussianTextAndViceVersa() throws IOException {
    Map<String, String> english = load("Messages.properties");
    Map<String, String> russian = load("Messages_ru.properties");

    assertThat(russian.keySet()).isEqualTo(english.keySet());
  }

  @Test
  void bothLanguagesOfAMessageTakeTheSameArguments() throws IOException {
    Map<String, String> english = load("Messages.properties");
    Map<String, String> russian = load("Messages_ru.properties");

    english.forEach((key, text) -> {
      if (russian.containsKey(key)) {
        assertThat(arguments(russian.get(key))).as(key).isEqualTo(arguments(text));
      }
    });
  }

  @Test
  void noTextIsEmpty() throws IOException {
    for (String file : new String[] {"Messages.properties", "Messages_ru.properties"}) {
      load(file).forEach((key, text) -> assertThat(text).as(file + " " + key).isNotBlank());
    }
  }

  @Test
  void everyKeyTheCodeAsksForIsInTheBundle() throws IOException {
    Set<String> asked = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/msgprobe"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = KEY_IN_CODE.matcher(Files.readString(file));
        while (m.find()) {
          asked.add(m.group(1));
        }
      }
    }
    Set<String> keys = load("Messages.properties").keySet();

    assertThat(asked).isNotEmpty();
    for (String key : asked) {
      if (key.endsWith(".")) {
        // a key completed at run time ("status." + wire): the family must exist
        assertThat(keys).as("bundle keys " + key + "*").anyMatch(k -> k.startsWith(key));
        continue;
      }
      boolean plural = keys.containsAll(Set.of(key + ".one", key + ".few", key + ".many"));
      assertThat(keys.contains(key) || plural).as("bundle key " + key).isTrue();
    }
  }

  @Test
  void russianPluralsFollowTheLastDigits() {
    Texts ru = Texts.of(Lang.RU);

    assertThat(ru.count("summary.endpoints", 1)).isEqualTo("1 адрес");
    assertThat(ru.count("summary.endpoints", 3)).isEqualTo("3 адреса");
    assertThat(ru.count("summary.endpoints", 11)).isEqualTo("11 адресов");
    assertThat(ru.count("summary.endpoints", 21)).isEqualTo("21 адрес");
    assertThat(ru.count("summary.endpoints", 1234)).isEqualTo("1234 адреса");
    assertThat(Texts.english().count("summary.endpoints", 1)).isEqualTo("1 endpoint");
  }

  private static Set<Integer> arguments(String text) {
    Set<Integer> indices = new TreeSet<>();
    Matcher m = ARGUMENT.matcher(text);
    while (m.find()) {
      indices.add(Integer.parseInt(m.group(1)));
    }
    return indices;
  }

  private static Map<String, String> load(String file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(DIR.resolve(file), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    Map<String, String> map = new TreeMap<>();
    p.forEach((k, v) -> map.put((String) k, (String) v));
    return map;
  }
}
