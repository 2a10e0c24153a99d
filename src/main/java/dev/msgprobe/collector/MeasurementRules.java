package dev.msgprobe.collector;

import com.fasterxml.jackson.databind.JsonNode;
import dev.msgprobe.model.Measurement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a collector accepts: an open-report request and a measurement in msgprobe's report format
 * (OONI's base envelope around msgprobe's test keys). Each check names the field that is wrong.
 */
final class MeasurementRules {
  static final Pattern REPORT_ID = Pattern.compile("[A-Za-z0-9_-]{8,128}");
  private static final Pattern ASN = Pattern.compile("AS[0-9]{1,10}");
  private static final Pattern CC = Pattern.compile("[A-Z]{2}");
  private static final DateTimeFormatter OONI_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  private MeasurementRules() {}

  /** Why an open-report request is refused, or null when it is acceptable. */
  static String openProblem(JsonNode body) {
    if (body == null || !body.isObject()) {
      return "the body is not a JSON object";
    }
    if (!"json".equals(text(body, "format"))) {
      return "format must be \"json\"";
    }
    if (!Measurement.DATA_FORMAT_VERSION.equals(text(body, "data_format_version"))) {
      return "data_format_version must be " + Measurement.DATA_FORMAT_VERSION;
    }
    if (!Measurement.TEST_NAME.equals(text(body, "test_name"))) {
      return "test_name must be " + Measurement.TEST_NAME;
    }
    if (text(body, "probe_asn") == null || !ASN.matcher(text(body, "probe_asn")).matches()) {
      return "probe_asn must look like AS1234";
    }
    if (text(body, "probe_cc") == null || !CC.matcher(text(body, "probe_cc")).matches()) {
      return "probe_cc must be two capital letters";
    }
    if (text(body, "software_name") == null || text(body, "software_version") == null) {
      return "software_name and software_version are required";
    }
    String proposed = text(body, "report_id");
    if (proposed != null && !REPORT_ID.matcher(proposed).matches()) {
      return "report_id must be 8 to 128 letters, digits, '_' or '-'";
    }
    return null;
  }

  /** Why {@code m}, submitted under {@code reportId}, is refused, or null when it is acceptable. */
  static String measurementProblem(Measurement m, String reportId) {
    if (!reportId.equals(m.reportId())) {
      return "content.report_id must be the report's id, " + reportId;
    }
    if (!Measurement.DATA_FORMAT_VERSION.equals(m.dataFormatVersion())) {
      return "content.data_format_version must be " + Measurement.DATA_FORMAT_VERSION;
    }
    if (!Measurement.TEST_NAME.equals(m.testName())) {
      return "content.test_name must be " + Measurement.TEST_NAME;
    }
    if (m.input() == null || m.input().isBlank()) {
      return "content.input is required (the endpoint measured)";
    }
    if (!time(m.measurementStartTime()) || !time(m.testStartTime())) {
      return "content.measurement_start_time and test_start_time must be yyyy-MM-dd HH:mm:ss";
    }
    if (m.probeAsn() == null || !ASN.matcher(m.probeAsn()).matches()) {
      return "content.probe_asn must look like AS1234";
    }
    if (m.probeCc() == null || !CC.matcher(m.probeCc()).matches()) {
      return "content.probe_cc must be two capital letters";
    }
    if (m.testKeys() == null) {
      return "content.test_keys is required";
    }
    if (m.testKeys().verdict() == null || m.testKeys().verdict().status() == null) {
      return "content.test_keys.verdict with a status is required";
    }
    String service = m.annotation("service");
    if (service == null || service.isBlank()) {
      return "content.annotations.service is required";
    }
    return null;
  }

  private static boolean time(String text) {
    try {
      LocalDateTime.parse(text, OONI_TIME);
      return true;
    } catch (DateTimeParseException | NullPointerException e) {
      return false;
    }
  }

  private static String text(JsonNode body, String field) {
    JsonNode n = body.get(field);
    return n == null || !n.isTextual() ? null : n.asText();
  }
}
