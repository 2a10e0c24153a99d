package dev.msgprobe.analysis;

import dev.msgprobe.evidence.Evidence;
import dev.msgprobe.model.Body;
import dev.msgprobe.model.Confidence;
import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.Scheme;
import dev.msgprobe.model.Failures;
import dev.msgprobe.model.HttpTransaction;
import dev.msgprobe.model.Method;
import dev.msgprobe.model.Status;
import dev.msgprobe.model.Verdict;
import dev.msgprobe.net.IpEndpoint;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * HTTP rules (https, http, wss). A known block page on any hop, or a response from a known block-page
 * address, is {@code http.blockpage}. Any other HTTP response counts as reachable, whatever its status
 * (OONI ignores status codes; a WebSocket endpoint that answers without upgrading has still answered).
 * A request interrupted after the connection was made is {@code http.reset}, {@code http.timeout} or
 * {@code http.eof}, except that a response which stopped after a few kilobytes of body, with no reset
 * or close, is {@code tcp.stall} (the freeze, wherever it happens). {@code http.diff} needs a control
 * response and a cleartext endpoint.
 */
final class HttpStage {
  private HttpStage() {}

  static Verdict judge(Endpoint e, Observations o, Fingerprints fp, PathEvidence p) {
    List<HttpTransaction> main = o.requests(AttemptRole.MAIN);
    List<HttpTransaction> retries = o.requests(AttemptRole.RETRY);
    if (main.isEmpty()) {
      return Verdicts.incomplete("http", e.url());
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
      p.flaky(Evidence.sentence("http.flaky", failedText(last), answeredText(retry, retries.size())));
      return null;
    }
    String f = last.failure();
    if (FailureKinds.isInterrupted(f)) {
      return Verdicts.interrupted("http", url(last));
    }
    List<String> ev = new ArrayList<>();
    ev.add(retry == null ? failedText(last) : Evidence.sentence("retry.again.http", failedText(last), retry.failure()));
    if (main.size() > 1) {
      ev.add(Evidence.sentence("http.hop", main.size()));
    }
    Verdict v;
    if (stalledMidBody(last) && (retry == null || stalledMidBody(retry) || !answered(retry))) {
      ev.set(0, retry == null ? stalledText(last) : Evidence.sentence("http.stalled.retry", stalledText(last), retry.failure()));
      ev.add(Evidence.sentence("http.alive"));
      v = Verdicts.of(Status.BLOCKED, Method.TCP_STALL, Confidence.MEDIUM, ev);
    } else if (f == null || !FailureKinds.isInterruption(f)) {
      ev.add(f == null ? Evidence.sentence("http.no_response") : Evidence.sentence("http.not_interruption", f));
      v = Verdicts.of(Status.INCONCLUSIVE, FailureMethods.http(f), Confidence.LOW, ev);
    } else {
      boolean refused = Failures.CONNECTION_REFUSED.equals(f) || Failures.HOST_UNREACHABLE.equals(f);
      v = Verdicts.of(Status.BLOCKED, refused ? Method.TCP_REFUSED : FailureMethods.http(f), Confidence.MEDIUM, ev);
    }
    List<String> control = o.requests(AttemptRole.CONTROL).stream().map(r -> answered(r) ? null : r.failure()).toList();
    return ControlCheck.apply(v, f, control, "http");
  }

  /**
   * True when the response began (status line and headers, then {@link Thresholds#STALL_MIN_BYTES} to
   * {@link Thresholds#STALL_MAX_BYTES} bytes of body) and then nothing came until the timeout, with no
   * reset or close: the "16 KB" freeze seen on an ordinary page fetch, not only in a transfer.
   */
  static boolean stalledMidBody(HttpTransaction r) {
    if (!Failures.isTimeout(r.failure()) || r.response() == null || r.response().code() <= 0
        || r.response().bodyIsTruncated()) {
      return false;
    }
    long body = bodyBytes(r);
    return body >= Thresholds.STALL_MIN_BYTES && body <= Thresholds.STALL_MAX_BYTES;
  }

  private static long bodyBytes(HttpTransaction r) {
    Body b = r.response().body();
    if (b == null) {
      return 0;
    }
    return b.text() != null ? b.text().getBytes(StandardCharsets.UTF_8).length : b.binary().bytes().length;
  }

  private static String stalledText(HttpTransaction r) {
    return Evidence.sentence("http.stalled", request(r), r.response().code(), bodyBytes(r), r.failure(),
        Elapsed.ms(r.t0(), r.t()));
  }

  /** True when the server sent an HTTP response that was not cut by an interruption. */
  static boolean answered(HttpTransaction r) {
    return r.response() != null && r.response().code() > 0 && (r.failure() == null || !FailureKinds.isInterruption(r.failure()));
  }

  private static Verdict blockPage(List<HttpTransaction> requests, Fingerprints fp) {
    for (HttpTransaction r : requests) {
      Optional<Fingerprints.HttpFingerprint> page = fp.blockPage(r.response());
      if (page.isPresent()) {
        return Verdicts.of(Status.BLOCKED, Method.HTTP_BLOCKPAGE, Confidence.HIGH, List.of(Evidence.sentence(
            "http.blockpage", request(r), r.response().code(), page.get().describe(), page.get().id(),
            page.get().owner())));
      }
      Optional<Fingerprints.AddressFingerprint> stub = fp.sinkhole(IpEndpoint.ipOf(r.address()));
      if (stub.isPresent() && r.response() != null && r.response().code() > 0) {
        return Verdicts.of(Status.BLOCKED, Method.HTTP_BLOCKPAGE, Confidence.HIGH, List.of(Evidence.sentence(
            "http.blockpage.address", request(r), r.response().code(), r.address(), stub.get().id(),
            stub.get().owner())));
      }
    }
    return null;
  }

  private static Verdict diff(Endpoint e, Observations o, HttpTransaction last) {
    List<HttpTransaction> control = o.requests(AttemptRole.CONTROL).stream().filter(HttpStage::answered).toList();
    if (control.isEmpty() || Scheme.fromWire(e.scheme()) != Scheme.HTTP || last.failure() != null) {
      return null;
    }
    HttpDiff d = HttpDiff.compare(last.response(), last.response().bodyIsTruncated(), control.get(0).response());
    if (!d.differs()) {
      return null;
    }
    return Verdicts.of(Status.BLOCKED, Method.HTTP_DIFF, Confidence.MEDIUM, List.of(
        Evidence.sentence("http.diff.status", control.get(0).response().code(), last.response().code()),
        Evidence.sentence("http.diff", d.describe())));
  }

  private static String request(HttpTransaction r) {
    String method = r.request() == null || r.request().method() == null ? "GET" : r.request().method();
    return r.address() == null ? method + " " + url(r) : Evidence.sentence("http.request.via", method, url(r), r.address());
  }

  private static String url(HttpTransaction r) {
    return r.request() == null ? "?" : r.request().url();
  }

  private static String answeredText(HttpTransaction r, int hops) {
    String key = "http.answered" + (hops > 2 ? ".redirects" : hops > 1 ? ".redirect" : "")
        + (r.failure() == null ? "" : ".failure");
    return Evidence.sentence(key, request(r), r.response().code(), hops - 1, r.failure());
  }

  private static String failedText(HttpTransaction r) {
    long ms = Elapsed.ms(r.t0(), r.t());
    return r.response() != null && r.response().code() > 0
        ? Evidence.sentence("http.failed.begun", request(r), r.failure(), ms, r.response().code())
        : Evidence.sentence("http.failed", request(r), r.failure(), ms);
  }
}
