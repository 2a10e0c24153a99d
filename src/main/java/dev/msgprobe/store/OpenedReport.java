package dev.msgprobe.store;

import java.time.LocalDateTime;

/**
 * A report (one run of one probe) as a store knows it: opened by a collector or by the first
 * measurement added under its id. {@code probe} names who sent it (a collector's token name,
 * {@code "local"} on the machine that measured); {@code closed} is null while it is open.
 */
public record OpenedReport(String reportId, String testName, String probeAsn, String probeCc, String probe,
    String software, LocalDateTime opened, LocalDateTime closed) {}
