package dev.msgprobe.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** How sure a verdict is: high needs differential or control evidence or a fingerprint. */
public enum Confidence {
  HIGH, MEDIUM, LOW;

  @JsonValue
  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
