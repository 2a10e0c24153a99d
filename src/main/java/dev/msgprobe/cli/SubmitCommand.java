package dev.msgprobe.cli;

import dev.msgprobe.collector.Acknowledgements;
import dev.msgprobe.collector.CollectorClient;
import dev.msgprobe.collector.CollectorException;
import dev.msgprobe.collector.Submission;
import dev.msgprobe.i18n.Texts;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code msgprobe submit REPORT.jsonl --to URL}: send what a collector has not acknowledged yet. */
@Command(name = "submit", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true)
final class SubmitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "REPORT", descriptionKey = "REPORT", arity = "1")
  Path report;

  @Option(names = "--to", required = true, paramLabel = "URL", order = 1)
  String to;

  @Option(names = "--token-file", paramLabel = "FILE", order = 2)
  Path tokenFile;

  @Option(names = "--timeout", paramLabel = "SECONDS", order = 3, defaultValue = "30")
  int timeout;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Texts texts = Main.texts(spec);
    if (!to.startsWith("http://") && !to.startsWith("https://")) {
      err.println(texts.get("submit.error", texts.get("option.notHttpUrl", "--to", to)));
      return ExitCodes.BAD_INPUT;
    }
    List<String> lines;
    String token = null;
    Path reading = report;
    try {
      lines = Files.readAllLines(report, StandardCharsets.UTF_8);
      if (tokenFile != null) {
        reading = tokenFile;
        token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
      }
    } catch (IOException e) {
      err.println(texts.get("submit.error", texts.get("submit.cannotRead", reading, e.getMessage())));
      return ExitCodes.BAD_INPUT;
    }
    CollectorClient client = new CollectorClient(to, token, Duration.ofSeconds(Math.max(1, timeout)));
    Submission submission;
    try {
      submission = new Submission(client, Acknowledgements.of(report, client.url()));
    } catch (IOException e) {
      err.println(texts.get("submit.error", Acknowledgements.sidecar(report) + ": " + e.getMessage()));
      return ExitCodes.BAD_INPUT;
    }
    int lineNumber = 0;
    String stopped = null;
    for (String line : lines) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      try {
        submission.send(line);
      } catch (IOException e) {
        err.println(texts.get("submit.error", report + ":" + lineNumber + ": " + e.getMessage()));
        return ExitCodes.BAD_INPUT;
      } catch (CollectorException e) {
        stopped = e.getMessage();
        break;
      }
    }
    if (stopped == null) {
      submission.closeReports();
    }
    Submission.Outcome o = submission.outcome();
    o.refused().forEach(r -> err.println(texts.get("submit.error", texts.get("submit.refused", r))));
    out.println(texts.get("submit.done", report, o.sent(), o.already(), o.refused().size()));
    out.flush();
    if (stopped != null) {
      err.println(texts.get("submit.error", texts.get("submit.stopped", stopped)));
      err.flush();
      return ExitCodes.FAIL_ON_MATCHED;
    }
    return o.refused().isEmpty() ? ExitCodes.OK : ExitCodes.FAIL_ON_MATCHED;
  }
}
