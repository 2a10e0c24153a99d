package dev.msgprobe.lists;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The text of a list file: UTF-8, or Windows-1251, which Excel uses for "CSV (comma delimited)" in a
 * Russian locale. A file that is not UTF-8 is read as Windows-1251 only when its other bytes look
 * like Russian text (Cyrillic letters in words of their own, « » № and dashes); anything else is
 * refused with a message that says how to save the file as UTF-8.
 */
final class ListEncoding {
  static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
  static final String SAVE_AS_UTF8 = "save the list as UTF-8: in Excel, File > Save As > \"CSV UTF-8 (Comma delimited) (*.csv)\";"
      + " in LibreOffice, Save As > \"Text CSV\" > Edit filter settings > Character set \"Unicode (UTF-8)\"";

  private ListEncoding() {}

  static String decode(String file, byte[] bytes) throws ListException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      decoder.flush(out);
      return out.flip().toString();
    }
    if (looksLikeWindows1251(bytes)) {
      return new String(bytes, WINDOWS_1251);
    }
    int line = 1;
    for (int i = 0; i < in.position(); i++) {
      line += bytes[i] == '\n' ? 1 : 0;
    }
    throw new ListException(List.of(file + ":" + line + ": not valid UTF-8 (byte offset " + in.position()
        + ") nor Russian text in Windows-1251; " + SAVE_AS_UTF8));
  }

  /**
   * Every byte above 0x7F is a Windows-1251 Cyrillic letter (0xC0-0xFF, Ё 0xA8, ё 0xB8) or common
   * punctuation (« » № – — … no-break space), and no Cyrillic letter touches a Latin one: in
   * Latin-1, "café" has é (0xE9) between Latin letters; in Russian text, words are all Cyrillic.
   */
  static boolean looksLikeWindows1251(byte[] bytes) {
    boolean letters = false;
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xFF;
      if (b < 0x80) {
        continue;
      }
      boolean letter = b >= 0xC0 || b == 0xA8 || b == 0xB8;
      boolean punctuation = b == 0xAB || b == 0xBB || b == 0xB9 || b == 0x96 || b == 0x97 || b == 0x85 || b == 0xA0;
      if (!letter && !punctuation) {
        return false;
      }
      if (letter && (latinLetter(bytes, i - 1) || latinLetter(bytes, i + 1))) {
        return false;
      }
      letters |= letter;
    }
    return letters;
  }

  private static boolean latinLetter(byte[] bytes, int i) {
    if (i < 0 || i >= bytes.length) {
      return false;
    }
    int b = bytes[i];
    return b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z';
  }
}
