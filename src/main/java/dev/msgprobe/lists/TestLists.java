package dev.msgprobe.lists;

import dev.msgprobe.model.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Loads test lists: files in either list format (docs/contract/lists.md), and the built-in lists packaged on the
 * classpath under {@code test-lists/NAME.csv}. Every method validates the whole list and throws a
 * {@link ListException} carrying all of its problems.
 */
public final class TestLists {
  /** The built-in service lists, in the order {@code all} runs them. */
  public static final List<String> SERVICES = List.of("whatsapp", "telegram", "max");
  /** The built-in list of baseline hosts; never reported as a service. */
  public static final String CONTROLS = "controls";

  private static final List<String> BUILT_IN = List.of("whatsapp", "telegram", "max", CONTROLS);

  private TestLists() {}

  /** The names {@link #builtIn} accepts: the service lists, then {@value #CONTROLS}. */
  public static List<String> builtInNames() {
    return BUILT_IN;
  }

  /** True when {@code name} (any case) names a built-in list. */
  public static boolean isBuiltIn(String name) {
    return BUILT_IN.contains(name.toLowerCase(Locale.ROOT));
  }

  /** A built-in list by name (any case); its messages name it {@code test-lists/NAME.csv}. */
  public static TestList builtIn(String name) throws ListException {
    String key = name.toLowerCase(Locale.ROOT);
    String resource = "test-lists/" + key + ".csv";
    if (!BUILT_IN.contains(key)) {
      throw new ListException(List.of(name + ": no such built-in list (built-in: "
          + String.join(", ", BUILT_IN) + ")"));
    }
    try (InputStream in = TestLists.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new ListException(List.of(resource + ": missing from the classpath"));
      }
      return parse(key, resource, in.readAllBytes());
    } catch (IOException e) {
      throw new ListException(List.of(resource + ": cannot read (" + e + ")"));
    }
  }

  /**
   * A built-in list when {@code nameOrFile} names one (any case), else the list file at that path;
   * the error for neither names the argument.
   */
  public static TestList open(String nameOrFile) throws ListException {
    if (isBuiltIn(nameOrFile)) {
      return builtIn(nameOrFile);
    }
    Path file = existingFile(nameOrFile);
    if (file == null) {
      throw new ListException(List.of(nameOrFile + ": not a built-in list (" + String.join(", ", BUILT_IN)
          + ") or an existing file"));
    }
    return load(file);
  }

  /** The path {@code text} names when that file exists, else null. */
  static Path existingFile(String text) {
    try {
      Path file = Path.of(text);
      return Files.exists(file) ? file : null;
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /** The control endpoints (built-in {@code controls.csv}; function {@code domestic} or {@code foreign}). */
  public static List<Endpoint> controls() throws ListException {
    return builtIn(CONTROLS).endpoints();
  }

  /** A list file; its name is the file name without extension, its messages name it as given. */
  public static TestList load(Path file) throws ListException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ListException(List.of(file + ": no such file"));
    } catch (IOException e) {
      throw new ListException(List.of(file + ": cannot read (" + e.getMessage() + ")"));
    }
    return parse(nameOf(file), file.toString(), bytes);
  }

  static TestList parse(String name, String file, byte[] bytes) throws ListException {
    return ListParser.parse(name, file, utf8(file, bytes));
  }

  private static String nameOf(Path file) {
    Path fileName = file.getFileName();
    String base = fileName == null ? file.toString() : fileName.toString();
    int dot = base.lastIndexOf('.');
    return dot > 0 ? base.substring(0, dot) : base;
  }

  private static String utf8(String file, byte[] bytes) throws ListException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int line = 1;
      for (int i = 0; i < in.position(); i++) {
        line += bytes[i] == '\n' ? 1 : 0;
      }
      throw new ListException(List.of(file + ":" + line + ": not valid UTF-8 (byte offset " + in.position() + ")"));
    }
    decoder.flush(out);
    return out.flip().toString();
  }
}
