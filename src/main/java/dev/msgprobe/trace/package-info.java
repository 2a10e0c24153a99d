/**
 * Records what happened during one measurement as OONI archival records, with {@code t0}/{@code t}
 * measured from one per-measurement zero and {@code transaction_id}s grouping the steps of one attempt.
 */
package dev.msgprobe.trace;
