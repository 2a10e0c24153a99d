package dev.msgprobe.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.msgprobe.testing.TestEndpoints;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransferModeTest {
  private static final List<Endpoint> UNMARKED = List.of(
      TestEndpoints.of("https://web.whatsapp.com/"),
      TestEndpoints.of("http://web.whatsapp.com/"),
      TestEndpoints.withMethod(TestEndpoints.of("http://149.154.175.50:443/"), "POST"),
      TestEndpoints.of("wss://web.whatsapp.com/ws/chat"),
      TestEndpoints.of("tls://api.oneme.ru:443"),
      TestEndpoints.of("tcp://e1.whatsapp.net:5222"),
      TestEndpoints.of("dns://whatsapp.com"));

  @Test
  void all_selectsEveryDataCarryingEndpoint_butNotConnectOnlyOrDnsRows() {
    assertThat(UNMARKED).filteredOn(TransferMode.ALL::selects).extracting(Endpoint::url).containsExactly(
        "https://web.whatsapp.com/", "http://web.whatsapp.com/", "http://149.154.175.50:443/",
        "wss://web.whatsapp.com/ws/chat");
  }

  @Test
  void all_keepsAMarkedTlsEndpoint_whoseMarkSaysItCarriesData() {
    assertThat(TransferMode.ALL.selects(TestEndpoints.withThroughput(TestEndpoints.of("tls://api.oneme.ru:443"))))
        .isTrue();
  }

  @Test
  void marked_selectsOnlyTheListsThroughputRows() {
    Endpoint marked = TestEndpoints.withThroughput(TestEndpoints.of("https://mmg.whatsapp.net/"));

    assertThat(UNMARKED).noneMatch(TransferMode.MARKED::selects);
    assertThat(TransferMode.MARKED.selects(marked)).isTrue();
  }

  @Test
  void none_selectsNothing_evenAMarkedRow() {
    assertThat(TransferMode.NONE.selects(TestEndpoints.withThroughput(TestEndpoints.of("https://mmg.whatsapp.net/"))))
        .isFalse();
    assertThat(UNMARKED).noneMatch(TransferMode.NONE::selects);
  }

  @Test
  void onlyMarkedRowsDownload_theOthersOnlyUpload() {
    assertThat(TransferMode.downloads(TestEndpoints.withThroughput(TestEndpoints.of("https://mmg.whatsapp.net/"))))
        .isTrue();
    assertThat(TransferMode.downloads(TestEndpoints.of("https://web.whatsapp.com/"))).isFalse();
  }

  @Test
  void parse_acceptsTheThreeWordsInAnyCase_andNamesTheChoicesOtherwise() {
    assertThat(TransferMode.parse("ALL")).isEqualTo(TransferMode.ALL);
    assertThat(TransferMode.parse("marked")).isEqualTo(TransferMode.MARKED);
    assertThat(TransferMode.parse(" none ")).isEqualTo(TransferMode.NONE);
    assertThatThrownBy(() -> TransferMode.parse("some")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'some'").hasMessageContaining("all, marked or none");
  }
}
