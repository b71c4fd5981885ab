package io.twinworks.connectors.modbus;

import io.twinworks.twins.DeadLetter;
import io.twinworks.twins.Quality;
import io.twinworks.twins.Reading;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One device's polls: runs the planned reads on a connection, with retries, and turns what came back into
 * readings. A register whose read failed gets a {@code bad} reading that repeats its last good value (none when it
 * was never read), and the failed read a dead letter. Used by one poller thread only.
 */
final class DevicePoll {

  private static final byte[] NO_PAYLOAD = new byte[0];

  private final ModbusDevice device;
  private final List<ReadRequest> plan;
  private final Clock clock;
  private final Map<String, Double> lastGood = new HashMap<>();

  DevicePoll(ModbusDevice device, Clock clock) {
    this.device = device;
    this.plan = ReadPlanner.plan(device.registers(), device.maxGap());
    this.clock = clock;
  }

  List<ReadRequest> plan() {
    return plan;
  }

  /**
   * Runs every planned read. After the connection is lost (and could not be made again within the retries) the
   * remaining reads are not tried: they fail with the same reason.
   *
   * @param pollTime the readings' source time
   * @param seq the readings' sequence number
   */
  PollOutcome run(ModbusConnection connection, Instant pollTime, long seq) {
    Stamp stamp = new Stamp(pollTime, seq);
    String lost = null;
    for (ReadRequest request : plan) {
      if (lost != null) {
        stamp.failed(request, lost);
        continue;
      }
      try {
        stamp.read(request, readWithRetries(connection, request));
      } catch (ModbusReadException e) {
        stamp.failed(request, e.reason());
        if (e.connectionLost()) {
          lost = e.reason();
        }
      }
    }
    return stamp.outcome(lost == null ? "" : lost);
  }

  /** A poll without a connection: every register bad, one dead letter saying why. */
  PollOutcome unreachable(Instant pollTime, long seq, String reason) {
    Stamp stamp = new Stamp(pollTime, seq);
    plan.forEach(request -> stamp.bad(request.registers()));
    stamp.deadLetter("device " + device.describe() + ": " + reason);
    return stamp.outcome(reason);
  }

  private int[] readWithRetries(ModbusConnection connection, ReadRequest request) throws ModbusReadException {
    int attempts = 1 + device.retries();
    for (int attempt = 1; ; attempt++) {
      try {
        if (!connection.isConnected()) {
          connection.connect();
        }
        return connection.read(request);
      } catch (ModbusReadException e) {
        if (!e.connectionLost()) {
          throw e; // an exception response: asking again gets the same answer
        }
        if (attempt >= attempts) {
          throw attempts == 1 ? e : ModbusReadException.connectionLost(e.reason() + " (" + attempts + " attempts)", e);
        }
      }
    }
  }

  /** Builds the outcome of one poll. */
  private final class Stamp {

    private final Instant pollTime;
    private final long seq;
    private final List<Reading> readings = new ArrayList<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();

    Stamp(Instant pollTime, long seq) {
      this.pollTime = pollTime;
      this.seq = seq;
    }

    void read(ReadRequest request, int[] values) {
      Instant received = clock.instant();
      for (RegisterMapping register : request.registers()) {
        double value = request.table().holdsBits()
            ? RegisterDecoder.value(register, values[register.address() - request.start()] != 0)
            : RegisterDecoder.value(register, values, request.start());
        if (Double.isFinite(value)) {
          lastGood.put(register.signal(), value);
          readings.add(reading(register, value, Quality.GOOD, received));
        } else {
          bad(List.of(register));
          deadLetter("device " + device.describe() + ": " + register.table().description() + " " + register.address()
              + " ('" + register.signal() + "', " + register.type() + ") holds no finite number (" + value + ")");
        }
      }
    }

    void failed(ReadRequest request, String reason) {
      bad(request.registers());
      deadLetter("device " + device.describe() + ": reading " + request.describe() + " failed: " + reason);
    }

    void bad(List<RegisterMapping> registers) {
      Instant received = clock.instant();
      for (RegisterMapping register : registers) {
        Double last = lastGood.get(register.signal());
        if (last != null) {
          readings.add(reading(register, last, Quality.BAD, received));
        }
      }
    }

    void deadLetter(String reason) {
      deadLetters.add(DeadLetter.of(clock.instant(), device.origin(), reason, NO_PAYLOAD));
    }

    PollOutcome outcome(String connectionProblem) {
      return new PollOutcome(readings, deadLetters, connectionProblem);
    }

    private Reading reading(RegisterMapping register, double value, Quality quality, Instant received) {
      return new Reading(device.twin(), device.kind(), register.signal(), value, quality, pollTime, received,
          device.origin(), seq);
    }
  }
}
