package dev.msgprobe.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which scheduled reports to delete: those older than {@code keepDays} and, of the rest, all but
 * the newest {@code keep}. Only files named {@code msgprobe-<yyyyMMdd'T'HHmmss'Z'>.*} are
 * considered, and a report's age is the time in its name, so other files in the directory are
 * never touched. A report's summary and other companions ({@code msgprobe-<time>.summary.json})
 * go with it.
 */
public record Rotation(int keepDays, int keep) {
  private static final Pattern NAME = Pattern.compile("msgprobe-(\\d{8}T\\d{6}Z)(\\..+)");
  private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

  public Rotation {
    if (keepDays < 1 || keep < 1) {
      throw new IllegalArgumentException("--keep-days and --keep must be at least 1");
    }
  }

  /** The files among {@code names} (file names in one directory) to delete at {@code now}. */
  public List<String> expired(List<String> names, Instant now) {
    List<Run> runs = new ArrayList<>();
    for (String name : names) {
      time(name).ifPresent(t -> runs.stream().filter(r -> r.time.equals(t)).findFirst()
          .orElseGet(() -> {
            Run r = new Run(t, new ArrayList<>());
            runs.add(r);
            return r;
          }).files.add(name));
    }
    runs.sort(Comparator.comparing((Run r) -> r.time).reversed());
    Instant cutoff = now.minus(Duration.ofDays(keepDays));
    List<String> expired = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      if (i >= keep || runs.get(i).time.isBefore(cutoff)) {
        expired.addAll(runs.get(i).files);
      }
    }
    expired.sort(null);
    return expired;
  }

  /** Deletes the expired reports in {@code dir}; returns the names deleted. */
  public List<String> apply(Path dir, Instant now) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<String> names;
    try (Stream<Path> files = Files.list(dir)) {
      names = files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
    }
    List<String> expired = expired(names, now);
    for (String name : expired) {
      Files.deleteIfExists(dir.resolve(name));
    }
    return expired;
  }

  private static Optional<Instant> time(String name) {
    Matcher m = NAME.matcher(name);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDateTime.parse(m.group(1), COMPACT).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private record Run(Instant time, List<String> files) {}
}
