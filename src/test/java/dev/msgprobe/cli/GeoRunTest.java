package dev.msgprobe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msgprobe.testing.FakeDnsBehaviour;
import dev.msgprobe.testing.FakeDnsOverHttpsServer;
import dev.msgprobe.testing.FakeDnsPki;
import dev.msgprobe.testing.FakeDnsServer;
import dev.msgprobe.testing.FakeDnsZone;
import dev.msgprobe.testing.TestMmdb;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Where a run was taken, through the whole command: envelope, answers, summary, overrides, --version. */
@Timeout(60)
class GeoRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private final FakeDnsPki pki = FakeDnsPki.create();

  private JsonNode runDns(String... extra) throws Exception {
    FakeDnsZone local = new FakeDnsZone()
        .on("whatsapp.test", FakeDnsBehaviour.answer("198.51.100.80"))
        .on("whoami.test", FakeDnsBehaviour.answer("203.0.113.53"));
    FakeDnsZone trusted = new FakeDnsZone().on("whatsapp.test", FakeDnsBehaviour.answer("157.240.1.1"));
    try (FakeDnsServer resolver = FakeDnsServer.start(local);
        FakeDnsOverHttpsServer doh = FakeDnsOverHttpsServer.start(trusted, pki)) {
      Path report = dir.resolve("geo.jsonl");
      StringWriter err = new StringWriter();
      java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("run", "dns://whatsapp.test",
          "--controls", "none", "--no-progress", "--timeout", "2", "--stun", "none",
          "--resolver", "127.0.0.1:" + resolver.address().getPort(), "--doh", doh.url(),
          "--ca-file", pki.writeCaFile(dir).toString(), "--resolver-echo", "whoami.test", "-o", report.toString()));
      args.addAll(java.util.List.of(extra));
      int status = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
          args.toArray(String[]::new));
      assertThat(status).as(err.toString()).isZero();
      JsonNode line = JSON.readTree(Files.readAllLines(report).get(0));
      JsonNode summary = JSON.readTree(dir.resolve("geo.summary.json").toFile());
      return JSON.createObjectNode().<com.fasterxml.jackson.databind.node.ObjectNode>set("line", line)
          .set("summary", summary);
    }
  }

  private Path labDb() throws Exception {
    return new TestMmdb().type("msgprobe-lab-ASN")
        .asn("157.240.0.0/16", 32934, "Facebook, Inc.", "US")
        .asn("198.51.100.0/24", 64500, "Lab ISP", "RU")
        .asn("203.0.113.0/24", 64501, "Lab Resolver Net", "RU")
        .write(dir.resolve("lab.mmdb"));
  }

  @Test
  void asnDb_namesTheResolverNetwork_andEveryAnswersNetwork() throws Exception {
    JsonNode r = runDns("--asn-db", labDb().toString());
    JsonNode m = r.get("line");
    assertThat(m.get("resolver_ip").asText()).isEqualTo("203.0.113.53");
    assertThat(m.get("resolver_asn").asText()).isEqualTo("AS64501");
    assertThat(m.get("resolver_network_name").asText()).isEqualTo("Lab Resolver Net");
    JsonNode system = m.at("/test_keys/queries/0/answers/0");
    assertThat(system.get("asn").asLong()).isEqualTo(64500);
    assertThat(system.get("as_org_name").asText()).isEqualTo("Lab ISP");
    assertThat(m.at("/test_keys/queries").findValues("as_org_name")).extracting(JsonNode::asText)
        .contains("Facebook, Inc.");
    assertThat(m.get("probe_asn").asText()).isEqualTo("AS0");
    assertThat(r.at("/summary/probe_location").asText()).startsWith("unknown");
  }

  @Test
  void stunNone_ipEchoAddress_isLookedUp_andScrubbedFromTheLine() throws Exception {
    try (MockWebServer echo = new MockWebServer()) {
      echo.useHttps(pki.serverSocketFactory());
      echo.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
          .body("{\"ip\":\"203.0.113.53\"}").build());
      echo.start(InetAddress.getByName("127.0.0.1"), 0);

      JsonNode r = runDns("--asn-db", labDb().toString(), "--ip-echo",
          "https://127.0.0.1:" + echo.getPort() + "/ip");

      assertThat(echo.getRequestCount()).isEqualTo(1);
      JsonNode m = r.get("line");
      assertThat(m.get("probe_asn").asText()).isEqualTo("AS64501");
      assertThat(m.get("resolver_ip").asText()).isEqualTo("[scrubbed]");
      assertThat(m.toString()).doesNotContain("203.0.113.53");
      assertThat(r.at("/summary/probe_location").asText())
          .startsWith("looked up: public address learnt from the HTTPS echo URL, ");
    }
  }

  @Test
  void probeAsnAndCc_reachEnvelopeReportIdAndSummary() throws Exception {
    JsonNode r = runDns("--probe-asn", "AS12389", "--probe-cc", "ru", "--no-geoip");
    JsonNode m = r.get("line");
    assertThat(m.get("probe_asn").asText()).isEqualTo("AS12389");
    assertThat(m.get("probe_cc").asText()).isEqualTo("RU");
    assertThat(m.get("report_id").asText()).contains("_RU_12389_");
    assertThat(m.at("/test_keys/queries/0/answers/0").has("asn")).isTrue();
    assertThat(m.at("/test_keys/queries/0/answers/0/asn").isNull()).isTrue();
    assertThat(r.at("/summary/probe_asn").asText()).isEqualTo("AS12389");
    assertThat(r.at("/summary/probe_location").asText()).contains("--no-geoip");
  }

  @Test
  void badProbeAsn_isExit2NamingTheFlag() {
    StringWriter err = new StringWriter();
    int status = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "run",
        "--probe-asn", "Rostelecom", "--stun", "none", "dns://whatsapp.test");
    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("--probe-asn").contains("Rostelecom");
  }

  @Test
  void version_printsTheBundledDataDate_andWarnsWhenItIsOld() {
    Clock fresh = Clock.fixed(Instant.parse("2026-07-01T00:00:00Z"), ZoneOffset.UTC);
    Clock old = Clock.fixed(Instant.parse("2028-01-01T00:00:00Z"), ZoneOffset.UTC);
    assertThat(VersionProvider.lines(fresh)).anySatisfy(l -> assertThat(l).startsWith("IP-to-ASN data: ip-location-db")
        .contains("data of 20")).noneSatisfy(l -> assertThat(l).startsWith("warning"));
    assertThat(VersionProvider.lines(old)).anySatisfy(l -> assertThat(l).startsWith("warning: ").contains("days old"));
  }
}
