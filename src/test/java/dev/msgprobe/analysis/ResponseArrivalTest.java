package dev.msgprobe.analysis;

import static dev.msgprobe.analysis.ClassifierVocabularyTest.ADDR;
import static dev.msgprobe.analysis.ClassifierVocabularyTest.URL;
import static dev.msgprobe.analysis.ClassifierVocabularyTest.WEB;
import static dev.msgprobe.analysis.ClassifierVocabularyTest.handshakeOk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.model.Confidence;
import dev.msgprobe.model.Failures;
import dev.msgprobe.model.Method;
import dev.msgprobe.model.Status;
import dev.msgprobe.model.Tags;
import dev.msgprobe.model.Verdict;
import org.junit.jupiter.api.Test;

/**
 * The three ways a response's bytes fail to come, told apart by {@code x_response_progress}: data that
 * stopped (tcp.stall), data slow from the start (no block), a server slow to answer (inconclusive
 * unless the control vantage got an answer). Canned observations; times in ms after the request began.
 */
class ResponseArrivalTest {
  private final Classifier classifier = new Classifier();

  private Verdict classify(Obs o) {
    return classifier.classify(WEB, o.keys(), NetworkContext.UNKNOWN);
  }

  @Test
  void pageThatStoppedAfterAFewKiB_noResetOrClose_isTcpStall() {
    Verdict v = classify(handshakeOk()
        .http(ADDR, "GET", URL, 200, Failures.GENERIC_TIMEOUT, "x".repeat(512)).progress(40.0, 60.0, 75.0, 3_000,
            5_075));

    assertThat(v.status()).isEqualTo(Status.BLOCKED);
    assertThat(v.method()).isEqualTo(Method.TCP_STALL);
    assertThat(v.confidence()).isEqualTo(Confidence.MEDIUM);
    assertThat(v.evidence().get(0)).contains("got HTTP 200 and 3000 bytes of its body", "the last byte 75 ms in",
        "then nothing until generic_timeout_error 5075 ms in", "the data stopped");
  }

  @Test
  void pageThatStoppedBeforeAnyBodyByte_afterItsHead_isTcpStallToo() {
    Verdict v = classify(handshakeOk()
        .http(ADDR, "GET", URL, 200, Failures.GENERIC_TIMEOUT, "").progress(40.0, 60.0, 60.0, 0, 5_060));

    assertThat(v.method()).isEqualTo(Method.TCP_STALL);
    assertThat(v.status()).isEqualTo(Status.BLOCKED);
  }

  @Test
  void pageThatStoppedAfterMoreThanTheFreezeRange_staysHttpTimeout() {
    Verdict v = classify(handshakeOk()
        .http(ADDR, "GET", URL, 200, Failures.GENERIC_TIMEOUT, "x").progress(40.0, 60.0, 900.0, 200_000, 5_900));

    assertThat(v.method()).isEqualTo(Method.HTTP_TIMEOUT);
    assertThat(v.status()).isEqualTo(Status.BLOCKED);
  }

