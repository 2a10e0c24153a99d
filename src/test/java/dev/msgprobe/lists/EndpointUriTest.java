package dev.msgprobe.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndpointUriTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      https://web.whatsapp.com/            | https | web.whatsapp.com | 443   | /
      http://149.154.175.50:443/           | http  | 149.154.175.50   | 443   | /
      http://149.154.175.50                | http  | 149.154.175.50   | 80    | /
      tls://api.oneme.ru                   | tls   | api.oneme.ru     | 443   | /
      tcp://e1.whatsapp.net:5222           | tcp   | e1.whatsapp.net  | 5222  | /
      wss://ws-api.oneme.ru/websocket      | wss   | ws-api.oneme.ru  | 443   | /websocket
      dns://whatsapp.com                   | dns   | whatsapp.com     | 53    | /
      quic://web.whatsapp.com              | quic  | web.whatsapp.com | 443   | /
      stun://91.108.56.100:1400            | stun  | 91.108.56.100    | 1400  | /
      stun://stun.example.net              | stun  | stun.example.net | 3478  | /
      HTTPS://Web.WhatsApp.COM/A/b         | https | web.whatsapp.com | 443   | /A/b
      https://example.com?q=1#top          | https | example.com      | 443   | /?q=1
      https://example.com/p?q=1            | https | example.com      | 443   | /p?q=1
      tcp://[2001:67c:4e8:f002::a]:443     | tcp   | 2001:67c:4e8:f002::a | 443 | /
      https://[2001:DB8::1]/               | https | 2001:db8::1      | 443   | /
      https://кремль.рф/                   | https | xn--e1ajeds9e.xn--p1ai | 443 | /
      https://example.com./                | https | example.com      | 443   | /
      """)
  void parses(String url, String scheme, String host, int port, String path) throws Exception {
    assertThat(EndpointUri.parse(url)).isEqualTo(new EndpointUri(scheme, host, port, path));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      ""                              | empty url
      "https://a b/"                  | url 'https://a b/' contains whitespace
      www.example.com                 | 'www.example.com' is not a URI (expected scheme://host..., e.g. https://www.example.com)
      ftp://example.com/              | unsupported scheme 'ftp' (expected https, http, tls, tcp, wss, dns, quic, stun)
      quic://157.240.1.53:443        | quic needs a host name (it is sent as the SNI), not an address
      stun://1.2.3.4:1400/x           | a stun url has no path or query ('/x')
      https:///path                   | missing host
      tcp://e1.whatsapp.net           | tcp needs a port, e.g. tcp://e1.whatsapp.net:443
      tcp://host:0                    | port 0 out of range (1-65535)
      tcp://host:65536                | port 65536 out of range (1-65535)
      tcp://host:99999999999          | port 99999999999 out of range (1-65535)
      tcp://host:http                 | port 'http' is not a number
      https://host:/                  | empty port after ':'
      tcp://2001:db8::1:443           | an IPv6 address must be in brackets, e.g. tcp://[2001:db8::1]:443
      tcp://[2001:db8::1:443          | '[' without ']' around the IPv6 address
      tcp://[2001:db8::1]x            | unexpected 'x' after the IPv6 address
      tcp://[fe80::1%eth0]:443        | bad IPv6 address 'fe80::1%eth0'
      tcp://[example.com]:443         | bad IPv6 address 'example.com'
      http://300.1.1.1/               | bad IPv4 address '300.1.1.1'
      http://1.2.3/                   | bad IPv4 address '1.2.3'
      https://exa$mple.com/           | bad host name 'exa$mple.com'
      https://-bad.example/           | bad host name '-bad.example'
      https://user@example.com/       | user info ('user@') is not allowed in a url
      tcp://host:443/path             | a tcp url has no path or query ('/path')
      dns://whatsapp.com/x            | a dns url has no path or query ('/x')
      dns://8.8.8.8                   | dns needs a host name, not an address
      """)
  void rejects(String url, String message) {
    assertThatThrownBy(() -> EndpointUri.parse(url))
        .isInstanceOf(EndpointUri.Invalid.class)
        .hasMessage(message);
  }

  @Test
  void looksLikeUri_needsSchemeAndSlashes() {
    assertThat(EndpointUri.looksLikeUri("tcp://x:1")).isTrue();
    assertThat(EndpointUri.looksLikeUri("ftp://x")).isTrue();
    assertThat(EndpointUri.looksLikeUri("url,category_code")).isFalse();
    assertThat(EndpointUri.looksLikeUri("lists/ru.csv")).isFalse();
  }

  @Test
  void hostNameOverTheDnsLimit_isRejected_evenWhenEveryLabelIsShortEnough() {
    String label = "a".repeat(63);
    String name = String.join(".", label, label, label, label, "com");
    assertThatThrownBy(() -> EndpointUri.parse("https://" + name + "/"))
        .isInstanceOf(EndpointUri.Invalid.class)
        .hasMessage("host name longer than 253 characters (" + name.length() + ")");
  }

  @Test
  void hostNameOfExactlyTheDnsLimit_isAccepted() throws Exception {
    String label = "a".repeat(63);
    String name = String.join(".", label, label, label, "a".repeat(61));
    assertThat(name).hasSize(253);
    assertThat(EndpointUri.parse("https://" + name + "/").host()).isEqualTo(name);
  }
}
