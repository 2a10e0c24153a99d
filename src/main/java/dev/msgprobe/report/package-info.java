/** Reports: the JSONL writer and reader, the summary writer, the table renderer. */
package dev.msgprobe.report;
