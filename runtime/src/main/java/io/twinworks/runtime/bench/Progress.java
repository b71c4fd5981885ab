package io.twinworks.runtime.bench;

/** Where a bench's progress lines go (a person reads them on stdout). */
@FunctionalInterface
public interface Progress {
  void line(String text);
}
