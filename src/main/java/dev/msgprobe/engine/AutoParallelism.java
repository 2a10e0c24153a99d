package dev.msgprobe.engine;

import dev.msgprobe.model.Parallelism;
import dev.msgprobe.net.Threads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How many endpoints to measure at once. {@code --parallel N} is taken as given; a list of at most
 * {@link #AUTO_FROM} endpoints keeps {@link #SMALL_LIST_DEFAULT}; {@code --parallel auto}, and the default
 * for longer lists, picks the largest number the machine affords: each endpoint in flight is budgeted
 * {@link #FDS_PER_ENDPOINT} file descriptors and {@link #HEAP_PER_ENDPOINT} bytes of heap, after a
 * reserve for the JVM itself; platform threads (Java 17) are capped lower than virtual ones, since
 * each holds a real stack.
 */
final class AutoParallelism {
  /** {@code RunConfig.parallel} for "auto". */
  static final int AUTO = 0;
  /** {@code RunConfig.parallel} for "not given": the small-list default, or auto for a long list. */
  static final int UNSET = -1;
  static final int SMALL_LIST_DEFAULT = 8;
  /** Lists longer than this run with auto when --parallel is not given. */
  static final int AUTO_FROM = 300;
  /** An endpoint's own socket, its retry or decoy handshake, a control vantage call, a DNS socket. */
  static final int FDS_PER_ENDPOINT = 4;
  static final int RESERVED_FDS = 128;
  /** Measured on loopback: trace, TLS session, transfer buffers and OkHttp call of one endpoint. */
  static final long HEAP_PER_ENDPOINT = 256L * 1024;
  static final long RESERVED_HEAP = 96L * 1024 * 1024;
  /**
   * Each platform thread adds its own stack to the resident set (about 270 KiB more per endpoint than a
   * virtual thread, measured at 853 in flight in the lab mix: 705 against 479 MiB), so on a runtime
   * without virtual threads fewer endpoints fit the 512 MiB a probe should stay under.
   */
  static final int MAX_PLATFORM = 384;
  static final int MAX_VIRTUAL = 4096;

  /** What {@code auto} weighs: the fd limit (-1 unknown), the JVM's max heap, whether threads are virtual. */
  record Resources(long fdLimit, long maxHeapBytes, boolean virtualThreads) {
    /** This process: the fd limit from /proc/self/limits, {@code Runtime.maxMemory()}, {@link Threads}. */
    static Resources ofThisProcess() {
      return new Resources(AutoParallelism.fdLimit(), Runtime.getRuntime().maxMemory(), Threads.virtual());
    }
  }

  private AutoParallelism() {}

  /** The parallelism of a run of {@code endpoints} endpoints, for {@code requested} (N, {@link #AUTO} or {@link #UNSET}). */
  static Parallelism choose(int requested, int endpoints, Resources resources) {
    String threads = resources.virtualThreads() ? "virtual" : "platform";
    long heapMib = resources.maxHeapBytes() / (1024 * 1024);
    if (requested > 0) {
      return new Parallelism(requested, "given", threads, resources.fdLimit(), heapMib);
    }
    if (requested == UNSET && endpoints <= AUTO_FROM) {
      return new Parallelism(SMALL_LIST_DEFAULT, "default", threads, resources.fdLimit(), heapMib);
    }
    long fds = resources.fdLimit() < 0 ? 1024 : resources.fdLimit();
    long byFds = (fds - RESERVED_FDS) / FDS_PER_ENDPOINT;
    long byHeap = (resources.maxHeapBytes() - RESERVED_HEAP) / HEAP_PER_ENDPOINT;
    long byThreads = resources.virtualThreads() ? MAX_VIRTUAL : MAX_PLATFORM;
    int chosen = (int) Math.max(1, Math.min(byThreads, Math.min(byFds, byHeap)));
    return new Parallelism(chosen, "auto", threads, resources.fdLimit(), heapMib);
  }

  /** The line a run shows when it picked the number itself; empty for one given on the command line. */
  static List<String> notice(Parallelism p) {
    if (!"auto".equals(p.chosen())) {
      return List.of();
    }
    return List.of(String.format("msgprobe: --parallel auto: %d endpoints at once (%s threads, file descriptor"
        + " limit %s, max heap %d MiB)", p.endpointsAtOnce(), p.threads(),
        p.fdLimit() < 0 ? "unknown" : Long.toString(p.fdLimit()), p.maxHeapMib()));
  }

  /**
   * The soft limit on open files, from /proc/self/limits; -1 elsewhere. (Not the JVM's management bean:
   * the release's runtime image carries no java.management.)
   */
  static long fdLimit() {
    return fdLimitFrom(Path.of("/proc/self/limits"));
  }

  /** The soft "Max open files" of a /proc/PID/limits file; -1 when absent, unlimited or unreadable. */
  static long fdLimitFrom(Path limits) {
    try {
      for (String line : Files.readAllLines(limits)) {
        if (line.startsWith("Max open files")) {
          String soft = line.substring("Max open files".length()).strip().split("\\s+")[0];
          return soft.chars().allMatch(Character::isDigit) ? Long.parseLong(soft) : -1;
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      return -1;
    }
    return -1;
  }
}
