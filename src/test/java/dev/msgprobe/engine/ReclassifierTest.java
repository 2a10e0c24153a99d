package dev.msgprobe.engine;

import static dev.msgprobe.testing.ReportLines.connect;
import static dev.msgprobe.testing.ReportLines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.Method;
import dev.msgprobe.model.Status;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.model.Verdict;
import dev.msgprobe.report.LoadedReport;
import dev.msgprobe.testing.ReportLines;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReclassifierTest {
  private static final String START = "2026-11-28 10:15:03";
  private static final String ENDPOINT = "tcp://192.0.2.10:443";

  @Test
  void staleVerdict_isReplacedByWhatTheObservationsShowToday() {
    Measurement stale = withVerdict(line(ENDPOINT, "telegram", "chat", START, "r", connect("192.0.2.10", 443, null)),
        Status.BLOCKED, Method.TCP_TIMEOUT);

    Reclassifier.Result result = new Reclassifier().reclassify(report(stale));

    assertThat(status(result.report().measurements().get(0))).isEqualTo(Status.REACHABLE);
    assertThat(result.changed()).isEqualTo(1);
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void eachEndpoint_isJudgedWithTheControlsOfItsOwnRun() {
    Measurement offlineControl = line("tcp://192.0.2.1:443", "control", "domestic", START, "offline-run",
        connect("192.0.2.1", 443, "generic_timeout_error"));
    Measurement onlineControl = line("tcp://192.0.2.1:443", "control", "domestic", START, "online-run",
        connect("192.0.2.1", 443, null));
    TestKeys refused = connect("192.0.2.10", 443, "connection_refused");
    Measurement inOfflineRun = line(ENDPOINT, "telegram", "chat", START, "offline-run", refused);
    Measurement inOnlineRun = line(ENDPOINT, "telegram", "chat", START, "online-run", refused);

    List<Measurement> out = new Reclassifier().reclassify(report(offlineControl, inOfflineRun, onlineControl,
        inOnlineRun)).report().measurements();

    assertThat(status(out.get(1))).isEqualTo(Status.INCONCLUSIVE);
    assertThat(status(out.get(3))).isNotEqualTo(Status.INCONCLUSIVE);
    assertThat(out.get(3).testKeys().verdict().method()).isEqualTo(Method.TCP_REFUSED);
  }

  @Test
  void inputThatIsNoEndpointUri_keepsItsVerdict_andSaysSo() {
    Measurement odd = line("web.whatsapp.com", "whatsapp", Status.BLOCKED, Method.TLS_RESET);

    Reclassifier.Result result = new Reclassifier().reclassify(report(odd));

    assertThat(result.report().measurements()).containsExactly(odd);
    assertThat(result.changed()).isZero();
    assertThat(result.problems()).containsExactly(
        "r.jsonl: input 'web.whatsapp.com' is not an endpoint URI; its stored verdict is kept");
  }

  @Test
  void unsupportedScheme_keepsItsVerdict_withTheListsMessage() {
    Measurement odd = line("ftp://example.org/", "x", Status.BLOCKED, Method.TCP_TIMEOUT);

    Reclassifier.Result result = new Reclassifier().reclassify(report(odd));

    assertThat(result.report().measurements()).containsExactly(odd);
    assertThat(result.problems()).singleElement().asString().startsWith("r.jsonl: ftp://example.org/: unsupported scheme");
  }

  @Test
  void endpoint_isTheParsedUri_describedByTheLinesAnnotations() {
    Measurement m = ReportLines.annotated(line("http://149.154.175.50:443/", "mine", Status.BLOCKED,
        Method.TCP_TIMEOUT), "category_code", "COMT");
    Endpoint parsed = new Endpoint("http://149.154.175.50:443/", "http", "149.154.175.50", 443, "/", "POST",
        "telegram", "chat", "command-line", 0, null, null, null, "builtin", null, false);

    Endpoint e = Reclassifier.endpointOf(parsed, m);

    assertThat(e).isEqualTo(new Endpoint("http://149.154.175.50:443/", "http", "149.154.175.50", 443, "/", "GET",
        "mine", "chat", "mine", 0, "COMT", null, null, "builtin", null, false));
  }

  @Test
  void methodAnnotation_isKept_andNonHttpSchemesHaveNoMethod() {
    Endpoint parsedHttp = new Endpoint("http://192.0.2.5/", "http", "192.0.2.5", 80, "/", "GET", "s", "f", "l", 0,
        null, null, null, null, null, false);
    Endpoint parsedTcp = new Endpoint(ENDPOINT, "tcp", "192.0.2.10", 443, "/", null, "s", "f", "l", 0, null, null,
        null, null, null, false);
    Measurement post = ReportLines.annotated(line("http://192.0.2.5/", "s", Status.REACHABLE, Method.OK), "method",
        "POST");

    assertThat(Reclassifier.endpointOf(parsedHttp, post).method()).isEqualTo("POST");
    assertThat(Reclassifier.endpointOf(parsedTcp, line(ENDPOINT, "s", Status.REACHABLE, Method.OK)).method()).isNull();
  }

  private static Measurement withVerdict(Measurement m, Status status, Method method) {
    Verdict v = ReportLines.verdict(status, method);
    return m.withTestKeys(m.testKeys().withVerdict(v));
  }


  private static Status status(Measurement m) {
    return m.testKeys().verdict().status();
  }

  private static LoadedReport report(Measurement... lines) {
    return new LoadedReport(Path.of("r.jsonl"), List.of(lines), List.of());
  }
}
