package dev.msgprobe.analysis;

import dev.msgprobe.net.IpEndpoint;
import dev.msgprobe.model.Confidence;
import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.Failures;
import dev.msgprobe.model.HttpTransaction;
import dev.msgprobe.model.Method;
import dev.msgprobe.model.Status;
import dev.msgprobe.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * HTTP rules (https, http, wss). A known block page on any hop, or a response from a known block-page
 * address, is {@code http.blockpage}. Any other HTTP response counts as reachable, whatever its status
 * (OONI ignores status codes; a WebSocket endpoint that answers without upgrading has still answered).
 * A request interrupted after the connection was made is {@code http.reset}, {@code http.timeout} or
 * {@code http.eof}. {@code http.diff} needs a control response and a cleartext endpoint.
 */
final class HttpStage {
  private HttpStage() {}

  static Verdict judge(Endpoint e, Observations o, Fingerprints fp, PathEvidence p) {
    List<HttpTransaction> main = o.requests(AttemptRole.MAIN);
    List<HttpTransaction> retries = o.requests(AttemptRole.RETRY);
    if (main.isEmpty()) {
      return Verdicts.incomplete("an HTTP request to " + e.url());
    }
    Verdict page = blockPage(Stream.concat(main.stream(), retries.stream()).toList(), fp);
    if (page != null) {
      return page;
    }
    HttpTransaction last = main.get(0);
    HttpTransaction retry = retries.isEmpty() ? null : retries.get(0);
    if (answered(last)) {
      p.add(answeredText(last, main.size()));
      return diff(e, o, last);
    }
    if (retry != null && answered(retry)) {
      p.flaky(failedText(last) + ", then on retry " + answeredText(retry, retries.size()) + ": a flaky step");
      return null;
    }
    String f = last.failure();
    if (FailureKinds.isInterrupted(f)) {
      return Verdicts.interrupted("the HTTP request to " + url(last));
    }
    List<String> ev = new ArrayList<>();
    ev.add(failedText(last) + (retry == null ? "" : ", and again on retry (" + retry.failure() + ")"));
    if (main.size() > 1) {
      ev.add("the failing request is hop " + main.size() + " of a redirect chain");
    }
    Verdict v;
    if (f == null || !FailureKinds.isInterruption(f)) {
      ev.add((f == null ? "no response" : f) + " is not an interruption by the network; it cannot be attributed");
      v = Verdicts.of(Status.INCONCLUSIVE, FailureMethods.http(f), Confidence.LOW, ev);
    } else {
      boolean refused = Failures.CONNECTION_REFUSED.equals(f) || Failures.HOST_UNREACHABLE.equals(f);
      v = Verdicts.of(Status.BLOCKED, refused ? Method.TCP_REFUSED : FailureMethods.http(f), Confidence.MEDIUM, ev);
    }
    List<String> control = o.requests(AttemptRole.CONTROL).stream().map(r -> answered(r) ? null : r.failure()).toList();
    return ControlCheck.apply(v, f, control, "HTTP request");
  }

  /** True when the server sent an HTTP response that was not cut by an interruption. */
  static boolean answered(HttpTransaction r) {
    return r.response() != null && r.response().code() > 0 && (r.failure() == null || !FailureKinds.isInterruption(r.failure()));
  }

  private static Verdict blockPage(List<HttpTransaction> requests, Fingerprints fp) {
    for (HttpTransaction r : requests) {
      Optional<Fingerprints.HttpFingerprint> page = fp.blockPage(r.response());
      if (page.isPresent()) {
        return Verdicts.of(Status.BLOCKED, Method.HTTP_BLOCKPAGE, Confidence.HIGH, List.of(
            request(r) + " was answered with HTTP " + r.response().code() + ", a known block page: "
                + page.get().describe() + " (" + page.get().id() + ", " + page.get().owner() + ")"));
      }
      Optional<Fingerprints.AddressFingerprint> stub = fp.sinkhole(IpEndpoint.ipOf(r.address()));
      if (stub.isPresent() && r.response() != null && r.response().code() > 0) {
        return Verdicts.of(Status.BLOCKED, Method.HTTP_BLOCKPAGE, Confidence.HIGH, List.of(
            request(r) + " was answered with HTTP " + r.response().code() + " by " + r.address()
                + ", a known block-page address (" + stub.get().id() + ", " + stub.get().owner() + ")"));
      }
    }
    return null;
  }

  private static Verdict diff(Endpoint e, Observations o, HttpTransaction last) {
    List<HttpTransaction> control = o.requests(AttemptRole.CONTROL).stream().filter(HttpStage::answered).toList();
    if (control.isEmpty() || !"http".equals(e.scheme().toLowerCase(Locale.ROOT)) || last.failure() != null) {
      return null;
    }
    HttpDiff d = HttpDiff.compare(last.response(), last.response().bodyIsTruncated(), control.get(0).response());
    if (!d.differs()) {
      return null;
    }
    return Verdicts.of(Status.BLOCKED, Method.HTTP_DIFF, Confidence.MEDIUM, List.of(
        "the control vantage got HTTP " + control.get(0).response().code() + " where this probe got HTTP "
            + last.response().code(),
        "the responses differ by OONI's comparison: " + d.describe()));
  }

  private static String request(HttpTransaction r) {
    String method = r.request() == null || r.request().method() == null ? "GET" : r.request().method();
    return method + " " + url(r) + (r.address() == null ? "" : " via " + r.address());
  }

  private static String url(HttpTransaction r) {
    return r.request() == null ? "?" : r.request().url();
  }

  private static String answeredText(HttpTransaction r, int hops) {
    String s = request(r) + " was answered with HTTP " + r.response().code();
    if (hops > 1) {
      s += " after " + (hops - 1) + " redirect" + (hops > 2 ? "s" : "");
    }
    return r.failure() == null ? s : s + " (" + r.failure() + ")";
  }

  private static String failedText(HttpTransaction r) {
    long ms = Elapsed.ms(r.t0(), r.t());
    return request(r) + " failed with " + r.failure() + " after " + ms + " ms"
        + (r.response() != null && r.response().code() > 0 ? ", once HTTP " + r.response().code() + " had begun" : "");
  }
}
