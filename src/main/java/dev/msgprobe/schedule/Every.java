package dev.msgprobe.schedule;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How often the probe runs: {@code 30m}, {@code 6h}, {@code 1d}; at least 15 minutes, at most 7 days. */
public record Every(Duration duration) {
  private static final Pattern FORM = Pattern.compile("(\\d{1,4})\\s*([mhd])");

  /** @throws IllegalArgumentException with a message that shows the accepted forms */
  public static Every parse(String text) {
    Matcher m = FORM.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a period: use minutes, hours or days, e.g. 30m, 6h, 1d");
    }
    long n = Long.parseLong(m.group(1));
    Duration d = switch (m.group(2)) {
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
    if (d.compareTo(Duration.ofMinutes(15)) < 0 || d.compareTo(Duration.ofDays(7)) > 0) {
      throw new IllegalArgumentException("'" + text + "': the period must be between 15m and 7d");
    }
    return new Every(d);
  }

  /** The systemd time span, e.g. {@code 6h} or {@code 90min}. */
  public String systemd() {
    long minutes = duration.toMinutes();
    if (minutes % (24 * 60) == 0) {
      return minutes / (24 * 60) + "d";
    }
    return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "min";
  }

  /**
   * The five time fields of a crontab line starting at {@code minute} past the hour. Cron counts
   * from midnight, so only periods that divide an hour or a day evenly, or whole days, fit.
   *
   * @throws IllegalArgumentException for a period cron cannot express
   */
  public String cron(int minute) {
    long minutes = duration.toMinutes();
    if (minutes < 60 && 60 % minutes == 0) {
      return "*/" + minutes + " * * * *";
    }
    if (minutes % 60 == 0 && minutes < 24 * 60 && (24 * 60) % minutes == 0) {
      long hours = minutes / 60;
      return minute + " " + (hours == 1 ? "*" : "*/" + hours) + " * * *";
    }
    if (minutes % (24 * 60) == 0) {
      long days = minutes / (24 * 60);
      return minute + " 3 " + (days == 1 ? "*" : "*/" + days) + " * *";
    }
    throw new IllegalArgumentException("cron cannot run something every " + systemd()
        + ": choose a period that divides an hour or a day (15m, 20m, 30m, 1h, 2h, 3h, 4h, 6h, 8h, 12h) or whole days");
  }
}
