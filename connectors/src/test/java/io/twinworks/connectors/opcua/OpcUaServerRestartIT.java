package io.twinworks.connectors.opcua;

import static io.twinworks.connectors.opcua.Endpoints.endpoint;
import static io.twinworks.connectors.opcua.Endpoints.polled;
import static io.twinworks.connectors.opcua.Endpoints.subscribed;

import io.twinworks.testsupport.OpcUaTestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server stops mid-stream and starts again on the same port, without the old session or subscription: the
 * same connector reconnects and its readings resume, subscribed and polled.
 */
class OpcUaServerRestartIT {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir
  Path pkiDir;

  @Test
  void readingsResumeAfterAServerRestart() throws Exception {
    CollectingSink sink = new CollectingSink();
    try (OpcUaTestServer server = OpcUaTestServer.launch();
        ClientPki pki = ClientPki.open(pkiDir);
        var connector = OpcUaEndpointConnector.start(endpoint(ServerConnection.insecure(server.url()), List.of(
            subscribed(server, "Line1.Ticker", "ticker", Duration.ofMillis(20)),
            polled(server, "Line1.Temp", "temp", Duration.ofMillis(200)))), pki, sink)) {
      sink.await("ticker", r -> r.value() >= 5, WAIT);
      sink.await("temp", r -> true, WAIT);

      server.stop();
      Thread.sleep(1500); // down for a while: the connector notices and retries with backoff
      int tempReadingsWhileDown = sink.readings("temp").size();
      long lastBeforeRestart = server.ticks();
      server.start();

      sink.await("ticker", r -> r.value() > lastBeforeRestart, WAIT);
      sink.await("temp", r -> sink.readings("temp").size() > tempReadingsWhileDown, WAIT);
    }
  }
}
