package dev.msgprobe.lists;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems of one file as {@code FILE:LINE: message}, reported in line order. */
final class Problems {
  private record Problem(int line, String text) {}

  private final String file;
  private final List<Problem> problems = new ArrayList<>();

  Problems(String file) {
    this.file = file;
  }

  String file() {
    return file;
  }

  void add(int line, String message) {
    problems.add(new Problem(line, file + ":" + line + ": " + message));
  }

  /** A problem of the whole file, reported as {@code FILE: message}. */
  void addFile(String message) {
    problems.add(new Problem(0, file + ": " + message));
  }

  /** Adds the problems of {@code other}, which must be about the same file. */
  void addAll(Problems other) {
    problems.addAll(other.problems);
  }

  /** The first line with a problem, or {@link Integer#MAX_VALUE} when there is none. */
  int firstLine() {
    return problems.stream().mapToInt(Problem::line).min().orElse(Integer.MAX_VALUE);
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  List<String> list() {
    return problems.stream()
        .sorted(Comparator.comparingInt(Problem::line))
        .map(Problem::text)
        .toList();
  }

  void throwIfAny() throws ListException {
    if (!problems.isEmpty()) {
      throw new ListException(list());
    }
  }
}
