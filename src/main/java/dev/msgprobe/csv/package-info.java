/**
 * The one CSV reader (RFC 4180 records with the line each starts on), shared by the test-list loader
 * and the block-page fingerprint tables. Pure: text in, records out; the caller decides the charset
 * and the separator.
 */
package dev.msgprobe.csv;
