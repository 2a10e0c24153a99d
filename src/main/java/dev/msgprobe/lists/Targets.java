package dev.msgprobe.lists;

import dev.msgprobe.model.Endpoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the TARGET arguments of {@code msgprobe run} (docs/contract/cli.md#targets) into the endpoints to measure. A
 * target is a built-in list name ({@code whatsapp}, {@code telegram}, {@code max}, {@code all} = the
 * three; any case), an endpoint URI ({@code scheme://...}), or else a path to a list file.
 */
public final class Targets {
  /** The target that stands for every built-in service list. */
  public static final String ALL = "all";
  /** The {@code list} of an endpoint given as a URI on the command line. */
  public static final String COMMAND_LINE = "command-line";

  private Targets() {}

  /**
   * The endpoints of all targets in order, each endpoint (same URI and method) once, the first
   * occurrence kept. No target means {@code all}. Every target is checked before this throws; its
   * problems name the target (or the file and line).
   */
  public static List<Endpoint> resolve(List<String> targets) throws ListException {
    List<String> wanted = targets.isEmpty() ? List.of(ALL) : targets;
    Map<EndpointKey, Endpoint> endpoints = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    KnownEndpoints known = null;
    for (String target : wanted) {
      try {
        List<Endpoint> found;
        if (EndpointUri.looksLikeUri(target)) {
          known = known == null ? KnownEndpoints.load() : known;
          found = List.of(fromUri(target, known));
        } else {
          found = fromList(target);
        }
        found.forEach(e -> endpoints.putIfAbsent(EndpointKey.of(e), e));
      } catch (ListException e) {
        errors.addAll(e.errors());
      }
    }
    if (!errors.isEmpty()) {
      throw new ListException(errors);
    }
    return List.copyOf(endpoints.values());
  }

  private static List<Endpoint> fromList(String target) throws ListException {
    String key = target.toLowerCase(Locale.ROOT);
    if (key.equals(ALL)) {
      List<Endpoint> all = new ArrayList<>();
      for (String service : TestLists.SERVICES) {
        all.addAll(TestLists.builtIn(service).endpoints());
      }
      return all;
    }
    if (TestLists.SERVICES.contains(key)) {
      return TestLists.builtIn(key).endpoints();
    }
    Path file = TestLists.existingFile(target);
    if (file == null) {
      throw new ListException(List.of(target + ": not a built-in list (" + String.join(", ", TestLists.SERVICES)
          + ", " + ALL + "), an endpoint URI or an existing file"));
    }
    return TestLists.load(file).endpoints();
  }

  /**
   * An endpoint given on the command line. It takes method, service, function and the other columns
   * from the built-in endpoint with the same URI; otherwise its service is the built-in service
   * whose hosts share its domain, or its host name; its list is {@value #COMMAND_LINE}, its line 0.
   */
  private static Endpoint fromUri(String target, KnownEndpoints known) throws ListException {
    List<String> errors = new ArrayList<>();
    Endpoint parsed = EndpointBuilder.build(Map.of(Columns.URL, target.strip()), COMMAND_LINE, 0,
        message -> errors.add(target + ": " + message));
    if (parsed == null) {
      throw new ListException(errors);
    }
    return known.describe(parsed);
  }
}
