package io.twinworks.persistence.alert;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.twinworks.persistence.StoreException;
import io.twinworks.twins.alert.Alert;
import java.io.IOException;

/**
 * An {@link Alert} as the stores keep it: Jackson CBOR with the features pekko-serialization-jackson uses for the
 * journal (ISO-8601 times with nanoseconds, unknown properties ignored so older rows read after a field is added).
 * CBOR keeps NaN doubles and null times as they are.
 */
public final class AlertCodec {

  private static final ObjectMapper CBOR = CBORMapper.builder()
      .addModule(new JavaTimeModule())
      .addModule(new Jdk8Module())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private AlertCodec() {}

  public static byte[] encode(Alert alert) {
    try {
      return CBOR.writeValueAsBytes(alert);
    } catch (IOException e) {
      throw new StoreException("cannot encode alert " + alert.id() + ": " + e.getMessage(), e);
    }
  }

  public static Alert decode(byte[] bytes) {
    try {
      return CBOR.readValue(bytes, Alert.class);
    } catch (IOException e) {
      throw new StoreException("cannot decode a stored alert: " + e.getMessage(), e);
    }
  }
}
