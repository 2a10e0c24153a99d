/**
 * Records for OONI's data format (envelope and test-key templates) and for msgprobe's verdict.
 * Values only: no logic beyond small accessors; field names and order follow OONI's spec.
 */
package dev.msgprobe.model;
