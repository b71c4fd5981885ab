package io.twinworks.connectors.sparkplug;

import com.google.protobuf.InvalidProtocolBufferException;
import io.twinworks.connectors.codec.JsonPayloads;
import io.twinworks.connectors.codec.UntrustedText;
import io.twinworks.twins.Quality;
import io.twinworks.twins.Reading;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Sparkplug B host's view of its edge nodes, fed every Sparkplug message in arrival order: births define the
 * metrics and aliases data refers to, sequence numbers show what was missed, deaths end a node's or a device's
 * session. Twin ids are {@code {group}:{node}} for a node and {@code {group}:{node}:{device}} for a device, all of
 * one configured kind; signals are the metric names. {@code bdSeq} and the {@code Node Control/} and
 * {@code Device Control/} metrics are the protocol's own and not signals.
 *
 * <p>It asks for a rebirth (at most once per {@code rebirthMinInterval} per node, until the node is born again)
 * when data comes before its birth, a metric has an alias its birth did not define, or a sequence number was
 * missed; the data it can resolve is still used. Tolerated deviations: an NDEATH without bdSeq, or with bdSeq 0
 * every time (taken as current), and UInt32 values in the 64-bit field. The QoS of a message is the transport's.
 *
 * <p>One per host (the runtime); the sessions live in memory, so after a restart the host knows no births, asks
 * each node for one at its first data, and meanwhile uses the metrics that come with names. It keeps the sessions of
 * at most {@code maxEdgeNodes} nodes, the least recently heard from forgotten first: a forgotten node is asked for a
 * rebirth at its next data, as after a restart. Thread-safe (calls are serialized).
 */
public final class SparkplugSessions {

  private static final Logger log = LoggerFactory.getLogger(SparkplugSessions.class);
  static final String BD_SEQ = "bdSeq";
  private static final List<String> CONTROL_PREFIXES = List.of("Node Control/", "Device Control/");

  static final int DEFAULT_MAX_EDGE_NODES = 10_000;
  static final Duration DEFAULT_MAX_FUTURE_SKEW = Duration.ofDays(1);
  static final int DEFAULT_MAX_PAYLOAD_BYTES = 262_144;

  private final TwinKind kind;
  private final Duration rebirthMinInterval;
  private final Duration maxFutureSkew;
  private final int maxPayloadBytes;
  private final Map<EdgeNodeId, NodeSession> sessions;

  public SparkplugSessions(TwinKind kind, Duration rebirthMinInterval) {
    this(kind, rebirthMinInterval, DEFAULT_MAX_EDGE_NODES, DEFAULT_MAX_FUTURE_SKEW, DEFAULT_MAX_PAYLOAD_BYTES);
  }

