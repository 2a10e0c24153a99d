package dev.msgprobe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.geo.GeoLookup;
import dev.msgprobe.geo.NetworkOwner;
import dev.msgprobe.model.BinaryData;
import dev.msgprobe.model.Body;
import dev.msgprobe.model.DnsAnswer;
import dev.msgprobe.model.DnsQuery;
import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.HttpRequest;
import dev.msgprobe.model.HttpResponse;
import dev.msgprobe.model.HttpTransaction;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.NetworkEvent;
import dev.msgprobe.model.Tags;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.net.IpLiterals;
import dev.msgprobe.report.ReportWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The probe's public address, put in every field that could carry it, never reaches a report line:
 * neither as text nor inside base64 data (as text or as raw bytes), whether the probe knew it from an
 * interface or learnt it only over STUN or only from the HTTPS address echo (behind NAT).
 */
class PublicAddressNeverReportedTest {
  private static final String ME = "198.51.100.77";
  private static final byte[] ME_RAW = IpLiterals.parse(ME).getAddress();
  private static final Pattern BASE64 = Pattern.compile("\"format\":\"base64\",\"data\":\"([A-Za-z0-9+/=]*)\"");

  @TempDir
  Path dir;

  enum Source { INTERFACE, STUN_ONLY, ECHO_ONLY }

