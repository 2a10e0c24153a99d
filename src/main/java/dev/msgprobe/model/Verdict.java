package dev.msgprobe.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The analysis of one endpoint ({@code test_keys.verdict}, docs/contract/report.md#verdict). {@code layer} is null when
 * reachable; {@code sni_filtering} is null when no decoy handshake was made.
 */
@JsonPropertyOrder({"status", "layer", "method", "sni_filtering", "confidence", "evidence"})
public record Verdict(
    @JsonProperty("status") Status status,
    @JsonProperty("layer") Layer layer,
    @JsonProperty("method") Method method,
    @JsonProperty("sni_filtering") Boolean sniFiltering,
    @JsonProperty("confidence") Confidence confidence,
    @JsonProperty("evidence") List<String> evidence) {

  public static Verdict reachable(Confidence confidence, List<String> evidence) {
    return new Verdict(Status.REACHABLE, null, Method.OK, null, confidence, evidence);
  }

  /**
   * msgprobe itself failed on this endpoint ({@code evidence} says while doing what, and names the fault):
   * nothing can be concluded about the endpoint.
   */
  public static Verdict probeFault(String evidence) {
    return new Verdict(Status.INCONCLUSIVE, null, Method.OK, null, Confidence.LOW, List.of(evidence));
  }

  /** A verdict whose layer is the method's own layer. */
  public static Verdict of(Status status, Method method, Boolean sniFiltering, Confidence confidence,
      List<String> evidence) {
    return new Verdict(status, method.layer(), method, sniFiltering, confidence, evidence);
  }
}
