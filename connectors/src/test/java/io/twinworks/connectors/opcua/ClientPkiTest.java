package io.twinworks.connectors.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The application certificate is generated once and reused; the trust store directories are there. */
class ClientPkiTest {

  @TempDir
  Path dir;

  @Test
  void certificateIsGeneratedOnceAndReused() {
    X509Certificate first;
    try (ClientPki pki = ClientPki.open(dir)) {
      first = pki.certificate();
      assertTrue(pki.applicationUri().startsWith("urn:") && pki.applicationUri().endsWith(":twinworks:opcua-client"),
          pki.applicationUri());
    }
    try (ClientPki again = ClientPki.open(dir)) {
      assertEquals(first, again.certificate());
      assertEquals(first.getPublicKey(), again.keyPair().getPublic());
    }
    assertTrue(Files.isRegularFile(dir.resolve("own/twinworks-client.pfx")));
    assertTrue(Files.isDirectory(dir.resolve("trusted/certs")));
    assertTrue(Files.isDirectory(dir.resolve("rejected")));
  }
}
