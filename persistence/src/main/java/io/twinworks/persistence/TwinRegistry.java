package io.twinworks.persistence;

import io.twinworks.twins.TwinId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/** Every twin the runtime has seen, for listing and lookup without waking the twins. */
public interface TwinRegistry {

  /**
   * Inserts or updates the entries in one transaction. An existing twin keeps its earliest
   * {@code firstSeen} and its latest {@code lastSeen}, so late or replayed updates never move it back.
   */
  CompletionStage<Done> register(List<TwinEntry> entries);

  /**
   * Moves the {@code lastSeen} of twins already registered forward (never back); their {@code firstSeen} is
   * left alone. Called for every twin seen since the last call, so a store may make it cheaper than
   * {@link #register}.
   */
  default CompletionStage<Done> touch(List<TwinEntry> entries) {
    return register(entries);
  }

  CompletionStage<Optional<TwinEntry>> find(TwinId id);

  /** One page ordered by id, filtered by the query's tenant, kind and id prefix. */
  CompletionStage<TwinPage> list(TwinQuery query);

  CompletionStage<Long> count();
}