  public SparkplugSessions(TwinKind kind, Duration rebirthMinInterval, int maxEdgeNodes, Duration maxFutureSkew,
      int maxPayloadBytes) {
    this.kind = kind;
    this.rebirthMinInterval = rebirthMinInterval;
    this.maxFutureSkew = maxFutureSkew;
    this.maxPayloadBytes = maxPayloadBytes;
    this.sessions = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<EdgeNodeId, NodeSession> eldest) {
        return size() > maxEdgeNodes;
      }
    };
  }

  public static SparkplugSessions create(SparkplugSettings settings) {
    return new SparkplugSessions(settings.kind(), settings.rebirthMinInterval(), settings.maxEdgeNodes(),
        settings.maxFutureSkew(), settings.maxPayloadBytes());
  }

  public TwinKind kind() {
    return kind;
  }

  /** Decodes one message of the {@code spBv1.0} namespace; bad input is a result with a reason, never a throw. */
  public synchronized SparkplugResult decode(String topic, byte[] payload, Instant receivedTime) {
    if (payload.length > maxPayloadBytes) {
      return SparkplugResult.rejected("payload is " + payload.length + " bytes, more than the limit of "
          + maxPayloadBytes + " (twinworks.mqtt.max-payload-bytes)");
    }
    SparkplugTopic parsed;
    try {
      parsed = SparkplugTopic.parse(topic);
    } catch (IllegalArgumentException e) {
      return SparkplugResult.rejected(e.getMessage());
    }
    if (parsed.type() == MessageType.NCMD || parsed.type() == MessageType.DCMD
        || parsed.type() == MessageType.STATE) {
      return SparkplugResult.nothing(); // a host's traffic, ours included
    }
    TwinId twin; // before the payload: a reason may then name the edge node, which the id check vouches for
    try {
      twin = twinOf(parsed);
    } catch (IllegalArgumentException e) {
      return SparkplugResult.rejected("topic '" + UntrustedText.shown(topic) + "' gives no valid twin id: "
          + e.getMessage());
    }
    Payload message;
    try {
      message = Payload.parseFrom(payload);
    } catch (InvalidProtocolBufferException e) {
      return SparkplugResult.rejected(parsed.type() + " from edge node " + parsed.edgeNode()
          + " is not a Sparkplug B payload: " + e.getMessage());
    }
    Message in = new Message(parsed, message, twin, receivedTime,
        sessions.computeIfAbsent(parsed.edgeNode(), node -> new NodeSession()));
    return switch (parsed.type()) {
      case NBIRTH -> nodeBirth(in);
      case NDEATH -> nodeDeath(in);
      case NDATA -> data(in, in.session().nodeMetrics(), !in.session().born());
      case DBIRTH -> deviceBirth(in);
      case DDEATH -> deviceDeath(in);
      case DDATA -> data(in, in.session().deviceMetrics(in.device()), !in.session().hasDeviceBirth(in.device()));
      default -> SparkplugResult.nothing();
    };
  }

  private SparkplugResult nodeBirth(Message in) {
    in.session().nodeBorn(bdSeq(in.payload()), BirthMetrics.of(in.payload().getMetricsList()), in.seq());
    return outcome(in, readings(in, in.session().nodeMetrics()), List.of(), false);
  }

  private SparkplugResult nodeDeath(Message in) {
    OptionalLong deathBdSeq = bdSeq(in.payload());
    if (!in.session().endedBy(deathBdSeq)) {
      log.info("ignoring a stale NDEATH of edge node {}: bdSeq {} is not the current birth's",
          in.topic().edgeNode(), deathBdSeq.getAsLong());
      return SparkplugResult.nothing();
    }
    List<TwinId> lost = new ArrayList<>();
    lost.add(in.twin());
    for (String device : in.session().devices()) {
      lost.add(TwinId.of(in.twin().value() + ":" + device));
    }
    in.session().died();
    return new SparkplugResult(List.of(), lost, Optional.empty(), Optional.empty());
  }

  private SparkplugResult deviceBirth(Message in) {
    boolean gap = in.gap();
    BirthMetrics metrics = BirthMetrics.of(in.payload().getMetricsList());
    in.session().deviceBorn(in.device(), metrics);
    return outcome(in, readings(in, metrics), List.of(), gap || !in.session().born());
  }

  private SparkplugResult deviceDeath(Message in) {
    boolean gap = in.gap();
    in.session().deviceDied(in.device());
    return outcome(in, new Resolved(List.of(), 0, List.of(), List.of()), List.of(in.twin()), gap);
  }

  private SparkplugResult data(Message in, BirthMetrics metrics, boolean unborn) {
    boolean gap = in.gap();
    if (in.topic().device().isPresent()) {
      in.session().deviceHeard(in.device());
    }
    return outcome(in, readings(in, metrics), List.of(), gap || unborn);
  }

  private Resolved readings(Message in, BirthMetrics metrics) {
    List<Reading> readings = new ArrayList<>();
    int unknown = 0;
    List<Instant> badTimes = new ArrayList<>();
    List<String> badNames = new ArrayList<>();
    for (Metric metric : in.payload().getMetricsList()) {
      Optional<MetricDefinition> definition = metrics.resolve(metric);
      if (definition.isEmpty()) {
        unknown++;
        continue;
      }
      String name = definition.get().name();
      OptionalDouble value = MetricValues.value(metric, definition.get().type());
      if (value.isEmpty() || isProtocolMetric(name) || name.isBlank()) {
        continue;
      }
      String nameProblem = UntrustedText.nameProblem("metric name", name);
      if (nameProblem != null) {
        badNames.add(nameProblem);
        continue;
      }
      Instant time = in.sourceTime(metric);
      if (time.isBefore(JsonPayloads.EARLIEST) || time.isAfter(in.receivedTime().plus(maxFutureSkew))) {
        badTimes.add(time);
        continue;
      }
      readings.add(new Reading(in.twin(), kind, name, value.getAsDouble(),
          MetricValues.quality(metric).orElse(Quality.GOOD), time, in.receivedTime(),
          in.topic().edgeNode().origin(), in.seq()));
    }
    return new Resolved(readings, unknown, badTimes, badNames);
  }

  private SparkplugResult outcome(Message in, Resolved resolved, List<TwinId> lost, boolean missedSomething) {
    boolean rebirth = missedSomething || resolved.unknownAliases() > 0;
    Optional<EdgeNodeId> request = rebirth && in.session().mayRequestRebirth(in.receivedTime(), rebirthMinInterval)
        ? Optional.of(in.topic().edgeNode()) : Optional.empty();
    Optional<String> rejected = Optional.empty();
    if (resolved.readings().isEmpty() && resolved.unknownAliases() > 0) {
      rejected = Optional.of(in.topic().type() + " of " + in.twin() + ": " + resolved.unknownAliases()
          + " metric(s) with an alias no birth certificate defined"
          + (in.session().born() ? "" : " (no NBIRTH seen yet)") + "; a rebirth was requested");
    } else if (!resolved.badTimes().isEmpty()) {
      rejected = Optional.of(in.topic().type() + " of " + in.twin() + ": " + resolved.badTimes().size()
          + " metric(s) left out, their time is before " + JsonPayloads.EARLIEST + " or more than " + maxFutureSkew
          + " after the receive time " + in.receivedTime() + " (twinworks.mqtt.max-future-skew), e.g. "
          + resolved.badTimes().get(0));
    } else if (!resolved.badNames().isEmpty()) {
      rejected = Optional.of(in.topic().type() + " of " + in.twin() + ": " + resolved.badNames().size()
          + " metric(s) left out: " + resolved.badNames().get(0));
    }
    return new SparkplugResult(resolved.readings(), lost, request, rejected);
  }

  private static boolean isProtocolMetric(String name) {
    return name.equals(BD_SEQ) || CONTROL_PREFIXES.stream().anyMatch(name::startsWith);
  }

  private static OptionalLong bdSeq(Payload payload) {
    for (Metric metric : payload.getMetricsList()) {
      if (metric.getName().equals(BD_SEQ)) {
        OptionalDouble value = MetricValues.value(metric, null);
        return value.isPresent() ? OptionalLong.of((long) value.getAsDouble()) : OptionalLong.empty();
      }
    }
    return OptionalLong.empty();
  }

  /** The twin of a topic's node or device; a level with ':' would add a segment, so it is refused like a bad id. */
  private static TwinId twinOf(SparkplugTopic topic) {
    for (String level : new String[] {topic.edgeNode().group(), topic.edgeNode().node(), topic.device().orElse("")}) {
      if (level.indexOf(':') >= 0) {
        throw new IllegalArgumentException("level '" + UntrustedText.shown(level) + "' has ':', which would add a "
            + "segment to the twin id");
      }
    }
    String node = topic.edgeNode().group() + ":" + topic.edgeNode().node();
    return TwinId.of(topic.device().map(device -> node + ":" + device).orElse(node));
  }

  /**
   * The metrics of one message that became readings, how many had an alias no birth defined, the times of those
   * left out for an impossible time, and why those with an unusable name were left out.
   */
  private record Resolved(List<Reading> readings, int unknownAliases, List<Instant> badTimes, List<String> badNames) {}

  /** One message being decoded, with its node's session. */
  private record Message(
      SparkplugTopic topic, Payload payload, TwinId twin, Instant receivedTime, NodeSession session) {

    String device() {
      return topic.device().orElseThrow();
    }

    long seq() {
      return payload.getSeq();
    }

    /** Whether a message before this one was missed; a message without a sequence number cannot tell. */
    boolean gap() {
      return payload.hasSeq() && session.gapBefore(payload.getSeq());
    }

    /** The metric's own timestamp, else the payload's, else when it arrived. */
    Instant sourceTime(Metric metric) {
      if (metric.hasTimestamp() && metric.getTimestamp() > 0) {
        return Instant.ofEpochMilli(metric.getTimestamp());
      }
      if (payload.hasTimestamp() && payload.getTimestamp() > 0) {
        return Instant.ofEpochMilli(payload.getTimestamp());
      }
      return receivedTime;
    }
  }
}
