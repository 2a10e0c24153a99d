package dev.msgprobe.report;

import dev.msgprobe.model.Measurement;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Report ids and OONI's time formats. A report id has the form of OONI's backend generator
 * ({@code ooni/backend probe_services.py generate_report_id}):
 * {@code 20261128T101502Z_msgprobeendpoint_RU_12389_n1_jwFo3mIUDj120GFH} — UTC time, test name
 * without underscores, country, AS number digits, collector 1, and 12 random bytes as 16 base64
 * characters whose {@code +} and {@code /} are written {@code o}, as OONI does, so the id stays
 * alphanumeric and {@code _} only separates fields.
 */
public final class ReportIds {
  private static final DateTimeFormatter OONI_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter COMPACT_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Clock clock;
  private final RandomGenerator random;

  /** {@code clock} and {@code random} are injected so tests get fixed ids. */
  public ReportIds(Clock clock, RandomGenerator random) {
    this.clock = clock;
    this.random = random;
  }

  /** The system UTC clock and a {@link SecureRandom}. */
  public static ReportIds system() {
    return new ReportIds(Clock.systemUTC(), new SecureRandom());
  }

  /** A new id for a report from {@code probeCc} ("RU"; "ZZ" if unknown) and {@code probeAsn} ("AS12389"; "AS0"). */
  public String newReportId(String probeCc, String probeAsn) {
    byte[] bytes = new byte[12];
    random.nextBytes(bytes);
    String suffix = Base64.getEncoder().encodeToString(bytes).replace('+', 'o').replace('/', 'o');
    return COMPACT_TIME.format(clock.instant()) + "_" + Measurement.TEST_NAME.replace("_", "") + "_"
        + country(probeCc) + "_" + asnDigits(probeAsn) + "_n1_" + suffix;
  }

  /** The clock's current time in OONI's format. */
  public String now() {
    return ooniTime(clock.instant());
  }

  /** {@code yyyy-MM-dd HH:mm:ss} in UTC, OONI's {@code measurement_start_time} format. */
  public static String ooniTime(Instant instant) {
    return OONI_TIME.format(instant);
  }

  /** {@code yyyyMMdd'T'HHmmss'Z'} in UTC, as used in report ids and default report names. */
  public static String compactTime(Instant instant) {
    return COMPACT_TIME.format(instant);
  }

  /** The default report, {@code reports/msgprobe-<compact time>.jsonl} (docs/contract/cli.md#run-options). */
  public static Path defaultReportPath(Instant started) {
    return Path.of("reports", "msgprobe-" + compactTime(started) + ".jsonl");
  }

  private static String country(String cc) {
    return cc == null || !cc.matches("[A-Za-z]{2}") ? "ZZ" : cc.toUpperCase(Locale.ROOT);
  }

  private static String asnDigits(String asn) {
    if (asn == null) {
      return "0";
    }
    String digits = asn.trim().replaceFirst("^(?i)AS", "");
    return digits.matches("[0-9]+") ? digits : "0";
  }
}
