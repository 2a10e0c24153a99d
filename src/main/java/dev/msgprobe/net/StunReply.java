package dev.msgprobe.net;

import java.net.InetSocketAddress;

/**
 * A well-formed Binding response. Any response, success or error, proves the UDP path both ways.
 * {@code mapped} is the address the server saw (the probe's public address behind NAT): it must
 * never be written into a report.
 *
 * @param errorCode the ERROR-CODE of an error response (e.g. 420 for an unknown attribute), else 0
 * @param mapped null when the response carries no mapped address
 */
public record StunReply(boolean success, int errorCode, InetSocketAddress mapped) {}
