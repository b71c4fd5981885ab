package io.twinworks.connectors.modbus;

import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One Modbus TCP device and its register map: what one poller reads, and the twin its readings go to.
 *
 * @param name unique name; readings carry the origin {@code modbus:<name>}
 * @param unitId the unit identifier (slave id) requests are addressed to
 * @param pollInterval from the start of one poll to the start of the next; zero polls as fast as the device answers
 * @param timeout how long one request may wait for its answer (and a connect for the connection)
 * @param retries further attempts of a request after a timeout or a broken connection
 * @param minBackoff first wait before reconnecting after the connection failed, doubling up to {@code maxBackoff}
 * @param maxGap unmapped registers (or bits) a read request may span to merge two neighbouring values into one
 */
public record ModbusDevice(
    String name,
    String host,
    int port,
    int unitId,
    Duration pollInterval,
    Duration timeout,
    int retries,
    Duration minBackoff,
    Duration maxBackoff,
    TwinId twin,
    TwinKind kind,
    int maxGap,
    List<RegisterMapping> registers) {

  public ModbusDevice {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(minBackoff, "minBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(twin, "twin");
    Objects.requireNonNull(kind, "kind");
    registers = List.copyOf(registers);
  }

  /** The origin of this device's readings. */
  public String origin() {
    return "modbus:" + name;
  }

  /** How logs and dead letters name the device, e.g. {@code press-1 (10.0.0.5:502 unit 1)}. */
  public String describe() {
    return name + " (" + host + ":" + port + " unit " + unitId + ")";
  }
}
