package io.twinworks.runtime.security;

import com.typesafe.config.Config;
import io.twinworks.runtime.config.ConfigReader;
import io.twinworks.runtime.config.InvalidConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * {@code twinworks.http.tls}: the PKCS12 key store the HTTP port serves HTTPS with. Loaded once at startup, so a
 * wrong path or password stops the start naming the key, not the first client's handshake.
 */
public record TlsSettings(Path keystore, SSLContext sslContext) {

  static final String KEY = "twinworks.http.tls";

  /** Empty when no key store is configured (plain HTTP). */
  public static Optional<TlsSettings> create(Config config) {
    ConfigReader read = new ConfigReader(config);
    String path = read.string(KEY + ".keystore").trim();
    if (path.isEmpty()) {
      return Optional.empty();
    }
    Path keystore = Path.of(path).toAbsolutePath();
    if (!Files.isReadable(keystore)) {
      throw new InvalidConfigException(KEY + ".keystore", "cannot read the key store " + keystore);
    }
    char[] password = read.string(KEY + ".keystore-password").toCharArray();
    return Optional.of(new TlsSettings(keystore, sslContext(keystore, password)));
  }

  private static SSLContext sslContext(Path keystore, char[] password) {
    try (InputStream in = Files.newInputStream(keystore)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new InvalidConfigException(KEY + ".keystore", "cannot load the PKCS12 key store " + keystore
          + " with " + KEY + ".keystore-password: " + e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "TlsSettings[" + keystore + "]";
  }
}
