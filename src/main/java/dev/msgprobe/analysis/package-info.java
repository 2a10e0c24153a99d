/**
 * Pure functions from observations to verdicts: the classifier, block-page fingerprints, service and
 * function aggregation, OONI's own summary keys. Nothing here opens a socket or a file.
 */
package dev.msgprobe.analysis;
