package io.twinworks.runtime.ingest;

import io.twinworks.twins.Reading;
import io.twinworks.twins.TwinCommand.Recorded;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import io.twinworks.twins.TwinView;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.pekko.Done;
import org.apache.pekko.pattern.StatusReply;

/**
 * Keeps one persist in flight per twin: readings for a twin that is still persisting wait, and go to
 * it together as one command (one journal write) when it answers. Under load a twin's commands grow
 * instead of queueing up, so the journal sees a few large writes rather than many small ones; when
 * idle a reading goes out at once. Order per twin is the order of {@link #record} calls.
 *
 * <p>Each caller's stage completes with the outcome of the command its readings went out in. A
 * command the twin refuses as invalid is sent again one caller's readings at a time, so only the
 * invalid ones are refused. {@code outcomes} sees every command's {@link Recorded} exactly once.
 * Memory is bounded by the callers: they wait for their stages before sending more.
 *
 * <p>A {@link #lost communication loss} takes its place in the same lane and goes alone, so a twin sees
 * readings and losses in the order they were handed over (a death between two data messages lands
 * between their readings).
 */
public final class CoalescingTwinGateway implements TwinGateway {

  private static final Recorded NOTHING_RECORDED = new Recorded(0, 0, 0);

  private final TwinGateway twins;
  private final int maxReadingsPerCommand;
  private final Consumer<Recorded> outcomes;
  private final ConcurrentHashMap<TwinId, Lane> lanes = new ConcurrentHashMap<>();

  public CoalescingTwinGateway(TwinGateway twins, int maxReadingsPerCommand, Consumer<Recorded> outcomes) {
    if (maxReadingsPerCommand < 1) {
      throw new IllegalArgumentException("maxReadingsPerCommand must be at least 1, was " + maxReadingsPerCommand);
    }
    this.twins = twins;
    this.maxReadingsPerCommand = maxReadingsPerCommand;
    this.outcomes = outcomes;
  }

  @Override
  public CompletionStage<Recorded> record(TwinId id, TwinKind kind, List<Reading> readings) {
    return enqueue(id, kind, new Part(readings, null, new CompletableFuture<>()));
  }

  @Override
  public CompletionStage<Done> lost(TwinId id, TwinKind kind, Instant at, String cause) {
    return enqueue(id, kind, new Part(List.of(), new Loss(at, cause), new CompletableFuture<>()))
        .thenApply(recorded -> Done.getInstance());
  }

  private CompletionStage<Recorded> enqueue(TwinId id, TwinKind kind, Part part) {
    while (true) {
      Lane lane = lanes.computeIfAbsent(id, key -> new Lane(key, kind));
      List<Part> send;
      synchronized (lane) {
        if (lane.retired) {
          continue; // went idle and left the map between lookup and lock: take a fresh one
        }
        lane.waiting.add(part);
        if (lane.busy) {
          return part.done;
        }
        lane.busy = true;
        send = lane.takeUpTo(maxReadingsPerCommand);
      }
      dispatch(lane, send);
      return part.done;
    }
  }

  @Override
  public CompletionStage<TwinView> view(TwinId id, TwinKind kind) {
    return twins.view(id, kind);
  }

  private void dispatch(Lane lane, List<Part> parts) {
    send(lane, parts).whenComplete((done, failure) -> next(lane));
  }

  /** Completes (never exceptionally) once every part has its outcome. */
  private CompletableFuture<Void> send(Lane lane, List<Part> parts) {
    if (parts.get(0).loss() != null) {
      return sendLoss(lane, parts.get(0));
    }
    List<Reading> readings = parts.size() == 1 ? parts.get(0).readings() : concat(parts);
    return ask(lane, readings).handle((recorded, failure) -> {
          if (failure == null) {
            outcomes.accept(recorded);
            parts.forEach(part -> part.done.complete(recorded));
            return CompletableFuture.<Void>completedFuture(null);
          }
          if (parts.size() > 1 && Failures.unwrap(failure) instanceof StatusReply.ErrorMessage) {
            return oneByOne(lane, parts);
          }
          parts.forEach(part -> part.done.completeExceptionally(failure));
          return CompletableFuture.<Void>completedFuture(null);
        })
        .thenCompose(stage -> stage);
  }

  private CompletableFuture<Void> sendLoss(Lane lane, Part part) {
    CompletableFuture<Done> asked;
    try {
      asked = twins.lost(lane.id, lane.kind, part.loss().at(), part.loss().cause()).toCompletableFuture();
    } catch (RuntimeException e) {
      asked = CompletableFuture.failedFuture(e);
    }
    return asked.handle((done, failure) -> {
      if (failure == null) {
        part.done.complete(NOTHING_RECORDED);
      } else {
        part.done.completeExceptionally(failure);
      }
      return null;
    });
  }

  private CompletableFuture<Recorded> ask(Lane lane, List<Reading> readings) {
    try {
      return twins.record(lane.id, lane.kind, readings).toCompletableFuture();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private CompletableFuture<Void> oneByOne(Lane lane, List<Part> parts) {
    CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
    for (Part part : parts) {
      chain = chain.thenCompose(done -> send(lane, List.of(part)));
    }
    return chain;
  }

  private void next(Lane lane) {
    List<Part> send;
    synchronized (lane) {
      if (lane.waiting.isEmpty()) {
        lane.busy = false;
        lane.retired = true;
        lanes.remove(lane.id, lane);
        return;
      }
      send = lane.takeUpTo(maxReadingsPerCommand);
    }
    dispatch(lane, send);
  }

  private static List<Reading> concat(List<Part> parts) {
    List<Reading> all = new ArrayList<>();
    parts.forEach(part -> all.addAll(part.readings()));
    return all;
  }

  /** Readings to record, or (with {@code loss}) a communication loss to mark. */
  private record Part(List<Reading> readings, Loss loss, CompletableFuture<Recorded> done) {}

  private record Loss(Instant at, String cause) {}

  /** A twin's queue; guarded by its own monitor. */
  private static final class Lane {
    final TwinId id;
    final TwinKind kind;
    final ArrayDeque<Part> waiting = new ArrayDeque<>();
    boolean busy;
    boolean retired;

    Lane(TwinId id, TwinKind kind) {
      this.id = id;
      this.kind = kind;
    }

    /**
     * Whole parts in order, at least one, while the total stays within {@code max} readings; a loss goes alone
     * and ends the readings taken before it.
     */
    List<Part> takeUpTo(int max) {
      if (waiting.peek().loss() != null) {
        return List.of(waiting.poll());
      }
      List<Part> taken = new ArrayList<>();
      int total = 0;
      while (!waiting.isEmpty() && waiting.peek().loss() == null
          && (taken.isEmpty() || total + waiting.peek().readings().size() <= max)) {
        Part part = waiting.poll();
        total += part.readings().size();
        taken.add(part);
      }
      return taken;
    }
  }
}
