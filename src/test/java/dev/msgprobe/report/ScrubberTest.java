package dev.msgprobe.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ScrubberTest {

  @Test
  void ipv4_isReplacedWherever_itStandsAlone() {
    Scrubber s = new Scrubber(Set.of("1.2.3.4"));

    assertThat(s.scrub("{\"ip\":\"1.2.3.4\",\"address\":\"1.2.3.4:443\",\"e\":\"seen as 1.2.3.4.\"}"))
        .isEqualTo("{\"ip\":\"[scrubbed]\",\"address\":\"[scrubbed]:443\",\"e\":\"seen as [scrubbed].\"}");
  }

  @Test
  void ipv4_insideALongerAddress_isLeftAlone() {
    Scrubber s = new Scrubber(Set.of("1.2.3.4"));

    assertThat(s.scrub("11.2.3.4 1.2.3.45 21.2.3.41")).isEqualTo("11.2.3.4 1.2.3.45 21.2.3.41");
  }

  @Test
  void ipv4MappedIpv6_isScrubbed() {
    assertThat(new Scrubber(Set.of("1.2.3.4")).scrub("::ffff:1.2.3.4")).isEqualTo("::ffff:[scrubbed]");
  }

  @Test
  void ipv6_isReplacedInCompressedFullAndUpperCaseForms() {
    Scrubber s = new Scrubber(Set.of("2001:DB8::7"));

    assertThat(s.scrub("2001:db8::7 [2001:db8:0:0:0:0:0:7]:443 2001:DB8::7"))
        .isEqualTo("[scrubbed] [[scrubbed]]:443 [scrubbed]");
  }

  @Test
  void ipv6_insideALongerAddress_isLeftAlone() {
    Scrubber s = new Scrubber(Set.of("2001:db8::7"));

    assertThat(s.scrub("2001:db8::77 2001:db8::7:1")).isEqualTo("2001:db8::77 2001:db8::7:1");
  }

  @Test
  void emptySet_changesNothing() {
    assertThat(new Scrubber(Set.of()).scrub("1.2.3.4")).isEqualTo("1.2.3.4");
  }

  @Test
  void loopbackAddresses_areNeverScrubbed() {
    Scrubber s = new Scrubber(Set.of("127.0.0.1", "::1", "1.2.3.4"));

    assertThat(s.scrub("\"probe_ip\":\"127.0.0.1\" ::1 1.2.3.4"))
        .isEqualTo("\"probe_ip\":\"127.0.0.1\" ::1 [scrubbed]");
  }

  @Test
  void somethingThatIsNotAnAddress_isRejected() {
    assertThatThrownBy(() -> new Scrubber(Set.of("example.com"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Scrubber(Set.of("1"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Scrubber(Set.of("12:zz::1"))).isInstanceOf(IllegalArgumentException.class);
  }
}
