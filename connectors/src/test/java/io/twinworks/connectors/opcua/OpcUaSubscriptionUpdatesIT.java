package io.twinworks.connectors.opcua;

import static io.twinworks.connectors.opcua.Endpoints.endpoint;
import static io.twinworks.connectors.opcua.Endpoints.subscribed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.Reading;
import io.twinworks.testsupport.OpcUaTestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A variable changed every 100 ms: the subscription reports every change, in order. */
class OpcUaSubscriptionUpdatesIT {

  @TempDir
  Path pkiDir;

  @Test
  void everyChangeOfAHundredMillisecondTickerIsSeen() throws Exception {
    CollectingSink sink = new CollectingSink();
    try (OpcUaTestServer server = OpcUaTestServer.launch();
        ClientPki pki = ClientPki.open(pkiDir);
        var connector = OpcUaEndpointConnector.start(endpoint(ServerConnection.insecure(server.url()),
            List.of(subscribed(server, "Line1.Ticker", "ticker", Duration.ofMillis(20)))), pki, sink)) {
      long first = (long) sink.await("ticker", r -> r.value() > 0, Duration.ofSeconds(15)).value();
      // 3 s of 100 ms ticks: 30 more changes
      long last = (long) sink.await("ticker", r -> r.value() >= first + 30, Duration.ofSeconds(15)).value();
      List<Long> seen = sink.readings("ticker").stream().map(Reading::value).map(Double::longValue)
          .filter(v -> v >= first && v <= last).distinct().toList();
      assertEquals(LongStream.rangeClosed(first, last).boxed().toList(), seen, "every tick from the first to the last");
      assertTrue(last - first >= 30);

      connector.close();
      int afterClose = sink.readings().size();
      Thread.sleep(500); // five more ticks on the server
      assertEquals(afterClose, sink.readings().size(), "nothing after close()");
    }
  }
}
