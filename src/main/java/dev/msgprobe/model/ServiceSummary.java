package dev.msgprobe.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * One service in the run summary (docs/contract/summary.md). {@code status} and the values of {@code functions} are
 * reachable | blocked | partially_blocked | throttled | down | inconclusive. {@code counts} has every
 * endpoint status as a key; {@code methods} counts the methods of blocked and throttled endpoints;
 * {@code ooni} holds OONI's own summary keys (WhatsApp, Telegram) or is empty.
 */
@JsonPropertyOrder({"status", "endpoints", "counts", "methods", "functions", "ooni"})
public record ServiceSummary(
    @JsonProperty("status") String status,
    @JsonProperty("endpoints") int endpoints,
    @JsonProperty("counts") Map<String, Integer> counts,
    @JsonProperty("methods") Map<String, Integer> methods,
    @JsonProperty("functions") Map<String, String> functions,
    @JsonProperty("ooni") Map<String, Object> ooni) {}
