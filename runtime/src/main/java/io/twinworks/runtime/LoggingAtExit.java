package io.twinworks.runtime;

import ch.qos.logback.classic.LoggerContext;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * Stops logging at JVM exit (flushing the asynchronous appender) only once the runtime has stopped. Logback's own
 * shutdown hook stopped it at once, in parallel with Pekko's, which runs the coordinated shutdown: every line the
 * shutdown of a node stopped by SIGTERM logged (why it stops, the ingestion drain, the alert hub handing over) was lost.
 */
public final class LoggingAtExit {

  /** A backstop only: the runtime's stop is bounded by the coordinated shutdown's phase timeouts. */
  private static final Duration MAX_WAIT = Duration.ofMinutes(2);
  private static volatile CompletionStage<?> loggingUntil = CompletableFuture.completedFuture(null);

  private LoggingAtExit() {}

  /** Once per process, before anything that may stop it runs. */
  public static void install() {
    Runtime.getRuntime().addShutdownHook(new Thread(LoggingAtExit::stopWhenDone, "twinworks-logging-stop"));
  }

  /** Keeps logging at exit until {@code stopped} completes (the runtime's own stop). */
  public static void until(CompletionStage<?> stopped) {
    loggingUntil = stopped;
  }

  private static void stopWhenDone() {
    try {
      loggingUntil.toCompletableFuture().get(MAX_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      // Stop logging all the same: the process is exiting.
    }
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.stop();
    }
  }
}
