package dev.msgprobe.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Http1HeadTest {
  private static ByteArrayInputStream bytes(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void headThatIsOnlyABlankLine_isAProtocolError_notACrash() {
    assertThatThrownBy(() -> Http1Head.read(bytes("\r\n\r\n")))
        .isInstanceOf(ProtocolException.class).hasMessageContaining("no status line");
  }

  @Test
  void headStartingWithABlankLine_isAProtocolError() {
    assertThatThrownBy(() -> Http1Head.read(bytes("\r\nHTTP/1.1 200 OK\r\n\r\n")))
        .isInstanceOf(ProtocolException.class);
  }

  @Test
  void wellFormedHead_isParsedAndTheStreamLeftAtTheBody() throws Exception {
    ByteArrayInputStream in = bytes("HTTP/1.1 101 Switching\r\nUpgrade: websocket\r\n\r\nX");
    Http1Head head = Http1Head.read(in);
    assertThat(head.code()).isEqualTo(101);
    assertThat(head.header("upgrade")).isEqualTo("websocket");
    assertThat(in.read()).isEqualTo('X');
  }

  @Test
  void headLongerThanTheLimit_isAProtocolErrorNamingTheLimit() {
    String flood = "HTTP/1.1 200 OK\r\n" + "X-A: b\r\n".repeat(Http1Head.MAX_BYTES / 8 + 1) + "\r\n";
    assertThatThrownBy(() -> Http1Head.read(bytes(flood)))
        .isInstanceOf(ProtocolException.class).hasMessageContaining(String.valueOf(Http1Head.MAX_BYTES));
  }

  @Test
  void peerClosingMidHead_isEof() {
    assertThatThrownBy(() -> Http1Head.read(bytes("HTTP/1.1 200"))).isInstanceOf(EOFException.class);
  }
}
