package dev.msgprobe.analysis;

import dev.msgprobe.model.NetworkMode;
import static dev.msgprobe.analysis.Obs.obs;
import static dev.msgprobe.analysis.Reports.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.Failures;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.TestKeys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkContextsTest {
  private static final String IP = "203.0.114.10";

  private static TestKeys working() {
    return obs().system("x.test", IP).connect(IP, 443, null, 20).tls(IP + ":443", "x.test", null, 30)
        .http(IP + ":443", "GET", "https://x.test/", 200, null, "ok").keys();
  }

  /** TCP gets through but the ClientHello is dropped: an allowlisted network's signature. */
  private static TestKeys synOnly() {
    return obs().system("x.test", IP).connect(IP, 443, null, 20)
        .tls(IP + ":443", "x.test", Failures.GENERIC_TIMEOUT, 10000).keys();
  }

  private static Measurement control(String function, TestKeys keys) {
    return line("https://" + function + ".test/", "control", function, keys);
  }

  @Test
  void domesticWorkingWhileForeignFails_isAllowlist() {
    NetworkContext ctx = NetworkContexts.fromMeasurements(List.of(control("domestic", working()),
        control("foreign", synOnly()), control("foreign", synOnly())));

    assertThat(ctx.networkMode()).isEqualTo(NetworkMode.ALLOWLIST);
  }

  @Test
  void everyControlFailing_isOffline() {
    NetworkContext ctx = NetworkContexts.fromMeasurements(List.of(control("domestic", synOnly()),
        control("foreign", obs().systemFails("x.test", Failures.GENERIC_TIMEOUT).keys())));

    assertThat(ctx.offline()).isTrue();
  }

  @Test
  void onlyForeignControlsAllFailing_isOfflineNotAllowlist() {
    NetworkContext ctx = NetworkContexts.fromMeasurements(List.of(control("foreign", synOnly())));

    assertThat(ctx.networkMode()).isEqualTo(NetworkMode.OFFLINE);
  }

  @Test
  void onlyDomesticControlsWorking_isNormal() {
    NetworkContext ctx = NetworkContexts.fromMeasurements(List.of(control("domestic", working())));

    assertThat(ctx.networkMode()).isEqualTo(NetworkMode.NORMAL);
  }

  @Test
  void noControls_isUnknown() {
    assertThat(NetworkContexts.fromMeasurements(List.of(Reports.line("https://web.whatsapp.com/", "whatsapp", "web",
        working())))).isEqualTo(NetworkContext.UNKNOWN);
  }

  @Test
  void bareTcpConnect_countsOnlyForTcpControls() {
    assertThat(NetworkContexts.works(synOnly())).isFalse();
    assertThat(NetworkContexts.works(obs().connect(IP, 443, null, 20).keys())).isTrue();
    assertThat(NetworkContexts.works(working())).isTrue();
  }

  @Test
  void baseline_isTheMedianOfTheControlsTransfers() {
    Map<Endpoint, TestKeys> controls = new LinkedHashMap<>();
    controls.put(Endpoints.of("https://a.test/", "control", "foreign"),
        obs().then(o -> o.connect(IP, 443, null, 20)).transfer(IP + ":443", 1 << 20, 1 << 20, 1, 8000, false, null)
            .transfer(IP + ":443", 1 << 20, 1 << 20, 4, 2000, false, null).keys());
    controls.put(Endpoints.of("https://b.test/", "control", "domestic"),
        obs().connect(IP, 443, null, 20).transfer(IP + ":443", 1 << 20, 1 << 20, 2, 4000, false, null)
            .transfer(IP + ":443", 1 << 20, 9000, 30, 2, true, Failures.GENERIC_TIMEOUT).keys());

    NetworkContext ctx = NetworkContexts.fromControls(controls);

    assertThat(ctx.baselineGoodputKbps()).isEqualTo(4000.0);
    assertThat(ctx.uploadBaselineGoodputKbps()).isNull();
  }

  @Test
  void baselines_arePerDirection() {
    Map<Endpoint, TestKeys> controls = new LinkedHashMap<>();
    controls.put(Endpoints.of("https://a.test/", "control", "foreign"),
        obs().connect(IP, 443, null, 20).transfer(IP + ":443", 1 << 17, 1 << 17, 0.1, 10000, false, null).keys());
    controls.put(Endpoints.of("https://b.test/", "control", "domestic"),
        obs().connect(IP, 443, null, 20).transfer(IP + ":443", 1 << 17, 2048, 0.01, 1600, false, null)
            .upload(IP + ":443", 1 << 17, 1 << 16, 0.5, 1000, false, null)
            .upload(IP + ":443", 1 << 17, 9000, 3, 24, true, Failures.GENERIC_TIMEOUT).keys());

    NetworkContext ctx = NetworkContexts.fromControls(controls);

    assertThat(ctx.baselineGoodputKbps()).isEqualTo(5800.0);
    assertThat(ctx.uploadBaselineGoodputKbps()).isEqualTo(1000.0);
    assertThat(ctx.baselineKbps("upload")).isEqualTo(1000.0);
    assertThat(ctx.baselineKbps("download")).isEqualTo(5800.0);
  }
}
