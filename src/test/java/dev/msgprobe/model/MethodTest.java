package dev.msgprobe.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MethodTest {
  @Test
  void everyMethodRoundTripsThroughItsWireName_andItsLayerPrefixesIt() {
    for (Method m : Method.values()) {
      assertThat(Method.fromWire(m.wire())).isSameAs(m);
      if (m != Method.OK) {
        assertThat(m.wire()).startsWith(m.layer().wire() + ".");
      }
    }
  }

  @Test
  void aMethodFromANewerVersion_readsAsUnknownInsteadOfFailing() {
    assertThat(Method.fromWire("quic.version_negotiation")).isNull();
  }
}
