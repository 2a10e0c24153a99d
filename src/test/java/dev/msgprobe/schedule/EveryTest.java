package dev.msgprobe.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EveryTest {
  @Test
  void hoursMinutesAndDays_becomeSystemdSpans() {
    assertThat(Every.parse("6h").systemd()).isEqualTo("6h");
    assertThat(Every.parse("90m").systemd()).isEqualTo("90min");
    assertThat(Every.parse("1d").systemd()).isEqualTo("1d");
    assertThat(Every.parse("24h").systemd()).isEqualTo("1d");
  }

  @Test
  void periodsThatDivideAnHourOrADay_becomeCronFields() {
    assertThat(Every.parse("30m").cron(7)).isEqualTo("*/30 * * * *");
    assertThat(Every.parse("6h").cron(7)).isEqualTo("7 */6 * * *");
    assertThat(Every.parse("1h").cron(7)).isEqualTo("7 * * * *");
    assertThat(Every.parse("1d").cron(7)).isEqualTo("7 3 * * *");
  }

  @Test
  void aPeriodCronCannotExpress_isRefusedWithTheOnesItCan() {
    assertThatThrownBy(() -> Every.parse("5h").cron(7)).hasMessageContaining("6h").hasMessageContaining("5h");
  }

  @Test
  void nonsenseOrTooShort_isRefusedWithExamples() {
    assertThatThrownBy(() -> Every.parse("often")).hasMessageContaining("30m, 6h, 1d");
    assertThatThrownBy(() -> Every.parse("1m")).hasMessageContaining("between 15m and 7d");
  }
}
