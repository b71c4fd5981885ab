package io.twinworks.connectors.opcua;

import static io.twinworks.connectors.opcua.Endpoints.endpoint;
import static io.twinworks.connectors.opcua.Endpoints.subscribed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.testsupport.OpcUaTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signed and encrypted sessions with a username; the server certificate must be trusted, or accepted on purpose. */
class OpcUaSecurityIT {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Identity OPERATOR = Identity.user(OpcUaTestServer.USERNAME, OpcUaTestServer.PASSWORD);
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

  private ServerConnection secure(SecurityPolicy policy, boolean acceptUnknown) {
    return new ServerConnection(server.url(), policy, MessageSecurityMode.SignAndEncrypt, OPERATOR, acceptUnknown);
  }

  @Test
  void anUnknownServerCertificateIsRejectedAndSavedThenWorksOnceTrusted() throws Exception {
    CollectingSink sink = new CollectingSink();
    try (ClientPki pki = ClientPki.open(pkiDir);
        var connector = OpcUaEndpointConnector.start(endpoint(secure(SecurityPolicy.Basic256Sha256, false),
            List.of(subscribed(server, "Line1.Temp", "temp", Duration.ofMillis(20)))), pki, sink)) {
      Path rejected = pkiDir.resolve("rejected");
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (fileCount(rejected) == 0 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertEquals(1, fileCount(rejected), "the server's certificate saved for an operator to trust");
      assertTrue(sink.readings().isEmpty(), "no session with an untrusted server");

      pki.trust(server.certificate()); // what moving the file to trusted/certs does
      assertEquals(21.5, sink.await("temp", r -> true, WAIT).value(), "connected on a later attempt");
    }
  }

  @Test
  void signAndEncryptWithUsernameWhenUnknownCertificatesAreAccepted() throws Exception {
    for (SecurityPolicy policy : List.of(SecurityPolicy.Basic256Sha256, SecurityPolicy.Aes128_Sha256_RsaOaep)) {
      CollectingSink sink = new CollectingSink();
      try (ClientPki pki = ClientPki.open(pkiDir.resolve(policy.name()));
          var connector = OpcUaEndpointConnector.start(endpoint(secure(policy, true),
              List.of(subscribed(server, "Line1.Temp", "temp", Duration.ofMillis(20)))), pki, sink)) {
        assertEquals(21.5, sink.await("temp", r -> true, WAIT).value(), policy.name());
      }
    }
  }

  @Test
  void aWrongPasswordGetsNoSession() throws Exception {
    CollectingSink sink = new CollectingSink();
    ServerConnection wrong = new ServerConnection(server.url(), SecurityPolicy.Basic256Sha256,
        MessageSecurityMode.SignAndEncrypt, Identity.user(OpcUaTestServer.USERNAME, "guess"), true);
    try (ClientPki pki = ClientPki.open(pkiDir);
        var connector = OpcUaEndpointConnector.start(endpoint(wrong,
            List.of(subscribed(server, "Line1.Temp", "temp", Duration.ofMillis(20)))), pki, sink)) {
      Thread.sleep(3000);
      assertTrue(sink.readings().isEmpty());
    }
  }

  private static long fileCount(Path dir) throws Exception {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).count();
    }
  }
}
