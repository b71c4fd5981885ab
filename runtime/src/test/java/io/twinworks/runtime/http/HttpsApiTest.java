package io.twinworks.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Period;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The API over HTTPS with a key store made at test time (a self-signed certificate for 127.0.0.1, built as the OPC UA
 * client builds its own), called by a client that trusts exactly that certificate.
 */
class HttpsApiTest {

  private static final String PASSWORD = "test-store-password";
  private static final X509Certificate certificate;
  private static final ApiHarness api;

  static {
    try {
      Path dir = Files.createTempDirectory("https-api-test");
      KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
      certificate = new SelfSignedCertificateBuilder(keyPair).setCommonName("Twinworks API test")
          .setApplicationUri("urn:twinworks:https-api-test").addIpAddress("127.0.0.1").addDnsName("localhost")
          .setValidityPeriod(Period.ofDays(1)).build();
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, PASSWORD.toCharArray());
      store.setKeyEntry("api", keyPair.getPrivate(), PASSWORD.toCharArray(), new X509Certificate[] {certificate});
      Path file = dir.resolve("api.p12");
      try (OutputStream out = Files.newOutputStream(file)) {
        store.store(out, PASSWORD.toCharArray());
      }
      api = new ApiHarness("HttpsApiTest", """
          twinworks.http.tls { keystore = "%s", keystore-password = "%s" }
          """.formatted(file, PASSWORD));
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @AfterAll
  static void shutdown() {
    api.close();
  }

  @Test
  void theApiAnswersOverHttpsWithHsts() throws Exception {
    HttpResponse<String> response = trusting().send(HttpRequest.newBuilder(api.uri("/api/v1/twins")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals("https", api.uri("/").getScheme());
    assertEquals(200, response.statusCode(), response.body());
    assertEquals("max-age=31536000", response.headers().firstValue("Strict-Transport-Security").orElseThrow());
    HttpResponse<String> notFound = trusting().send(HttpRequest.newBuilder(api.uri("/api/v1/nope")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(404, notFound.statusCode());
    assertEquals("max-age=31536000", notFound.headers().firstValue("Strict-Transport-Security").orElseThrow(),
        "on every answer, errors too");
  }

  @Test
  void plainHttpIsNotServedOnThePort() {
    HttpRequest plain = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/api/v1/twins"))
        .timeout(ApiHarness.TIMEOUT).build();
    assertThrows(IOException.class, () -> HttpClient.newHttpClient().send(plain, HttpResponse.BodyHandlers.ofString()));
  }

  @Test
  void aClientThatDoesNotTrustTheCertificateIsRefused() {
    HttpRequest request = HttpRequest.newBuilder(api.uri("/api/v1/twins")).timeout(ApiHarness.TIMEOUT).build();
    assertThrows(IOException.class, () -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()));
  }

  private static HttpClient trusting() throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("api", certificate);
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(context).build();
  }
}
