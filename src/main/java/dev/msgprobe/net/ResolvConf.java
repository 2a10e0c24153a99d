package dev.msgprobe.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The system's resolver as /etc/resolv.conf names it: the first {@code nameserver} line. */
public final class ResolvConf {
  public static final Path SYSTEM = Path.of("/etc/resolv.conf");

  private ResolvConf() {}

  /** The address of the first {@code nameserver} line (an IPv6 zone dropped), empty when there is none or the file is unreadable. */
  public static Optional<String> firstNameserver(Path file) {
    try {
      for (String line : Files.readAllLines(file)) {
        String[] words = line.trim().split("\\s+");
        if (words.length >= 2 && words[0].equals("nameserver")) {
          int zone = words[1].indexOf('%');
          return Optional.of(zone < 0 ? words[1] : words[1].substring(0, zone));
        }
      }
    } catch (IOException | SecurityException unreadable) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
