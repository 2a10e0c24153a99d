package dev.msgprobe.cli;

import dev.msgprobe.collector.CollectorConfig;
import dev.msgprobe.collector.CollectorServer;
import dev.msgprobe.collector.ServerTls;
import dev.msgprobe.i18n.Texts;
import dev.msgprobe.store.Store;
import dev.msgprobe.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code msgprobe collector --listen HOST:PORT --store URL}: accept measurements from many probes. */
@Command(name = "collector", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true)
final class CollectorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand Main main;
  @Mixin StoreOption store = new StoreOption();

  @Option(names = "--listen", required = true, paramLabel = "HOST:PORT", order = 1)
  String listen;

  @Option(names = "--tls-cert", paramLabel = "PEM", order = 2)
  Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "PEM", order = 3)
  Path tlsKey;

  @Option(names = "--tokens", paramLabel = "FILE", order = 4)
  Path tokensFile;

  @Option(names = "--max-inflight", paramLabel = "N", order = 5, defaultValue = "" + CollectorConfig.DEFAULT_MAX_INFLIGHT)
  int maxInflight;

  @Option(names = "--max-request-kib", paramLabel = "KIB", order = 6, defaultValue = "4096")
  int maxRequestKib;

  @Option(names = "--request-timeout", paramLabel = "SECONDS", order = 7, defaultValue = "30")
  int requestTimeout;

  private final CountDownLatch stopped = new CountDownLatch(1);

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Texts texts = Main.texts(spec);
    InetSocketAddress address;
    Map<String, String> tokens;
    SSLContext tls = null;
    try {
      address = HostPort.listen(listen, texts);
      if ((tlsCert == null) != (tlsKey == null)) {
        throw new IllegalArgumentException(texts.get("collector.tlsTogether"));
      }
      if (maxInflight < 1 || maxRequestKib < 1 || requestTimeout < 1) {
        throw new IllegalArgumentException(texts.get("collector.positive"));
      }
      tokens = tokensFile == null ? Map.of() : tokens(tokensFile, texts);
      if (tlsCert != null) {
        tls = ServerTls.fromPem(tlsCert, tlsKey);
      }
    } catch (IllegalArgumentException | IOException e) {
      err.println(texts.get("collector.error", e.getMessage()));
      return ExitCodes.BAD_INPUT;
    }
    try (Store s = store.require(StoreOption.env(main), texts)) {
      CollectorServer server;
      try {
        server = CollectorServer.start(new CollectorConfig(address, s, tokens, tls, maxInflight, maxRequestKib * 1024,
            Duration.ofSeconds(requestTimeout)));
      } catch (IOException e) {
        err.println(texts.get("collector.error", texts.get("helper.cannotListen", listen, e.getMessage())));
        return ExitCodes.BAD_INPUT;
      }
      Thread hook = new Thread(() -> {
        stopped.countDown();
        server.close();
      }, "msgprobe-collector-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      out.println(texts.get("collector.listening", server.url(), s.describe(),
          tokens.isEmpty() ? texts.get("collector.noTokens") : texts.get("collector.tokens", tokens.size())));
      out.flush();
      try {
        stopped.await();
      } finally {
        server.close();
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the hook is running
        }
      }
    } catch (StoreException e) {
      err.println(texts.get("collector.error", e.getMessage()));
      return ExitCodes.BAD_INPUT;
    }
    return ExitCodes.OK;
  }

  /** Stops a running {@link #call()}, which then returns 0 (what a signal does). */
  void stop() {
    stopped.countDown();
  }

  /** token → probe name, from 'NAME TOKEN' lines. */
  static Map<String, String> tokens(Path file, Texts texts) throws IOException {
    Map<String, String> tokens = new HashMap<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+");
      if (parts.length != 2 || parts[1].length() < 16) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + texts.get("collector.badTokenLine"));
      }
      if (tokens.put(parts[1], parts[0]) != null) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + texts.get("collector.tokenTwice"));
      }
    }
    if (tokens.isEmpty()) {
      throw new IllegalArgumentException(file + ": " + texts.get("collector.noTokenInFile"));
    }
    return tokens;
  }
}
