package io.twinworks.connectors.modbus;

/**
 * A read that got no values: an exception response of the device (the connection is fine), or no answer in time or
 * a broken connection (the connection is closed and must be made again).
 */
public final class ModbusReadException extends Exception {

  private final boolean connectionLost;

  private ModbusReadException(String reason, boolean connectionLost, Throwable cause) {
    super(reason, cause);
    this.connectionLost = connectionLost;
  }

  /** The device answered with exception {@code code}. */
  static ModbusReadException exceptionResponse(int code) {
    return new ModbusReadException("exception response " + ExceptionCodes.describe(code), false, null);
  }

  static ModbusReadException connectionLost(String reason, Throwable cause) {
    return new ModbusReadException(reason, true, cause);
  }

  /** The connection was closed: later requests need a new one. */
  public boolean connectionLost() {
    return connectionLost;
  }

  /** Why, in words for a person, e.g. {@code exception response 2 (illegal data address)}. */
  public String reason() {
    return getMessage();
  }
}
