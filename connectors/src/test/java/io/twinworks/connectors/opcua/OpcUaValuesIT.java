package io.twinworks.connectors.opcua;

import static io.twinworks.connectors.opcua.Endpoints.endpoint;
import static io.twinworks.connectors.opcua.Endpoints.polled;
import static io.twinworks.connectors.opcua.Endpoints.subscribed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.DeadLetter;
import io.twinworks.twins.Quality;
import io.twinworks.twins.Reading;
import io.twinworks.testsupport.OpcUaTestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values, their quality and time, polling, and what cannot be read, against Milo's server on loopback. */
class OpcUaValuesIT {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final Duration FAST = Duration.ofMillis(20);
  private static OpcUaTestServer server;

  @TempDir
  Path pkiDir;

  @BeforeAll
  static void startServer() throws Exception {
    server = OpcUaTestServer.launch();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @Test
  void valuesArriveAsReadingsWithQualityAndSourceTime() throws Exception {
    CollectingSink sink = new CollectingSink();
    Instant before = Instant.now();
    try (ClientPki pki = ClientPki.open(pkiDir);
        var connector = OpcUaEndpointConnector.start(endpoint(ServerConnection.insecure(server.url()), List.of(
            subscribed(server, "Line1.Temp", "temp", FAST),
            subscribed(server, "Line1.Count", "count", FAST),
            subscribed(server, "Line1.Running", "running", FAST),
            subscribed(server, "Line1.Pressure", "pressure", FAST))), pki, sink)) {
      Reading temp = sink.await("temp", r -> true, WAIT);
      assertEquals(21.5, temp.value());
      assertEquals(Quality.GOOD, temp.quality());
      assertEquals("opcua:test", temp.origin());
      assertEquals(Endpoints.TWIN, temp.twinId());
      assertEquals(42.0, sink.await("count", r -> true, WAIT).value());
      assertEquals(1.0, sink.await("running", r -> true, WAIT).value());
      sink.await("pressure", r -> r.value() == 3.2, WAIT);

      server.set("Line1.Pressure", 3.4, new StatusCode(StatusCodes.Uncertain_SensorNotAccurate));
      Reading uncertain = sink.await("pressure", r -> r.quality() == Quality.UNCERTAIN, WAIT);
      assertEquals(3.4, uncertain.value());
      assertTrue(!uncertain.sourceTime().isBefore(before) && !uncertain.sourceTime().isAfter(uncertain.receivedTime()),
          "the server's source time, between the test's start and the receipt: " + uncertain);
      server.set("Line1.Pressure", 0.0, new StatusCode(StatusCodes.Bad_SensorFailure));
      sink.await("pressure", r -> r.quality() == Quality.BAD, WAIT);
      server.set("Line1.Pressure", 3.3, StatusCode.GOOD);
      sink.await("pressure", r -> r.quality() == Quality.GOOD && r.value() == 3.3, WAIT);
    }
  }

  @Test
  void anAbsoluteDeadbandHoldsBackSmallChanges() throws Exception {
    CollectingSink sink = new CollectingSink();
    NodeMapping temp = subscribed(server, "Line1.Temp", "temp", FAST);
    NodeMapping withDeadband = new NodeMapping(temp.nodeId(), temp.twin(), temp.kind(), temp.signal(), temp.mode(),
        temp.samplingInterval(), temp.queueSize(), Deadband.parse("absolute 1.0"), temp.pollInterval());
    try (ClientPki pki = ClientPki.open(pkiDir);
        var connector = OpcUaEndpointConnector.start(endpoint(ServerConnection.insecure(server.url()),
            List.of(withDeadband)), pki, sink)) {
      sink.await("temp", r -> r.value() == 21.5, WAIT);
      server.set("Line1.Temp", 21.9, StatusCode.GOOD); // 0.4 from the last reported: held back
      server.set("Line1.Temp", 23.0, StatusCode.GOOD); // 1.5 from it: reported
      sink.await("temp", r -> r.value() == 23.0, WAIT);
      assertEquals(List.of(21.5, 23.0), sink.readings("temp").stream().map(Reading::value).toList());
    } finally {
      server.set("Line1.Temp", 21.5, StatusCode.GOOD);
    }
  }

  @Test
  void polledNodesAreReadEveryInterval() throws Exception {
    CollectingSink sink = new CollectingSink();
    try (ClientPki pki = ClientPki.open(pkiDir);
        var connector = OpcUaEndpointConnector.start(endpoint(ServerConnection.insecure(server.url()), List.of(
            polled(server, "Line1.Count", "count", Duration.ofMillis(100)),
            polled(server, "Line1.Running", "running", Duration.ofMillis(100)))), pki, sink)) {
      sink.await("count", r -> true, WAIT);
      server.set("Line1.Count", 43, StatusCode.GOOD);
      sink.await("count", r -> r.value() == 43.0, WAIT);
      assertTrue(sink.readings("running").size() >= 2, "read more than once: " + sink.readings("running"));
    } finally {
      server.set("Line1.Count", 42, StatusCode.GOOD);
    }
  }

  @Test
  void unknownNodesAndTextAreDeadLetteredAndTheRestKeepsRunning() throws Exception {
    CollectingSink sink = new CollectingSink();
    try (ClientPki pki = ClientPki.open(pkiDir);
        var connector = OpcUaEndpointConnector.start(endpoint(ServerConnection.insecure(server.url()), List.of(
            subscribed(server, "Line1.Missing", "missing", FAST),
            subscribed(server, "Line1.Name", "name", FAST),
            polled(server, "Line1.AlsoMissing", "also_missing", Duration.ofMillis(100)),
            subscribed(server, "Line1.Ticker", "ticker", FAST))), pki, sink)) {
      List<DeadLetter> letters = sink.awaitDeadLetters(3, WAIT);
      long first = (long) sink.await("ticker", r -> true, WAIT).value();
      sink.await("ticker", r -> r.value() >= first + 5, WAIT);
      assertEquals(3, sink.deadLetters().size(), "once per node: " + sink.deadLetters());
      assertTrue(letters.stream().anyMatch(l -> l.source().endsWith("Line1.Missing")
          && l.reason().contains("refused to monitor") && l.reason().contains("Bad_NodeIdUnknown")), letters.toString());
      assertTrue(letters.stream().anyMatch(l -> l.source().endsWith("Line1.AlsoMissing")
          && l.reason().contains("Bad_NodeIdUnknown")), letters.toString());
      assertTrue(letters.stream().anyMatch(l -> l.source().endsWith("Line1.Name") && l.payload().equals("cnc01")
          && l.reason().contains("not a number")), letters.toString());
      assertTrue(sink.readings("name").isEmpty() && sink.readings("missing").isEmpty());
    }
  }
}
