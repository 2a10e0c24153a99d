package dev.msgprobe.report;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Makes a report end at a line boundary before more lines are appended to it. */
final class LineBoundary {
  private static final int CHUNK = 8192;

  private LineBoundary() {}

  /**
   * If {@code file} does not end with a newline, its unterminated last line is terminated when it
   * parses as a measurement, and cut off when it starts like one (a write interrupted by a crash).
   * Earlier lines are never touched. Returns the number of bytes cut off.
   *
   * @throws IOException when the last line does not even start like a measurement (not a report)
   */
  static long repair(Path file) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      long length = raf.length();
      if (length == 0 || lastByte(raf, length) == '\n') {
        return 0;
      }
      long start = startOfLastLine(raf, length);
      byte[] tail = new byte[Math.toIntExact(length - start)];
      raf.seek(start);
      raf.readFully(tail);
      if (isMeasurement(new String(tail, StandardCharsets.UTF_8))) {
        raf.seek(length);
        raf.write('\n');
        return 0;
      }
      if (tail.length == 0 || tail[0] != '{') {
        throw new IOException(file + ": the last line is neither a measurement nor a cut one, so this is not"
            + " a msgprobe report to continue; it was left as it is");
      }
      raf.setLength(start);
      return length - start;
    }
  }

  private static int lastByte(RandomAccessFile raf, long length) throws IOException {
    raf.seek(length - 1);
    return raf.read();
  }

  /** Offset just after the last newline, or 0 when there is none. */
  private static long startOfLastLine(RandomAccessFile raf, long length) throws IOException {
    byte[] buf = new byte[CHUNK];
    long end = length;
    while (end > 0) {
      int n = (int) Math.min(CHUNK, end);
      raf.seek(end - n);
      raf.readFully(buf, 0, n);
      for (int i = n - 1; i >= 0; i--) {
        if (buf[i] == '\n') {
          return end - n + i + 1;
        }
      }
      end -= n;
    }
    return 0;
  }

  private static boolean isMeasurement(String line) {
    try {
      ReportJson.parseMeasurement(line);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
