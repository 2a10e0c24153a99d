/**
 * One measurement plan per scheme (https, http, tls, tcp, wss, dns) plus the differential steps
 * (TCP DNS, DoH, decoy SNI, retry, throughput), producing observations; never a verdict.
 */
package dev.msgprobe.measure;
