/**
 * Measurements over time: the runs a store holds, each service's and function's state per run, and
 * the changes between consecutive runs ({@code msgprobe history}). Pure: built from measurements, no
 * I/O; the renderers turn a {@link dev.msgprobe.history.History} into text, JSON or HTML with charts.
 */
package dev.msgprobe.history;
