package dev.msgprobe.analysis;

import dev.msgprobe.evidence.Evidence;
import dev.msgprobe.model.Body;
import dev.msgprobe.model.Confidence;
import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.Scheme;
import dev.msgprobe.model.Failures;
import dev.msgprobe.model.HttpTransaction;
import dev.msgprobe.model.Method;
import dev.msgprobe.model.ResponseProgress;
import dev.msgprobe.model.Status;
import dev.msgprobe.model.Verdict;
import dev.msgprobe.net.IpEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * HTTP rules (https, http, wss). A known block page on any hop, or a response from a known block-page
 * address, is {@code http.blockpage}. Any other HTTP response counts as reachable, whatever its status
 * (OONI ignores status codes; a WebSocket endpoint that answers without upgrading has still answered).
 * A request interrupted after the connection was made is {@code http.reset}, {@code http.timeout} or
 * {@code http.eof}, except for three ways a response's bytes can fail to come, which its
 * {@code x_response_progress} tells apart ({@link Arrival}): data that stopped after some bytes, with
 * no reset or close, is {@code tcp.stall} (the freeze, wherever it happens); data slow from the start
 * is no block; a server slow to answer is inconclusive unless the control vantage got an answer.
 * {@code http.diff} needs a control response and a cleartext endpoint.
 */
final class HttpStage {
  private HttpStage() {}

  /** How a request's response failed to come in full, read from its failure and its progress. */
  enum Arrival {
    /** Response bytes came, then nothing for a whole timeout, no reset or close: the data stopped. */
    STOPPED,
    /** Bytes were still coming when the deadline passed, no read having waited a whole timeout. */
    SLOW,
    /** The request went out and no byte of a response came before the timeout. */
    UNANSWERED,
    /** None of these, or the record cannot tell (reports written before the progress was recorded). */
    OTHER;

