package io.twinworks.connectors.modbus;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.util.BitVector;
import java.net.SocketTimeoutException;
import java.util.Locale;

/**
 * One TCP connection to a device (a j2mod master), used by one poller thread only. It never reconnects by itself:
 * after a timeout or a broken connection it is closed, and the poller decides when to {@link #connect()} again.
 */
final class ModbusConnection implements AutoCloseable {

  private final ModbusDevice device;
  private ModbusTCPMaster master;

  ModbusConnection(ModbusDevice device) {
    this.device = device;
  }

  boolean isConnected() {
    return master != null;
  }

  /** Opens the connection, within the device's timeout. */
  void connect() throws ModbusReadException {
    close();
    int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, device.timeout().toMillis());
    try {
      ModbusTCPMaster opened = new ModbusTCPMaster(device.host(), device.port(), timeoutMillis, false, false);
      opened.connect();
      opened.setRetries(1); // one attempt per read (j2mod's default is 5): the poller retries, on a new connection
      master = opened;
    } catch (Exception e) {
      throw ModbusReadException.connectionLost("cannot connect to " + device.host() + ":" + device.port() + ": "
          + message(e), e);
    }
  }

  /**
   * Reads one request's registers.
   *
   * @return the registers as unsigned 16-bit values, or the bits as 0 and 1, in address order
   */
  int[] read(ReadRequest request) throws ModbusReadException {
    if (master == null) {
      throw ModbusReadException.connectionLost("not connected", null);
    }
    try {
      return complete(switch (request.table()) {
        case HOLDING -> words(master.readMultipleRegisters(device.unitId(), request.start(), request.count()));
        case INPUT -> words(master.readInputRegisters(device.unitId(), request.start(), request.count()));
        case COIL -> bits(master.readCoils(device.unitId(), request.start(), request.count()), request.count());
        case DISCRETE -> bits(master.readInputDiscretes(device.unitId(), request.start(), request.count()),
            request.count());
      }, request);
    } catch (ModbusSlaveException e) {
      throw ModbusReadException.exceptionResponse(e.getType());
    } catch (ModbusException | RuntimeException e) {
      // After a timeout a late answer may still arrive on this socket: only a new connection is clean.
      close();
      throw ModbusReadException.connectionLost(timedOut(e) ? "no answer within " + Durations.format(device.timeout())
          : "connection lost: " + message(e), e);
    }
  }

  @Override
  public void close() {
    if (master != null) {
      master.disconnect();
      master = null;
    }
  }

  /** j2mod does not check the length of an answer; a short one would decode as zeros. */
  private static int[] complete(int[] values, ReadRequest request) {
    if (values.length < request.count()) {
      throw new IllegalStateException("the answer held " + values.length + " of the " + request.count() + " asked for");
    }
    return values;
  }

  private static int[] words(InputRegister[] registers) {
    int[] words = new int[registers.length];
    for (int i = 0; i < registers.length; i++) {
      words[i] = registers[i].toUnsignedShort();
    }
    return words;
  }

  private static int[] bits(BitVector vector, int count) {
    int[] bits = new int[count];
    for (int i = 0; i < count; i++) {
      bits[i] = vector.getBit(i) ? 1 : 0;
    }
    return bits;
  }

  /** j2mod does not always keep the SocketTimeoutException as the cause; its message still says so. */
  private static boolean timedOut(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
      if (t instanceof SocketTimeoutException || message.contains("timeout") || message.contains("timed out")) {
        return true;
      }
    }
    return false;
  }

  /** The innermost message: j2mod wraps the socket's reason ("Connection refused") in its own. */
  private static String message(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
