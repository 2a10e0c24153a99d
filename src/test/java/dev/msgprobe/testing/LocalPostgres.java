package dev.msgprobe.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server for tests, from Debian's {@code postgresql} package: initdb into a
 * temporary folder and {@code pg_ctl start} on a free loopback port (as the {@code postgres} user when
 * the tests run as root, since PostgreSQL refuses to run as root). One server per test JVM, stopped and
 * deleted when the JVM exits; each caller gets a fresh database. {@link #unavailable()} says why there
 * is none on this machine.
 */
public final class LocalPostgres {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static LocalPostgres instance;
  private static String problem;

  private final Path bin;
  private final Path dir;
  private final int port;
  private final boolean asPostgresUser;

  private LocalPostgres(Path bin, Path dir, int port, boolean asPostgresUser) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
    this.asPostgresUser = asPostgresUser;
  }

  /** Why no server can be started here, or empty when one can (starting it if needed). */
  public static synchronized Optional<String> unavailable() {
    if (instance == null && problem == null) {
      try {
        instance = start();
      } catch (IOException | InterruptedException | RuntimeException e) {
        problem = e.getMessage();
      }
    }
    return Optional.ofNullable(problem);
  }

  /** A new, empty database: its {@code postgresql://} URL. */
  public static synchronized String newDatabase() throws SQLException {
    if (unavailable().isPresent()) {
      throw new IllegalStateException("no PostgreSQL: " + problem);
    }
    String name = "mp_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + instance.port + "/postgres",
        "msgprobe", ""); Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    }
    return "postgresql://msgprobe@127.0.0.1:" + instance.port + "/" + name;
  }

  private static LocalPostgres start() throws IOException, InterruptedException {
    Path bin = findBin().orElseThrow(() -> new IOException(
        "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin/initdb; apt-get install postgresql)"));
    boolean root = "root".equals(System.getProperty("user.name"));
    if (root && !userExists("postgres")) {
      throw new IOException("running as root and there is no postgres user to run the server as");
    }
    Path dir = Files.createTempDirectory("mp-pg-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    if (root) {
      exec(List.of("chown", "postgres:postgres", dir.toString()), 30);
    }
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    LocalPostgres pg = new LocalPostgres(bin, dir, port, root);
    pg.run(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust",
        "-U", "msgprobe", "-E", "UTF8", "--no-sync"), 120);
    Runtime.getRuntime().addShutdownHook(new Thread(pg::stop, "mp-pg-stop"));
    pg.run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60",
        "-l", dir.resolve("log.txt").toString(), "-o",
        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off",
        "start"), 90);
    return pg;
  }

  private void stop() {
    try {
      run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "stop"), 30);
    } catch (IOException | InterruptedException e) {
      // the JVM is exiting; the folder is removed below either way
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary folder left behind
    }
  }

  private void run(List<String> command, int seconds) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (asPostgresUser) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    exec(full, seconds);
  }

  private static void exec(List<String> command, int seconds) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = p.getInputStream().readAllBytes();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(command.get(0) + ": no answer in " + seconds + " s");
    }
    if (p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ": "
          + new String(output, StandardCharsets.UTF_8).strip());
    }
  }

  private static boolean userExists(String user) {
    try {
      exec(List.of("id", "-u", user), 10);
      return true;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static Optional<Path> findBin() throws IOException {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.comparing(b -> b.getParent().getFileName().toString(), Comparator.comparingInt(LocalPostgres::major)));
    }
  }

  private static int major(String version) {
    try {
      return Integer.parseInt(version.replaceAll("\\..*", ""));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
