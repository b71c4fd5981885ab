package io.twinworks.connectors.sparkplug;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What the host knows of one edge node between its birth and its death: the birth's bdSeq, the last message
 * sequence number (0–255, wrapping), and the metrics its NBIRTH and each device's DBIRTH defined. Mutable, owned
 * by {@link SparkplugSessions}.
 */
final class NodeSession {

  static final int SEQ_MODULUS = 256;
  private static final int NO_SEQ = -1;

  private boolean born;
  private OptionalLong bdSeq = OptionalLong.empty();
  private int lastSeq = NO_SEQ;
  private BirthMetrics nodeMetrics = BirthMetrics.NONE;
  /** Devices born or heard from since the node's birth (or since the host started, if it missed the birth). */
  private final Map<String, BirthMetrics> devices = new LinkedHashMap<>();
  private Instant rebirthRequestedAt;

  boolean born() {
    return born;
  }

  boolean hasDeviceBirth(String device) {
    return deviceMetrics(device) != BirthMetrics.NONE;
  }

  /** A new NBIRTH: everything known before is replaced, devices send their DBIRTH again after it. */
  void nodeBorn(OptionalLong birthBdSeq, BirthMetrics metrics, long seq) {
    born = true;
    bdSeq = birthBdSeq;
    nodeMetrics = metrics;
    devices.clear();
    lastSeq = (int) seq;
    rebirthRequestedAt = null; // answered
  }

  /**
   * Whether an NDEATH with this bdSeq ends the current birth. One of an earlier connection (the broker sends a
   * will late, after the node reconnected) carries another bdSeq and is stale. When either side carries none, or
   * the node sends 0 every time, stale and current cannot be told apart: the death is taken as current.
   */
  boolean endedBy(OptionalLong deathBdSeq) {
    return bdSeq.isEmpty() || deathBdSeq.isEmpty() || bdSeq.getAsLong() == deathBdSeq.getAsLong();
  }

  /** The node died: it must be born again before its aliases mean anything. */
  void died() {
    born = false;
    bdSeq = OptionalLong.empty();
    nodeMetrics = BirthMetrics.NONE;
    devices.clear();
    lastSeq = NO_SEQ;
  }

  void deviceBorn(String device, BirthMetrics metrics) {
    devices.put(device, metrics);
  }

  void deviceDied(String device) {
    devices.remove(device);
  }

  void deviceHeard(String device) {
    devices.putIfAbsent(device, BirthMetrics.NONE);
  }

  Set<String> devices() {
    return devices.keySet();
  }

  BirthMetrics nodeMetrics() {
    return nodeMetrics;
  }

  BirthMetrics deviceMetrics(String device) {
    return devices.getOrDefault(device, BirthMetrics.NONE);
  }

  /**
   * Takes the next message's sequence number and answers whether one was missed (or repeated): each message after
   * the NBIRTH carries the previous one's plus 1, modulo 256. The first number heard after the host started or the
   * node died is taken as it is.
   */
  boolean gapBefore(long seq) {
    int expected = (lastSeq + 1) % SEQ_MODULUS;
    boolean gap = lastSeq != NO_SEQ && seq != expected;
    lastSeq = (int) Math.floorMod(seq, SEQ_MODULUS);
    return gap;
  }

  /** Whether to ask for a rebirth now: not again within {@code minInterval} of the last request. */
  boolean mayRequestRebirth(Instant now, Duration minInterval) {
    if (rebirthRequestedAt != null && now.isBefore(rebirthRequestedAt.plus(minInterval))) {
      return false;
    }
    rebirthRequestedAt = now;
    return true;
  }
}
