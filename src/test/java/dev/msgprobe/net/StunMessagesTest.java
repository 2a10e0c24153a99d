package dev.msgprobe.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class StunMessagesTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] RFC5769_ID = HEX.parseHex("b7e7a701bc34d686fa87dfae");

  /** RFC 5769 §2.2, sample IPv4 response (SOFTWARE, XOR-MAPPED-ADDRESS, MESSAGE-INTEGRITY, FINGERPRINT). */
  private static final byte[] RFC5769_IPV4_RESPONSE = HEX.parseHex(
      "0101003c2112a442b7e7a701bc34d686fa87dfae"
          + "8022000b7465737420766563746f7220"
          + "002000080001a147e112a643"
          + "000800142b91f599fd9e90c38c7489f92af9ba53f06be7d7"
          + "80280004c07d4c96");

  /** RFC 5769 §2.3, sample IPv6 response. */
  private static final byte[] RFC5769_IPV6_RESPONSE = HEX.parseHex(
      "010100482112a442b7e7a701bc34d686fa87dfae"
          + "8022000b7465737420766563746f7220"
          + "002000140002a1470113a9faa5d3f179bc25f4b5bed2b9d9"
          + "00080014a382954e4be67bf11784c97c8292c275bfe3ed41"
          + "80280004c8fb0b4c");

  /** RFC 5769 §2.1, sample request; its FINGERPRINT is 0xe57a3bcf. */
  private static final byte[] RFC5769_REQUEST = HEX.parseHex(
      "000100582112a442b7e7a701bc34d686fa87dfae"
          + "802200105354554e207465737420636c69656e74"
          + "002400046e0001ff"
          + "80290008932ff9b151263b36"
          + "000600096576746a3a68367659202020"
          + "000800149aeaa70cbfd8cb56781ef2b5b2d3f249c1b571a2"
          + "80280004e57a3bcf");

  @Test
  void rfc5769Ipv4Response_yieldsXorMappedAddress() throws Exception {
    StunReply reply = StunMessages.parseResponse(RFC5769_IPV4_RESPONSE, RFC5769_ID);

    assertThat(reply.success()).isTrue();
    assertThat(reply.mapped()).isEqualTo(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853));
  }

  @Test
  void rfc5769Ipv6Response_yieldsXorMappedAddress() throws Exception {
    StunReply reply = StunMessages.parseResponse(RFC5769_IPV6_RESPONSE, RFC5769_ID);

    assertThat(reply.mapped()).isEqualTo(
        new InetSocketAddress(InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853));
  }

  @Test
  void rfc5769RequestFingerprint_isReproduced() {
    int fingerprintAt = RFC5769_REQUEST.length - 8;

    int computed = StunMessages.fingerprint(RFC5769_REQUEST, fingerprintAt);

    assertThat(computed).isEqualTo(0xe57a3bcf);
  }

  @Test
  void corruptedFingerprint_isMalformed() {
    byte[] bad = RFC5769_IPV4_RESPONSE.clone();
    bad[bad.length - 1] ^= 1;

    assertThatThrownBy(() -> StunMessages.parseResponse(bad, RFC5769_ID))
        .isInstanceOf(StunMessages.Malformed.class).hasMessageContaining("FINGERPRINT");
  }

  @Test
  void responseToAnotherTransaction_isMalformed() {
    byte[] otherId = RFC5769_ID.clone();
    otherId[0] ^= 1;

    assertThatThrownBy(() -> StunMessages.parseResponse(RFC5769_IPV4_RESPONSE, otherId))
        .isInstanceOf(StunMessages.Malformed.class).hasMessageContaining("transaction");
  }

  @Test
  void plainMappedAddress_isTheFallbackOfOldServers() throws Exception {
    byte[] response = ByteBuffer.allocate(32).putShort((short) 0x0101).putShort((short) 12).putInt(0x2112A442)
        .put(RFC5769_ID).putShort((short) 0x0001).putShort((short) 8).put((byte) 0).put((byte) 1)
        .putShort((short) 5000).put(new byte[] {(byte) 198, 51, 100, 7}).array();

    StunReply reply = StunMessages.parseResponse(response, RFC5769_ID);

    assertThat(reply.mapped()).isEqualTo(new InetSocketAddress(InetAddress.getByName("198.51.100.7"), 5000));
  }

  @Test
  void errorResponse_isAnAnswerWithItsCode() throws Exception {
    byte[] response = ByteBuffer.allocate(28).putShort((short) 0x0111).putShort((short) 8).putInt(0x2112A442)
        .put(RFC5769_ID).putShort((short) 0x0009).putShort((short) 4).putShort((short) 0).put((byte) 4)
        .put((byte) 20).array();

    StunReply reply = StunMessages.parseResponse(response, RFC5769_ID);

    assertThat(reply.success()).isFalse();
    assertThat(reply.errorCode()).isEqualTo(420);
    assertThat(reply.mapped()).isNull();
  }

  @Test
  void garbageAndTruncatedDatagrams_areMalformed() {
    assertThatThrownBy(() -> StunMessages.parseResponse("hello".getBytes(), RFC5769_ID))
        .isInstanceOf(StunMessages.Malformed.class);
    byte[] truncated = Arrays.copyOf(RFC5769_IPV4_RESPONSE, RFC5769_IPV4_RESPONSE.length - 4);
    assertThatThrownBy(() -> StunMessages.parseResponse(truncated, RFC5769_ID))
        .isInstanceOf(StunMessages.Malformed.class).hasMessageContaining("length");
    assertThatThrownBy(() -> StunMessages.parseResponse(RFC5769_REQUEST, RFC5769_ID))
        .isInstanceOf(StunMessages.Malformed.class).hasMessageContaining("not a Binding response");
  }

  @Test
  void minimalRequest_isHeaderPlusFingerprint() {
    byte[] request = StunMessages.bindingRequest(RFC5769_ID, 0, true);

    assertThat(request).hasSize(28);
    assertThat(HEX.formatHex(Arrays.copyOf(request, 20))).isEqualTo("000100082112a442b7e7a701bc34d686fa87dfae");
    ByteBuffer tail = ByteBuffer.wrap(request, 20, 8);
    assertThat(tail.getShort()).isEqualTo((short) 0x8028);
    assertThat(tail.getShort()).isEqualTo((short) 4);
    assertThat(tail.getInt()).isEqualTo(StunMessages.fingerprint(request, 20));
  }

  @Test
  void paddedRequest_exceeds1001BytesWithAPaddingAttribute() {
    byte[] request = StunMessages.bindingRequest(RFC5769_ID, 1100, false);

    assertThat(request.length).isBetween(1100, 1103);
    ByteBuffer b = ByteBuffer.wrap(request);
    assertThat(b.getShort(2) & 0xffff).isEqualTo(request.length - 20);
    assertThat(b.getShort(20)).isEqualTo((short) 0x0026);
    assertThat(b.getShort(22) & 0xffff).isEqualTo(request.length - 24);
  }
}
