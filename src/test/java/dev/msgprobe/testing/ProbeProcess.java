package dev.msgprobe.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the tests that run the probe as a real process share: the running JVM's java, and report progress. */
public final class ProbeProcess {
  private ProbeProcess() {}

  /** The {@code java} of the JVM running the tests. */
  public static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : ""))
        .toString();
  }

  /** The lines of {@code report} that end a measurement (a cut last line is not counted); 0 when absent. */
  public static long wholeLines(Path report) throws IOException {
    if (!Files.exists(report)) {
      return 0;
    }
    return Files.readAllLines(report).stream().filter(l -> l.endsWith("}")).count();
  }
}
