package dev.msgprobe.model;

import java.util.List;

/** An archival entry carrying OONI {@code tags} (see {@link Tags}); null tags mean none. */
public interface Tagged {
  List<String> tags();

  default boolean hasTag(String tag) {
    return tags() != null && tags().contains(tag);
  }
}
