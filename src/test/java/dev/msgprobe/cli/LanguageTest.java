package dev.msgprobe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.i18n.Lang;
import dev.msgprobe.testing.Handlers;
import dev.msgprobe.testing.LoopbackServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code --lang} and the locale: what a person reads changes language, what a report says does not. */
@Timeout(60)
class LanguageTest {
  private static final Map<String, String> RUSSIAN_LOCALE = Map.of("LANG", "ru_RU.UTF-8");
  private static final Map<String, String> NO_LOCALE = Map.of();

  @TempDir
  Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int msgprobe(Map<String, String> env, String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), env, args);
  }

  @Test
  void langRuRunHelp_isRussian() {
    assertThat(msgprobe(NO_LOCALE, "--lang", "ru", "run", "--help")).isZero();

    assertThat(out.toString()).startsWith("Использование: msgprobe run")
        .contains("Измерить адреса по DNS, TCP, TLS, HTTP и WebSocket")
        .contains("Коды завершения:")
        .doesNotContain("Measure endpoints");
  }

  @Test
  void russianLocale_runHelp_isRussian() {
    assertThat(msgprobe(RUSSIAN_LOCALE, "run", "--help")).isZero();

    assertThat(out.toString()).startsWith("Использование: msgprobe run").contains("Отчёт JSONL");
  }

  @Test
  void langEn_winsOverARussianLocale() {
    assertThat(msgprobe(RUSSIAN_LOCALE, "run", "--help", "--lang", "en")).isZero();

    assertThat(out.toString()).startsWith("Usage: msgprobe run").contains("Measure endpoints");
  }

  @Test
  void unknownLanguage_isBadUsage() {
    assertThat(msgprobe(NO_LOCALE, "--lang", "de", "lists")).isEqualTo(ExitCodes.BAD_INPUT);

    assertThat(err.toString()).contains("--lang");
  }

  @Test
  void badOptionUnderRussianLocale_saysWhatIsWrongInRussian() {
    int status = msgprobe(RUSSIAN_LOCALE, "run", "--store", "none", "--parallel", "0", "tcp://127.0.0.1:1");

    assertThat(status).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("msgprobe run: --parallel должно быть 'auto' или числом от 1 до 4096, получено 0");
  }

  @Test
  void russianText_orAUtf8Locale_isWrittenAsUtf8() {
    assertThat(Main.consoleCharset(Map.of("LANG", "C"), Lang.RU)).isEqualTo(StandardCharsets.UTF_8);
    assertThat(Main.consoleCharset(Map.of("LANG", "en_US.UTF-8"), Lang.EN)).isEqualTo(StandardCharsets.UTF_8);
    assertThat(Main.consoleCharset(Map.of("LC_ALL", "ru_RU.utf8"), Lang.EN)).isEqualTo(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @EnumSource(Lang.class)
  void everyCommandOptionAndParameter_hasHelpText(Lang lang) {
    CommandLine msgprobe = Main.commandLine(new PrintWriter(out), new PrintWriter(err), NO_LOCALE, lang);
    List<String> missing = new ArrayList<>();
    collectMissing(msgprobe, missing);

    assertThat(missing).isEmpty();
  }

  /** Every command a person sees (hidden ones left out), and its options and named parameters, without help text. */
  private static void collectMissing(CommandLine command, List<String> missing) {
    CommandSpec spec = command.getCommandSpec();
    if (spec.usageMessage().hidden()) {
      return;
    }
    if (String.join("", spec.usageMessage().description()).isBlank()
        && String.join("", spec.usageMessage().header()).isBlank()) {
      missing.add(spec.qualifiedName());
    }
    for (OptionSpec option : spec.options()) {
      if (!option.hidden() && String.join("", option.description()).isBlank()) {
        missing.add(spec.qualifiedName() + " " + option.longestName());
      }
    }
    for (PositionalParamSpec parameter : spec.positionalParameters()) {
      if (!parameter.hidden() && !parameter.paramLabel().startsWith("<")
          && String.join("", parameter.description()).isBlank()) {
        missing.add(spec.qualifiedName() + " " + parameter.paramLabel());
      }
    }
    command.getSubcommands().values().forEach(sub -> collectMissing(sub, missing));
  }

  @Test
  void russianRun_printsTheSummaryInRussian_andWritesTheSameReportAsEnglish() throws IOException {
    int closed = LoopbackServer.closedPort();
    try (LoopbackServer silent = LoopbackServer.start(Handlers.silent())) {
      Path controls = Files.writeString(dir.resolve("controls.csv"),
          "url,function\ntcp://127.0.0.1:" + silent.port() + ",domestic\n");
      Path english = dir.resolve("en.jsonl");
      Path russian = dir.resolve("ru.jsonl");

      assertThat(run("en", controls, english, closed)).as(err.toString()).isZero();
      String englishSummary = out.toString();
      out.getBuffer().setLength(0);
      assertThat(run("ru", controls, russian, closed)).as(err.toString()).isZero();

      assertThat(englishSummary).contains("Summary: ");
      assertThat(out.toString()).contains("Сводка: ").contains("Отчёт: ").contains("Недоступны: 1 из 2 адреса")
          .contains("НЕЯСНО").doesNotContain("Summary: ");
      assertThat(languageNeutral(Files.readString(russian))).isEqualTo(languageNeutral(Files.readString(english)));
      assertThat(languageNeutral(Files.readString(dir.resolve("ru.summary.json"))))
          .isEqualTo(languageNeutral(Files.readString(dir.resolve("en.summary.json"))));
    }
  }

  private int run(String lang, Path controls, Path report, int closedPort) {
    return msgprobe(NO_LOCALE, "--lang", lang, "run", "--no-progress", "--no-doh", "--resolver-echo", "none",
        "--stun", "none", "--resolver", "127.0.0.1:" + closedPort, "--timeout", "1", "--store", "none",
        "--controls", controls.toString(), "-o", report.toString(), "tcp://127.0.0.1:" + closedPort);
  }

  /** A report or summary with what differs between any two runs masked: ids, times, durations, file names. */
  private static String languageNeutral(String text) {
    return text.replaceAll("\"report_id\":\\s*\"[^\"]*\"", "\"report_id\":\"\"")
        .replaceAll("\"report_file\":\\s*\"[^\"]*\"", "\"report_file\":\"\"")
        .replaceAll("[0-9]+", "0");
  }
}
