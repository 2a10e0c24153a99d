package dev.msgprobe.store;

import dev.msgprobe.model.Measurement;
import dev.msgprobe.report.ReportJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A measurement's identity in every store: the SHA-256 (hex) of its report line as msgprobe writes it.
 * The same measurement imported from a file, recorded by a run or submitted to a collector gets the
 * same id; any change to the line (another time, another verdict) makes another measurement.
 */
public final class MeasurementIds {
  private MeasurementIds() {}

  public static String of(Measurement m) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(ReportJson.measurementLine(m).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
