package io.twinworks.connectors.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  @Test
  void isRfc4231TestCase2() {
    // RFC 4231 section 4.3: key "Jefe", data "what do ya want for nothing?"
    assertEquals("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        WebhookSignature.of("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void emptySecretCannotSign() {
    assertThrows(IllegalArgumentException.class, () -> WebhookSignature.of("", new byte[0]));
  }
}
