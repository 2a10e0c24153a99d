package dev.msgprobe.cli;

import dev.msgprobe.helper.ControlServer;
import dev.msgprobe.helper.HelperConfig;
import dev.msgprobe.net.ResolvConf;
import dev.msgprobe.net.Trust;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
    description = {
        "Run a control vantage: a plain-HTTP server speaking OONI's web-connectivity test-helper API "
            + "(POST / measures a URL and endpoints from here; GET / is a health check), for "
            + "`msgprobe run --control URL` and for OONI probes. Put a TLS reverse proxy in front of it "
            + "for use over the Internet.",
        "It never connects to private, loopback or other non-public addresses unless --allow-private "
            + "is given. It runs until interrupted (SIGINT or SIGTERM)."},
    sortOptions = false,
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:stopped by a signal", "2:bad usage or bad input (nothing served)"})
public final class HelperCommand implements Callable<Integer> {
  private static final int DNS_PORT = 53;

  @Spec CommandSpec spec;

  @Option(names = "--listen", required = true, paramLabel = "HOST:PORT",
      description = "Where to serve plain HTTP, e.g. 127.0.0.1:8080 or [::]:8080 (port 0: any free port).")
  String listen;

  @Option(names = "--allow-private",
      description = "Also connect to private, loopback and other non-public addresses (for labs only).")
  boolean allowPrivate;

  @Option(names = "--resolver", paramLabel = "IP[:PORT]",
      description = "The resolver this helper asks (default: the first nameserver of /etc/resolv.conf).")
  String resolver;

  @Option(names = "--ca-file", paramLabel = "PEM",
      description = "Extra trusted CA certificates, added to the JDK's default trust.")
  Path caFile;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
      description = "Per network operation (DNS query, connect, handshake, read); default ${DEFAULT-VALUE}.")
  double timeoutSeconds;

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "Require `Authorization: Bearer <token>` on every request; the token is the file's content.")
  Path tokenFile;

  @Option(names = "--max-inflight", paramLabel = "N", defaultValue = "" + HelperConfig.DEFAULT_MAX_INFLIGHT,
      description = "Requests measured at once; more get HTTP 503; default ${DEFAULT-VALUE}.")
  int maxInflight;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  private final CountDownLatch stopped = new CountDownLatch(1);

  @Override
  public Integer call() throws InterruptedException {
    HelperConfig config = config();
    PrintWriter err = spec.commandLine().getErr();
    ControlServer server;
    try {
      server = ControlServer.start(config);
    } catch (IOException e) {
      err.println("msgprobe helper: cannot listen on " + listen + ": " + e.getMessage());
      err.flush();
      return ExitCode.USAGE;
    }
    Thread hook = new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "msgprobe-helper-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    if (allowPrivate) {
      err.println("msgprobe helper: --allow-private: connecting to private and loopback addresses too");
      err.flush();
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("msgprobe helper listening on http://" + HostPort.urlHost(listen) + ":" + server.address().getPort()
        + "/");
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

  private HelperConfig config() {
    if (!(timeoutSeconds > 0) || timeoutSeconds > 3600) {
      throw new ParameterException(spec.commandLine(), "--timeout must be between 0 and 3600 seconds");
    }
    if (maxInflight < 1) {
      throw new ParameterException(spec.commandLine(), "--max-inflight must be at least 1");
    }
    InetSocketAddress listenAddress;
    InetSocketAddress resolverAddress;
    try {
      listenAddress = HostPort.listen(listen);
      String resolverText = resolver != null ? resolver : ResolvConf.firstNameserver(ResolvConf.SYSTEM)
          .orElseThrow(() -> new IllegalArgumentException("no nameserver in " + ResolvConf.SYSTEM + "; give --resolver"));
      resolverAddress = HostPort.ip(resolverText, DNS_PORT);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    Trust trust;
    String token = null;
    try {
      trust = Trust.load(caFile);
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), "cannot use --ca-file " + caFile + ": " + describe(e));
    }
    if (tokenFile != null) {
      try {
        token = Files.readString(tokenFile).strip();
      } catch (IOException e) {
        throw new ParameterException(spec.commandLine(), "cannot read --token-file " + tokenFile + ": " + describe(e));
      }
      if (token.isEmpty()) {
        throw new ParameterException(spec.commandLine(), "the --token-file " + tokenFile + " is empty");
      }
    }
    Duration timeout = Duration.ofMillis(Math.max(1, Math.round(timeoutSeconds * 1000)));
    return new HelperConfig(listenAddress, resolverAddress, trust, timeout, allowPrivate, token, maxInflight,
        HelperConfig.DEFAULT_MAX_REQUEST_BYTES);
  }

  private static String describe(IOException e) {
    return e instanceof NoSuchFileException ? "no such file" : e.getMessage();
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run
    }
  }
}
