package dev.msgprobe.schedule;

import java.util.List;

/**
 * A scheduled probe: the command that runs one measurement ({@code ... msgprobe schedule run
 * ...}), how often, and where its output goes.
 *
 * @param command absolute program path and arguments
 * @param log     the file cron appends the command's output to (systemd keeps it in the journal)
 */
public record Job(List<String> command, Every every, java.nio.file.Path log) {
  public Job {
    command = List.copyOf(command);
  }
}
