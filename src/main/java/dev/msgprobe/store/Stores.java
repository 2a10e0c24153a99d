package dev.msgprobe.store;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Opens a store from the value of {@code --store}:
 * <ul>
 *   <li>{@code none}: no store (empty);</li>
 *   <li>absent: the local history, {@code $XDG_DATA_HOME/msgprobe/history.db}, else
 *       {@code $HOME/.local/share/msgprobe/history.db};</li>
 *   <li>{@code postgresql://[USER[:PASSWORD]@]HOST[:PORT]/DB[?PARAMS]} (also {@code postgres://} and
 *       {@code jdbc:postgresql:...}): a PostgreSQL database;</li>
 *   <li>{@code sqlite:FILE}, {@code jdbc:sqlite:FILE} or any other text, taken as a file path: SQLite.</li>
 * </ul>
 * The environment is passed in, so tests never touch the real home directory.
 */
public final class Stores {
  /** How many connections a PostgreSQL store keeps (collector requests in flight share them). */
  public static final int POSTGRESQL_CONNECTIONS = 8;

  private Stores() {}

  public static Optional<Store> open(String url, Map<String, String> env) throws StoreException {
    if (url != null && url.equalsIgnoreCase("none")) {
      return Optional.empty();
    }
    if (url == null) {
      return Optional.of(sqlite(defaultFile(env)));
    }
    if (url.startsWith("postgresql://") || url.startsWith("postgres://") || url.startsWith("jdbc:postgresql:")) {
      return Optional.of(postgresql(url));
    }
    String path = url.startsWith("jdbc:sqlite:") ? url.substring("jdbc:sqlite:".length())
        : url.startsWith("sqlite:") ? url.substring("sqlite:".length()) : url;
    if (path.isBlank()) {
      throw new StoreException("--store " + url + ": no file given");
    }
    return Optional.of(sqlite(Path.of(path)));
  }

  /** Where the local history lives for this environment. */
  public static Path defaultFile(Map<String, String> env) throws StoreException {
    String xdg = env.get("XDG_DATA_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "msgprobe", "history.db");
    }
    String home = env.get("HOME");
    if (home == null || home.isBlank()) {
      throw new StoreException("neither XDG_DATA_HOME nor HOME is set: give --store FILE or --store none");
    }
    return Path.of(home, ".local", "share", "msgprobe", "history.db");
  }

  static Store sqlite(Path file) throws StoreException {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new StoreException(file + ": cannot create its folder: " + e.getMessage(), e);
    }
    Properties props = new Properties();
    props.setProperty("busy_timeout", "10000");
    return JdbcStore.open(Dialect.SQLITE, "jdbc:sqlite:" + file, props, file.toString(), 1);
  }

  static Store postgresql(String url) throws StoreException {
    if (url.startsWith("jdbc:postgresql:")) {
      return JdbcStore.open(Dialect.POSTGRESQL, url, new Properties(), url.replaceAll("password=[^&]*", "password=…"),
          POSTGRESQL_CONNECTIONS);
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new StoreException("--store " + redacted(url) + ": not a postgresql:// URL: " + e.getReason());
    }
    if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
      throw new StoreException("--store " + redacted(url) + ": give postgresql://[USER[:PASSWORD]@]HOST[:PORT]/DATABASE");
    }
    Properties props = new Properties();
    String user = null;
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      props.setProperty("user", user);
      if (parts.length == 2) {
        props.setProperty("password", decode(parts[1]));
      }
    }
    int port = uri.getPort() > 0 ? uri.getPort() : 5432;
    String host = uri.getHost().contains(":") && !uri.getHost().startsWith("[") ? "[" + uri.getHost() + "]" : uri.getHost();
    String jdbc = "jdbc:postgresql://" + host + ":" + port + uri.getRawPath()
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    String described = "postgresql://" + (user == null ? "" : user + "@") + host + ":" + port + uri.getRawPath();
    return JdbcStore.open(Dialect.POSTGRESQL, jdbc, props, described, POSTGRESQL_CONNECTIONS);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static String redacted(String url) {
    return url.replaceAll("//([^:/@]*):[^@/]*@", "//$1:…@");
  }
}
