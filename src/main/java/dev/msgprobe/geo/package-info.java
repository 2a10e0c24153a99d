/**
 * Where an address is: its autonomous system (number and organisation) and country, from the data
 * bundled in the jar (built from the ip-location-db packages by {@code tools/geo/update.sh}) or from a
 * user's MaxMind DB files. Lookups are local; nothing here opens a socket.
 */
package dev.msgprobe.geo;
