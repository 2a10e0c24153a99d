package dev.msgprobe.cli;

/** The exit statuses of docs/contract/cli.md#exit-status. */
final class ExitCodes {
  static final int OK = 0;
  static final int FAIL_ON_MATCHED = 1;
  static final int BAD_INPUT = 2;
  static final int NO_NETWORK = 3;
  /** A bug: an exception the program did not expect (sysexits' EX_SOFTWARE). */
  static final int INTERNAL_ERROR = 70;
  static final int INTERRUPTED = 130;

  private ExitCodes() {}
}
