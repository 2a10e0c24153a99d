package dev.msgprobe.measure;

import dev.msgprobe.trace.Trace;

/**
 * The DNS part of every plan (docs/design/measurement.md, "DNS"): queries the resolver under test over
 * UDP (keeping late replies) and TCP, and every trusted DoH resolver, recording each attempt in the
 * trace with its tags. Never throws for network failures.
 */
public interface HostResolver {
  Resolution resolve(String host, Trace trace);
}
