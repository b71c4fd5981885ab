package io.twinworks.runtime.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The simulated plant and its timetable. Pure: time is a parameter, so the same settings, seed and
 * start time give the same messages.
 */
final class Plant {

  /** Behind by more than this (a stalled machine, a suspended laptop), skip instead of bursting. */
  private static final long MAX_CATCH_UP_MILLIS = 2_000;
  private static final double MALFORMED_PHASE = 1.0 / 6; // the first one 10 s after start

  private final List<Slot> slots = new ArrayList<>();

  Plant(SimulatorSettings settings, long startMillis) {
    List<String> sensorTopics = new ArrayList<>();
    List<String> cellTopics = new ArrayList<>();
    for (int l = 1; l <= settings.lines(); l++) {
      for (int m = 1; m <= settings.machinesPerLine(); m++) {
        String line = "line" + l;
        String machine = String.format("cnc%02d", m);
        Random random = random(settings, line + machine);
        add(new MachineSim(line, machine, settings.machineHz(), settings.faults(), random), startMillis);
      }
    }
    for (int s = 0; s < settings.sensors(); s++) {
      String id = SensorSim.id(s);
      sensorTopics.add(SensorSim.topic(id));
      SensorSim.Type type = SensorSim.typeOf(s);
      add(new SensorSim(id, type, settings.sensorHz(), settings.faults(), random(settings, id)), startMillis);
    }
    for (int p = 1; p <= settings.packs(); p++) {
      String pack = "pk" + p;
      for (int c = 1; c <= settings.cellsPerPack(); c++) {
        cellTopics.add(PackSim.topic(pack, c, "voltage"));
      }
      Random random = random(settings, pack);
      add(new PackSim(pack, settings.cellsPerPack(), settings.cellHz(), settings.faults(), random), startMillis);
    }
    if (settings.faults()) {
      MalformedSim malformed = new MalformedSim(sensorTopics, cellTopics);
      slots.add(new Slot(malformed, startMillis + MALFORMED_PHASE * periodMillis(malformed)));
    }
  }

  /** Emits everything due up to {@code nowMillis}, each stamped with its scheduled time. */
  void due(long nowMillis, Consumer<SimMessage> out) {
    for (Slot slot : slots) {
      if (nowMillis - slot.nextDue > MAX_CATCH_UP_MILLIS) {
        slot.nextDue = nowMillis;
      }
      while (slot.nextDue <= nowMillis) {
        slot.device.emit(Instant.ofEpochMilli(Math.round(slot.nextDue)), out);
        slot.nextDue += periodMillis(slot.device);
      }
    }
  }

  List<SimMessage> due(long nowMillis) {
    List<SimMessage> messages = new ArrayList<>();
    due(nowMillis, messages::add);
    return messages;
  }

  /** Spreads devices over their period so timestamps don't all coincide. */
  private void add(SimulatedDevice device, long startMillis) {
    double phase = (slots.size() * 0.37) % 1.0;
    slots.add(new Slot(device, startMillis + phase * periodMillis(device)));
  }

  private static double periodMillis(SimulatedDevice device) {
    return 1_000.0 / device.hz();
  }

  private static Random random(SimulatorSettings settings, String deviceName) {
    return random(settings.seed(), deviceName);
  }

  /** Each device's own generator: the same seed and name give the same values. */
  static Random random(long seed, String deviceName) {
    return new Random(seed * 1_000_003L + deviceName.hashCode());
  }

  private static final class Slot {
    final SimulatedDevice device;
    double nextDue;

    Slot(SimulatedDevice device, double nextDue) {
      this.device = device;
      this.nextDue = nextDue;
    }
  }
}
