package io.twinworks.runtime.bench;

/**
 * One measured run or find-max step, in readings (the probes' included): offered a second (0: unpaced), published
 * (each once however often it was resent), acknowledged by the broker (null at QoS 0), applied (persisted by a
 * twin, counted once; for the bare broker: received by its subscriber), lost = published − applied after the
 * drain, duplicates and late as the twins counted them; the seconds the load was published, the applied rate
 * sustained while it was ({@link SustainedRate}) and the probes' latencies (null where none ran).
 */
public record RunResult(String name, double offeredPerSecond, long published, Long acknowledged, long applied,
    long lost, long duplicates, long late, double loadSeconds, double appliedPerSecond, ProbeLatency stateLatency,
    ProbeLatency alertLatency) {}
