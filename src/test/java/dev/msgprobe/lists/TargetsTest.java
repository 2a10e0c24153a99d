package dev.msgprobe.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.msgprobe.model.Endpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetsTest {
  @TempDir Path dir;

  private static int size(String list) throws ListException {
    return TestLists.builtIn(list).endpoints().size();
  }

  @Test
  void builtInName_anyCase_givesThatList() throws Exception {
    assertThat(Targets.resolve(List.of("TeleGram"))).isEqualTo(TestLists.builtIn("telegram").endpoints());
  }

  @Test
  void all_andNoTarget_giveTheThreeServiceLists_inOrder() throws Exception {
    List<Endpoint> expected = new ArrayList<>();
    for (String service : TestLists.SERVICES) {
      expected.addAll(TestLists.builtIn(service).endpoints());
    }

    assertThat(Targets.resolve(List.of("all"))).isEqualTo(expected);
    assertThat(Targets.resolve(List.of())).isEqualTo(expected);
    assertThat(expected).extracting(Endpoint::service).doesNotContain("control");
  }

  @Test
  void sameEndpointFromSeveralTargets_isMeasuredOnce() throws Exception {
    List<Endpoint> endpoints = Targets.resolve(List.of("whatsapp", "all", "max", "https://web.whatsapp.com:443/"));

    assertThat(endpoints).hasSize(size("whatsapp") + size("telegram") + size("max"));
    assertThat(endpoints.get(0).list()).isEqualTo("whatsapp");
  }

  @Test
  void listFile_givesItsEndpoints() throws Exception {
    Path f = Files.writeString(dir.resolve("extra.csv"), "url,function\ntcp://e17.whatsapp.net:443,chat\n");

    assertThat(Targets.resolve(List.of(f.toString()))).extracting(Endpoint::url, Endpoint::list, Endpoint::line)
        .containsExactly(tuple("tcp://e17.whatsapp.net:443", "extra", 2));
  }

  @Test
  void uri_ofABuiltInEndpoint_takesItsMethodAndDescription() throws Exception {
    Endpoint dc = Targets.resolve(List.of("http://149.154.175.50:443")).get(0);

    assertThat(dc).extracting(Endpoint::url, Endpoint::method, Endpoint::service, Endpoint::function)
        .containsExactly("http://149.154.175.50:443", "POST", "telegram", "chat");

    Endpoint web = Targets.resolve(List.of("https://web.whatsapp.com/")).get(0);
    assertThat(web).extracting(Endpoint::service, Endpoint::function, Endpoint::list, Endpoint::line,
            Endpoint::categoryCode, Endpoint::source)
        .containsExactly("whatsapp", "web", Targets.COMMAND_LINE, 0, "COMT", "ooni/probe-cli whatsapp.go");
  }

  @Test
  void uri_onAKnownDomain_getsItsService_elseItsHost() throws Exception {
    List<Endpoint> endpoints = Targets.resolve(List.of("tcp://e17.whatsapp.net:443", "http://149.154.175.50:80/x",
        "tls://api-test.oneme.ru", "https://signal.org/", "tcp://[2001:67c:4e8:f002::a]:443"));

    assertThat(endpoints).extracting(Endpoint::service, Endpoint::function, Endpoint::port).containsExactly(
        tuple("whatsapp", "other", 443),
        tuple("telegram", "other", 80),
        tuple("max", "other", 443),
        tuple("signal.org", "other", 443),
        tuple("2001:67c:4e8:f002::a", "other", 443));
  }

  @Test
  void badTargets_areAllReported_namingTheTarget() {
    Path missing = dir.resolve("nope.csv");

    assertThat(ListErrors.of(() -> Targets.resolve(List.of("signal", "whatsapp", "tcp://e1.whatsapp.net",
            missing.toString(), "controls")))).containsExactly(
        "signal: not a built-in list (whatsapp, telegram, max, all), an endpoint URI or an existing file",
        "tcp://e1.whatsapp.net: tcp needs a port, e.g. tcp://e1.whatsapp.net:443",
        missing + ": not a built-in list (whatsapp, telegram, max, all), an endpoint URI or an existing file",
        "controls: not a built-in list (whatsapp, telegram, max, all), an endpoint URI or an existing file");
  }

  @Test
  void badListFile_reportsItsLines() throws Exception {
    Path f = Files.writeString(dir.resolve("bad.txt"), "https://a.example/\nwss://\n");

    assertThat(ListErrors.of(() -> Targets.resolve(List.of(f.toString()))))
        .containsExactly(f + ":2: missing host");
  }
}
