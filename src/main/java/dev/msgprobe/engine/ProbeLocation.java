package dev.msgprobe.engine;

import dev.msgprobe.geo.NetworkOwner;
import java.util.Set;

/**
 * Where the run was taken: the probe's network, a sentence saying how it was learnt (or why it is
 * unknown), and every public address of the probe that must never reach a report.
 */
record ProbeLocation(NetworkOwner owner, String how, Set<String> publicAddresses) {
  ProbeLocation {
    publicAddresses = Set.copyOf(publicAddresses);
  }
}
