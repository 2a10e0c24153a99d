package dev.msgprobe.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.msgprobe.model.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BuiltInListsTest {
  private static final List<String> OONI_TELEGRAM_DCS = List.of("149.154.175.50", "149.154.167.51",
      "149.154.175.100", "149.154.167.91", "149.154.171.5", "95.161.76.100");

  private static List<Endpoint> list(String name) throws ListException {
    return TestLists.builtIn(name).endpoints();
  }

  @Test
  void everyBuiltInList_loadsWithoutErrors_withServiceFunctionSourceAndDate() throws Exception {
    for (String name : TestLists.builtInNames()) {
      TestList list = TestLists.builtIn(name);
      assertThat(list.file()).isEqualTo("test-lists/" + name + ".csv");
      assertThat(list.endpoints()).isNotEmpty().allSatisfy(e -> {
        assertThat(e.service()).isEqualTo(name.equals("controls") ? "control" : name);
        assertThat(e.function()).isNotEqualTo(EndpointBuilder.DEFAULT_FUNCTION);
        assertThat(e.source()).isNotBlank();
        assertThat(e.dateAdded()).isIn("2026-11-28", "2026-12-07");
        assertThat(e.categoryCode()).isEqualTo(name.equals("controls") ? "CTRL" : "COMT");
      });
    }
  }

  @Test
  void whatsapp_holdsOonis32ChatEndpoints_registrationAndWeb() throws Exception {
    List<String> ooniChat = new ArrayList<>();
    IntStream.rangeClosed(1, 16).forEach(i -> Stream.of(443, 5222)
        .forEach(port -> ooniChat.add("tcp://e" + i + ".whatsapp.net:" + port)));

    List<Endpoint> whatsapp = list("whatsapp");

    assertThat(whatsapp).filteredOn(e -> e.host().matches("e[0-9]{1,2}\\.whatsapp\\.net"))
        .allSatisfy(e -> assertThat(e.function()).isEqualTo("chat"))
        .extracting(Endpoint::url).containsExactlyInAnyOrderElementsOf(ooniChat);
    assertThat(whatsapp).extracting(Endpoint::url, Endpoint::function).contains(
        tuple("https://v.whatsapp.net/v2/register", "registration"),
        tuple("https://web.whatsapp.com/", "web"),
        tuple("tcp://g.whatsapp.net:5222", "chat"),
        tuple("wss://web.whatsapp.com/ws/chat", "web"),
        tuple("dns://whatsapp.com", "dns"));
    assertThat(whatsapp).filteredOn(Endpoint::throughput).extracting(Endpoint::url)
        .containsExactly("https://mmg.whatsapp.net/");
  }

  @Test
  void telegram_holdsOonis12DcPosts_andWeb() throws Exception {
    List<String> ooniDcs = new ArrayList<>();
    OONI_TELEGRAM_DCS.forEach(ip -> {
      ooniDcs.add("http://" + ip + "/");
      ooniDcs.add("http://" + ip + ":443/");
    });

    List<Endpoint> telegram = list("telegram");

    assertThat(telegram).filteredOn(e -> "POST".equals(e.method()))
        .allSatisfy(e -> assertThat(e.function()).isEqualTo("chat"))
        .extracting(Endpoint::url).containsExactlyInAnyOrderElementsOf(ooniDcs);
    assertThat(telegram).extracting(Endpoint::url).contains("https://web.telegram.org/",
        "wss://pluto.web.telegram.org/apiws", "wss://flora.web.telegram.org/apiws", "tcp://149.154.175.53:443");
    assertThat(telegram).filteredOn(e -> e.scheme().equals("tcp"))
        .extracting(Endpoint::host).doesNotContainAnyElementsOf(OONI_TELEGRAM_DCS);
  }

  @Test
  void max_testsTheAppApiWithTls() throws Exception {
    assertThat(list("max")).extracting(Endpoint::url).contains("tls://api.oneme.ru:443",
        "wss://ws-api.oneme.ru/websocket", "https://web.max.ru/", "https://max.ru/", "https://platform-api.max.ru/");
  }

  @Test
  void controls_areDomesticOrForeign_withOneThroughputBaselineEach() throws Exception {
    List<Endpoint> controls = TestLists.controls();

    assertThat(controls).extracting(Endpoint::function).containsOnly("domestic", "foreign");
    assertThat(controls).filteredOn(Endpoint::throughput).extracting(Endpoint::function)
        .containsExactlyInAnyOrder("domestic", "foreign");
    assertThat(controls).extracting(Endpoint::url).contains("https://ya.ru/", "https://github.com/",
        "https://www.iana.org/");
  }

  @Test
  void controls_holdADomesticAndAForeignStunServer() throws Exception {
    assertThat(TestLists.controls()).filteredOn(e -> e.scheme().equals("stun"))
        .extracting(Endpoint::function).containsExactlyInAnyOrder("domestic", "foreign");
  }

  @Test
  void everyService_hasQuicRowsAndCallsRows_withHowSureInTheNotes() throws Exception {
    for (String service : List.of("whatsapp", "telegram", "max")) {
      List<Endpoint> endpoints = list(service);
      assertThat(endpoints).as(service).anySatisfy(e -> assertThat(e.scheme()).isEqualTo("quic"));
      assertThat(endpoints).as(service).filteredOn(e -> e.function().equals("calls")).isNotEmpty()
          .allSatisfy(e -> assertThat(e.notes()).containsAnyOf(", low", ", medium", ", high"));
    }
    assertThat(list("telegram")).filteredOn(e -> e.scheme().equals("stun")).extracting(Endpoint::port)
        .contains(599, 1400);
  }
}
