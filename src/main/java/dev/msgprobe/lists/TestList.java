package dev.msgprobe.lists;

import dev.msgprobe.model.Endpoint;
import java.util.List;

/**
 * A loaded, valid test list: {@code name} is the file name without extension (the built-ins:
 * {@code whatsapp}, {@code telegram}, {@code max}, {@code controls}), {@code file} the path it was
 * read from as shown in messages, {@code endpoints} in file order.
 */
public record TestList(String name, String file, List<Endpoint> endpoints) {
  public TestList {
    endpoints = List.copyOf(endpoints);
  }
}
