package io.twinworks.runtime.ingest;

import io.twinworks.twins.Reading;
import io.twinworks.twins.TwinCommand.Recorded;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import io.twinworks.twins.TwinView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/** A twin gateway whose answers the test gives by hand, in the order the commands came. */
final class HandAnsweredTwins implements TwinGateway {
  final List<List<Reading>> commands = new ArrayList<>();
  final List<CompletableFuture<Recorded>> answers = new ArrayList<>();

  @Override
  public CompletionStage<Recorded> record(TwinId id, TwinKind kind, List<Reading> readings) {
    commands.add(readings);
    CompletableFuture<Recorded> answer = new CompletableFuture<>();
    answers.add(answer);
    return answer;
  }

  @Override
  public CompletionStage<TwinView> view(TwinId id, TwinKind kind) {
    throw new UnsupportedOperationException();
  }

  /** A loss is a command of no readings, answered by hand like the others. */
  @Override
  public CompletionStage<Done> lost(TwinId id, TwinKind kind, Instant at, String cause) {
    return record(id, kind, List.of()).thenApply(recorded -> Done.getInstance());
  }

  void accept(int command) {
    answers.get(command).complete(new Recorded(commands.get(command).size(), 0, 0));
  }
}
