package io.twinworks.twins.alert;

import io.twinworks.twins.CborSerializable;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.util.List;

/**
 * A twin's undelivered alert changes, oldest first, sent to the alert hub after every persisted event
 * while any are waiting, and on recovery. The hub confirms with
 * {@link io.twinworks.twins.TwinCommand.ConfirmAlerts}; until then the twin sends them again.
 */
public record DeliverAlerts(TwinId twinId, TwinKind kind, List<AlertChange> changes) implements CborSerializable {

  public DeliverAlerts {
    changes = List.copyOf(changes);
  }
}
