package dev.msgprobe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.net.ResolvConf;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(10)
class HelperCommandTest {
  private static final Pattern LISTENING = Pattern.compile("msgprobe helper listening on (http://127\\.0\\.0\\.1:\\d+/)\n");
  /** A resolver address no test sends to: the helper only asks it when measuring. */
  private static final String RESOLVER = "127.0.0.1:9";

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final OkHttpClient client = new OkHttpClient();

  @Test
  void helper_printsItsUrl_servesUntilStopped_andExitsZero() throws Exception {
    HelperCommand command = new HelperCommand();
    CompletableFuture<Integer> exit = run(command, "--listen", "127.0.0.1:0", "--resolver", RESOLVER, "--allow-private");

    String url = awaitUrl();
    try (Response health = client.newCall(new Request.Builder().url(url).build()).execute()) {
      assertThat(health.code()).isEqualTo(200);
      assertThat(health.body().string()).contains("Hello OONItarian!");
    }
    command.stop();

    assertThat(exit.get(5, TimeUnit.SECONDS)).isZero();
    assertThat(out.toString()).matches(LISTENING.pattern());
    assertThat(err.toString()).contains("--allow-private");
  }

  @Test
  void tokenFile_makesRequestsWithoutTheTokenUnauthorized(@TempDir Path dir) throws Exception {
    Path token = Files.writeString(dir.resolve("token"), "  s3cret\n");
    HelperCommand command = new HelperCommand();
    CompletableFuture<Integer> exit = run(command, "--listen", "127.0.0.1:0", "--resolver", RESOLVER,
        "--token-file", token.toString());

    String url = awaitUrl();
    try (Response anonymous = client.newCall(new Request.Builder().url(url).build()).execute();
         Response withToken = client.newCall(new Request.Builder().url(url)
             .header("Authorization", "Bearer s3cret").build()).execute()) {
      assertThat(anonymous.code()).isEqualTo(401);
      assertThat(withToken.code()).isEqualTo(200);
    } finally {
      command.stop();
    }
    assertThat(exit.get(5, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void missingListen_isAUsageError() {
    assertThat(execute("--resolver", RESOLVER)).isEqualTo(2);
    assertThat(err.toString()).contains("--listen");
  }

  @Test
  void badOptionValues_areUsageErrors(@TempDir Path dir) {
    assertThat(execute("--listen", "127.0.0.1", "--resolver", RESOLVER)).isEqualTo(2);
    assertThat(execute("--listen", "127.0.0.1:0", "--resolver", "dns.example")).isEqualTo(2);
    assertThat(execute("--listen", "127.0.0.1:0", "--resolver", RESOLVER, "--timeout", "0")).isEqualTo(2);
    assertThat(execute("--listen", "127.0.0.1:0", "--resolver", RESOLVER, "--max-inflight", "0")).isEqualTo(2);
    assertThat(execute("--listen", "127.0.0.1:0", "--resolver", RESOLVER, "--token-file",
        dir.resolve("missing").toString())).isEqualTo(2);
    assertThat(execute("--listen", "127.0.0.1:0", "--resolver", RESOLVER, "--ca-file",
        dir.resolve("missing.pem").toString())).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).contains("expected HOST:PORT", "expected an IP address", "--timeout",
        "--max-inflight", "cannot read --token-file", "cannot use --ca-file");
  }

  @Test
  void busyPort_isReportedWithExitTwo() throws IOException {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));

      assertThat(execute("--listen", "127.0.0.1:" + taken.getLocalPort(), "--resolver", RESOLVER)).isEqualTo(2);
    }
    assertThat(err.toString()).contains("cannot listen on 127.0.0.1:");
  }

  @Test
  void hostPort_readsIpv4Ipv6AndDefaultPorts() {
    assertThat(HostPort.ip("192.0.2.53", 53)).isEqualTo(new InetSocketAddress("192.0.2.53", 53));
    assertThat(HostPort.ip("192.0.2.53:5353", 53)).isEqualTo(new InetSocketAddress("192.0.2.53", 5353));
    assertThat(HostPort.ip("2001:db8::53", 53).getPort()).isEqualTo(53);
    assertThat(HostPort.ip("[2001:db8::53]:5353", 53).getPort()).isEqualTo(5353);
    assertThat(HostPort.listen("[::1]:8080", dev.msgprobe.i18n.Texts.english())).isEqualTo(new InetSocketAddress("::1", 8080));
    assertThat(HostPort.urlHost("[::]:8080")).isEqualTo("[::]");
    assertThat(HostPort.urlHost("::1:8080")).isEqualTo("[::1]");
    assertThat(HostPort.urlHost("0.0.0.0:8080")).isEqualTo("0.0.0.0");
  }

  @Test
  void resolvConf_givesTheFirstNameserver(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("resolv.conf"),
        "# generated\nsearch lan\nnameserver fe80::1%eth0\nnameserver 192.0.2.53\n");

    assertThat(ResolvConf.firstNameserver(file)).contains("fe80::1");
    assertThat(ResolvConf.firstNameserver(Files.writeString(dir.resolve("empty"), "search lan\n"))).isEmpty();
    assertThat(ResolvConf.firstNameserver(dir.resolve("missing"))).isEmpty();
  }

  private int execute(String... args) {
    return commandLine(new HelperCommand()).execute(args);
  }

  private CompletableFuture<Integer> run(HelperCommand command, String... args) {
    CommandLine commandLine = commandLine(command);
    return CompletableFuture.supplyAsync(() -> commandLine.execute(args));
  }

  private CommandLine commandLine(HelperCommand command) {
    return new CommandLine(command).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
  }

  /** The URL the helper printed, once it has printed it. */
  private String awaitUrl() throws InterruptedException {
    for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5); System.nanoTime() < deadline; ) {
      Matcher m = LISTENING.matcher(out.toString());
      if (m.find()) {
        return m.group(1);
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the helper printed no URL; stderr: " + err);
  }
}
