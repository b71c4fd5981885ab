package io.twinworks.persistence;

/** Who runs a store's periodic upkeep (the Cassandra store's telemetry rollups). */
public enum Upkeep {
  /** The store, on its own timer: right for one process alone on its store (tools, tests, benches). */
  OWN_TIMER,
  /**
   * The opener, from {@link TwinworksStore#jobs()}: a cluster runs it on one node at a time (the runtime from a
   * cluster singleton), not once per node.
   */
  BY_CALLER
}
