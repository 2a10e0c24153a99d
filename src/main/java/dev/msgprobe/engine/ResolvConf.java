package dev.msgprobe.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads the first {@code nameserver} of a resolv.conf file: the default resolver under test. */
public final class ResolvConf {
  private ResolvConf() {}

  public static Optional<String> firstNameserver(Path file) {
    try {
      for (String line : Files.readAllLines(file)) {
        String s = line.strip();
        if (s.startsWith("nameserver")) {
          String[] parts = s.split("\\s+");
          if (parts.length >= 2) {
            String ip = parts[1];
            int zone = ip.indexOf('%');
            return Optional.of(zone >= 0 ? ip.substring(0, zone) : ip);
          }
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
