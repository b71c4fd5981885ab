package io.twinworks.connectors.alert;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Twinworks-Signature} header: {@code sha256=} and the lowercase hex HMAC-SHA256 of the exact
 * body bytes, keyed with the endpoint's secret (its UTF-8 bytes). A receiver recomputes it over the raw
 * body it received and compares in constant time.
 */
public final class WebhookSignature {

  public static final String HEADER = "X-Twinworks-Signature";
  private static final String ALGORITHM = "HmacSHA256";

  private WebhookSignature() {}

  public static String of(String secret, byte[] body) {
    if (secret.isEmpty()) {
      throw new IllegalArgumentException("a webhook signature needs a non-empty secret");
    }
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is missing from this JVM", e); // every Java SE has it
    }
  }
}
