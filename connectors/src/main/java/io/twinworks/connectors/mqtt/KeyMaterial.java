package io.twinworks.connectors.mqtt;

import io.twinworks.connectors.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Certificates and keys from the files operators have: PEM (what {@code openssl} and Mosquitto's docs produce) or
 * PKCS12. Every method throws with a message a person can act on; the caller names the configuration key.
 */
final class KeyMaterial {

  private static final String PEM_START = "-----BEGIN";
  /** The in-memory stores below never leave the process; this only satisfies the KeyStore API. */
  private static final char[] IN_MEMORY = new char[0];

  private KeyMaterial() {}

  /** CA certificates to trust: a PEM file of one or more certificates, or a PKCS12 store. */
  static KeyStore trustStore(Path file, Secret password) throws IOException, GeneralSecurityException {
    if (!isPem(file)) {
      return pkcs12(file, password);
    }
    Collection<? extends Certificate> certificates = certificates(file);
    KeyStore store = emptyStore();
    int i = 0;
    for (Certificate certificate : certificates) {
      store.setCertificateEntry("ca-" + i++, certificate);
    }
    return store;
  }

  /** A PEM certificate chain, the client's first. */
  static Certificate[] chain(Path file) throws IOException, GeneralSecurityException {
    return certificates(file).toArray(Certificate[]::new);
  }

  /** A client certificate chain and its PEM private key as a key store whose key has no password. */
  static KeyStore keyStore(Certificate[] chain, Path key) throws IOException, GeneralSecurityException {
    KeyStore store = emptyStore();
    store.setKeyEntry("client", privateKey(key), IN_MEMORY, chain);
    return store;
  }

  /** A PKCS12 store; a wrong password fails here, not at the first handshake. */
  static KeyStore pkcs12(Path file, Secret password) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, password.reveal());
    }
    return store;
  }

  /** The password protecting the keys of a store {@link #keyStore} made. */
  static char[] inMemoryPassword() {
    return IN_MEMORY.clone();
  }

  private static Collection<? extends Certificate> certificates(Path file)
      throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(file)) {
      Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty()) {
        throw new GeneralSecurityException("no certificate in " + file);
      }
      return certificates;
    }
  }

  private static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      Object pem = parser.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (pem instanceof PEMKeyPair pair) {
        return converter.getPrivateKey(pair.getPrivateKeyInfo()); // "BEGIN RSA/EC PRIVATE KEY"
      }
      if (pem instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info); // "BEGIN PRIVATE KEY" (PKCS#8)
      }
      if (pem == null) {
        throw new GeneralSecurityException("no PEM private key in " + file);
      }
      throw new GeneralSecurityException(file + " holds " + pem.getClass().getSimpleName() + ", not an unencrypted "
          + "private key (decrypt it with 'openssl pkey -in KEY -out KEY.pem', or use a PKCS12 key-store)");
    }
  }

  private static boolean isPem(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      String head = new String(in.readNBytes(512), StandardCharsets.ISO_8859_1);
      return head.contains(PEM_START);
    }
  }

  private static KeyStore emptyStore() throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    return store;
  }
}
