/**
 * Where measurements are kept beyond their JSONL report: the local history (SQLite) and the fleet
 * store (PostgreSQL), one {@link dev.msgprobe.store.Store} interface over JDBC, schemas migrated with
 * Flyway per dialect. A store is an index of reports: every row can be rebuilt from report lines, and
 * a measurement (identified by the SHA-256 of its report line) is stored once however often it is
 * added.
 */
package dev.msgprobe.store;
