package dev.msgprobe.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msgprobe.testing.TestMmdb;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs msgprobe, unchanged, inside the censorship lab (lab/, Linux network namespaces) once per
 * scenario in lab/scenarios/*.conf and compares every endpoint's {@code test_keys.verdict}
 * (status, layer, method) with the scenario's expectations. Prints a confusion table (expected vs
 * got) for every scenario; asserts only the scenarios whose file says {@code assert: yes}.
 *
 * <p>Needs root, working {@code ip netns}, the lab's tools ({@code bash lab/setup-deps.sh}) and a
 * built {@code ./msgprobe}; skipped with a message otherwise. Reads the report generically with
 * Jackson, independent of the probe's model classes. Subset: {@code -Dmsgprobe.lab.scenarios=a,b}.
 * Reports, expectations and logs go to {@code target/lab-reports/}.
 */
@Tag("lab")
class LabScenariosIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long SCENARIO_TIMEOUT_MINUTES = 10;
  /** The vantage's address on its interface and the public one the lab's ISP NATs it to (lab/lab.sh). */
  static final String VANTAGE_IP = "10.77.1.2";
  static final String VANTAGE_PUBLIC_IP = "95.167.77.7";
  private static final Pattern VANTAGE_ANYWHERE = Pattern.compile(
      "(?<![0-9])(" + Pattern.quote(VANTAGE_IP) + "|" + Pattern.quote(VANTAGE_PUBLIC_IP) + ")(?![0-9])");
  private static Path repo;
  private static Path reports;

  @BeforeAll
  static void preconditions() throws Exception {
    repo = findRepo();
    assumeTrue(repo != null, "lab/run-scenario.sh not found above " + Path.of("").toAbsolutePath());
    assumeTrue(run(List.of("id", "-u"), 10).output().strip().equals("0"),
        "lab tests need root (network namespaces); skipped");
    assumeTrue(run(List.of("ip", "netns", "list"), 10).exit() == 0,
        "`ip netns` does not work here (iproute2 missing or no namespace support); skipped");
    Result tools = run(List.of("bash", "-c",
        "for t in ip nft iptables iptables-restore curl dig openssl ethtool /usr/bin/python3 /usr/bin/time; do"
            + " command -v $t >/dev/null || echo $t; done"), 10);
    assumeTrue(tools.output().isBlank(),
        "lab tools missing: " + tools.output().strip().replace('\n', ' ')
            + " (run: sudo bash lab/setup-deps.sh); skipped");
    Result kernel = run(List.of("bash", repo.resolve("lab/lab.sh").toString(), "check-kernel"), 60);
    assumeTrue(kernel.exit() == 0, "kernel features missing for the lab:\n" + kernel.output());
    assumeTrue(Files.isExecutable(repo.resolve("msgprobe")),
        "./msgprobe not found at " + repo + "; build the probe first; skipped");
    reports = repo.resolve("target/lab-reports");
    Files.createDirectories(reports);
    asnDb = labAsnDatabase(reports.resolve("lab-asn.mmdb"));
  }

  private static Path asnDb;

  /** The lab's networks: the vantage's ISP (Rostelecom-like, also the block page's) and the services'. */
  static Path labAsnDatabase(Path file) throws IOException {
    return new TestMmdb().type("msgprobe-lab-ASN")
        .asn("95.167.0.0/16", 12389, "PJSC Rostelecom", "RU")
        .asn("157.240.0.0/16", 32934, "Facebook, Inc.", "US")
        .asn("149.154.160.0/20", 62041, "Telegram Messenger Inc", "GB")
        .asn("91.108.0.0/16", 62041, "Telegram Messenger Inc", "GB")
        .asn("155.212.0.0/16", 47764, "LLC VK", "RU")
        .asn("77.88.0.0/18", 13238, "YANDEX LLC", "RU")
        .asn("140.82.112.0/20", 36459, "GitHub, Inc.", "US")
        .asn("185.199.108.0/22", 54113, "Fastly, Inc.", "US")
        .asn("93.184.216.0/24", 15133, "Edgecast Inc.", "US")
        .asn("192.0.46.0/24", 16876, "ICANN-DC", "US")
        .asn("1.1.1.0/24", 13335, "Cloudflare, Inc.", "US")
        .asn("8.8.8.0/24", 15169, "Google LLC", "US")
        .write(file);
  }

  @AfterAll
  static void teardown() throws Exception {
    if (repo != null) {
      run(List.of("bash", repo.resolve("lab/lab.sh").toString(), "down"), 60);
    }
  }

  @TestFactory
  Stream<DynamicTest> scenarios() throws IOException {
    Set<String> only = new LinkedHashSet<>();
    String prop = System.getProperty("msgprobe.lab.scenarios", "").strip();
    if (!prop.isEmpty()) {
      only.addAll(Arrays.asList(prop.split("\\s*,\\s*")));
    }
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(repo.resolve("lab/scenarios"))) {
      files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".conf"))
          .map(n -> n.substring(0, n.length() - ".conf".length()))
          .filter(n -> only.isEmpty() || only.contains(n))
          .sorted()
          .forEach(names::add);
    }
    return names.stream().map(n -> DynamicTest.dynamicTest(n, () -> runScenario(n)));
  }

  private void runScenario(String name) throws Exception {
    Path out = reports.resolve(name + ".jsonl");
    Result r = run(List.of("bash", repo.resolve("lab/run-scenario.sh").toString(), name,
        out.toString(), "--asn-db", asnDb.toString()), SCENARIO_TIMEOUT_MINUTES * 60);
    Files.writeString(reports.resolve(name + ".log"), r.output(), StandardCharsets.UTF_8);
    assertThat(r.exit()).as("lab/run-scenario.sh %s (log: %s)\n%s", name,
        reports.resolve(name + ".log"), tail(r.output())).isZero();

    JsonNode expected = JSON.readTree(reports.resolve(name + ".expected.json").toFile());
    boolean asserted = expected.path("assert").asBoolean(false);
    JsonNode endpoints = expected.path("endpoints");

    Map<String, Map<String, Integer>> table = new TreeMap<>();
    List<String> mismatches = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    List<String> leaks = new ArrayList<>();
    List<String> wrongPlace = new ArrayList<>();
    List<String> duplicates = new ArrayList<>();
    Set<String> lines = new LinkedHashSet<>();
    // in allowlist mode the lab's (foreign) STUN server is black-holed like everything foreign: the
    // probe cannot learn its public address and must say so (AS0/ZZ) rather than guess
    boolean stunReachable = !"allowlist".equals(expected.path("network_mode").asText(""));
    String wantAsn = stunReachable ? "AS12389" : "AS0";
    String wantCc = stunReachable ? "RU" : "ZZ";
    try (BufferedReader in = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode m = JSON.readTree(line);
        String input = m.path("input").asText("");
        Matcher leak = VANTAGE_ANYWHERE.matcher(line);
        if (leak.find()) {
          leaks.add(input + ": " + leak.group() + " at " + line.substring(Math.max(0, leak.start() - 60),
              Math.min(line.length(), leak.end() + 20)));
        }
        if (!wantAsn.equals(m.path("probe_asn").asText()) || !wantCc.equals(m.path("probe_cc").asText())) {
          wrongPlace.add(input + ": " + m.path("probe_asn").asText() + " " + m.path("probe_cc").asText());
        }
        JsonNode verdict = m.path("test_keys").path("verdict");
        // one line per endpoint: a URL in two lists (a service's and the controls') has one line for each
        if (!lines.add(input + " " + m.path("annotations").path("service").asText(""))) {
          duplicates.add(input);
        }
        JsonNode exp = lookup(endpoints, input);
        seen.add(input);
        seen.add(stripSlash(input));
        if (exp != null && !exp.path("served").asBoolean(true)) {
          continue; // a literal the lab cannot serve (IPv6, private): not compared
        }
        String got = format(verdict);
        String want = exp == null ? "(no expectation)" : formatAlternatives(exp.path("expect"));
        table.computeIfAbsent(want, k -> new TreeMap<>()).merge(got, 1, Integer::sum);
        if (exp == null || !matchesAny(verdict, exp.path("expect"))) {
          mismatches.add(input + ": expected " + want + ", got " + got
              + evidence(verdict));
        }
      }
    }
    List<String> missing = new ArrayList<>();
    for (Iterator<String> it = endpoints.fieldNames(); it.hasNext(); ) {
      String url = it.next();
      boolean control = "controls".equals(endpoints.get(url).path("list").asText());
      boolean served = endpoints.get(url).path("served").asBoolean(true);
      if (!control && served && !seen.contains(url) && !seen.contains(stripSlash(url))) {
        missing.add(url);
      }
    }
    String wantMode = expected.path("network_mode").isTextual()
        ? expected.path("network_mode").asText() : null;
    String wantUdp = expected.path("udp_mode").isTextual() ? expected.path("udp_mode").asText() : null;
    String gotMode = null;
    String gotUdp = null;
    Path summary = reports.resolve(name + ".summary.json");
    if (Files.exists(summary)) {
      JsonNode summaryJson = JSON.readTree(summary.toFile());
      gotMode = summaryJson.path("network_mode").asText(null);
      gotUdp = summaryJson.path("udp_mode").asText(null);
    }

    printTable(name, asserted, table, mismatches, missing, wantMode, gotMode);
    if (Files.exists(summary)) {
      Matcher leak = VANTAGE_ANYWHERE.matcher(Files.readString(summary));
      if (leak.find()) {
        leaks.add("summary: " + leak.group());
      }
    }
    System.out.printf("scenario %s: vantage addresses %s and %s in the report: %d lines; probe_asn/probe_cc wrong: %d%n",
        name, VANTAGE_IP, VANTAGE_PUBLIC_IP, leaks.size(), wrongPlace.size());
    assertThat(leaks).as("scenario %s: lines holding the vantage's own address", name).isEmpty();
    assertThat(wrongPlace).as("scenario %s: lines not placed on %s %s", name, wantAsn, wantCc).isEmpty();
    if (!stunReachable && Files.exists(summary)) {
      assertThat(JSON.readTree(summary.toFile()).path("probe_location").asText())
          .as("scenario %s: why the network is unknown", name).contains("no STUN server answered");
    }
    if (wantUdp != null) {
      System.out.println("  udp_mode: expected " + wantUdp + ", got " + gotUdp);
    }
    assertProbeLimits(name, expected);
    if (asserted) {
      assertThat(duplicates).as("scenario %s: endpoints written more than once", name).isEmpty();
      assertThat(mismatches).as("scenario %s: endpoints whose verdict differs", name).isEmpty();
      assertThat(missing).as("scenario %s: endpoints missing from the report", name).isEmpty();
      if (wantMode != null) {
        assertThat(gotMode).as("scenario %s: summary network_mode", name).isEqualTo(wantMode);
      }
      if (wantUdp != null) {
        assertThat(gotUdp).as("scenario %s: summary udp_mode", name).isEqualTo(wantUdp);
      }
    }
  }

  /**
   * For a scenario that sets them ({@code deadline}, {@code max_rss_mib}): the probe ended on its own
   * with exit status 0 before the deadline (lab.sh kills it there: 124 or 137), and its peak resident
   * memory (GNU time's maximum RSS of the JVM) stayed under the limit.
   */
  private void assertProbeLimits(String name, JsonNode expected) throws IOException {
    Path exit = reports.resolve(name + ".exit");
    Path rss = reports.resolve(name + ".maxrss-kib");
    if (expected.path("deadline").canConvertToInt()) {
      assertThat(Files.readString(exit).strip()).as("scenario %s: msgprobe's exit status (124 or 137: killed at"
          + " the %d s deadline)", name, expected.path("deadline").asInt()).isEqualTo("0");
    }
    if (expected.path("max_rss_mib").canConvertToInt()) {
      List<String> rssLines = Files.readAllLines(rss);
      long peakKib = Long.parseLong(rssLines.get(rssLines.size() - 1).strip());
      System.out.printf("scenario %s: msgprobe's peak resident memory %d MiB (limit %d MiB)%n", name,
          peakKib / 1024, expected.path("max_rss_mib").asInt());
      assertThat(peakKib).as("scenario %s: msgprobe's peak resident memory in KiB", name)
          .isLessThan(expected.path("max_rss_mib").asLong() * 1024);
    }
  }

  // ---- expectations ------------------------------------------------------------------------

  private static JsonNode lookup(JsonNode endpoints, String input) {
    for (String k : List.of(input, stripSlash(input), input + "/")) {
      if (endpoints.has(k)) {
        return endpoints.get(k);
      }
    }
    return null;
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  /** Expected alternatives: [{status, layer, method}], "*" matches anything, null layer is "-". */
  static boolean matchesAny(JsonNode verdict, JsonNode alternatives) {
    if (!alternatives.isArray()) {
      return false;
    }
    for (JsonNode alt : alternatives) {
      boolean all = true;
      for (String k : List.of("status", "layer", "method")) {
        String want = alt.path(k).isNull() || alt.path(k).isMissingNode() ? null : alt.get(k).asText();
        String got = verdict.path(k).isNull() || verdict.path(k).isMissingNode()
            ? null : verdict.get(k).asText();
        if ("*".equals(want)) {
          continue;
        }
        if (want == null ? got != null && !got.isEmpty() : !want.equals(got)) {
          all = false;
          break;
        }
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  private static String format(JsonNode v) {
    if (v.isMissingNode() || v.isNull()) {
      return "(no verdict)";
    }
    String layer = v.path("layer").isNull() || v.path("layer").isMissingNode()
        ? "-" : v.path("layer").asText();
    return v.path("status").asText("?") + " " + layer + " " + v.path("method").asText("?");
  }

  private static String formatAlternatives(JsonNode alts) {
    List<String> s = new ArrayList<>();
    for (JsonNode a : alts) {
      s.add(format(a));
    }
    return s.isEmpty() ? "(no expectation)" : String.join(" or ", s);
  }

  private static String evidence(JsonNode v) {
    JsonNode ev = v.path("evidence");
    if (!ev.isArray() || ev.isEmpty()) {
      return "";
    }
    List<String> s = new ArrayList<>();
    ev.forEach(e -> s.add(e.asText()));
    return " [" + String.join("; ", s) + "]";
  }

  private static void printTable(String name, boolean asserted,
      Map<String, Map<String, Integer>> table, List<String> mismatches, List<String> missing,
      String wantMode, String gotMode) {
    final int w = table.keySet().stream().mapToInt(String::length).max().orElse(0) < 8
        ? 8 : table.keySet().stream().mapToInt(String::length).max().orElse(8);
    StringBuilder sb = new StringBuilder();
    sb.append("\n=== lab scenario ").append(name).append(" (assert: ")
        .append(asserted ? "yes" : "no").append(")\n");
    sb.append(String.format("  %-" + w + "s  %-34s %s%n", "expected", "got", "count"));
    table.forEach((want, gots) -> gots.forEach((got, n) -> {
      boolean bad = mismatches.stream().anyMatch(m -> m.contains("expected " + want + ", got " + got));
      sb.append(String.format("%s %-" + w + "s  %-34s %d%n", bad ? "x" : " ", want, got, n));
    }));
    if (wantMode != null) {
      sb.append("  network_mode: expected ").append(wantMode).append(", got ").append(gotMode)
          .append('\n');
    }
    mismatches.forEach(m -> sb.append("  MISMATCH ").append(m).append('\n'));
    missing.forEach(m -> sb.append("  MISSING  ").append(m).append('\n'));
    System.out.print(sb);
    System.out.flush();
  }

  // ---- processes ---------------------------------------------------------------------------

  record Result(int exit, String output) {}

  private static Result run(List<String> cmd, long timeoutSeconds) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    if (repo != null) {
      pb.directory(repo.toFile());
    }
    Path log = Files.createTempFile("msgprobe-lab", ".log");
    pb.redirectOutput(log.toFile());
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      Files.deleteIfExists(log);
      return new Result(127, e.getMessage());
    }
    boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
    if (!done) {
      p.destroy(); // SIGTERM: the lab scripts' traps tear the lab down
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    Files.deleteIfExists(log);
    return new Result(done ? p.exitValue() : 124, done ? out : out + "\n(timed out)");
  }

  private static String tail(String s) {
    String[] lines = s.split("\n");
    return String.join("\n", Arrays.copyOfRange(lines, Math.max(0, lines.length - 30), lines.length));
  }

  private static Path findRepo() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("lab/run-scenario.sh"))) {
        return d;
      }
    }
    return null;
  }
}
