package io.twinworks.runtime.ingest;

import io.twinworks.twins.TwinConfig;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import io.twinworks.twins.alert.Alert;
import io.twinworks.twins.oee.OeeBucket;
import io.twinworks.twins.oee.OeeWindow;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * What the HTTP API asks of twins beyond readings and views. A twin's refusal fails the stage with
 * {@link org.apache.pekko.pattern.StatusReply.ErrorMessage} carrying the twin's message.
 */
public interface TwinAdmin extends TwinGateway {

  CompletionStage<TwinConfig> config(TwinId id, TwinKind kind);

  /** Replaces the twin's configuration; refused (naming the key) when it is invalid. */
  CompletionStage<TwinConfig> configure(TwinId id, TwinKind kind, TwinConfig config);

  /** Acknowledges an open alert; refused when the twin has no such open alert. */
  CompletionStage<Alert> acknowledge(TwinId id, TwinKind kind, String alertId, Instant at);

  /** A machine's OEE windows of one bucket overlapping {@code [from, to)}; refused for other kinds. */
  CompletionStage<List<OeeWindow>> oee(TwinId id, TwinKind kind, OeeBucket bucket, Instant from, Instant to);
}
