/**
 * Measurements over time and across networks: the runs a store holds, each service's and function's
 * state per run, and the changes between consecutive runs ({@code msgprobe history}); and each
 * service's state per network ({@code msgprobe report --by asn|cc|probe}, {@link dev.msgprobe.history.NetworkTable}). Pure: built from measurements, no
 * I/O; the renderers turn a {@link dev.msgprobe.history.History} into text, JSON or HTML with charts.
 */
package dev.msgprobe.history;
