/** The network edge: DNS transports, TCP dialer, TLS handshaker, HTTP client factory, bogon table, and the one failure taxonomy. */
package dev.msgprobe.net;
