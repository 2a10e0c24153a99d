package dev.msgprobe.helper;

import java.net.ConnectException;

/** The helper refused to connect to a bogon address (loopback, private, ...) without {@code --allow-private}. */
final class PrivateAddressException extends ConnectException {
  PrivateAddressException(String address) {
    super("refusing to connect to the non-public address " + address);
  }
}
