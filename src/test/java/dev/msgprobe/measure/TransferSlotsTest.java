package dev.msgprobe.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TransferSlotsTest {
  private final TransferSlots slots = new TransferSlots();

  @Test
  void secondTransferToTheSameAddress_waitsUntilTheFirstEnds() throws Exception {
    CountDownLatch firstRunning = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    Thread first = new Thread(() -> slots.exclusively("149.154.175.50", () -> {
      order.add("first starts");
      firstRunning.countDown();
      await(releaseFirst);
      order.add("first ends");
    }));
    first.start();
    assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
    Thread second = new Thread(() -> slots.exclusively("149.154.175.50", () -> order.add("second runs")));
    second.start();
    waitUntilBlocked(second);

    assertThat(order).containsExactly("first starts");
    releaseFirst.countDown();
    first.join();
    second.join();
    assertThat(order).containsExactly("first starts", "first ends", "second runs");
  }

  @Test
  void transfersToDifferentAddresses_runTogether() throws Exception {
    CountDownLatch bothRunning = new CountDownLatch(2);
    Thread a = new Thread(() -> slots.exclusively("149.154.175.50", () -> {
      bothRunning.countDown();
      await(bothRunning);
    }));
    Thread b = new Thread(() -> slots.exclusively("149.154.167.51", () -> {
      bothRunning.countDown();
      await(bothRunning);
    }));
    a.start();
    b.start();

    assertThat(bothRunning.await(10, TimeUnit.SECONDS)).isTrue();
    a.join();
    b.join();
  }

  @Test
  void interruptedWhileWaiting_doesNotRunTheTransfer_andKeepsTheFlag() throws Exception {
    CountDownLatch firstRunning = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    Thread first = new Thread(() -> slots.exclusively("10.0.0.1", () -> {
      firstRunning.countDown();
      await(releaseFirst);
    }));
    first.start();
    assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
    List<Object> seen = Collections.synchronizedList(new ArrayList<>());
    Thread second = new Thread(() -> {
      seen.add(slots.exclusively("10.0.0.1", () -> seen.add("ran")));
      seen.add(Thread.currentThread().isInterrupted());
    });
    second.start();
    waitUntilBlocked(second);

    second.interrupt();
    second.join();
    releaseFirst.countDown();
    first.join();
    assertThat(seen).containsExactly(false, true);
  }

  private static void waitUntilBlocked(Thread t) throws InterruptedException {
    while (t.getState() != Thread.State.WAITING && t.isAlive()) {
      Thread.sleep(1);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
