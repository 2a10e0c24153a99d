package dev.msgprobe.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The templates of one language, read from the UTF-8 bundle {@code Evidence.properties} (English, the
 * language of reports) or {@code Evidence_<language>.properties}, in key order.
 */
final class Catalogue {
  static final String ENGLISH = "en";
  private static final String BUNDLE = "/dev/msgprobe/evidence/Evidence";
  private static final Map<String, Optional<Catalogue>> LOADED = new ConcurrentHashMap<>();

  private final String language;
  private final Map<String, Template> templates;

  private Catalogue(String language, Map<String, Template> templates) {
    this.language = language;
    this.templates = Collections.unmodifiableMap(templates);
  }

  static Catalogue english() {
    return of(ENGLISH).orElseThrow(() -> new IllegalStateException("evidence bundle missing: " + BUNDLE));
  }

  /** The catalogue of {@code language} (an ISO 639 code), empty when msgprobe has no bundle for it. */
  static Optional<Catalogue> of(String language) {
    return LOADED.computeIfAbsent(language, Catalogue::load);
  }

  String language() {
    return language;
  }

  Map<String, Template> templates() {
    return templates;
  }

  Template template(String key) {
    Template t = templates.get(key);
    if (t == null) {
      throw new IllegalArgumentException("no evidence sentence " + key + " in the " + language + " catalogue");
    }
    return t;
  }

  private static Optional<Catalogue> load(String language) {
    String name = BUNDLE + (ENGLISH.equals(language) ? "" : "_" + language) + ".properties";
    try (InputStream in = Catalogue.class.getResourceAsStream(name)) {
      if (in == null) {
        return Optional.empty();
      }
      Properties p = new Properties();
      try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        p.load(r);
      }
      Map<String, Template> templates = new LinkedHashMap<>();
      for (String key : new TreeSet<>(p.stringPropertyNames())) {
        templates.put(key, Template.parse(key, p.getProperty(key)));
      }
      return Optional.of(new Catalogue(language, templates));
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + name, e);
    }
  }
}
