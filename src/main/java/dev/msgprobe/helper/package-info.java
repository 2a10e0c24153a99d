/** The control vantage: {@code msgprobe helper}, a server answering OONI's web-connectivity test-helper API. */
package dev.msgprobe.helper;
