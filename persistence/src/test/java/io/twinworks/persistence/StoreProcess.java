package io.twinworks.persistence;

import io.twinworks.twins.DeadLetter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Main of a separate JVM for crash and lock tests: {@code write DIR [URL]} records dead letters
 * one at a time and prints {@code committed N} after each completed stage; {@code hold DIR} opens
 * the store, prints {@code ready} and waits to be killed.
 */
public final class StoreProcess {

  public static void main(String[] args) throws Exception {
    String overrides = args.length > 2 ? "twinworks.store.h2.url = \"" + args[2] + "\"" : "";
    ExecutorService blocking = Executors.newFixedThreadPool(2);
    EmbeddedStore store = EmbeddedStore.open(TestStores.embeddedConfig(Path.of(args[1]), overrides), blocking);
    if (args[0].equals("hold")) {
      System.out.println("ready");
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE);
    }
    for (int n = 1; ; n++) {
      store.deadLetters().record(new DeadLetter(Instant.now(), "crash-test", "n-" + n, "", 0))
          .toCompletableFuture().join();
      System.out.println("committed " + n);
      System.out.flush();
    }
  }
}
