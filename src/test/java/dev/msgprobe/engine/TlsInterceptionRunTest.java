package dev.msgprobe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msgprobe.engine.RunJob.Outcome;
import dev.msgprobe.measure.EndpointMeasurer;
import dev.msgprobe.measure.MeasureConfig;
import dev.msgprobe.model.Confidence;
import dev.msgprobe.model.Layer;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.Method;
import dev.msgprobe.model.Status;
import dev.msgprobe.model.TransferMode;
import dev.msgprobe.model.Verdict;
import dev.msgprobe.report.LoadedReport;
import dev.msgprobe.report.ReportReader;
import dev.msgprobe.net.Trust;
import dev.msgprobe.testing.LoopbackServer;
import dev.msgprobe.testing.StubResolver;
import dev.msgprobe.testing.TlsFront;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole run against loopback TLS servers whose certificates come from one throwaway CA (an
 * intercepting middlebox's), where the resolver under test and DoH agree on the address. One such
 * host alone is a broken server; two unrelated hosts with the same unknown issuer in one run are
 * interception, both blocked, though each was measured before the other's certificate was known.
 */
@Timeout(30)
class TlsInterceptionRunTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-08T03:00:00Z"), ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HeldCertificate MIDDLEBOX = new HeldCertificate.Builder().certificateAuthority(0)
      .commonName("Throwaway Inspection CA").build();

  @TempDir Path dir;
  private final StubResolver resolver = new StubResolver();
  private final List<LoopbackServer> servers = new ArrayList<>();

  @AfterEach
  void stopServers() {
    servers.forEach(LoopbackServer::close);
  }

  @Test
  void oneUnknownIssuerOnTwoUnrelatedHosts_bothBlockedTlsCertInvalid() throws Exception {
    String news = intercepted("news.example");
    String mail = intercepted("mail.other.test");

    Map<String, JsonNode> verdicts = run(List.of(news, mail));

    assertThat(verdicts).hasSize(2);
    for (JsonNode v : verdicts.values()) {
      assertThat(v.get("status").asText()).isEqualTo("blocked");
      assertThat(v.get("method").asText()).isEqualTo("tls.cert_invalid");
      assertThat(v.get("evidence").toString()).contains("CN=Throwaway Inspection CA")
          .contains("2 unrelated sites (news.example, other.test)");
    }
  }

  @Test
  void oneHostWithAnUnknownIssuerAlone_staysNotBlocked() throws Exception {
    String news = intercepted("news.example");

    Map<String, JsonNode> verdicts = run(List.of(news));

    assertThat(verdicts).hasSize(1);
    JsonNode v = verdicts.get(news);
    assertThat(v.get("status").asText()).isEqualTo("down");
    assertThat(v.get("method").asText()).isEqualTo("tls.cert_invalid");
    assertThat(v.get("evidence").toString()).contains("CN=Throwaway Inspection CA");
  }

  @Test
  void reclassifyingTheWholeReport_appliesTheSameCrossEndpointRule() throws Exception {
    run(List.of(intercepted("news.example"), intercepted("mail.other.test")));
    LoadedReport stored = ReportReader.read(dir.resolve("r.jsonl"));
    List<Measurement> judgedAlone = stored.measurements().stream().map(m -> m.withTestKeys(m.testKeys().withVerdict(
        new Verdict(Status.DOWN, Layer.TLS, Method.TLS_CERT_INVALID, null, Confidence.MEDIUM, List.of("alone")))))
        .toList();

    Reclassifier.Result result = new Reclassifier().reclassify(new LoadedReport(stored.file(), judgedAlone,
        stored.warnings()));

    assertThat(result.changed()).isEqualTo(2);
    assertThat(result.report().measurements()).extracting(m -> m.testKeys().verdict().status())
        .containsExactly(Status.BLOCKED, Status.BLOCKED);
  }

  /** A TLS server for {@code host} presenting a leaf of the middlebox CA; the endpoint's URL. */
  private String intercepted(String host) throws Exception {
    HeldCertificate leaf = new HeldCertificate.Builder().commonName(host).addSubjectAlternativeName(host)
        .signedBy(MIDDLEBOX).build();
    HandshakeCertificates certificates = new HandshakeCertificates.Builder()
        .heldCertificate(leaf, MIDDLEBOX.certificate()).build();
    LoopbackServer server = LoopbackServer.start(TlsFront.plain(certificates.sslContext()));
    servers.add(server);
    resolver.answerAsDohDoes(host, LoopbackServer.IP);
    return "tls://" + host + ":" + server.port();
  }

  /** Runs the targets with the real measurer (stub DNS, JDK trust store); each input's verdict. */
  private Map<String, JsonNode> run(List<String> targets) throws Exception {
    Path report = dir.resolve("r.jsonl");
    MeasureConfig measure = new MeasureConfig(new InetSocketAddress(LoopbackServer.IP, 53), List.of(), null,
        "decoy.example", Duration.ofSeconds(2), Duration.ofMillis(5), 4096, 16 * 1024, null, 0, TransferMode.NONE);
    EndpointMeasurer measurer = new EndpointMeasurer(measure, resolver, Trust.jdkDefault());
    Wiring.Factory wiring = (config, controlUrl, tokenFile) ->
        new Wiring(measurer, () -> Optional.of("192.0.2.53"), Set.of());
    RunConfig config = RunConfig.builder(targets, report).resolver(new InetSocketAddress(LoopbackServer.IP, 53))
        .timeout(Duration.ofSeconds(2)).parallel(2).controls(RunConfig.NO_CONTROLS).build();

    RunJob.Result result = new RunJob(config, Progress.NONE, line -> { }, wiring, CLOCK).execute();

    assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
    Map<String, JsonNode> verdicts = new LinkedHashMap<>();
    for (String line : Files.readAllLines(report)) {
      JsonNode m = JSON.readTree(line);
      assertThat(verdicts.put(m.get("input").asText(), m.at("/test_keys/verdict"))).as("written once").isNull();
    }
    return verdicts;
  }
}
