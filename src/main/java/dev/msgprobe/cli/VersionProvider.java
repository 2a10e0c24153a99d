package dev.msgprobe.cli;

import picocli.CommandLine;

/** Version from the jar manifest ("dev" when run from classes), with the runtime for bug reports. */
final class VersionProvider implements CommandLine.IVersionProvider {
  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {
        "msgprobe " + version(),
        "picocli " + CommandLine.VERSION + ", Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
