package dev.msgprobe.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.model.Transfer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A transfer's figures from its byte count and its seconds, with no network and no clock. */
class TransferFiguresTest {
  @Test
  void hundredKilobitsInOneSecond_isAGoodputOf100() {
    Transfer t = figures(12_500, 1.0);

    assertThat(t.goodputKbps()).isEqualTo(100.0);
    assertThat(t.seconds()).isEqualTo(1.0);
  }

  @Test
  void goodputAndSeconds_areRoundedToThousandths() {
    Transfer t = figures(1_000, 0.0123456);

    assertThat(t.seconds()).isEqualTo(0.012);
    assertThat(t.goodputKbps()).isEqualTo(648.004);
  }

  @Test
  void noTimeElapsed_isAGoodputOfZero() {
    assertThat(figures(4_096, 0).goodputKbps()).isZero();
  }

  private static Transfer figures(long bytes, double seconds) {
    return TransferProbe.transfer("127.0.0.1:443", null, "download", 65_536, bytes, seconds, false, null, 0.5, 2.5,
        List.of("throughput"), 9);
  }
}
