package dev.msgprobe.engine;

import dev.msgprobe.analysis.Classifier;
import dev.msgprobe.analysis.NetworkContext;
import dev.msgprobe.analysis.NetworkContexts;
import dev.msgprobe.analysis.SharedIssuers;
import dev.msgprobe.analysis.Summaries;
import dev.msgprobe.lists.ListException;
import dev.msgprobe.lists.Targets;
import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.Scheme;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.Verdict;
import dev.msgprobe.report.LoadedReport;
import dev.msgprobe.report.ResumeKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Runs today's classifier again on a stored report's observations ({@code msgprobe report --reclassify}),
 * so old reports benefit from a newer classifier. Each endpoint is judged with the
 * {@link NetworkContext} of the controls measured in the same run (same {@code report_id}; a report
 * continued with {@code --resume} holds several runs), the controls themselves without one, as
 * {@code msgprobe run} does.
 *
 * <p>The endpoint is rebuilt from the line: its {@code input} is parsed as a command-line target
 * ({@link Targets#resolve}), then the annotations {@code service}, {@code function}, {@code list},
 * {@code method} (absent: GET for http, https and wss, as {@link ResumeKey} reads it),
 * {@code category_code} and {@code source} override what the built-in lists say about that URI. Fields
 * a report does not record (line, description, date, notes, throughput) come from the built-in entry of
 * the same URI or are left empty; the classifier reads only the scheme and host. A line whose input is
 * not an endpoint URI, or that has no {@code test_keys}, keeps its stored verdict. The cross-endpoint rule
 * of a run (one unknown certificate issuer on unrelated sites, {@link SharedIssuers}) counts every line of
 * the same run before any is judged.
 */
public final class Reclassifier {
  private static final Pattern URI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://\\S*");

  private final Classifier classifier = new Classifier();
  private final Map<String, Parsed> parsed = new HashMap<>();

  /** {@code report} with new verdicts; {@code changed} counts the verdicts that differ from the stored ones. */
  public record Result(LoadedReport report, int changed, List<String> problems) {
    public Result {
      problems = List.copyOf(problems);
    }
  }

  private record Parsed(Endpoint endpoint, String problem) {}

  public Result reclassify(LoadedReport report) {
    Map<String, NetworkContext> contexts = contextsByRun(report.measurements());
    Map<String, SharedIssuers> issuers = issuersByRun(report.measurements());
    List<Measurement> out = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int changed = 0;
    for (Measurement m : report.measurements()) {
      if (m.testKeys() == null) {
        out.add(m);
        continue;
      }
      Parsed p = parsed.computeIfAbsent(String.valueOf(m.input()), input -> parse(input));
      if (p.endpoint() == null) {
        problems.add(report.file() + ": " + p.problem() + "; its stored verdict is kept");
        out.add(m);
        continue;
      }
      boolean control = Summaries.CONTROL_SERVICE.equals(m.annotation("service"));
      NetworkContext context = control ? NetworkContext.UNKNOWN
          : contexts.getOrDefault(Objects.toString(m.reportId(), ""), NetworkContext.UNKNOWN);
      Verdict verdict = classifier.classify(endpointOf(p.endpoint(), m), m.testKeys(), context,
          issuers.getOrDefault(Objects.toString(m.reportId(), ""), SharedIssuers.NONE));
      if (!verdict.equals(m.testKeys().verdict())) {
        changed++;
      }
      out.add(m.withTestKeys(m.testKeys().withVerdict(verdict)));
    }
    return new Result(new LoadedReport(report.file(), out, report.warnings()), changed, problems);
  }

  private static Map<String, NetworkContext> contextsByRun(List<Measurement> measurements) {
    Map<String, List<Measurement>> controls = new LinkedHashMap<>();
    for (Measurement m : measurements) {
      if (Summaries.CONTROL_SERVICE.equals(m.annotation("service"))) {
        controls.computeIfAbsent(Objects.toString(m.reportId(), ""), k -> new ArrayList<>()).add(m);
      }
    }
    Map<String, NetworkContext> out = new HashMap<>();
    controls.forEach((run, ms) -> out.put(run, NetworkContexts.fromMeasurements(ms)));
    return out;
  }

  /** The unknown certificate issuers each run saw, as {@code msgprobe run} counts them. */
  private Map<String, SharedIssuers> issuersByRun(List<Measurement> measurements) {
    Map<String, SharedIssuers.Census> census = new HashMap<>();
    for (Measurement m : measurements) {
      Parsed p = m.testKeys() == null ? null : parsed.computeIfAbsent(String.valueOf(m.input()), Reclassifier::parse);
      if (p != null && p.endpoint() != null) {
        census.computeIfAbsent(Objects.toString(m.reportId(), ""), k -> new SharedIssuers.Census())
            .add(p.endpoint().host(), m.testKeys());
      }
    }
    Map<String, SharedIssuers> out = new HashMap<>();
    census.forEach((run, c) -> out.put(run, c.snapshot()));
    return out;
  }

  private static Parsed parse(String input) {
    if (!URI.matcher(input).matches()) {
      return new Parsed(null, "input '" + input + "' is not an endpoint URI");
    }
    try {
      return new Parsed(Targets.resolve(List.of(input)).get(0), null);
    } catch (ListException e) {
      return new Parsed(null, String.join("; ", e.errors()));
    }
  }

  /** The endpoint of {@code m}: {@code parsed} from its input, described by its annotations. */
  static Endpoint endpointOf(Endpoint parsed, Measurement m) {
    String method = m.annotation(ResumeKey.METHOD_ANNOTATION);
    if (method == null || method.isBlank()) {
      Scheme scheme = Scheme.fromWire(parsed.scheme());
      method = scheme != null && scheme.request() != Scheme.Request.NONE ? "GET" : null;
    }
    return parsed.withMethod(method)
        .withService(annotation(m, "service", parsed.service()))
        .withFunction(annotation(m, "function", parsed.function()))
        .withList(annotation(m, "list", parsed.list()))
        .withCategoryCode(annotation(m, "category_code", parsed.categoryCode()))
        .withSource(annotation(m, "source", parsed.source()));
  }

  private static String annotation(Measurement m, String key, String otherwise) {
    String value = m.annotation(key);
    return value == null || value.isBlank() ? otherwise : value;
  }
}
