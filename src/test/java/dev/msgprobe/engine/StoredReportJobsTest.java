package dev.msgprobe.engine;

import static dev.msgprobe.testing.ReportLines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.model.Method;
import dev.msgprobe.model.Status;
import dev.msgprobe.testing.ReportLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ReportJob} and {@link CompareJob}: outcomes and messages returned, nothing printed. */
class StoredReportJobsTest {
  private static final String WEB = "https://web.whatsapp.com/";

  @TempDir Path dir;

  @Test
  void missingReport_isBadInputNamingTheFile() {
    Path missing = dir.resolve("missing.jsonl");

    ReportJob.Result report = ReportJob.run(new ReportJob.Config(List.of(missing), false));
    CompareJob.Result compare = CompareJob.run(new CompareJob.Config(missing, missing, false));

    assertThat(report.outcome()).isEqualTo(ReportJob.Outcome.BAD_INPUT);
    assertThat(report.messages()).containsExactly("msgprobe report: " + missing + ": no such file");
    assertThat(report.run()).isNull();
    assertThat(compare.outcome()).isEqualTo(CompareJob.Outcome.BAD_INPUT);
    assertThat(compare.messages()).containsExactly("msgprobe compare: " + missing + ": no such file");
  }

  @Test
  void reclassifiedReport_returnsItsCountsAsMessagesBeforeTheSummary() throws IOException {
    Path file = ReportLines.write(dir.resolve("r.jsonl"), line(WEB, "whatsapp", Status.REACHABLE, Method.OK));

    ReportJob.Result result = ReportJob.run(new ReportJob.Config(List.of(file), true));

    assertThat(result.outcome()).isEqualTo(ReportJob.Outcome.SUMMARISED);
    assertThat(result.messages()).last().asString().startsWith("msgprobe: " + file + ": reclassified 1 measurements,");
    assertThat(result.run().measurements()).hasSize(1);
  }

  @Test
  void statusChange_isItsOwnOutcomeOnlyWhenAskedFor() throws IOException {
    Path old = ReportLines.write(dir.resolve("old.jsonl"), line(WEB, "whatsapp", Status.REACHABLE, Method.OK));
    Path changed = ReportLines.write(dir.resolve("new.jsonl"), line(WEB, "whatsapp", Status.BLOCKED, Method.TLS_RESET));

    assertThat(CompareJob.run(new CompareJob.Config(old, changed, true)).outcome())
        .isEqualTo(CompareJob.Outcome.STATUS_CHANGED);
    assertThat(CompareJob.run(new CompareJob.Config(old, changed, false)).outcome())
        .isEqualTo(CompareJob.Outcome.COMPARED);
    assertThat(CompareJob.run(new CompareJob.Config(old, old, true)).outcome())
        .isEqualTo(CompareJob.Outcome.COMPARED);
  }

  @Test
  void incompleteLastLine_isAWarningMessage() throws IOException {
    Path file = ReportLines.write(dir.resolve("r.jsonl"), line(WEB, "whatsapp", Status.REACHABLE, Method.OK));
    Files.writeString(file, Files.readString(file) + "{\"input\":", java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);

    ReportJob.Result result = ReportJob.run(new ReportJob.Config(List.of(file), false));

    assertThat(result.outcome()).isEqualTo(ReportJob.Outcome.SUMMARISED);
    assertThat(result.messages()).singleElement().asString().startsWith("msgprobe: warning: ");
  }
}
