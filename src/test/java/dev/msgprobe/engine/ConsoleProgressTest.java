package dev.msgprobe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConsoleProgressTest {
  private static final String LONG = "https://mmg-fna.whatsapp.net/v/t62.7118-24/some/very/long/media/path.enc blocked";

  @ParameterizedTest
  @ValueSource(ints = {20, 30, 40, 60, 80, 120, 200})
  void liveLine_neverReachesTheLastColumn(int columns) {
    String line = ConsoleProgress.liveLine("endpoints", 37, 141, LONG, columns);

    assertThat(line.length()).isLessThanOrEqualTo(columns - 1);
    assertThat(line).startsWith("endpoints");
  }

  @Test
  void onAWideTerminal_theWholeEndpointIsShown() {
    assertThat(ConsoleProgress.liveLine("endpoints", 1, 2, LONG, 200)).endsWith(LONG).contains("1/2");
  }

  @Test
  void onAnEightyColumnTerminal_theEndpointIsShortenedWithDots() {
    String line = ConsoleProgress.liveLine("endpoints", 37, 141, LONG, 80);

    assertThat(line).contains("37/141").endsWith("...").hasSize(79);
  }

  @Test
  void onANarrowTerminal_theCountStaysAndTheEndpointGoes() {
    assertThat(ConsoleProgress.liveLine("endpoints", 37, 141, LONG, 40)).isEqualTo("endpoints [##........] 37/141");
  }
}
