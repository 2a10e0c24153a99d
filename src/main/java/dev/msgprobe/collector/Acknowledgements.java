package dev.msgprobe.collector;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * Which lines of a report a collector acknowledged: the sidecar {@code <report>.submitted}, one
 * {@code <measurement uid> <collector URL>} line per acknowledged measurement, appended as
 * acknowledgements arrive (so a crash loses at most the line being written, and that measurement is
 * only sent again, which the collector ignores).
 */
public final class Acknowledgements {
  private final Path file;
  private final String collector;
  private final Set<String> uids = new HashSet<>();

  private Acknowledgements(Path file, String collector) {
    this.file = file;
    this.collector = collector;
  }

  public static Path sidecar(Path report) {
    return report.resolveSibling(report.getFileName() + ".submitted");
  }

  /** The acknowledgements of {@code collector} for {@code report} so far. */
  public static Acknowledgements of(Path report, String collector) throws IOException {
    Acknowledgements a = new Acknowledgements(sidecar(report), collector);
    if (Files.exists(a.file)) {
      for (String line : Files.readAllLines(a.file, StandardCharsets.UTF_8)) {
        String[] parts = line.strip().split(" ", 2);
        if (parts.length == 2 && parts[1].equals(collector)) {
          a.uids.add(parts[0]);
        }
      }
    }
    return a;
  }

  public synchronized boolean contains(String uid) {
    return uids.contains(uid);
  }

  public synchronized int size() {
    return uids.size();
  }

  public synchronized void add(String uid) throws IOException {
    if (uids.add(uid)) {
      Files.writeString(file, uid + " " + collector + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
  }
}
