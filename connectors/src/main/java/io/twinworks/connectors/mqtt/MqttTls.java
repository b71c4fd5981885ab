package io.twinworks.connectors.mqtt;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.twinworks.connectors.ConfigSection;
import io.twinworks.connectors.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS of the MQTT connections ({@code twinworks.mqtt.tls}), used for {@code ssl://} URLs: the CA certificates that
 * verify the broker (empty: the JVM's), an optional client certificate with its key (PEM files, or one PKCS12 key
 * store), and whether the broker's host name must match its certificate. The files are read at every connect, so a
 * renewed certificate is picked up at the next reconnect; {@link #create} reads them once to fail at startup.
 *
 * @param trustStore PEM file of CA certificates or a PKCS12 store; empty for the JVM's default trust
 * @param clientCertificate PEM certificate (chain) to present; empty for none
 * @param clientKey PEM private key of {@code clientCertificate}
 * @param keyStore PKCS12 store with the client certificate and key, instead of the two PEM files; empty for none
 */
public record MqttTls(String trustStore, Secret trustStorePassword, String clientCertificate, String clientKey,
    String keyStore, Secret keyStorePassword, boolean verifyHostname) {

  /** The JVM's trust, no client certificate, host names verified. */
  public static final MqttTls DEFAULT = new MqttTls("", Secret.NONE, "", "", "", Secret.NONE, true);

  private static final String PREFIX = "tls.";

  /**
   * Reads and checks {@code tls} of the {@code twinworks.mqtt} section: every file exists, parses, and opens with its
   * password, or a {@link ConfigException} names the key.
   */
  static MqttTls create(Config mqtt) {
    MqttTls tls = new MqttTls(path(mqtt, "trust-store"), secret(mqtt, "trust-store-password"),
        path(mqtt, "client-certificate"), path(mqtt, "client-key"), path(mqtt, "key-store"),
        secret(mqtt, "key-store-password"),
        ConfigSection.MQTT.read(mqtt, PREFIX + "verify-hostname", Config::getBoolean));
    if (tls.clientCertificate.isEmpty() != tls.clientKey.isEmpty()) {
      String missing = tls.clientKey.isEmpty() ? "client-key" : "client-certificate";
      throw ConfigSection.MQTT.invalid(PREFIX + missing, "missing: client-certificate and client-key go together");
    }
    if (!tls.keyStore.isEmpty() && !tls.clientCertificate.isEmpty()) {
      throw ConfigSection.MQTT.invalid(PREFIX + "key-store",
          "set together with client-certificate: give the client certificate one way, PEM files or a PKCS12 key store");
    }
    tls.socketFactory();
    return tls;
  }

  /** Whether any key but {@code verify-hostname} is set, i.e. the operator meant to use TLS. */
  public boolean configured() {
    return !trustStore.isEmpty() || !clientCertificate.isEmpty() || !keyStore.isEmpty();
  }

  /**
   * A factory of TLS sockets with TCP_NODELAY for Paho.
   *
   * @throws ConfigException naming the key whose file cannot be used (missing, unreadable, wrong password)
   */
  public SSLSocketFactory socketFactory() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers().getKeyManagers(), trustManagers().getTrustManagers(), null);
      return new NoDelaySslSocketFactory(context.getSocketFactory());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no TLS context: " + e.getMessage(), e);
    }
  }

  private TrustManagerFactory trustManagers() throws GeneralSecurityException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trustStore.isEmpty() ? null : load("trust-store", trustStore,
        () -> KeyMaterial.trustStore(Path.of(trustStore), trustStorePassword)));
    return factory;
  }

  private KeyManagerFactory keyManagers() throws GeneralSecurityException {
    KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    if (!keyStore.isEmpty()) {
      factory.init(load("key-store", keyStore, () -> KeyMaterial.pkcs12(Path.of(keyStore), keyStorePassword)),
          keyStorePassword.reveal());
    } else if (!clientCertificate.isEmpty()) {
      Certificate[] chain = load("client-certificate", clientCertificate,
          () -> KeyMaterial.chain(Path.of(clientCertificate)));
      factory.init(load("client-key", clientKey, () -> KeyMaterial.keyStore(chain, Path.of(clientKey))),
          KeyMaterial.inMemoryPassword());
    } else {
      factory.init(null, null);
    }
    return factory;
  }

  private interface Loader<T> {
    T load() throws IOException, GeneralSecurityException;
  }

  private static <T> T load(String key, String file, Loader<T> loader) {
    readable(key, file);
    try {
      return loader.load();
    } catch (IOException | GeneralSecurityException e) {
      throw ConfigSection.MQTT.invalid(PREFIX + key, "cannot use " + file + ": " + reason(e));
    }
  }

  private static void readable(String key, String file) {
    Path path = Path.of(file);
    if (!Files.isRegularFile(path)) {
      throw ConfigSection.MQTT.invalid(PREFIX + key, "no such file: " + file);
    }
    if (!Files.isReadable(path)) {
      throw ConfigSection.MQTT.invalid(PREFIX + key, "cannot read " + file + " (permissions)");
    }
  }

  /** The innermost message: a wrong PKCS12 password surfaces as an IOException around an UnrecoverableKeyException. */
  private static String reason(Exception e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return cause == e ? message : e.getMessage() + " (" + message + ")";
  }

  private static String path(Config mqtt, String key) {
    return ConfigSection.MQTT.read(mqtt, PREFIX + key, Config::getString).trim();
  }

  private static Secret secret(Config mqtt, String key) {
    return new Secret(ConfigSection.MQTT.read(mqtt, PREFIX + key, Config::getString));
  }
}
