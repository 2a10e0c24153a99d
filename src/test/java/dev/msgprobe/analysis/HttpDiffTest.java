package dev.msgprobe.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.model.Body;
import dev.msgprobe.model.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OONI's comparisons (OONI's ts-017-web-connectivity) on the cases its QA table uses. */
class HttpDiffTest {
  private static HttpResponse r(int code, String body, String... headerNames) {
    List<List<String>> headers = java.util.Arrays.stream(headerNames).map(n -> List.of(n, "v")).toList();
    return new HttpResponse(Body.of(body.getBytes(StandardCharsets.UTF_8)), false, code, headers, Map.of());
  }

  @Test
  void samePage_isNoDiff() {
    HttpDiff d = HttpDiff.compare(r(200, "<title>Example Domain</title>abc", "Date"), false,
        r(200, "<title>Example Domain</title>abd", "Date"));

    assertThat(d.statusCodeMatch()).isTrue();
    assertThat(d.bodyLengthMatch()).isTrue();
    assertThat(d.differs()).isFalse();
  }

  @Test
  void injectedPageWithSameStatus_isDiffWhenNothingElseMatches() {
    HttpDiff d = HttpDiff.compare(r(200, "<title>Blocked page here</title>", "X-Filter"), false,
        r(200, "<title>Example Domain</title>" + "x".repeat(500), "X-Origin"));

    assertThat(d.bodyLengthMatch()).isFalse();
    assertThat(d.headersMatch()).isFalse();
    assertThat(d.titleMatch()).isFalse();
    assertThat(d.differs()).isTrue();
  }

  @Test
  void samePageWithSmallBodyChange_isSavedByTheTitle() {
    HttpDiff d = HttpDiff.compare(r(200, "<title>Example Domain</title>", "X-A"), false,
        r(200, "<title>Example Domain</title>" + "y".repeat(400), "X-B"));

    assertThat(d.titleMatch()).isTrue();
    assertThat(d.differs()).isFalse();
  }

  @Test
  void controlServerError_cannotBeCompared() {
    HttpDiff d = HttpDiff.compare(r(200, "ok"), false, r(503, "busy"));

    assertThat(d.statusCodeMatch()).isNull();
    assertThat(d.differs()).isFalse();
  }

  @Test
  void truncatedProbeBody_hasNoLengthMatch() {
    assertThat(HttpDiff.compare(r(200, "abc"), true, r(200, "abc")).bodyLengthMatch()).isNull();
  }

  @Test
  void description_namesOoniKeysAndTheBodyProportion() {
    assertThat(new HttpDiff(false, 0.0625, false, false, null).describe()).isEqualTo(
        "status_code_match false, body_length_match false (proportion 0.06), headers_match false, title_match null");
    assertThat(new HttpDiff(true, null, null, true, true).describe())
        .isEqualTo("status_code_match true, body_length_match null, headers_match true, title_match true");
  }
}
