package io.twinworks.runtime.it;

import java.time.Duration;

/** Polls a check until it passes or the time is up; the last failure is what the test reports. */
final class Eventually {

  interface Check {
    void run() throws Exception;
  }

  private Eventually() {}

  static void within(Duration timeout, Check check) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        check.run();
        return;
      } catch (AssertionError | Exception e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
      }
      RuntimeProcess.pause(200);
    }
  }
}
