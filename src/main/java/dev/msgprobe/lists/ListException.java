package dev.msgprobe.lists;

import java.util.List;

/**
 * Bad input in a test list or a target: carries every problem found, each a line a person can act
 * on — {@code FILE:LINE: what is wrong}, or {@code TARGET: what is wrong} for command-line targets.
 */
public final class ListException extends Exception {
  private final List<String> errors;

  public ListException(List<String> errors) {
    super(String.join(System.lineSeparator(), errors));
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a ListException needs at least one error");
    }
    this.errors = List.copyOf(errors);
  }

  public List<String> errors() {
    return errors;
  }
}
