package io.twinworks.runtime.broker;

import ch.qos.logback.classic.Level;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs an {@link EmbeddedBroker} as its own JVM for the kill -9 test: args host port dataDir. */
public final class BrokerProcessMain {

  private BrokerProcessMain() {}

  public static void main(String[] args) throws InterruptedException {
    if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root
        && root.getLevel() == Level.DEBUG) {
      root.setLevel(Level.INFO); // logback's default without a config file; Netty is chatty at DEBUG
    }
    EmbeddedBroker broker =
        EmbeddedBroker.start(new BrokerSettings(args[0], Integer.parseInt(args[1]), Path.of(args[2])));
    Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
    System.out.println("READY " + broker.url());
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
