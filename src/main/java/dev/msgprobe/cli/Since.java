package dev.msgprobe.cli;

import dev.msgprobe.i18n.Texts;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --since DATE}: {@code yyyy-MM-dd} (midnight UTC) or {@code yyyy-MM-ddTHH:mm[:ss]} (UTC). {@link Main}
 * registers it for every {@code LocalDateTime} option, in the reader's language.
 */
final class Since implements ITypeConverter<LocalDateTime> {
  private final Texts texts;

  Since(Texts texts) {
    this.texts = texts;
  }

  /** {@code time} as a report's {@code yyyy-MM-dd HH:mm:ss}, which compares as text. */
  static String ooni(LocalDateTime time) {
    return time.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", java.util.Locale.ROOT));
  }

  @Override
  public LocalDateTime convert(String value) {
    try {
      return value.length() == 10 ? LocalDate.parse(value).atStartOfDay() : LocalDateTime.parse(value.replace(' ', 'T'));
    } catch (DateTimeParseException e) {
      throw new TypeConversionException(texts.get("since.notADate", value));
    }
  }
}
