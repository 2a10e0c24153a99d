package dev.msgprobe.helper;

import dev.msgprobe.model.Failures;
import dev.msgprobe.net.FailureTaxonomy;

/**
 * The current OONI failure string of an exception seen by the helper: its own lookups' failures and
 * its refusals of bogon addresses as such, anything else as the network edge classifies it.
 */
final class ExceptionFailures {
  private ExceptionFailures() {}

  static String classify(Throwable error) {
    for (Throwable e = error; e != null; e = e.getCause()) {
      if (e instanceof HelperDnsException dns) {
        return dns.failure;
      }
      if (e instanceof PrivateAddressException) {
        return Failures.UNKNOWN;
      }
    }
    return FailureTaxonomy.classify(error);
  }
}
