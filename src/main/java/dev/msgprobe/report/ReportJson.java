package dev.msgprobe.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.RunSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * The one JSON configuration for reports and summaries. Property order is the records'
 * {@code @JsonPropertyOrder}; map entries keep their insertion order (the producer's order, never
 * sorted); nulls are written explicitly; unknown properties are ignored when reading, so reports
 * from newer versions (and OONI's {@code x_} keys) still load. Doubles are written in plain decimal
 * notation ({@code 0.000012}, not {@code 1.2E-5}) between 1e-6 and 1e21, as OONI's Go code does.
 */
public final class ReportJson {
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS))
      .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
      .addModule(new SimpleModule("msgprobe-doubles")
          .addSerializer(Double.class, new PlainDoubleSerializer())
          .addSerializer(double.class, new PlainDoubleSerializer()))
      .build();

  private static final ObjectWriter MEASUREMENT_WRITER = MAPPER.writerFor(Measurement.class);
  private static final ObjectReader MEASUREMENT_READER = MAPPER.readerFor(Measurement.class);
  private static final ObjectWriter SUMMARY_WRITER = MAPPER.writerFor(RunSummary.class)
      .with(prettyPrinter());
  private static final ObjectReader SUMMARY_READER = MAPPER.readerFor(RunSummary.class);
  private static final ObjectWriter DIFF_WRITER = MAPPER.writerFor(ReportDiff.class).with(prettyPrinter());

  private ReportJson() {}

  /** One measurement as compact JSON on a single line, without the line terminator and unscrubbed. */
  public static String measurementLine(Measurement m) {
    try {
      return MEASUREMENT_WRITER.writeValueAsString(m);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise measurement of " + m.input(), e);
    }
  }

  /** Parses one report line; an IOException names what is wrong with the JSON. */
  public static Measurement parseMeasurement(String json) throws IOException {
    Measurement m = MEASUREMENT_READER.readValue(json);
    if (m == null) {
      throw new IOException("null is not a measurement");
    }
    return m;
  }

  /**
   * The summary as pretty-printed JSON (two-space indent, {@code "key": value}, {@code {}} when empty),
   * ending in a newline.
   */
  public static String summaryJson(RunSummary summary) {
    try {
      return SUMMARY_WRITER.writeValueAsString(summary) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise the run summary", e);
    }
  }

  /** The comparison of two runs, pretty-printed like the summary, ending in a newline. */
  public static String diffJson(ReportDiff diff) {
    try {
      return DIFF_WRITER.writeValueAsString(diff) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise the comparison", e);
    }
  }

  /** {@code value} (a record with Jackson annotations) pretty-printed like the summary, ending in a newline. */
  public static String pretty(Object value) {
    try {
      return MAPPER.writer().with(prettyPrinter()).writeValueAsString(value) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  public static RunSummary parseSummary(String json) throws IOException {
    RunSummary s = SUMMARY_READER.readValue(json);
    if (s == null) {
      throw new IOException("null is not a run summary");
    }
    return s;
  }

  private static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""));
    printer.indentObjectsWith(indenter);
    printer.indentArraysWith(indenter);
    return printer;
  }

  /** Writes finite doubles in [1e-6, 1e21) without an exponent; others as Jackson does. */
  private static final class PlainDoubleSerializer extends StdSerializer<Double> {
    PlainDoubleSerializer() {
      super(Double.class);
    }

    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      double d = value;
      double abs = Math.abs(d);
      if (Double.isFinite(d) && (abs == 0 || (abs >= 1e-6 && abs < 1e21))) {
        gen.writeNumber(BigDecimal.valueOf(d).toPlainString());
      } else {
        gen.writeNumber(d);
      }
    }
  }
}
