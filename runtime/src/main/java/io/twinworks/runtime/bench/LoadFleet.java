package io.twinworks.runtime.bench;

import io.twinworks.runtime.bench.WindowedPublisher.Outgoing;
import io.twinworks.runtime.simulator.LoadDevices;
import io.twinworks.runtime.simulator.SimMessage;
import io.twinworks.runtime.simulator.SimulatedDevice;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The load's twins, made of the plant simulator's devices in DESIGN.md's payload shapes: sensors
 * ({@code default:BENCH-S0001}), machines ({@code default:bench:m0001}, five readings a publish) and battery packs
 * ({@code acme:p1:r1:bench-pk0001}, 16 cells, one publish per cell and metric). The twins emit in turn, the kinds
 * spread evenly through the round (80/15/5: a machine after every five or so sensors), each emission stamped
 * with its twin's next {@link SourceClock} time. Hands out one publish at a time with the readings it carries,
 * and remembers the readings per topic so a plain subscriber can count readings too. Topics get
 * {@code topicPrefix} in front ({@code "bench/"} keeps the bare-broker run away from Twinworks' routes).
 * Used by one publishing thread; {@link #readingsOn} by any.
 */
final class LoadFleet {

  static final int CELLS_PER_PACK = 16;
  private static final long SEED = 42;

  private final String topicPrefix;
  private final List<Member> members;
  private final Deque<SimMessage> emitted = new ArrayDeque<>();
  private final Map<String, Integer> readingsByTopic = new ConcurrentHashMap<>();
  private int turn;

  private record Member(SimulatedDevice device, SourceClock clock, double position) {}

  private LoadFleet(String topicPrefix, List<Member> members) {
    this.topicPrefix = topicPrefix;
    this.members = members;
  }

  static LoadFleet of(LoadMix.Split split, String topicPrefix) {
    List<Member> members = new ArrayList<>();
    for (int i = 0; i < split.sensors(); i++) {
      members.add(member(LoadDevices.sensor(String.format("BENCH-S%04d", i + 1), i, SEED), i, split.sensors()));
    }
    for (int i = 0; i < split.machines(); i++) {
      members.add(member(LoadDevices.machine("bench", String.format("m%04d", i + 1), SEED), i, split.machines()));
    }
    for (int i = 0; i < split.packs(); i++) {
      members.add(member(LoadDevices.pack(String.format("bench-pk%04d", i + 1), CELLS_PER_PACK, SEED), i,
          split.packs()));
    }
    members.sort(Comparator.comparingDouble(Member::position)); // stable: sensors first on a tie
    return new LoadFleet(topicPrefix, List.copyOf(members));
  }

  /** The i-th of n twins of a kind sits at (i + ½) / n of the round. */
  private static Member member(SimulatedDevice device, int index, int ofKind) {
    return new Member(device, new SourceClock(), (index + 0.5) / ofKind);
  }

  /** The next publish: the rest of the last emission, or the next twin's emission at {@code now}. */
  Outgoing next(Instant now) {
    if (emitted.isEmpty()) {
      Member member = members.get(turn);
      turn = (turn + 1) % members.size();
      member.device().emit(member.clock().next(now), emitted::add);
    }
    SimMessage message = emitted.poll();
    String topic = topicPrefix + message.topic();
    readingsByTopic.putIfAbsent(topic, message.readings());
    return new Outgoing(topic, message.payload().getBytes(StandardCharsets.UTF_8), message.readings());
  }

  /** The readings one publish on {@code topic} carries (each topic's publishes carry the same number), 0 if unknown. */
  int readingsOn(String topic) {
    return readingsByTopic.getOrDefault(topic, 0);
  }
}
