package dev.msgprobe.helper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpCheckTest {
  @Test
  void title_isTheFirstTitleElement_caseInsensitive() {
    assertThat(HttpCheck.title("<html><TITLE>Web Example</TITLE><title>second</title>")).isEqualTo("Web Example");
    assertThat(HttpCheck.title("<title></title>")).isEmpty();
    assertThat(HttpCheck.title("no title")).isEmpty();
    assertThat(HttpCheck.title("<title>" + "x".repeat(513) + "</title>")).isEmpty();
  }

  @Test
  void headerNames_areGosCanonicalNames() {
    assertThat(HttpCheck.canonicalName("content-type")).isEqualTo("Content-Type");
    assertThat(HttpCheck.canonicalName("X-FORWARDED-FOR")).isEqualTo("X-Forwarded-For");
    assertThat(HttpCheck.canonicalName("etag")).isEqualTo("Etag");
    assertThat(HttpCheck.canonicalName("odd name")).isEqualTo("odd name");
  }
}
