package io.twinworks.connectors.route;

import io.twinworks.twins.Reading;
import java.util.List;
import java.util.Objects;

/** What one message decodes to: readings, or a reason to dead-letter it. */
public sealed interface Decoded {

  /** The readings of one message, never empty, in payload order. */
  record Accepted(List<Reading> readings) implements Decoded {
    public Accepted {
      readings = List.copyOf(readings);
    }
  }

  /** Why a message was not accepted, written for a human. */
  record Rejected(String reason) implements Decoded {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
