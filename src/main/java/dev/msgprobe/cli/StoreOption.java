package dev.msgprobe.cli;

import dev.msgprobe.i18n.Texts;
import dev.msgprobe.store.Store;
import dev.msgprobe.store.StoreException;
import dev.msgprobe.store.Stores;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --store URL|none}, shared by the commands that read or write a store. */
final class StoreOption {
  @Option(names = "--store", paramLabel = "URL|none")
  String url;

  /** The store named by {@code --store} (empty for {@code none}) in environment {@code env}. */
  Optional<Store> open(Map<String, String> env) throws StoreException {
    return Stores.open(url, env);
  }

  /** The store named by {@code --store}; {@code none} is a StoreException (its message in {@code texts}), for commands that need one. */
  Store require(Map<String, String> env, Texts texts) throws StoreException {
    return open(env).orElseThrow(() -> new StoreException(texts.get("store.needed")));
  }

  static Map<String, String> env(Main main) {
    return main == null ? System.getenv() : main.env();
  }
}
