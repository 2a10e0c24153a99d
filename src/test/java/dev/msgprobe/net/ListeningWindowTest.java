package dev.msgprobe.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The DNS-over-UDP listening window, in virtual time. */
class ListeningWindowTest {
  private static final long TIMEOUT = Duration.ofSeconds(5).toNanos();
  private static final long GRACE = Duration.ofSeconds(1).toNanos();
  private static final long MS = Duration.ofMillis(1).toNanos();

  private final AtomicLong now = new AtomicLong(1_000 * MS);
  private final ListeningWindow window = new ListeningWindow(now::get, TIMEOUT, GRACE);

  @Test
  void noReply_keepsListeningUntilTheTimeout() {
    now.addAndGet(TIMEOUT - MS);
    assertThat(window.left()).isEqualTo(MS);

    now.addAndGet(MS);
    assertThat(window.left()).isZero();
  }

  @Test
  void lateDuplicateWithinTheGrace_isStillListenedFor() {
    now.addAndGet(200 * MS);
    window.replied();

    now.addAndGet(GRACE - MS);

    assertThat(window.left()).isEqualTo(MS);
  }

  @Test
  void graceAfterTheFirstReply_closesTheWindowBeforeTheTimeout() {
    now.addAndGet(200 * MS);
    window.replied();

    now.addAndGet(GRACE);

    assertThat(window.left()).isZero();
  }

  @Test
  void laterReplies_doNotExtendTheGrace() {
    window.replied();
    now.addAndGet(GRACE / 2);
    window.replied();

    now.addAndGet(GRACE / 2);

    assertThat(window.left()).isZero();
  }

  @Test
  void firstReplyNearTheTimeout_graceNeverOutlastsTheTimeout() {
    now.addAndGet(TIMEOUT - 100 * MS);
    window.replied();

    assertThat(window.left()).isEqualTo(100 * MS);
  }
}
