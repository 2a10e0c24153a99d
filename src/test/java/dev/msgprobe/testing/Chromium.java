package dev.msgprobe.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless Chromium, to render the HTML pages the way a person's browser does. Every run uses
 * a fresh profile folder and no network ({@code --no-proxy-server}, pages are local files that load
 * nothing). {@link #find()} is empty where Chromium is not installed.
 */
public final class Chromium {
  /** What a run printed: the page's DOM (for --dump-dom) on stdout, console messages on stderr. */
  public record Result(int exit, String stdout, String stderr) {}

  private final Path binary;

  private Chromium(Path binary) {
    this.binary = binary;
  }

  public static Optional<Chromium> find() {
    for (String name : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
      if (Files.isExecutable(Path.of(name))) {
        return Optional.of(new Chromium(Path.of(name)));
      }
    }
    return Optional.empty();
  }

  /** Renders {@code page} and writes a PNG of {@code width}×{@code height} to {@code png}. */
  public Result screenshot(Path page, Path png, int width, int height, Path work) throws IOException, InterruptedException {
    return run(work, List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
        "--hide-scrollbars", page.toUri().toString()));
  }

  /** Renders {@code page} and prints its DOM after layout. */
  public Result dumpDom(Path page, Path work) throws IOException, InterruptedException {
    return run(work, List.of("--dump-dom", page.toUri().toString()));
  }

  private Result run(Path work, List<String> args) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(work, "chromium-profile");
    List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--disable-gpu", "--no-sandbox",
        "--no-first-run", "--no-proxy-server", "--disable-extensions", "--disable-dev-shm-usage",
        "--enable-logging=stderr", "--v=0", "--user-data-dir=" + profile));
    command.addAll(args);
    Path out = work.resolve("chromium-out-" + System.nanoTime() + ".txt");
    Path err = work.resolve("chromium-err-" + System.nanoTime() + ".txt");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("chromium did not finish in 120 s");
    }
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }
}
