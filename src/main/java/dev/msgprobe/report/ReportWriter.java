package dev.msgprobe.report;

import dev.msgprobe.model.Measurement;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Writes a JSONL report, one measurement per line, each line handed to the operating system before
 * {@link #write} returns (and synced to disk when asked), so a crash loses only measurements not yet
 * handed over. Thread-safe: lines from concurrent callers never interleave. Every line has
 * {@code probe_ip} "127.0.0.1" and the probe's own addresses replaced by {@code [scrubbed]}.
 *
 * <p>Writes go through a plain {@link FileOutputStream}, never an interruptible channel: a worker
 * whose thread is interrupted (Ctrl-C) still writes its line, and the file stays open for the others.
 */
public final class ReportWriter implements Closeable {
  private final Path file;
  private final Scrubber scrubber;
  private final boolean sync;
  private final FileOutputStream out;
  private boolean closed;

  private ReportWriter(Path file, Set<String> probeIps, boolean sync, boolean append) throws IOException {
    this.file = file;
    this.scrubber = new Scrubber(probeIps);
    this.sync = sync;
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (append && Files.exists(file)) {
      LineBoundary.repair(file);
    }
    this.out = new FileOutputStream(file.toFile(), append);
  }

  /** A new report at {@code file}, replacing any file there; parent directories are created. */
  public static ReportWriter create(Path file, Set<String> probeIps) throws IOException {
    return new ReportWriter(file, probeIps, false, false);
  }

  /**
   * Appends to {@code file} (for {@code --resume}), creating it if missing. An unterminated last line
   * left by a crash is first terminated when it holds a whole measurement, else cut off.
   */
  public static ReportWriter append(Path file, Set<String> probeIps) throws IOException {
    return new ReportWriter(file, probeIps, false, true);
  }

  /** Like {@link #create} or {@link #append}; {@code sync} also forces every line to the disk. */
  public static ReportWriter open(Path file, Set<String> probeIps, boolean append, boolean sync)
      throws IOException {
    return new ReportWriter(file, probeIps, sync, append);
  }

  public Path file() {
    return file;
  }

  /**
   * Writes {@code m} as one line. The caller's {@code probe_ip} is ignored.
   *
   * @throws IllegalStateException after {@link #close}
   */
  public void write(Measurement m) throws IOException {
    byte[] line = (scrubber.scrub(ReportJson.measurementLine(m.withProbeIp(Measurement.PROBE_IP))) + "\n")
        .getBytes(StandardCharsets.UTF_8);
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("report writer is closed: " + file);
      }
      out.write(line);
      if (sync) {
        out.getFD().sync();
      }
    }
  }

  /** Idempotent. */
  @Override
  public synchronized void close() throws IOException {
    if (!closed) {
      closed = true;
      out.close();
    }
  }
}
