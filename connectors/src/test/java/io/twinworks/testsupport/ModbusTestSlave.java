package io.twinworks.testsupport;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalIn;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalOut;
import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import java.net.InetAddress;

/**
 * A j2mod Modbus TCP slave on 127.0.0.1 serving one process image as unit 1. Its tables hold what was added, from
 * address 0 up; a read past them gets exception response 2 (illegal data address).
 */
public final class ModbusTestSlave implements AutoCloseable {

  public static final int UNIT = 1;

  public final SimpleProcessImage image = new SimpleProcessImage(UNIT);
  private ModbusSlave slave;

  public ModbusTestSlave holding(int... words) {
    for (int word : words) {
      image.addRegister(new SimpleRegister(word));
    }
    return this;
  }

  public ModbusTestSlave input(int... words) {
    for (int word : words) {
      image.addInputRegister(new SimpleInputRegister(word));
    }
    return this;
  }

  public ModbusTestSlave coils(boolean... bits) {
    for (boolean bit : bits) {
      image.addDigitalOut(new SimpleDigitalOut(bit));
    }
    return this;
  }

  public ModbusTestSlave discrete(boolean... bits) {
    for (boolean bit : bits) {
      image.addDigitalIn(new SimpleDigitalIn(bit));
    }
    return this;
  }

  /** Starts serving on {@code port} (again, after {@link #close()}: the same image). */
  public ModbusTestSlave open(int port) throws ModbusException {
    slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 4, false);
    slave.addProcessImage(UNIT, image);
    slave.open();
    return this;
  }

  @Override
  public void close() {
    if (slave != null) {
      ModbusSlaveFactory.close(slave);
      slave = null;
    }
  }
}
