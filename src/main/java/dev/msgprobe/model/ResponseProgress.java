package dev.msgprobe.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * How the bytes of one HTTP response arrived ({@code x_response_progress}, a msgprobe extension of a
 * {@code requests} entry): enough to tell data that stopped from data slow from the start and from a
 * server slow to answer. Times are seconds on the measurement's clock, like {@code t0} and {@code t};
 * null when the moment never came.
 *
 * @param requestSentT when the request head had been written (null: it never went out)
 * @param headT when the response head was complete (null: no complete head)
 * @param lastByteT when the last response byte was read (null: none was); on a response read through
 *     OkHttp, the head's end or the last body read, partial heads not seen
 * @param bodyBytes body bytes read, all of them (not only those kept up to the body cap; reading stops
 *     one chunk past the cap)
 */
@JsonPropertyOrder({"request_sent_t", "head_t", "last_byte_t", "body_bytes"})
public record ResponseProgress(
    @JsonProperty("request_sent_t") Double requestSentT,
    @JsonProperty("head_t") Double headT,
    @JsonProperty("last_byte_t") Double lastByteT,
    @JsonProperty("body_bytes") long bodyBytes) {

  /** True when the request went out. */
  public boolean requestSent() {
    return requestSentT != null;
  }

  /** True when at least one response byte arrived. */
  public boolean anyByte() {
    return lastByteT != null;
  }
}
