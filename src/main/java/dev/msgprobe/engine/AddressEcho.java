package dev.msgprobe.engine;

import java.io.IOException;
import java.net.InetAddress;

/** Asks an HTTPS address-echo URL for the probe's public address: the fallback {@code --ip-echo} turns on. */
interface AddressEcho {
  /** @throws IOException saying why the echo gave no address */
  InetAddress ask(String url) throws IOException;
}
