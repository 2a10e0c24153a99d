package dev.msgprobe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.engine.RunJob.Outcome;
import dev.msgprobe.measure.Measurer;
import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.Parallelism;
import dev.msgprobe.model.TestKeys;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class RunJobTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
  private static final List<String> TARGETS = List.of("tcp://127.0.0.1:9", "tcp://127.0.0.1:10");

  @TempDir Path dir;
  private final List<String> measured = Collections.synchronizedList(new ArrayList<>());
  private final List<String> notices = new ArrayList<>();

  /** Measures nothing on the network: records which endpoint it was asked for. */
  private TestKeys observed = CampaignTest.emptyKeys();
  private final Measurer measurer = endpoint -> {
    measured.add(endpoint.url());
    return observed;
  };

  private final Wiring.Factory fakeWiring =
      (config, controlUrl, tokenFile) -> new Wiring(measurer, () -> Optional.of("192.0.2.53"), Set.of());

  private RunJob job(Path report, boolean resume) {
    return job(report, resume, 1);
  }

  private RunJob job(Path report, boolean resume, int parallel) {
    RunConfig config = RunConfig.builder(TARGETS, report)
        .resolver(new InetSocketAddress("127.0.0.1", 53))
        .timeout(Duration.ofSeconds(1))
        .parallel(parallel)
        .transferBytes(16 * 1024)
        .controls(RunConfig.NO_CONTROLS)
        .resume(resume)
        .build();
    return new RunJob(config, Progress.NONE, notices::add, fakeWiring, CLOCK);
  }

  @Test
  void replacedWiring_measuresWithItsMeasurerAndWritesReportAndSummary() throws IOException {
    Path report = dir.resolve("r.jsonl");

    RunJob.Result result = job(report, false).execute();

    assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(result.errors()).isEmpty();
    assertThat(measured).containsExactlyElementsOf(TARGETS);
    assertThat(result.measured()).isEqualTo(2);
    assertThat(result.measurements()).extracting(Measurement::input).containsExactlyElementsOf(TARGETS);
    assertThat(result.measurements()).extracting(Measurement::resolverIp).containsOnly("192.0.2.53");
    assertThat(Files.readAllLines(report)).hasSize(2);
    assertThat(result.summaryFile()).exists();
    assertThat(result.summary().started()).isEqualTo("2026-11-28 12:00:00");
    assertThat(notices).isEmpty();
  }

  @Test
  void resumedReport_isNoticedAndNothingIsMeasuredAgain() {
    Path report = dir.resolve("r.jsonl");
    job(report, false).execute();
    measured.clear();

    RunJob.Result result = job(report, true).execute();

    assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(measured).isEmpty();
    assertThat(notices).containsExactly("msgprobe: resuming " + report + ": 2 endpoints already measured, 0 to go");
    assertThat(result.measurements()).hasSize(2);
  }

  @Test
  void existingReportWithoutResume_isBadInputAndMeasuresNothing() throws IOException {
    Path report = dir.resolve("r.jsonl");
    Files.writeString(report, "");

    RunJob.Result result = job(report, false).execute();

    assertThat(result.outcome()).isEqualTo(Outcome.BAD_INPUT);
    assertThat(result.errors()).singleElement().asString().contains(report + " already exists");
    assertThat(measured).isEmpty();
  }

  @Test
  void parallelAuto_isPickedFromTheLimits_shownAndKeptInTheSummary() throws IOException {
    Path report = dir.resolve("r.jsonl");
    RunJob job = job(report, false, RunConfig.PARALLEL_AUTO);
    job.assumeResources(new AutoParallelism.Resources(1024, 512L << 20, false));

    RunJob.Result result = job.execute();

    assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(notices).containsExactly("msgprobe: --parallel auto: 224 endpoints at once (platform threads,"
        + " file descriptor limit 1024, max heap 512 MiB)");
    assertThat(result.summary().parallelism()).isEqualTo(new Parallelism(224, "auto", "platform", 1024, 512));
    assertThat(Files.readString(result.summaryFile())).contains("\"parallelism\"", "\"endpoints_at_once\": 224",
        "\"chosen\": \"auto\"");
  }

  @Test
  void parallelGiven_isRecordedAsGivenAndNotAnnounced() {
    RunJob job = job(dir.resolve("r.jsonl"), false, 3);
    job.assumeResources(new AutoParallelism.Resources(1024, 512L << 20, true));

    RunJob.Result result = job.execute();

    assertThat(notices).isEmpty();
    assertThat(result.summary().parallelism()).isEqualTo(new Parallelism(3, "given", "virtual", 1024, 512));
  }

  @Test
  void resultMeasurements_keepTheVerdictButNotTheObservations_whichStayInTheReport() throws IOException {
    Path report = dir.resolve("r.jsonl");
    observed = CampaignTest.emptyKeys().withFailure("generic_timeout_error");

    RunJob.Result result = job(report, false).execute();

    assertThat(result.measurements()).hasSize(2).allSatisfy(m -> {
      assertThat(m.testKeys().verdict()).isNotNull();
      assertThat(m.testKeys().failure()).isNull();
    });
    assertThat(Files.readAllLines(report)).hasSize(2).allSatisfy(line -> assertThat(line).contains("generic_timeout_error"));
  }
}
