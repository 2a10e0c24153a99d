package dev.msgprobe.analysis;

import dev.msgprobe.model.Failures;

/** Which kind of interference an OONI failure string can stand for: reset, interruption, same kind as another. */
final class FailureKinds {
  private FailureKinds() {}

  static boolean isReset(String failure) {
    return Failures.CONNECTION_RESET.equals(failure) || Failures.CONNECTION_ABORTED.equals(failure);
  }

  /** A failure that on-path interference can cause: timeout, reset, refusal, EOF. */
  static boolean isInterruption(String failure) {
    return Failures.isTimeout(failure) || isReset(failure) || Failures.EOF.equals(failure)
        || Failures.CONNECTION_REFUSED.equals(failure) || Failures.HOST_UNREACHABLE.equals(failure);
  }

  static boolean isInterrupted(String failure) {
    return Failures.INTERRUPTED.equals(failure);
  }

  /** Whether two failures are the same kind (both timeouts, both resets, or equal strings). */
  static boolean sameKind(String a, String b) {
    if (a == null || b == null) {
      return a == null && b == null;
    }
    return a.equals(b) || (Failures.isTimeout(a) && Failures.isTimeout(b)) || (isReset(a) && isReset(b))
        || (Failures.isCertificateError(a) && Failures.isCertificateError(b));
  }
}
