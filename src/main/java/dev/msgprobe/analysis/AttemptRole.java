package dev.msgprobe.analysis;

import dev.msgprobe.model.Tags;
import java.util.List;

/**
 * Which step of docs/design/measurement.md produced a connection observation, read from its tags.
 * {@link #MAIN} is the first attempt on the main path (on a system address, or on a trusted address
 * when the resolver under test gave nothing usable).
 */
enum AttemptRole {
  MAIN, RETRY, DECOY, VALIDATE, CONTROL, THROUGHPUT;

  static AttemptRole of(List<String> tags) {
    if (tags == null) {
      return MAIN;
    }
    if (tags.contains(Tags.CONTROL)) {
      return CONTROL;
    }
    if (tags.contains(Tags.THROUGHPUT)) {
      return THROUGHPUT;
    }
    if (tags.contains(Tags.DECOY_SNI) || tags.contains(Tags.NO_SNI)) {
      return DECOY;
    }
    if (tags.contains(Tags.VALIDATE)) {
      return VALIDATE;
    }
    return tags.contains(Tags.RETRY) ? RETRY : MAIN;
  }
}
