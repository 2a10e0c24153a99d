package dev.msgprobe.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.msgprobe.model.NetworkEvent;
import dev.msgprobe.trace.Trace;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ConcurrentlyTest {
  @Test
  void entriesAreCopiedInTheOrderOfTheStepsNotOfTheirEnds() {
    Trace trace = new Trace();
    long slowId = trace.newTransaction();
    long fastId = trace.newTransaction();

    List<String> results = Concurrently.run(trace, List.<Function<Trace, String>>of(
        own -> {
          sleep(150);
          own.add(event("slow", own, slowId));
          return "slow";
        },
        own -> {
          own.add(event("fast", own, fastId));
          return "fast";
        }));

    assertThat(results).containsExactly("slow", "fast");
    assertThat(trace.toTestKeys().networkEvents()).extracting(NetworkEvent::operation).containsExactly("slow", "fast");
    assertThat(trace.toTestKeys().networkEvents()).extracting(NetworkEvent::transactionId)
        .containsExactly(slowId, fastId);
  }

  @Test
  void stepsRunAtTheSameTimeOnTheMeasurementsClock() {
    Trace trace = new Trace();
    sleep(20);
    double before = trace.now();

    Concurrently.run(trace, List.<Function<Trace, Void>>of(
        own -> {
          own.add(event("a", own, 1));
          sleep(200);
          own.add(event("a-end", own, 1));
          return null;
        },
        own -> {
          own.add(event("b", own, 2));
          sleep(200);
          own.add(event("b-end", own, 2));
          return null;
        }));

    double after = trace.now();
    List<NetworkEvent> events = trace.toTestKeys().networkEvents();
    assertThat(events).allSatisfy(e -> assertThat(e.t()).isBetween(before, after));
    assertThat(events.get(2).t()).as("b started before a ended").isLessThan(events.get(1).t());
  }

  @Test
  void interruptingTheCaller_interruptsEveryStepWaitsForThemAndKeepsTheFlag() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    Function<Trace, Void> sleeper = own -> {
      try {
        Thread.sleep(10_000);
      } catch (InterruptedException e) {
        sleep(50); // a step still ends its operation in progress; the caller waits for it
        seen.add(Thread.currentThread().getName());
        Thread.currentThread().interrupt(); // as every step does, it keeps the flag
      }
      return null;
    };
    boolean[] flagKept = new boolean[1];
    Thread caller = new Thread(() -> {
      Concurrently.run(new Trace(), List.of(sleeper, sleeper, sleeper));
      flagKept[0] = Thread.currentThread().isInterrupted();
    });
    caller.start();
    sleep(100);

    caller.interrupt();
    caller.join(2_000);

    assertThat(caller.isAlive()).isFalse();
    assertThat(seen).hasSize(3);
    assertThat(flagKept[0]).isTrue();
  }

  @Test
  void aStepsUnexpectedException_reachesTheCaller() {
    assertThatThrownBy(() -> Concurrently.run(new Trace(), List.<Function<Trace, Void>>of(
        own -> null,
        own -> {
          throw new IllegalStateException("bug");
        })))
        .isInstanceOf(IllegalStateException.class).hasMessage("bug");
  }

  private static NetworkEvent event(String operation, Trace own, long transactionId) {
    double t = own.now();
    return new NetworkEvent("127.0.0.1:1", null, null, operation, "tcp", t, t, List.of(), transactionId);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
