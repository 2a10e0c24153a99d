package dev.msgprobe.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * OONI's MaybeBinaryData: serialised as a plain string when the bytes are valid UTF-8,
 * otherwise as {@code {"format":"base64","data":...}}.
 */
public record Body(String text, BinaryData binary) {

  public static final Body EMPTY = new Body("", null);

  public static Body of(byte[] bytes) {
    try {
      String s = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
      return new Body(s, null);
    } catch (CharacterCodingException e) {
      return new Body(null, BinaryData.of(bytes));
    }
  }

  /**
   * A body of which only the first bytes were kept ({@code cut} true: the rest was dropped at a size
   * cap). A UTF-8 character split by the cut is dropped whole, so a text body stays text.
   */
  public static Body of(byte[] bytes, boolean cut) {
    Body whole = of(bytes);
    if (!cut || whole.text != null) {
      return whole;
    }
    for (int drop = 1; drop <= 3 && drop < bytes.length; drop++) {
      int at = bytes.length - drop;
      if ((bytes[at] & 0xC0) != 0x80) {
        Body shorter = of(java.util.Arrays.copyOf(bytes, at));
        return shorter.text != null ? shorter : whole;
      }
    }
    return whole;
  }

  /** Its length in bytes (UTF-8 for text). */
  public long length() {
    return text != null ? text.getBytes(StandardCharsets.UTF_8).length : binary.bytes().length;
  }

  /** The body as text; binary bodies are decoded as ISO-8859-1 so byte patterns still match. */
  public String asText() {
    return text != null ? text : new String(binary.bytes(), StandardCharsets.ISO_8859_1);
  }

  @JsonValue
  Object json() {
    return text != null ? text : binary;
  }

  @JsonCreator
  static Body fromJson(Object value) {
    if (value == null) {
      return EMPTY;
    }
    if (value instanceof String s) {
      return new Body(s, null);
    }
    if (value instanceof Map<?, ?> m) {
      return new Body(null, new BinaryData(String.valueOf(m.get("format")), String.valueOf(m.get("data"))));
    }
    throw new IllegalArgumentException("body is neither a string nor base64 data");
  }
}
