/** Runs a measurement campaign: concurrency, controls first, progress, resume, interrupt handling. */
package dev.msgprobe.engine;
