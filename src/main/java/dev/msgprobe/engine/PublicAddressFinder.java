package dev.msgprobe.engine;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/** Learns the probe's public address as the internet sees it (over STUN); empty when no server answers. */
interface PublicAddressFinder {
  Optional<InetAddress> find(List<String> servers);

  PublicAddressFinder NONE = servers -> Optional.empty();
}
