package dev.msgprobe.analysis;

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
      if (Arrival.of(last) == Arrival.SLOW) {
        return slowBody(last, o, p);
      }
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
    List<HttpTransaction> controls = o.requests(AttemptRole.CONTROL);
    Verdict v;
    Arrival arrival = Arrival.of(last);
    if (arrival == Arrival.STOPPED) {
      ev.set(0, stoppedText(last) + (retry == null ? "" : ", and on retry " + retry.failure()));
      ev.add(last.response() != null && last.response().code() > 0
          ? "the handshake and the response headers went through, so the host is alive"
          : "the connection carried the first bytes of a response, so the host is alive");
      v = Verdicts.of(Status.BLOCKED, Method.TCP_STALL, Confidence.MEDIUM, ev);
    } else if (arrival == Arrival.SLOW) {
      ev.set(0, slowText(last) + (retry == null ? "" : ", and on retry " + retry.failure()));
      ev.add("data slow from the start is a slow server or a slowed path, not a block");
      v = Verdicts.of(Status.INCONCLUSIVE, Method.HTTP_TIMEOUT, Confidence.LOW, ev);
    } else if (arrival == Arrival.UNANSWERED) {
      ev.set(0, unansweredText(last) + (retry == null ? "" : ", and again on retry (" + retry.failure() + ")"));
      if (controls.stream().anyMatch(HttpStage::answered)) {
        ev.add("the server answers others, so the request or its answer was dropped on this path");
        v = Verdicts.of(Status.BLOCKED, Method.HTTP_TIMEOUT, Confidence.MEDIUM, ev);
      } else {
        ev.add("a server slow to answer cannot be told from a request dropped on the way without a control");
        v = Verdicts.of(Status.INCONCLUSIVE, Method.HTTP_TIMEOUT, Confidence.LOW, ev);
      }
    } else if (f == null || !FailureKinds.isInterruption(f)) {
      ev.add((f == null ? "no response" : f) + " is not an interruption by the network; it cannot be attributed");
      v = Verdicts.of(Status.INCONCLUSIVE, FailureMethods.http(f), Confidence.LOW, ev);
    } else {
      boolean refused = Failures.CONNECTION_REFUSED.equals(f) || Failures.HOST_UNREACHABLE.equals(f);
      v = Verdicts.of(Status.BLOCKED, refused ? Method.TCP_REFUSED : FailureMethods.http(f), Confidence.MEDIUM, ev);
    }
    List<String> control = controls.stream().map(r -> answered(r) ? null : r.failure()).toList();
    return ControlCheck.apply(v, f, control, "HTTP request");
  }

  /**
   * A response whose head came and whose body was still arriving at the deadline: data slow from the
   * start. The host answered, so the path passes when a transfer was measured, whose goodput the
   * throttle rule compares with the controls'; without one, nothing can judge the slowness: inconclusive.
   */
  private static Verdict slowBody(HttpTransaction r, Observations o, PathEvidence p) {
    String slow = slowText(r) + ": data slow from the start, not stopped";
    if (!o.transfers().isEmpty()) {
      p.add(slow);
      return null;
    }
    return Verdicts.of(Status.INCONCLUSIVE, Method.HTTP_TIMEOUT, Confidence.LOW, List.of(slow,
        "no transfer was measured to compare its goodput with the controls', so the slowness is not judged"));
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
    boolean head = r.response() != null && r.response().code() > 0;
    String got = head ? " got HTTP " + r.response().code() + " and " + bodyBytes(r) + " bytes of its body"
        : " got the first bytes of a response";
    return request(r) + got + lastByte(r) + ", then nothing until " + r.failure() + " " + Elapsed.ms(r.t0(), r.t())
        + " ms in, with no reset or close: the data stopped";
  }

  private static String slowText(HttpTransaction r) {
    boolean head = r.response() != null && r.response().code() > 0;
    return request(r) + (head ? " got HTTP " + r.response().code() + " and " + bodyBytes(r) + " bytes of its body"
        : " got part of a response head") + lastByte(r) + ", still arriving when the request's deadline passed "
        + Elapsed.ms(r.t0(), r.t()) + " ms in";
  }

  private static String unansweredText(HttpTransaction r) {
    return request(r) + " went out " + Elapsed.ms(r.t0(), r.progress().requestSentT()) + " ms in, and no byte of a"
        + " response came until " + r.failure() + " " + Elapsed.ms(r.t0(), r.t()) + " ms in: the server was slow"
        + " to answer, or the request was dropped";
  }

  /** ", the last byte N ms in" when the progress tells, else "". */
  private static String lastByte(HttpTransaction r) {
    return r.progress() == null || r.progress().lastByteT() == null ? ""
        : ", the last byte " + Elapsed.ms(r.t0(), r.progress().lastByteT()) + " ms in";
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
    if (control.isEmpty() || Scheme.fromWire(e.scheme()) != Scheme.HTTP || last.failure() != null) {
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
