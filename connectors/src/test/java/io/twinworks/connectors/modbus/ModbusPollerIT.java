package io.twinworks.connectors.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.testsupport.FreePorts;
import io.twinworks.testsupport.ModbusTestSlave;
import io.twinworks.twins.DeadLetter;
import io.twinworks.twins.Quality;
import io.twinworks.twins.Reading;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pollers against a real j2mod slave (or a silent TCP server) on a free loopback port. */
class ModbusPollerIT {

  private final int port = FreePorts.find();
  private final CollectingSink sink = new CollectingSink();
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  private ModbusTestSlave slave() {
    ModbusTestSlave slave = new ModbusTestSlave();
    toClose.add(slave);
    return slave;
  }

  private ModbusPoller poll(List<RegisterMapping> registers, Duration timeout) {
    ModbusDevice device = new ModbusDevice("press01", "127.0.0.1", port, ModbusTestSlave.UNIT, Duration.ofMillis(50),
        timeout, 1, Duration.ofMillis(50), Duration.ofMillis(200), TwinId.of("default:line1:press01"),
        TwinKind.MACHINE, 0, registers);
    ModbusPoller poller = ModbusPoller.start(device, sink, Clock.systemUTC());
    toClose.add(poller);
    return poller;
  }

  private static RegisterMapping holding(String signal, int address) {
    return new RegisterMapping(signal, ModbusTable.HOLDING, address, ValueType.INT16, RegisterLayout.ABCD, 1, 0);
  }

  private static Map<String, Reading> bySignal(List<Reading> batch) {
    return batch.stream().collect(Collectors.toMap(Reading::signal, Function.identity()));
  }

  @Test
  void readsEveryTypeInEveryLayoutAsTheDeviceHoldsIt() throws Exception {
    ModbusTestSlave slave = slave();
    List<RegisterMapping> registers = new ArrayList<>();
    int address = 0;
    for (KnownRegisters.Case c : KnownRegisters.CASES) {
      slave.holding(c.words());
      registers.add(new RegisterMapping(c.signal(), ModbusTable.HOLDING, address, c.type(), c.layout(), 1, 0));
      address += c.words().length;
    }
    // input register 0 holds 650: 650 × 0.1 − 40 = 25
    slave.input(650);
    registers.add(new RegisterMapping("temperature", ModbusTable.INPUT, 0, ValueType.UINT16, RegisterLayout.ABCD,
        0.1, -40));
    slave.coils(true, false, true).discrete(false, true);
    for (int i = 0; i < 3; i++) {
      registers.add(new RegisterMapping("coil" + i, ModbusTable.COIL, i, ValueType.BOOL, RegisterLayout.ABCD, 1, 0));
    }
    for (int i = 0; i < 2; i++) {
      registers.add(new RegisterMapping("di" + i, ModbusTable.DISCRETE, i, ValueType.BOOL, RegisterLayout.ABCD, 1, 0));
    }
    slave.open(port);
    poll(registers, Duration.ofSeconds(1));

    Map<String, Reading> first = bySignal(sink.awaitBatch(0, b -> true, "at all"));
    assertEquals(registers.size(), first.size(), first.keySet().toString());
    for (KnownRegisters.Case c : KnownRegisters.CASES) {
      assertEquals(c.raw(), first.get(c.signal()).value(), c.signal());
    }
    assertEquals(25.0, first.get("temperature").value(), 1e-9);
    assertEquals(List.of(1.0, 0.0, 1.0, 0.0, 1.0), List.of(first.get("coil0").value(), first.get("coil1").value(),
        first.get("coil2").value(), first.get("di0").value(), first.get("di1").value()));
    Reading any = first.get("temperature");
    for (Reading reading : first.values()) {
      assertEquals(Quality.GOOD, reading.quality(), reading.signal());
      assertEquals("modbus:press01", reading.origin());
      assertEquals(1, reading.seq());
      assertEquals(any.sourceTime(), reading.sourceTime(), "one poll, one source time");
      assertEquals(TwinId.of("default:line1:press01"), reading.twinId());
      assertTrue(!reading.receivedTime().isBefore(reading.sourceTime()));
    }
    assertEquals(List.of(), sink.deadLetters);
    List<Reading> second = sink.awaitBatch(1, b -> true, "of a second poll");
    assertEquals(2, second.get(0).seq());
  }

