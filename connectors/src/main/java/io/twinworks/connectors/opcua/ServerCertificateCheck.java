package io.twinworks.connectors.opcua;

import java.security.cert.X509Certificate;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.CertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.TrustListManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates a server's certificate chain against the trust list (Milo's checks: trust, validity, key usage,
 * application URI). A refused certificate is saved to {@code rejected/}; with {@code acceptUnknown} it is accepted
 * anyway, with a warning naming it.
 */
final class ServerCertificateCheck implements CertificateValidator {

  private static final Logger log = LoggerFactory.getLogger(ServerCertificateCheck.class);

  private final CertificateValidator trusted;
  private final boolean acceptUnknown;

  ServerCertificateCheck(TrustListManager trustList, CertificateQuarantine rejected, boolean acceptUnknown) {
    this.trusted = new DefaultClientCertificateValidator(trustList, rejected);
    this.acceptUnknown = acceptUnknown;
  }

  @Override
  public void validateCertificateChain(List<X509Certificate> chain, String applicationUri, String[] validHostNames)
      throws UaException {
    try {
      trusted.validateCertificateChain(chain, applicationUri, validHostNames);
    } catch (UaException e) {
      String subject = chain.isEmpty() ? "(none)" : chain.get(0).getSubjectX500Principal().getName();
      if (!acceptUnknown) {
        log.warn("Refused the OPC UA server certificate '{}' ({}): it is not trusted. To trust it, move its file from "
            + "the PKI's rejected/ directory to trusted/certs/", subject, DataValues.describe(e.getStatusCode()));
        throw e;
      }
      log.warn("Accepted the OPC UA server certificate '{}' although it failed validation ({}), because "
          + "accept-unknown-server-certificates is on", subject, DataValues.describe(e.getStatusCode()));
    }
  }
}
