package dev.msgprobe.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * How many endpoints a run measured at once, and why ({@code parallelism} of the summary,
 * docs/contract/summary.md). {@code chosen} is {@code given} (--parallel N), {@code default} (a short
 * list) or {@code auto} (picked from the limits); {@code threads} is {@code virtual} or {@code platform};
 * {@code fdLimit} (-1 when unknown) and {@code maxHeapMib} are what {@code auto} weighed.
 */
@JsonPropertyOrder({"endpoints_at_once", "chosen", "threads", "fd_limit", "max_heap_mib"})
public record Parallelism(
    @JsonProperty("endpoints_at_once") int endpointsAtOnce,
    @JsonProperty("chosen") String chosen,
    @JsonProperty("threads") String threads,
    @JsonProperty("fd_limit") long fdLimit,
    @JsonProperty("max_heap_mib") long maxHeapMib) {}
