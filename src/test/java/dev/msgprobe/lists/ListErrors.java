package dev.msgprobe.lists;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The errors of the {@link ListException} that {@code call} must throw. */
final class ListErrors {
  private ListErrors() {}

  static List<String> of(ThrowingCallable call) {
    List<String> errors = new ArrayList<>();
    assertThatThrownBy(call).isInstanceOfSatisfying(ListException.class, e -> errors.addAll(e.errors()));
    return errors;
  }
}
