package io.twinworks.persistence;

import io.twinworks.twins.CborSerializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;

/** A test-only event-sourced behavior for journal tests of both stores: every command appends its text. */
public final class Recorder extends EventSourcedBehavior<Recorder.Command, Recorder.Appended, Recorder.State> {

  public sealed interface Command extends CborSerializable {}

  public record Append(String text, ActorRef<List<String>> replyTo) implements Command {}

  public record Get(ActorRef<List<String>> replyTo) implements Command {}

  public record Appended(String text, Instant at) implements CborSerializable {}

  public record State(List<String> texts) implements CborSerializable {
    State add(String text) {
      List<String> next = new ArrayList<>(texts);
      next.add(text);
      return new State(List.copyOf(next));
    }
  }

  public Recorder(String id) {
    super(PersistenceId.of("Recorder", id));
  }

  @Override
  public State emptyState() {
    return new State(List.of());
  }

  @Override
  public CommandHandler<Command, Appended, State> commandHandler() {
    return newCommandHandlerBuilder().forAnyState()
        .onCommand(Append.class, (state, c) -> Effect().persist(new Appended(c.text(), Instant.now()))
            .thenReply(c.replyTo(), State::texts))
        .onCommand(Get.class, (state, c) -> Effect().reply(c.replyTo(), state.texts()))
        .build();
  }

  @Override
  public EventHandler<State, Appended> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onEvent(Appended.class, (state, e) -> state.add(e.text())).build();
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(3, 2);
  }
}
