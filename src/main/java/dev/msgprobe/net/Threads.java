package dev.msgprobe.net;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;

/**
 * The threads a measurement runs on: virtual threads where the runtime has them (Java 21 and newer,
 * found at run time, since the code is built for Java 17), daemon platform threads elsewhere. Every
 * thread the engine, the steps and the network edge start per endpoint comes from here, so thousands
 * of endpoints in flight cost thousands of virtual threads, not thousands of platform stacks.
 */
public final class Threads {
  /** What the runtime offers; {@link #RUNTIME} asks the JVM, tests pass their own. */
  public interface Capability {
    /** A factory of virtual threads named {@code name}, or empty when the runtime has none. */
    Optional<ThreadFactory> virtualThreads(String name);
  }

  /** The running JVM: {@code Thread.ofVirtual().name(name).factory()} when that method exists and works. */
  public static final Capability RUNTIME = Threads::virtualFactory;

  /** {@code Thread.ofVirtual()}, {@code OfVirtual.name(String)}, {@code Builder.factory()}; null when absent. */
  private static final MethodHandle[] VIRTUAL = virtualHandles();

  private Threads() {}

  /** Whether {@link #factory} gives virtual threads in this JVM. */
  public static boolean virtual() {
    return RUNTIME.virtualThreads("msgprobe-check").isPresent();
  }

  /** Threads named {@code name}: virtual when {@code capability} has them, else daemon platform threads. */
  public static ThreadFactory factory(String name, Capability capability) {
    return capability.virtualThreads(name).orElseGet(() -> daemon(name));
  }

  /** {@link #factory} of this JVM. */
  public static ThreadFactory factory(String name) {
    return factory(name, RUNTIME);
  }

  /** Starts {@code task} on a new thread named {@code name} of this JVM's kind; returns the thread. */
  public static Thread start(String name, Runnable task) {
    Thread thread = factory(name).newThread(task);
    thread.start();
    return thread;
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  private static Optional<ThreadFactory> virtualFactory(String name) {
    if (VIRTUAL == null) {
      return Optional.empty();
    }
    try {
      Object builder = VIRTUAL[0].invoke();
      builder = VIRTUAL[1].invoke(builder, name);
      return Optional.of((ThreadFactory) VIRTUAL[2].invoke(builder));
    } catch (Throwable unsupported) {
      return Optional.empty(); // e.g. a preview runtime without --enable-preview
    }
  }

  private static MethodHandle[] virtualHandles() {
    try {
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      Class<?> builder = Class.forName("java.lang.Thread$Builder");
      Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
      return new MethodHandle[] {
          lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtual)),
          lookup.findVirtual(ofVirtual, "name", MethodType.methodType(ofVirtual, String.class)),
          lookup.findVirtual(builder, "factory", MethodType.methodType(ThreadFactory.class))};
    } catch (ReflectiveOperationException | RuntimeException absent) {
      return null;
    }
  }
}
