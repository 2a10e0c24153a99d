/**
 * Reports: the JSONL writer ({@link dev.msgprobe.report.ReportWriter}) and lenient reader
 * ({@link dev.msgprobe.report.ReportReader}), the summary file, the table and Markdown renderers,
 * report ids and resume keys. Serialises and renders only: verdicts and summaries come from analysis.
 */
package dev.msgprobe.report;