  static Stream<Arguments> fields() {
    Map<String, Function<String, TestKeys>> fields = new java.util.LinkedHashMap<>();
    fields.put("STUN reply: mapped address as text and XOR-MAPPED-ADDRESS bytes", ip -> keys(List.of(),
        List.of(event(ip + ":40000", "stun_binding_response")),
        List.of(transaction(ip, Body.of(stunReply(ip)), List.of()))));
    fields.put("resolver echo: the answer and the raw DNS message", ip -> keys(List.of(echo(ip)), List.of(),
        List.of()));
    fields.put("HTTP body echoing the client address", ip -> keys(List.of(), List.of(),
        List.of(transaction(ip, Body.of(("{\"origin\": \"" + ip + "\"}").getBytes(StandardCharsets.UTF_8)),
            List.of()))));
    fields.put("binary HTTP body kept as base64", ip -> keys(List.of(), List.of(),
        List.of(transaction(ip, Body.of(binaryWith(ip)), List.of()))));
    fields.put("HTTP headers echoing the client address", ip -> keys(List.of(), List.of(),
        List.of(transaction(ip, Body.EMPTY, List.of(List.of("X-Forwarded-For", ip), List.of("X-Real-IP", ip))))));
    fields.put("block page cut at the size cap inside a character", ip -> keys(List.of(), List.of(),
        List.of(transaction(ip, Body.of(blockPage(ip), true), List.of()))));
    fields.put("helper reply recorded as control observations", ip -> keys(List.of(), List.of(event(ip + ":0",
        "control_saw_client")), List.of(transaction(ip, Body.of(("{\"client_ip\":\"" + ip + "\"}")
            .getBytes(StandardCharsets.UTF_8)), List.of(), Tags.CONTROL))));
    fields.put("network events", ip -> keys(List.of(), List.of(event(ip + ":51515", "connect"),
        event("[::ffff:" + ip + "]:443", "write")), List.of()));
    List<Arguments> out = new ArrayList<>();
    for (Map.Entry<String, Function<String, TestKeys>> f : fields.entrySet()) {
      for (Source s : Source.values()) {
        out.add(Arguments.of(f.getKey(), s, f.getValue()));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}, address from {1}")
  @MethodSource("fields")
  void addressInTheField_isScrubbedFromTheLine(String field, Source source, Function<String, TestKeys> keys)
      throws Exception {
    ProbeLocation where = new ProbeLocator(new GeoOptions(null, null, false, List.of(), List.of("127.0.0.1:3478"),
        "https://127.0.0.1:8443/ip"), GeoLookup.NONE,
        source == Source.STUN_ONLY ? servers -> Optional.of(IpLiterals.parse(ME)) : PublicAddressFinder.NONE,
        url -> {
          if (source != Source.ECHO_ONLY) {
            throw new java.io.IOException("the echo is silent");
          }
          return IpLiterals.parse(ME);
        }, line -> { }, source == Source.INTERFACE ? Set.of(ME) : Set.of()).locate();
    Envelope envelope = new Envelope("rid", Instant.parse("2026-12-07T00:00:00Z"), where.owner(), ME,
        NetworkOwner.UNKNOWN, "127.0.0.53", "test");
    Endpoint e = new Endpoint("https://web.whatsapp.com/", "https", "web.whatsapp.com", 443, "/", null, "whatsapp",
        "web", "whatsapp", 1, null, null, null, null, null, false);
    Path report = dir.resolve("r.jsonl");
    try (ReportWriter w = ReportWriter.create(report, where.publicAddresses())) {
      w.write(envelope.wrap(e, keys.apply(ME), Instant.parse("2026-12-07T00:00:01Z"), 1));
    }
    String line = Files.readString(report);

    assertThat(line).as(field).doesNotContain(ME).contains("[scrubbed]");
    Matcher m = BASE64.matcher(line);
    while (m.find()) {
      byte[] bytes = Base64.getDecoder().decode(m.group(1));
      assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).as(field).doesNotContain(ME);
      assertThat(indexOf(bytes, ME_RAW)).as(field + ": raw address bytes").isNegative();
      assertThat(indexOf(bytes, xorCookie(ME_RAW))).as(field + ": XOR-mapped address bytes").isNegative();
    }
    Measurement parsed = dev.msgprobe.report.ReportJson.parseMeasurement(line.strip());
    assertThat(parsed.resolverIp()).isEqualTo("[scrubbed]");
    if (field.startsWith("block page")) {
      assertThat(parsed.testKeys().requests().get(0).response().body().text()).as("still text").isNotNull()
          .startsWith("<html>");
    }
  }

  private static TestKeys keys(List<DnsQuery> queries, List<NetworkEvent> events, List<HttpTransaction> requests) {
    return new TestKeys(null, null, null, queries, List.of(), List.of(), requests, events, List.of(), null);
  }

  private static NetworkEvent event(String address, String operation) {
    return new NetworkEvent(address, null, 20L, operation, "udp", 0.1, 0.2, List.of(), 1);
  }

  private static HttpTransaction transaction(String ip, Body body, List<List<String>> headers, String... tags) {
    HttpResponse response = new HttpResponse(body, false, 200, headers, Map.of());
    HttpRequest request = new HttpRequest(Body.EMPTY, false, List.of(), Map.of(), "GET", HttpRequest.Tor.NONE, "tcp",
        "https://web.whatsapp.com/");
    return new HttpTransaction("tcp", "157.240.1.53:443", "http/1.1", null, request, response, 0.1, 0.3,
        List.of(tags), 2);
  }

  private static DnsQuery echo(String ip) {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    raw.writeBytes(new byte[] {0x12, 0x34, (byte) 0x81, (byte) 0x80, 0, 1, 0, 1, 0, 0, 0, 0});
    raw.writeBytes(new byte[] {(byte) 0xC0, 0x0C, 0, 1, 0, 1, 0, 0, 0, 30, 0, 4});
    raw.writeBytes(ME_RAW);
    return new DnsQuery(List.of(DnsAnswer.a(ip, 30)), "udp", null, "whoami.akamai.net", "A",
        BinaryData.of(raw.toByteArray()), 0, "127.0.0.53:53", null, null, 0, 0.01, List.of(Tags.RESOLVER_ECHO), 3);
  }

  /** A STUN Binding success response with MAPPED-ADDRESS and XOR-MAPPED-ADDRESS for {@code ip}:40000. */
  private static byte[] stunReply(String ip) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x01, 0x01, 0, 24, 0x21, 0x12, (byte) 0xA4, 0x42, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
    out.writeBytes(new byte[] {0, 1, 0, 8, 0, 1, (byte) 0x9C, 0x40});
    out.writeBytes(ME_RAW);
    out.writeBytes(new byte[] {0, 0x20, 0, 8, 0, 1, (byte) (0x9C ^ 0x21), (byte) (0x40 ^ 0x12)});
    out.writeBytes(xorCookie(ME_RAW));
    return out.toByteArray();
  }

  private static byte[] binaryWith(String ip) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, (byte) 0x80});
    out.writeBytes(("client=" + ip).getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  /** A block page naming the client, cut in the middle of a two-byte Cyrillic letter. */
  private static byte[] blockPage(String ip) {
    byte[] page = ("<html>Ваш адрес " + ip + ". Доступ ограничен").getBytes(StandardCharsets.UTF_8);
    return java.util.Arrays.copyOf(page, page.length - 1);
  }

  private static byte[] xorCookie(byte[] v4) {
    byte[] cookie = {0x21, 0x12, (byte) 0xA4, 0x42};
    byte[] out = v4.clone();
    for (int i = 0; i < 4; i++) {
      out[i] ^= cookie[i];
    }
    return out;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
