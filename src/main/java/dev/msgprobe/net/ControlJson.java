package dev.msgprobe.net;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper of the test-helper protocol (the control request and its reply), used by the
 * helper that answers and by the probe that asks. Map entries are written in key order, as
 * oohelperd's Go encoder writes them. Reports have their own mapper (report.ReportJson).
 */
public final class ControlJson {
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .build();

  private ControlJson() {}
}
