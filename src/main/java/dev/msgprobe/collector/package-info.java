/**
 * Many probes, one store: {@link dev.msgprobe.collector.CollectorServer} accepts measurements in the
 * shape of OONI's collector API (open a report, submit measurements, close it) and writes them to a
 * {@link dev.msgprobe.store.Store}; {@link dev.msgprobe.collector.CollectorClient} and
 * {@link dev.msgprobe.collector.Submission} send a report's lines to it, remembering which ones the
 * collector acknowledged so that nothing is lost when it is away and nothing is sent twice needlessly.
 */
package dev.msgprobe.collector;
