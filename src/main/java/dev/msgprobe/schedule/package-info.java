/**
 * Periodic runs: a systemd user timer (or a crontab line where systemd is absent) that runs
 * {@code msgprobe schedule run}, and the rotation of the reports it keeps. Everything that touches
 * the machine goes through {@link dev.msgprobe.schedule.Host}, so tests never reach the real
 * user's systemd or crontab.
 */
package dev.msgprobe.schedule;
