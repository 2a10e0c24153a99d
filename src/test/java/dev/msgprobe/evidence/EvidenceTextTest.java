package dev.msgprobe.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Rendering stored English evidence in Russian: real sentences, nesting, ambiguity, fallbacks. */
class EvidenceTextTest {
  private static final Locale RU = Locale.forLanguageTag("ru-RU");

  @Test
  void tlsReset_rendersInRussianWithDataUnchanged() {
    assertThat(EvidenceText.render("ClientHello with SNI web.whatsapp.com to 157.240.1.53:443 was reset after 31 ms", RU))
        .isEqualTo("ClientHello (SNI web.whatsapp.com) к 157.240.1.53:443: сброс соединения (RST) через 31 мс");
  }

  @Test
  void nestedSentences_renderAtEveryLevel() {
    String en = "on the trusted address the rest of the path worked: GET https://web.whatsapp.com/ via "
        + "157.240.1.53:443 was answered with HTTP 200";

    assertThat(EvidenceText.render(en, RU)).isEqualTo("по доверенному адресу остальной путь прошёл: на GET "
        + "https://web.whatsapp.com/ через 157.240.1.53:443 получен ответ HTTP 200");
  }

  /** "; " appears inside the DoH sentence too: the reading that explains the most text wins. */
  @Test
  void systemThenDohFailure_splitsWhereBothHalvesAreSentences() {
    String en = Evidence.sentence("dns.system.then", "192.0.2.53:53", "157.240.1.53", "web.whatsapp.com",
        Evidence.sentence("dns.doh.failed", "https://dns.example/dns-query", Evidence.sentence("dns.answer.timeout")));

    assertThat(EvidenceText.render(en, RU)).isEqualTo("проверяемый DNS-резолвер (192.0.2.53:53) для web.whatsapp.com: "
        + "157.240.1.53; ответ доверенных DoH-резолверов (https://dns.example/dns-query): нет ответа (таймаут); "
        + "сбой DoH сам по себе ничего не доказывает");
  }

  @Test
  void repeatedPlaceholder_mustCaptureTheSameText() {
    String en = "a TLS handshake with SNI a.example to 192.0.2.1:443 failed validation (ssl_invalid_hostname): the "
        + "resolver under test points the name at a server that is not b.example";

    assertThat(EvidenceText.render(en, RU)).isEqualTo(en);
  }

  @Test
  void numbersAndScrubbedAddresses_keepTheirForm() {
    String en = Evidence.sentence("transfer.moved.below", Evidence.sentence("transfer.download", "[scrubbed]:443"),
        16384, "4.4", "30", "100");

    assertThat(EvidenceText.render(en, RU))
        .isEqualTo("скачивание с [scrubbed]:443: 16384 байт за 4.4 с, 30 кбит/с — ниже 100 кбит/с");
  }

  /** Long data with many separators: every split is tried, yet the reading stays quick and right. */
  @Test
  void longFailureWithManySeparators_rendersWithTheFailureUnchanged() {
    String failure = "unknown_failure: " + "a, b; c (d) via e: f ".repeat(200);
    String en = Evidence.sentence("retry.again", Evidence.sentence("tls.failed", Evidence.sentence("sni.none"),
        "192.0.2.1:443", failure, 12), failure, 13);

    assertThat(EvidenceText.render(en, RU)).isEqualTo("ClientHello (без SNI) к 192.0.2.1:443: сбой " + failure
        + " через 12 мс; при повторе снова (" + failure + " через 13 мс)");
  }

  @Test
  void unknownSentence_isShownUnchanged() {
    assertThat(EvidenceText.render("a sentence from a newer msgprobe", RU)).isEqualTo("a sentence from a newer msgprobe");
  }

  @Test
  void englishOrALanguageWithoutBundle_leavesTheSentenceAlone() {
    String en = Evidence.sentence("tcp.connected", "192.0.2.1:443", 20);

    assertThat(EvidenceText.render(en, Locale.ENGLISH)).isSameAs(en);
    assertThat(EvidenceText.render(en, Locale.GERMAN)).isSameAs(en);
    assertThat(EvidenceText.render(en, Locale.ROOT)).isSameAs(en);
  }
}
