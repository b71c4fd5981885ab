package io.twinworks.runtime;

/** Where startup tells a person what it is doing. */
@FunctionalInterface
public interface StartupProgress {

  void step(String message);

  static StartupProgress console() {
    return message -> System.out.println("twinworks: " + message);
  }
}
