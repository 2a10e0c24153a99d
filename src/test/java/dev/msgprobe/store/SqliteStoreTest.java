package dev.msgprobe.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest extends StoreContract {
  @TempDir Path dir;

  @Override
  Store openStore() throws Exception {
    return Stores.open(dir.resolve("h.db").toString(), Map.of()).orElseThrow();
  }

  @Test
  void defaultStore_isInXdgDataHome_elseInHomeLocalShare() throws Exception {
    assertThat(Stores.defaultFile(Map.of("XDG_DATA_HOME", "/x/data", "HOME", "/home/u")))
        .isEqualTo(Path.of("/x/data/msgprobe/history.db"));
    assertThat(Stores.defaultFile(Map.of("HOME", "/home/u")))
        .isEqualTo(Path.of("/home/u/.local/share/msgprobe/history.db"));
  }

  @Test
  void none_opensNoStore() throws Exception {
    assertThat(Stores.open("none", Map.of())).isEmpty();
  }
}
