package io.twinworks.connectors.opcua;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Period;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.FileBasedCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.FileBasedTrustListManager;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's certificates under one directory:
 * <ul>
 *   <li>{@code own/twinworks-client.pfx}: the application certificate and key, self-signed, generated on first use and
 *       reused after;</li>
 *   <li>{@code trusted/certs/}: server certificates the client trusts (DER or PEM files);</li>
 *   <li>{@code rejected/}: server certificates it refused, for an operator to move to {@code trusted/certs/}.</li>
 * </ul>
 */
public final class ClientPki implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ClientPki.class);
  private static final String ALIAS = "twinworks-client";
  /** The key store is protected by the file's permissions (owner only), not by this password. */
  private static final char[] STORE_PASSWORD = "twinworks".toCharArray();

  private final Path dir;
  private final KeyPair keyPair;
  private final X509Certificate certificate;
  private final String applicationUri;
  private final FileBasedTrustListManager trustList;
  private final FileBasedCertificateQuarantine rejected;

  private ClientPki(Path dir, KeyPair keyPair, X509Certificate certificate, FileBasedTrustListManager trustList,
      FileBasedCertificateQuarantine rejected) {
    this.dir = dir;
    this.keyPair = keyPair;
    this.certificate = certificate;
    this.applicationUri = CertificateUtil.getSanUri(certificate).orElseThrow(() -> new IllegalStateException(
        "the application certificate in " + dir.resolve("own") + " has no application URI; delete it to have a new "
            + "one generated"));
    this.trustList = trustList;
    this.rejected = rejected;
  }

  /** Opens the PKI under {@code dir}, creating the directories and the application certificate when missing. */
  public static ClientPki open(Path dir) {
    try {
      Files.createDirectories(dir.resolve("own"));
      Files.createDirectories(dir.resolve("rejected"));
      Path store = dir.resolve("own").resolve(ALIAS + ".pfx");
      KeyStore keyStore = Files.exists(store) ? load(store) : generate(store);
      KeyPair keyPair = new KeyPair(keyStore.getCertificate(ALIAS).getPublicKey(),
          (PrivateKey) keyStore.getKey(ALIAS, STORE_PASSWORD));
      return new ClientPki(dir, keyPair, (X509Certificate) keyStore.getCertificate(ALIAS),
          FileBasedTrustListManager.createAndInitialize(dir),
          FileBasedCertificateQuarantine.create(dir.resolve("rejected")));
    } catch (IOException e) {
      throw new UncheckedIOException("OPC UA PKI directory " + dir + " cannot be used: " + e.getMessage(), e);
    } catch (Exception e) {
      throw new IllegalStateException("OPC UA application certificate in " + dir.resolve("own") + " cannot be "
          + "loaded or created: " + e.getMessage(), e);
    }
  }

  public Path dir() {
    return dir;
  }

  public KeyPair keyPair() {
    return keyPair;
  }

  public X509Certificate certificate() {
    return certificate;
  }

  /** The application URI of the client, as its certificate carries it. */
  public String applicationUri() {
    return applicationUri;
  }

  /** Adds a server certificate to {@code trusted/certs} (what an operator does by moving a file there). */
  public void trust(X509Certificate serverCertificate) {
    trustList.addTrustedCertificate(serverCertificate);
  }

  /** Checks server certificates against the trust list; see {@link ServerCertificateCheck}. */
  CertificateValidator serverCertificateValidator(boolean acceptUnknown) {
    return new ServerCertificateCheck(trustList, rejected, acceptUnknown);
  }

  @Override
  public void close() {
    try {
      trustList.close();
    } catch (IOException e) {
      log.warn("Closing the OPC UA trust list of {} failed: {}", dir, e.getMessage());
    }
  }

  private static KeyStore load(Path store) throws IOException, GeneralSecurityException {
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keyStore.load(in, STORE_PASSWORD);
    }
    return keyStore;
  }

  private static KeyStore generate(Path store) throws Exception {
    String host = InetAddress.getLocalHost().getHostName();
    KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
    X509Certificate certificate = new SelfSignedCertificateBuilder(keyPair)
        .setCommonName("Twinworks OPC UA client")
        .setOrganization("Twinworks")
        .setApplicationUri("urn:" + host + ":twinworks:opcua-client")
        .addDnsName(host)
        .addDnsName("localhost")
        .addIpAddress("127.0.0.1")
        .setValidityPeriod(Period.ofYears(10))
        .build();
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    keyStore.load(null, STORE_PASSWORD);
    keyStore.setKeyEntry(ALIAS, keyPair.getPrivate(), STORE_PASSWORD, new X509Certificate[] {certificate});
    Path partial = store.resolveSibling(store.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(partial)) {
      keyStore.store(out, STORE_PASSWORD);
    }
    ownerOnly(partial);
    Files.move(partial, store, StandardCopyOption.ATOMIC_MOVE);
    log.info("Generated the OPC UA application certificate {} (valid until {}) in {}",
        CertificateUtil.getSanUri(certificate).orElse(""), certificate.getNotAfter().toInstant(), store);
    return keyStore;
  }

  private static void ownerOnly(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the directory's permissions protect the key
    }
  }
}
