package dev.msgprobe.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;

class ThreadsTest {
  @Test
  void runtimeWithVirtualThreads_givesItsFactory() {
    ThreadFactory virtual = r -> new Thread(r, "stand-in");

    assertThat(Threads.factory("msgprobe-x", name -> Optional.of(virtual))).isSameAs(virtual);
  }

  @Test
  void runtimeWithoutVirtualThreads_givesNamedDaemonPlatformThreads() {
    Thread t = Threads.factory("msgprobe-x", name -> Optional.empty()).newThread(() -> { });

    assertThat(t.isDaemon()).isTrue();
    assertThat(t.getName()).isEqualTo("msgprobe-x");
  }

  @Test
  void thisJvm_hasVirtualThreadsExactlyFromJava21() throws Exception {
    boolean expected = Runtime.version().feature() >= 21;

    assertThat(Threads.virtual()).isEqualTo(expected);
    String[] seen = new String[1];
    Thread t = Threads.start("msgprobe-probe", () -> seen[0] = Thread.currentThread().getName());
    t.join();
    assertThat(seen[0]).isEqualTo("msgprobe-probe");
    assertThat(t.toString().contains("VirtualThread")).isEqualTo(expected);
  }
}
