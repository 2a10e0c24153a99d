package dev.msgprobe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msgprobe.testing.FakeDnsBehaviour;
import dev.msgprobe.testing.FakeDnsOverHttpsServer;
import dev.msgprobe.testing.FakeDnsPki;
import dev.msgprobe.testing.FakeDnsServer;
import dev.msgprobe.testing.FakeDnsZone;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The DNS differentials through the whole command: resolver under test vs trusted DoH, and resolver echo. */
@Timeout(60)
class DnsRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void nxdomainOnTheResolverWhileDohAnswers_isDnsNxdomain_andResolverEchoNamesTheRealResolver() throws Exception {
    FakeDnsPki pki = FakeDnsPki.create();
    FakeDnsZone local = new FakeDnsZone()
        .on("whatsapp.test", FakeDnsBehaviour.nxdomain())
        .on("whoami.test", FakeDnsBehaviour.answer("198.51.100.53"));
    FakeDnsZone trusted = new FakeDnsZone().on("whatsapp.test", FakeDnsBehaviour.answer("157.240.1.1"));
    try (FakeDnsServer resolver = FakeDnsServer.start(local);
        FakeDnsOverHttpsServer doh = FakeDnsOverHttpsServer.start(trusted, pki)) {
      Path report = dir.resolve("dns.jsonl");
      StringWriter err = new StringWriter();

      int status = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "run",
          "dns://whatsapp.test", "--controls", "none", "--no-progress", "--store", "none", "--timeout", "2",
          "--resolver", "127.0.0.1:" + resolver.address().getPort(), "--doh", doh.url(),
          "--ca-file", pki.writeCaFile(dir).toString(), "--resolver-echo", "whoami.test", "--stun", "none", "-o", report.toString());

      assertThat(status).as(err.toString()).isZero();
      JsonNode m = JSON.readTree(Files.readAllLines(report).get(0));
      assertThat(m.get("resolver_ip").asText()).isEqualTo("198.51.100.53");
      assertThat(m.at("/annotations/resolver_under_test").asText()).isEqualTo("127.0.0.1");
      assertThat(m.at("/test_keys/queries/0/failure").asText()).isEqualTo("dns_nxdomain_error");
      assertThat(m.at("/test_keys/queries/0/tags/0").asText()).isEqualTo("system");
      assertThat(m.at("/test_keys/verdict/method").asText()).isEqualTo("dns.nxdomain");
      assertThat(m.at("/test_keys/verdict/confidence").asText()).isEqualTo("high");
    }
  }
}
