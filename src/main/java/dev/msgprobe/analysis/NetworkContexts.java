package dev.msgprobe.analysis;

import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.model.Transfer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link NetworkContext} from the run's controls (docs/contract/summary.md). A control works when its main
 * path got an HTTP response or completed a TLS handshake (a bare TCP connect counts only for a control
 * with neither: allowlisted networks let SYNs through and drop the ClientHello, net4people/bbs#516).
 * When one kind of control (domestic or foreign) was not measured it is taken to behave like the
 * other, so allowlist mode needs both kinds and offline means every measured control failed. The
 * baselines are the median goodput of the controls' transfers that moved data and did not stall, one
 * per direction (download, upload). STUN controls (their test keys carry an {@code endpoint}) say
 * only whether UDP passes, minimal and padded, and take no part in the rest.
 */
public final class NetworkContexts {
  public static final String DOMESTIC = "domestic";
  public static final String FOREIGN = "foreign";

  private NetworkContexts() {}

  /** From controls just measured: each endpoint's {@code function} is domestic or foreign. */
  public static NetworkContext fromControls(Map<Endpoint, TestKeys> controls) {
    List<Control> list = new ArrayList<>();
    controls.forEach((e, k) -> list.add(new Control(e.function(), k)));
    return of(list);
  }

  /** From report lines: the measurements whose {@code service} annotation is {@code control}. */
  public static NetworkContext fromMeasurements(List<Measurement> measurements) {
    List<Control> list = new ArrayList<>();
    for (Measurement m : measurements) {
      if (Summaries.CONTROL_SERVICE.equals(m.annotation("service")) && m.testKeys() != null) {
        list.add(new Control(m.annotation("function"), m.testKeys()));
      }
    }
    return of(list);
  }

  /** Whether a control's main path worked. */
  public static boolean works(TestKeys keys) {
    Observations o = new Observations(keys, "");
    if (o.requests(AttemptRole.MAIN).stream().anyMatch(HttpStage::answered)
        || o.requests(AttemptRole.RETRY).stream().anyMatch(HttpStage::answered)) {
      return true;
    }
    boolean tlsWorked = o.handshakes(AttemptRole.MAIN).stream().anyMatch(h -> h.failure() == null)
        || o.handshakes(AttemptRole.RETRY).stream().anyMatch(h -> h.failure() == null);
    if (tlsWorked) {
      return true;
    }
    boolean beyondTcp = !keys.tlsHandshakes().isEmpty() || !keys.requests().isEmpty();
    return !beyondTcp && (o.connects(AttemptRole.MAIN).stream().anyMatch(c -> c.failure() == null)
        || o.connects(AttemptRole.RETRY).stream().anyMatch(c -> c.failure() == null));
  }

  private record Control(String function, TestKeys keys) {}

  private static NetworkContext of(List<Control> all) {
    List<Control> udp = all.stream().filter(c -> StunStage.isStun(c.keys())).toList();
    List<Control> controls = all.stream().filter(c -> !StunStage.isStun(c.keys())).toList();
    NetworkContext tcp = tcpContext(controls);
    if (udp.isEmpty()) {
      return tcp;
    }
    return tcp.withUdp(udp.stream().anyMatch(c -> StunStage.answered(c.keys(), false)),
        udp.stream().anyMatch(c -> StunStage.answered(c.keys(), true)));
  }

  private static NetworkContext tcpContext(List<Control> controls) {
    if (controls.isEmpty()) {
      return NetworkContext.UNKNOWN;
    }
    Boolean domestic = anyWorks(controls, DOMESTIC);
    Boolean foreign = anyWorks(controls, FOREIGN);
    boolean any = controls.stream().anyMatch(c -> works(c.keys()));
    boolean d = domestic != null ? domestic : (foreign != null ? foreign : any);
    boolean f = foreign != null ? foreign : d;
    return new NetworkContext(d, f, median(controls, "download"), median(controls, "upload"));
  }

  /** Null when no control of that kind was measured. */
  private static Boolean anyWorks(List<Control> controls, String kind) {
    List<Control> of = controls.stream().filter(c -> kind.equalsIgnoreCase(c.function())).toList();
    return of.isEmpty() ? null : of.stream().anyMatch(c -> works(c.keys()));
  }

  /** Transfers without a direction count as downloads (the only kind before uploads existed). */
  private static Double median(List<Control> controls, String direction) {
    List<Double> goodputs = controls.stream().flatMap(c -> c.keys().transfers().stream())
        .filter(t -> direction.equals(t.direction() == null ? "download" : t.direction()))
        .filter(t -> t.bytes() > 0 && !t.stalled() && t.goodputKbps() > 0)
        .map(Transfer::goodputKbps).sorted().toList();
    if (goodputs.isEmpty()) {
      return null;
    }
    int n = goodputs.size();
    return n % 2 == 1 ? goodputs.get(n / 2) : (goodputs.get(n / 2 - 1) + goodputs.get(n / 2)) / 2;
  }
}
