package dev.msgprobe.helper;

import java.net.UnknownHostException;

/** A lookup through the helper's resolver failed; {@code failure} is the OONI failure string. */
final class HelperDnsException extends UnknownHostException {
  final String failure;

  HelperDnsException(String host, String failure) {
    super(host + ": " + failure);
    this.failure = failure;
  }
}
