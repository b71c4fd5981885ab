package io.twinworks.connectors.modbus;

import io.twinworks.connectors.poll.ReadingSink;
import io.twinworks.testsupport.FreePorts;
import io.twinworks.testsupport.ModbusTestSlave;
import io.twinworks.twins.DeadLetter;
import io.twinworks.twins.Reading;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.Done;

/**
 * The polling rate one device reaches: a poller reads 50 registers as fast as a j2mod slave on loopback answers
 * (poll-interval 0) for 10 s, once as 50 float32 in one request and once as 50 int16 a register apart (50 requests
 * a poll, max-gap 0). Prints readings/s and polls/s; numbers go to BENCHMARKS.md, not into a test.
 *
 * <p>Run: {@code mvn -o -q -pl connectors test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.twinworks.connectors.modbus.ModbusPollRate [-Dexec.args=SECONDS]}
 */
public final class ModbusPollRate {

  private static final int VALUES = 50;

  private ModbusPollRate() {}

  public static void main(String[] args) throws Exception {
    Duration run = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 10);
    List<RegisterMapping> oneRequest = new ArrayList<>();
    List<RegisterMapping> fiftyRequests = new ArrayList<>();
    for (int i = 0; i < VALUES; i++) {
      oneRequest.add(new RegisterMapping("f" + i, ModbusTable.HOLDING, 2 * i, ValueType.FLOAT32, RegisterLayout.ABCD,
          1, 0));
      fiftyRequests.add(new RegisterMapping("s" + i, ModbusTable.HOLDING, 2 * i, ValueType.INT16, RegisterLayout.ABCD,
          1, 0));
    }
    measure("50 float32, 1 request a poll", oneRequest, Duration.ofSeconds(2));
    measure("50 float32, 1 request a poll", oneRequest, run);
    measure("50 int16 a register apart, 50 requests a poll", fiftyRequests, run);
  }

  private static void measure(String what, List<RegisterMapping> registers, Duration run) throws Exception {
    int port = FreePorts.find();
    try (ModbusTestSlave slave = new ModbusTestSlave()) {
      for (int i = 0; i < 2 * VALUES; i++) {
        slave.holding(0x4000 + i);
      }
      slave.open(port);
      ModbusDevice device = new ModbusDevice("rate", "127.0.0.1", port, ModbusTestSlave.UNIT, Duration.ZERO,
          Duration.ofSeconds(1), 1, Duration.ofMillis(100), Duration.ofSeconds(1), TwinId.of("default:bench:rate"),
          TwinKind.MACHINE, 0, registers);
      CountingSink sink = new CountingSink();
      long start = System.nanoTime();
      ModbusPoller poller = ModbusPoller.start(device, sink, Clock.systemUTC());
      Thread.sleep(run.toMillis());
      long readings = sink.readings.get();
      long polls = poller.polls();
      double seconds = (System.nanoTime() - start) / 1e9;
      poller.close();
      System.out.printf("%s: %d polls, %d readings (%d bad), %d dead letters in %.1f s: %.0f polls/s, "
          + "%.0f readings/s%n", what, polls, readings, sink.bad.get(), sink.deadLetters.get(), seconds,
          polls / seconds, readings / seconds);
    }
  }

  /** Counts what it is handed and completes at once: the sink costs nothing here. */
  private static final class CountingSink implements ReadingSink {
    final AtomicLong readings = new AtomicLong();
    final AtomicLong bad = new AtomicLong();
    final AtomicLong deadLetters = new AtomicLong();

    @Override
    public CompletionStage<Done> readings(List<Reading> batch) {
      readings.addAndGet(batch.size());
      bad.addAndGet(batch.stream().filter(r -> r.quality() != io.twinworks.twins.Quality.GOOD).count());
      return CompletableFuture.completedFuture(Done.getInstance());
    }

    @Override
    public CompletionStage<Done> deadLetter(DeadLetter letter) {
      deadLetters.incrementAndGet();
      return CompletableFuture.completedFuture(Done.getInstance());
    }
  }
}
