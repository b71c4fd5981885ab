package io.twinworks.runtime.http;

import java.util.concurrent.Callable;

/** Retries an assertion until it holds or ten seconds have passed. */
final class Eventually {

  private Eventually() {}

  static <T> T get(Callable<T> check) {
    long deadline = System.nanoTime() + ApiHarness.TIMEOUT.toNanos();
    while (true) {
      try {
        return check.call();
      } catch (AssertionError | Exception e) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("still failing after " + ApiHarness.TIMEOUT, e);
        }
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
