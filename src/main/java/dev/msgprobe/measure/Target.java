package dev.msgprobe.measure;

import java.util.ArrayList;
import java.util.List;

/** An address to measure and the tags every entry about it carries (e.g. {@code trusted-address}). */
record Target(String ip, List<String> tags) {
  Target {
    tags = List.copyOf(tags);
  }

  /** This target's tags plus {@code tag}. */
  List<String> tagsWith(String tag) {
    List<String> all = new ArrayList<>(tags);
    all.add(tag);
    return List.copyOf(all);
  }
}
