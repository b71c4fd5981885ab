package io.twinworks.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority for TLS tests, written as the PEM files Mosquitto and {@code openssl} use:
 * {@code ca.pem}; {@code server.pem}/{@code server-key.pem} for 127.0.0.1 and localhost; {@code client.pem}/
 * {@code client-key.pem} (keys as PKCS#8, {@code openssl genpkey}'s form) and the same as {@code client.p12}
 * (password {@link #P12_PASSWORD}); and
 * {@code other-ca.pem}, a CA that signed none of them. EC P-256 keys: quick to make.
 */
public final class TestPki {

  public static final String P12_PASSWORD = "p12-secret";

  private final Path dir;

  private TestPki(Path dir) {
    this.dir = dir;
  }

  /** Creates every file under {@code dir}. */
  public static TestPki create(Path dir) {
    try {
      Files.createDirectories(dir);
      KeyPair caKeys = keys();
      X509Certificate ca = certificate("CN=Twinworks test CA", caKeys, "CN=Twinworks test CA", caKeys, true, null);
      KeyPair serverKeys = keys();
      X509Certificate server = certificate("CN=127.0.0.1", serverKeys, "CN=Twinworks test CA", caKeys, false,
          new GeneralNames(new GeneralName[] {
              new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
      KeyPair clientKeys = keys();
      X509Certificate client = certificate("CN=twinworks", clientKeys, "CN=Twinworks test CA", caKeys, false, null);
      KeyPair otherKeys = keys();
      X509Certificate other = certificate("CN=Other CA", otherKeys, "CN=Other CA", otherKeys, true, null);
      TestPki pki = new TestPki(dir);
      pki.pem("ca.pem", ca);
      pki.pem("server.pem", server);
      pki.pem("server-key.pem", new JcaPKCS8Generator(serverKeys.getPrivate(), null));
      pki.pem("client.pem", client);
      pki.pem("client-key.pem", new JcaPKCS8Generator(clientKeys.getPrivate(), null));
      pki.pem("other-ca.pem", other);
      KeyStore p12 = KeyStore.getInstance("PKCS12");
      p12.load(null, null);
      p12.setKeyEntry("client", clientKeys.getPrivate(), P12_PASSWORD.toCharArray(), new Certificate[] {client, ca});
      try (OutputStream out = Files.newOutputStream(dir.resolve("client.p12"))) {
        p12.store(out, P12_PASSWORD.toCharArray());
      }
      return pki;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot make test certificates", e);
    }
  }

  public Path dir() {
    return dir;
  }

  /** A file of this PKI by name, e.g. {@code file("ca.pem")}. */
  public Path file(String name) {
    return dir.resolve(name);
  }

  private void pem(String name, Object object) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(object);
    }
    Files.writeString(dir.resolve(name), text.toString());
  }

  private static KeyPair keys() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static X509Certificate certificate(String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys,
      boolean ca, GeneralNames names) throws GeneralSecurityException, IOException, OperatorCreationException {
    Instant now = Instant.now();
    X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
        BigInteger.valueOf(now.toEpochMilli()).add(BigInteger.valueOf(System.nanoTime() & 0xffff)),
        Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))), new X500Name(subject),
        subjectKeys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca
        ? KeyUsage.keyCertSign | KeyUsage.cRLSign
        : KeyUsage.digitalSignature | KeyUsage.keyAgreement));
    if (names != null) {
      builder.addExtension(Extension.subjectAlternativeName, false, names);
    }
    ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate());
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
  }
}
