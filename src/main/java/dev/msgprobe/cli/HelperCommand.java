package dev.msgprobe.cli;

import dev.msgprobe.helper.ControlServer;
import dev.msgprobe.i18n.Texts;
import dev.msgprobe.helper.HelperConfig;
import dev.msgprobe.net.ResolvConf;
import dev.msgprobe.net.Trust;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code msgprobe helper --listen HOST:PORT}: run a control vantage for other probes (docs/contract/helper.md). */
@Command(
    name = "helper",
    sortOptions = false)
public final class HelperCommand implements Callable<Integer> {
  private static final int DNS_PORT = 53;

  @Spec CommandSpec spec;

  @Option(names = "--listen", required = true, paramLabel = "HOST:PORT")
  String listen;

  @Option(names = "--allow-private")
  boolean allowPrivate;

  @Option(names = "--resolver", paramLabel = "IP[:PORT]")
  String resolver;

  @Option(names = "--ca-file", paramLabel = "PEM")
  Path caFile;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10")
  double timeoutSeconds;

  @Option(names = "--token-file", paramLabel = "FILE")
  Path tokenFile;

  @Option(names = "--max-inflight", paramLabel = "N", defaultValue = "" + HelperConfig.DEFAULT_MAX_INFLIGHT)
  int maxInflight;

  @Option(names = "--max-connections", paramLabel = "N", defaultValue = "" + HelperConfig.DEFAULT_MAX_CONNECTIONS)
  int maxConnections;

  @Option(names = "--read-limit", paramLabel = "SECONDS", defaultValue = "10")
  double readLimitSeconds;

  @Option(names = "--log-clients")
  boolean logClients;

  @Option(names = {"-h", "--help"}, usageHelp = true)
  boolean help;

  private final CountDownLatch stopped = new CountDownLatch(1);

  @Override
  public Integer call() throws InterruptedException {
    Texts texts = Main.texts(spec);
    HelperConfig config = config(texts);
    PrintWriter err = spec.commandLine().getErr();
    ControlServer server;
    try {
      server = ControlServer.start(config, line -> {
        synchronized (err) {
          err.println(line);
          err.flush();
        }
      }, Clock.systemUTC());
    } catch (IOException e) {
      err.println(texts.get("helper.error", texts.get("helper.cannotListen", listen, e.getMessage())));
      err.flush();
      return ExitCode.USAGE;
    }
    Thread hook = new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "msgprobe-helper-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    if (allowPrivate) {
      err.println(texts.get("helper.error", texts.get("helper.allowPrivate")));
      err.flush();
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(texts.get("helper.listening", "http://" + HostPort.urlHost(listen) + ":" + server.address().getPort() + "/"));
    out.flush();
    try {
      stopped.await();
    } finally {
      server.close();
      removeHook(hook);
    }
    return ExitCode.OK;
  }

  /** Stops a running {@link #call()}, which then returns 0 (what a signal does). */
  void stop() {
    stopped.countDown();
  }

  private HelperConfig config(Texts texts) {
    if (!(timeoutSeconds > 0) || timeoutSeconds > 3600) {
      throw new ParameterException(spec.commandLine(), texts.get("helper.secondsRange", "--timeout", 0, 3600));
    }
    if (maxInflight < 1) {
      throw new ParameterException(spec.commandLine(), texts.get("option.atLeast", "--max-inflight", 1));
    }
    if (maxConnections < 1) {
      throw new ParameterException(spec.commandLine(), texts.get("option.atLeast", "--max-connections", 1));
    }
    if (!(readLimitSeconds >= 0.001) || readLimitSeconds > 3600) {
      throw new ParameterException(spec.commandLine(), texts.get("helper.secondsRange", "--read-limit", "0.001", 3600));
    }
    InetSocketAddress listenAddress;
    InetSocketAddress resolverAddress;
    try {
      listenAddress = HostPort.listen(listen, texts);
      String resolverText = resolver != null ? resolver : ResolvConf.firstNameserver(ResolvConf.SYSTEM)
          .orElseThrow(() -> new IllegalArgumentException(texts.get("helper.noNameserver", ResolvConf.SYSTEM)));
      resolverAddress = HostPort.ip(resolverText, DNS_PORT);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    Trust trust;
    String token = null;
    try {
      trust = Trust.load(caFile);
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), texts.get("helper.badCaFile", caFile, describe(e, texts)));
    }
    if (tokenFile != null) {
      try {
        token = Files.readString(tokenFile).strip();
      } catch (IOException e) {
        throw new ParameterException(spec.commandLine(), texts.get("helper.cannotReadToken", tokenFile, describe(e, texts)));
      }
      if (token.isEmpty()) {
        throw new ParameterException(spec.commandLine(), texts.get("helper.emptyToken", tokenFile));
      }
    }
    Duration timeout = Duration.ofMillis(Math.max(1, Math.round(timeoutSeconds * 1000)));
    return new HelperConfig(listenAddress, resolverAddress, trust, timeout, allowPrivate, token, maxInflight,
        HelperConfig.DEFAULT_MAX_REQUEST_BYTES, maxConnections, Duration.ofMillis(Math.round(readLimitSeconds * 1000)),
        logClients);
  }

  private static String describe(IOException e, Texts texts) {
    return e instanceof NoSuchFileException ? texts.get("file.none") : e.getMessage();
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run
    }
  }
}
