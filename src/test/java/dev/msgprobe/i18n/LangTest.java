package dev.msgprobe.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LangTest {
  @Test
  void russianLangVariable_isRussian() {
    assertThat(Lang.fromEnvironment(Map.of("LANG", "ru_RU.UTF-8"))).isEqualTo(Lang.RU);
  }

  @Test
  void lcAllBeforeLcMessagesBeforeLang() {
    assertThat(Lang.fromEnvironment(Map.of("LC_ALL", "en_US.UTF-8", "LANG", "ru_RU.UTF-8"))).isEqualTo(Lang.EN);
    assertThat(Lang.fromEnvironment(Map.of("LC_MESSAGES", "ru_RU", "LANG", "C.UTF-8"))).isEqualTo(Lang.RU);
  }

  @Test
  void noLocale_isEnglish() {
    assertThat(Lang.fromEnvironment(Map.of())).isEqualTo(Lang.EN);
    assertThat(Lang.fromEnvironment(Map.of("LANG", ""))).isEqualTo(Lang.EN);
  }

  @Test
  void langOption_winsOverTheLocale_inBothSpellings_butNotAfterDoubleDash() {
    Map<String, String> russian = Map.of("LANG", "ru_RU.UTF-8");

    assertThat(Lang.chosen(new String[] {"run", "--lang", "en"}, russian)).isEqualTo(Lang.EN);
    assertThat(Lang.chosen(new String[] {"--lang=RU", "run"}, Map.of())).isEqualTo(Lang.RU);
    assertThat(Lang.chosen(new String[] {"schedule", "install", "--", "--lang", "en"}, russian)).isEqualTo(Lang.RU);
  }

  @Test
  void unknownLangValue_fallsBackToTheLocale_forTheParserToReject() {
    assertThat(Lang.chosen(new String[] {"--lang", "de"}, Map.of("LANG", "ru_RU.UTF-8"))).isEqualTo(Lang.RU);
  }
}