    static Arrival of(HttpTransaction r) {
      String f = r.failure();
      if (Failures.isStillArriving(f)) {
        return SLOW;
      }
      if (!Failures.isTimeout(f)) {
        return OTHER;
      }
      ResponseProgress progress = r.progress();
      if (progress == null) {
        return legacyStalledMidBody(r) ? STOPPED : OTHER;
      }
      if (progress.anyByte()) {
        return progress.bodyBytes() <= Thresholds.STALL_MAX_BYTES ? STOPPED : OTHER;
      }
      return progress.requestSent() ? UNANSWERED : OTHER;
    }
  }

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
      if (Arrival.of(last) == Arrival.SLOW) {
        return slowBody(last, o, p);
      }
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
    List<HttpTransaction> controls = o.requests(AttemptRole.CONTROL);
    Verdict v;
    Arrival arrival = Arrival.of(last);
    if (arrival == Arrival.STOPPED) {
      ev.set(0, onRetry(stoppedText(last), retry));
      ev.add(Evidence.sentence(hasHead(last) ? "http.alive" : "http.alive.first_bytes"));
      v = Verdicts.of(Status.BLOCKED, Method.TCP_STALL, Confidence.MEDIUM, ev);
    } else if (arrival == Arrival.SLOW) {
      ev.set(0, onRetry(slowText(last), retry));
      ev.add(Evidence.sentence("http.slow.not_block"));
      v = Verdicts.of(Status.INCONCLUSIVE, Method.HTTP_TIMEOUT, Confidence.LOW, ev);
    } else if (arrival == Arrival.UNANSWERED) {
      ev.set(0, retry == null ? unansweredText(last)
          : Evidence.sentence("retry.again.http", unansweredText(last), retry.failure()));
      if (controls.stream().anyMatch(HttpStage::answered)) {
        ev.add(Evidence.sentence("http.unanswered.control_answered"));
        v = Verdicts.of(Status.BLOCKED, Method.HTTP_TIMEOUT, Confidence.MEDIUM, ev);
      } else {
        ev.add(Evidence.sentence("http.unanswered.no_control"));
        v = Verdicts.of(Status.INCONCLUSIVE, Method.HTTP_TIMEOUT, Confidence.LOW, ev);
      }
    } else if (f == null || !FailureKinds.isInterruption(f)) {
      ev.add(f == null ? Evidence.sentence("http.no_response") : Evidence.sentence("http.not_interruption", f));
      v = Verdicts.of(Status.INCONCLUSIVE, FailureMethods.http(f), Confidence.LOW, ev);
    } else {
      boolean refused = Failures.CONNECTION_REFUSED.equals(f) || Failures.HOST_UNREACHABLE.equals(f);
      v = Verdicts.of(Status.BLOCKED, refused ? Method.TCP_REFUSED : FailureMethods.http(f), Confidence.MEDIUM, ev);
    }
    List<String> control = controls.stream().map(r -> answered(r) ? null : r.failure()).toList();
    return ControlCheck.apply(v, f, control, "http");
  }

  /**
   * A response whose head came and whose body was still arriving at the deadline: data slow from the
   * start. The host answered, so the path passes when a transfer was measured, whose goodput the
   * throttle rule compares with the controls'; without one, nothing can judge the slowness: inconclusive.
   */
  private static Verdict slowBody(HttpTransaction r, Observations o, PathEvidence p) {
    String slow = Evidence.sentence("http.slow.not_stopped", slowText(r));
    if (!o.transfers().isEmpty()) {
      p.add(slow);
      return null;
    }
    return Verdicts.of(Status.INCONCLUSIVE, Method.HTTP_TIMEOUT, Confidence.LOW, List.of(slow,
        Evidence.sentence("http.slow.no_transfer")));
  }

  /**
   * The legacy reading of a record without {@code x_response_progress}: the response began (status
   * line and headers, then {@link Thresholds#STALL_MIN_BYTES} to {@link Thresholds#STALL_MAX_BYTES}
   * bytes of recorded body) and then nothing came until the timeout, with no reset or close.
   */
  private static boolean legacyStalledMidBody(HttpTransaction r) {
    if (r.response() == null || r.response().code() <= 0 || r.response().bodyIsTruncated()) {
      return false;
    }
    long body = bodyBytes(r);
    return body >= Thresholds.STALL_MIN_BYTES && body <= Thresholds.STALL_MAX_BYTES;
  }

  /** The body bytes received: as counted by the progress, else as recorded. */
  private static long bodyBytes(HttpTransaction r) {
    if (r.progress() != null) {
      return r.progress().bodyBytes();
    }
    Body b = r.response() == null ? null : r.response().body();
    return b == null ? 0 : b.length();
  }

  private static String stoppedText(HttpTransaction r) {
    Long last = lastByteMs(r);
    return last == null
        ? Evidence.sentence("http.stopped", request(r), got(r, "http.got.first_bytes"), r.failure(), Elapsed.ms(r.t0(), r.t()))
        : Evidence.sentence("http.stopped.last", request(r), got(r, "http.got.first_bytes"), r.failure(),
            Elapsed.ms(r.t0(), r.t()), last);
  }

  private static String slowText(HttpTransaction r) {
    Long last = lastByteMs(r);
    return last == null
        ? Evidence.sentence("http.slow", request(r), got(r, "http.got.part_head"), Elapsed.ms(r.t0(), r.t()))
        : Evidence.sentence("http.slow.last", request(r), got(r, "http.got.part_head"), Elapsed.ms(r.t0(), r.t()), last);
  }

  private static String unansweredText(HttpTransaction r) {
    return Evidence.sentence("http.unanswered", request(r), Elapsed.ms(r.t0(), r.progress().requestSentT()),
        r.failure(), Elapsed.ms(r.t0(), r.t()));
  }

  /** What of the response came: the head and body bytes when a head came, else {@code noHeadKey}'s sentence. */
  private static String got(HttpTransaction r, String noHeadKey) {
    return hasHead(r) ? Evidence.sentence("http.got.head", r.response().code(), bodyBytes(r))
        : Evidence.sentence(noHeadKey);
  }

  private static boolean hasHead(HttpTransaction r) {
    return r.response() != null && r.response().code() > 0;
  }

  /** {@code sentence}, and the retry's failure when there was a retry. */
  private static String onRetry(String sentence, HttpTransaction retry) {
    return retry == null ? sentence : Evidence.sentence("http.stalled.retry", sentence, retry.failure());
  }

  /** When the last byte came, in ms from the request's start, when the progress tells; else null. */
  private static Long lastByteMs(HttpTransaction r) {
    return r.progress() == null || r.progress().lastByteT() == null ? null : Elapsed.ms(r.t0(), r.progress().lastByteT());
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
