package dev.msgprobe.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.Method;
import dev.msgprobe.model.Status;
import org.junit.jupiter.api.Test;

class ResumeKeyTest {

  @Test
  void postEndpoint_andItsMeasurement_haveTheSameKey() {
    Endpoint e = endpoint("http://149.154.175.50:443/", "post");
    Measurement m = Fixtures.withAnnotation(measurement(e.url()), ResumeKey.METHOD_ANNOTATION, "POST");

    assertThat(ResumeKey.of(e)).isEqualTo("http://149.154.175.50:443/|POST").isEqualTo(ResumeKey.of(m));
  }

  @Test
  void getOrNoMethod_isTheInputAlone() {
    Measurement withoutAnnotation = measurement("https://web.whatsapp.com/");

    assertThat(ResumeKey.of(endpoint("https://web.whatsapp.com/", "GET"))).isEqualTo("https://web.whatsapp.com/");
    assertThat(ResumeKey.of(endpoint("tcp://e1.whatsapp.net:5222", null))).isEqualTo("tcp://e1.whatsapp.net:5222");
    assertThat(ResumeKey.of(withoutAnnotation)).isEqualTo("https://web.whatsapp.com/");
  }

  @Test
  void getAndPostOfTheSameUri_areDifferentEndpoints() {
    assertThat(ResumeKey.of(endpoint("http://149.154.175.50:443/", "GET")))
        .isNotEqualTo(ResumeKey.of(endpoint("http://149.154.175.50:443/", "POST")));
  }

  private static Measurement measurement(String input) {
    return Fixtures.simple(input, "telegram", Status.REACHABLE, Method.OK, "ok");
  }

  private static Endpoint endpoint(String url, String method) {
    return new Endpoint(url, "http", "149.154.175.50", 443, "/", method, "telegram", "chat", "telegram", 3,
        null, null, null, null, null, false);
  }
}