  @Test
  void anExceptionResponseMakesItsRegistersBadAndADeadLetter() throws Exception {
    ModbusTestSlave slave = slave().holding(11, 22, 33, 44);
    slave.open(port);
    // a at 0 and b at 3 are two requests (max-gap 0); c at 10 lies past the slave's 4 registers
    poll(List.of(holding("a", 0), holding("b", 3), holding("c", 10)), Duration.ofSeconds(1));

    Map<String, Reading> first = bySignal(sink.awaitBatch(0, b -> true, "at all"));
    assertEquals(Map.of("a", 11.0, "b", 44.0), first.values().stream()
        .collect(Collectors.toMap(Reading::signal, Reading::value)), "c was never read: no reading");
    DeadLetter letter = sink.awaitDeadLetter("10..10");
    assertEquals("device press01 (127.0.0.1:" + port + " unit 1): reading holding registers 10..10 failed: exception "
        + "response 2 (illegal data address)", letter.reason());
    assertEquals("modbus:press01", letter.source());

    // register 3 goes away: b keeps its last good value, now bad
    int seen = sink.batches.size();
    slave.image.removeRegister(slave.image.getRegister(3));
    List<Reading> after = sink.awaitBatch(seen, b -> bySignal(b).get("b").quality() == Quality.BAD, "with b bad");
    assertEquals(new Reading(TwinId.of("default:line1:press01"), TwinKind.MACHINE, "b", 44.0, Quality.BAD,
        after.get(0).sourceTime(), bySignal(after).get("b").receivedTime(), "modbus:press01", after.get(0).seq()),
        bySignal(after).get("b"));
    assertEquals(Quality.GOOD, bySignal(after).get("a").quality());
    sink.awaitDeadLetter("holding registers 3..3 failed: exception response 2 (illegal data address)");
  }

  @Test
  void aSlaveThatGoesAwayGivesBadReadingsUntilItIsBack() throws Exception {
    ModbusTestSlave slave = slave().holding(7);
    slave.open(port);
    poll(List.of(holding("a", 0)), Duration.ofMillis(500));
    sink.awaitBatch(0, b -> b.get(0).quality() == Quality.GOOD, "good");

    slave.close();
    int down = sink.batches.size();
    Reading bad = sink.awaitBatch(down, b -> b.get(0).quality() == Quality.BAD, "bad").get(0);
    assertEquals(7.0, bad.value(), "the last good value");
    int lettersWhileDown = sink.deadLetters.size();
    assertTrue(lettersWhileDown > 0);
    assertTrue(sink.deadLetters.get(0).reason().startsWith("device press01 (127.0.0.1:" + port + " unit 1): "),
        sink.deadLetters.get(0).reason());
    // polls on while the device is away: reconnect attempts, each a dead letter
    sink.awaitDeadLetter("cannot connect to 127.0.0.1:" + port);

    slave.image.getRegister(0).setValue(8);
    slave.open(port);
    int up = sink.batches.size();
    Reading back = sink.awaitBatch(up, b -> b.get(0).quality() == Quality.GOOD, "good again").get(0);
    assertEquals(8.0, back.value());
    assertTrue(back.seq() > bad.seq(), "the same poller polled on");
  }

  @Test
  void aDeviceThatNeverAnswersTimesOutAndIsRetried() throws Exception {
    // accepts connections and reads requests, but never answers
    ServerSocket silent = new ServerSocket(port, 10, InetAddress.getLoopbackAddress());
    toClose.add(silent);
    List<Socket> accepted = new ArrayList<>();
    Thread acceptor = new Thread(() -> {
      try {
        while (true) {
          accepted.add(silent.accept());
        }
      } catch (IOException closed) {
        // the test is over
      }
    });
    acceptor.setDaemon(true);
    acceptor.start();
    toClose.add(() -> accepted.forEach(ModbusPollerIT::closeQuietly));

    poll(List.of(holding("a", 0)), Duration.ofMillis(300));
    DeadLetter letter = sink.awaitDeadLetter("no answer");
    assertEquals("device press01 (127.0.0.1:" + port + " unit 1): reading holding registers 0..0 failed: no answer "
        + "within 300ms (2 attempts)", letter.reason());
    assertEquals(List.of(), sink.batches, "never read: no readings at all");
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
