package dev.msgprobe.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.model.Transfer;
import dev.msgprobe.net.ByteProgress.State;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stall, silence, deadline and goodput rules of a byte stream, in virtual time (milliseconds here). */
class ByteProgressTest {
  private static final long MS = 1_000_000;
  private static final long START = 5_000 * MS;
  /** First byte within 500 ms, growth at least every 300 ms, over after 3 s. */
  private final ByteProgress flow = new ByteProgress(START, 500 * MS, 300 * MS, 3_000 * MS);

  @Test
  void freezeAfter16KiB_isStalledOnceTheStallWindowPassesWithoutGrowth() {
    feed(0, 100, 4_096);
    feed(100, 200, 16_384);

    assertThat(flow.state(at(499))).isEqualTo(State.FLOWING);
    assertThat(flow.state(at(500))).isEqualTo(State.STALLED);
    assertThat(flow.over(at(500))).isTrue();
    assertThat(flow.bytes()).isEqualTo(16_384);
  }

  @Test
  void aStall_keepsItsSilentWaitOutOfTheGoodput() {
    feed(0, 1_000, 12_500);

    double seconds = flow.activeSeconds();
    Transfer t = TransferProbe.transfer("127.0.0.1:443", null, "download", 65_536, flow.bytes(), seconds,
        flow.state(at(1_300)) == State.STALLED, "generic_timeout_error", 0, 1.3, List.of(), 1);

    assertThat(seconds).isEqualTo(1.0);
    assertThat(t.stalled()).isTrue();
    assertThat(t.goodputKbps()).isEqualTo(100.0);
  }

  @Test
  void repeatingTheSameCount_isNoProgress() {
    feed(0, 100, 2_048);
    flow.observe(at(350), 2_048);

    assertThat(flow.state(at(400))).isEqualTo(State.STALLED);
  }

  @Test
  void dripOfAFewBytesEvery200ms_isNeverStalled_andEndsAtTheDeadlineAsSlowNotStalled() {
    for (long ms = 200, bytes = 10; ms < 3_000; ms += 200, bytes += 10) {
      flow.observe(at(ms), bytes);
      assertThat(flow.state(at(ms + 199))).isEqualTo(State.FLOWING);
    }

    assertThat(flow.state(at(3_000))).isEqualTo(State.DEADLINE);
    assertThat(flow.over(at(3_000))).isTrue();
  }

  @Test
  void noByteAtAll_isSilentAfterTheFirstByteWindow_notStalled() {
    assertThat(flow.state(at(499))).isEqualTo(State.WAITING);
    assertThat(flow.state(at(500))).isEqualTo(State.SILENT);
    assertThat(flow.activeSeconds()).isZero();
  }

  @Test
  void firstByteAfterAPause_thenFlowing_isJudgedByTheStallWindowFromThen() {
    flow.observe(at(450), 1_000);

    assertThat(flow.state(at(700))).isEqualTo(State.FLOWING);
    assertThat(flow.state(at(750))).isEqualTo(State.STALLED);
  }

  @Test
  void stallWindowAndDeadlineBothPassed_isStalled() {
    feed(0, 2_900, 60_000);

    assertThat(flow.state(at(3_100))).isEqualTo(State.DEADLINE);
    assertThat(flow.state(at(3_200))).isEqualTo(State.STALLED);
  }

  @Test
  void nextDecision_isTheNearerOfTheWindowAndTheDeadline() {
    assertThat(flow.untilNextDecision(at(100))).isEqualTo(400 * MS);
    flow.observe(at(2_900), 1);
    assertThat(flow.untilNextDecision(at(2_900))).isEqualTo(100 * MS);
    assertThat(flow.untilNextDecision(at(9_000))).isEqualTo(1);
  }

  @Test
  void deadlineShorterThanTheFirstByteWindow_endsASilentStreamAtTheDeadline() {
    ByteProgress shortDeadline = new ByteProgress(START, 500 * MS, 300 * MS, 200 * MS);

    assertThat(shortDeadline.state(at(200))).isEqualTo(State.DEADLINE);
  }

  @Test
  void secondsUntil_countsFromTheStart() {
    assertThat(flow.secondsUntil(at(1_500))).isEqualTo(1.5);
    assertThat(flow.secondsUntil(at(-10))).isZero();
  }

  /** Bytes arriving evenly from {@code fromMs} to {@code toMs}, every 100 ms, {@code total} in the end. */
  private void feed(long fromMs, long toMs, long total) {
    long steps = Math.max(1, (toMs - fromMs) / 100);
    for (long i = 1; i <= steps; i++) {
      flow.observe(at(fromMs + i * (toMs - fromMs) / steps), flow.bytes() + (total - flow.bytes()) / (steps - i + 1));
    }
  }

  private static long at(long ms) {
    return START + ms * MS;
  }
}
