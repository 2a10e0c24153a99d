package dev.msgprobe.geo;

import java.util.Arrays;

/**
 * Sorted, non-overlapping ranges of unsigned 64-bit keys, each carrying an int value; a lookup is a
 * binary search. {@code starts} ascend (unsigned); {@code ends[i]} is inclusive.
 */
final class RangeTable {
  static final int NONE = -1;

  private final long[] starts;
  private final long[] ends;
  private final int[] values;

  RangeTable(long[] starts, long[] ends, int[] values) {
    if (starts.length != ends.length || starts.length != values.length) {
      throw new IllegalArgumentException("range columns differ in length");
    }
    for (int i = 1; i < starts.length; i++) {
      if (Long.compareUnsigned(starts[i], ends[i - 1]) <= 0) {
        throw new IllegalArgumentException("ranges not sorted or overlapping at " + i);
      }
    }
    this.starts = starts;
    this.ends = ends;
    this.values = values;
  }

  int size() {
    return starts.length;
  }

  /** The value of the range holding {@code key}, or {@link #NONE}. */
  int find(long key) {
    int lo = 0;
    int hi = starts.length - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (Long.compareUnsigned(starts[mid], key) <= 0) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found >= 0 && Long.compareUnsigned(key, ends[found]) <= 0 ? values[found] : NONE;
  }

  long start(int i) {
    return starts[i];
  }

  long end(int i) {
    return ends[i];
  }

  int value(int i) {
    return values[i];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RangeTable t && Arrays.equals(starts, t.starts) && Arrays.equals(ends, t.ends)
        && Arrays.equals(values, t.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(starts) * 31 + Arrays.hashCode(values);
  }
}
