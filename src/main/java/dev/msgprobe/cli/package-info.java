/** The command line: picocli commands that parse, build a config, call the engine and map the outcome to an exit status. */
package dev.msgprobe.cli;