  @Test
  void bodyDrippingFromTheStartUntilTheDeadline_withoutATransfer_isInconclusiveNamingTheSlowness() {
    Verdict v = classify(handshakeOk()
        .http(ADDR, "GET", URL, 200, Failures.STILL_ARRIVING, "x".repeat(100)).progress(40.0, 60.0, 19_990.0, 1_900,
            20_000));

    assertThat(v.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(v.method()).isEqualTo(Method.HTTP_TIMEOUT);
    assertThat(v.evidence().get(0)).contains("still arriving when the request's deadline passed",
        "data slow from the start, not stopped");
  }

  @Test
  void bodyDrippingFromTheStart_withATransferAtTheBaseline_isNotBlocked() {
    Verdict v = classifier.classify(WEB, handshakeOk()
        .http(ADDR, "GET", URL, 200, Failures.STILL_ARRIVING, "x".repeat(100)).progress(40.0, 60.0, 19_990.0, 1_900,
            20_000)
        .transfer(ADDR, 262144, 262144, 0.5, 4200, false, null).keys(), new NetworkContext(true, true, 8000.0));

    assertThat(v.status()).isEqualTo(Status.REACHABLE);
    assertThat(String.join("\n", v.evidence())).contains("data slow from the start, not stopped");
  }

  @Test
  void bodyDrippingFromTheStart_withATransferFarBelowTheBaseline_isThrottledByTheThrottleRule() {
    Verdict v = classifier.classify(WEB, handshakeOk()
        .http(ADDR, "GET", URL, 200, Failures.STILL_ARRIVING, "x".repeat(100)).progress(40.0, 60.0, 19_990.0, 1_900,
            20_000)
        .transfer(ADDR, 262144, 262144, 15.0, 140, false, null).keys(), new NetworkContext(true, true, 8000.0));

    assertThat(v.status()).isEqualTo(Status.THROTTLED);
    assertThat(v.method()).isEqualTo(Method.TCP_THROTTLE);
  }

  @Test
  void headDrippingUntilTheDeadline_isInconclusive_notHttpTimeout() {
    Verdict v = classify(handshakeOk()
        .http(ADDR, "GET", URL, 0, Failures.STILL_ARRIVING, "").progress(40.0, null, null, 0, 20_000));

    assertThat(v.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(v.evidence().get(0)).contains("got part of a response head", "still arriving");
  }

  @Test
  void serverSilentAfterTheRequest_isInconclusive_slowToAnswer() {
    Verdict v = classify(handshakeOk()
        .http(ADDR, "GET", URL, 0, Failures.GENERIC_TIMEOUT, "").progress(40.0, null, null, 0, 5_040)
        .http(ADDR, "GET", URL, 0, Failures.GENERIC_TIMEOUT, "", Tags.RETRY).progress(30.0, null, null, 0, 5_030));

    assertThat(v.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(v.method()).isEqualTo(Method.HTTP_TIMEOUT);
    assertThat(v.confidence()).isEqualTo(Confidence.LOW);
    assertThat(v.evidence().get(0)).contains("went out 40 ms in", "no byte of a response came",
        "slow to answer, or the request was dropped");
  }

  @Test
  void serverSilentAfterTheRequest_butAnsweringTheControlVantage_isBlocked() {
    Verdict v = classify(handshakeOk()
        .http(ADDR, "GET", URL, 0, Failures.GENERIC_TIMEOUT, "").progress(40.0, null, null, 0, 5_040)
        .http(ADDR, "GET", URL, 200, null, "hello", Tags.CONTROL));

    assertThat(v.status()).isEqualTo(Status.BLOCKED);
    assertThat(v.method()).isEqualTo(Method.HTTP_TIMEOUT);
    assertThat(v.confidence()).isEqualTo(Confidence.HIGH);
  }

  @Test
  void serverSilentAfterTheRequest_andAtTheControlVantage_isDown() {
    Verdict v = classify(handshakeOk()
        .http(ADDR, "GET", URL, 0, Failures.GENERIC_TIMEOUT, "").progress(40.0, null, null, 0, 5_040)
        .http(ADDR, "GET", URL, 0, Failures.GENERIC_TIMEOUT, "", Tags.CONTROL));

    assertThat(v.status()).isEqualTo(Status.DOWN);
  }

  @Test
  void timeoutBeforeTheRequestWentOut_keepsTheConnectionReading_httpTimeout() {
    Verdict v = classify(handshakeOk()
        .http(ADDR, "GET", URL, 0, Failures.GENERIC_TIMEOUT, "").progress(null, null, null, 0, 5_000));

    assertThat(v.status()).isEqualTo(Status.BLOCKED);
    assertThat(v.method()).isEqualTo(Method.HTTP_TIMEOUT);
  }

  @Test
  void recordWithoutProgress_isJudgedAsBefore() {
    Verdict v = classify(handshakeOk().http(ADDR, "GET", URL, 0, Failures.GENERIC_TIMEOUT, ""));

    assertThat(v.status()).isEqualTo(Status.BLOCKED);
    assertThat(v.method()).isEqualTo(Method.HTTP_TIMEOUT);
  }
}
