package io.twinworks.twins.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Sends a state record through JSON and back, as a snapshot store would (Jackson, CBOR in production). */
public final class Snapshots {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Snapshots() {}

  public static <T> T roundTrip(T state, Class<T> type) {
    try {
      return JSON.readValue(JSON.writeValueAsBytes(state), type);
    } catch (IOException e) {
      throw new AssertionError("state does not survive JSON: " + e.getMessage(), e);
    }
  }

  public static <T> T roundTrip(T state, TypeReference<T> type) {
    try {
      return JSON.readValue(JSON.writeValueAsBytes(state), type);
    } catch (IOException e) {
      throw new AssertionError("state does not survive JSON: " + e.getMessage(), e);
    }
  }
}
