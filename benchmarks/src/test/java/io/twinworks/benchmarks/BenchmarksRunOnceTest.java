package io.twinworks.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.twinworks.connectors.route.Decoded;
import io.twinworks.connectors.sparkplug.SparkplugResult;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Every {@code @Benchmark} method runs once, for every {@code @Param} value, on a fresh state set up as JMH
 * would: so a benchmark that throws, or measures a rejected payload, fails the build instead of a JMH run.
 */
class BenchmarksRunOnceTest {

  private static final List<Class<?>> BENCHMARKS = List.of(PayloadDecodeBenchmark.class, TopicRoutingBenchmark.class,
      DetectorBenchmark.class, DefaultDetectorSetBenchmark.class, OeeBenchmark.class, SparkplugDecodeBenchmark.class);

  @TestFactory
  Stream<DynamicTest> everyBenchmarkMethodRunsOnce() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Class<?> type : BENCHMARKS) {
      for (String param : paramValues(type)) {
        for (Method method : benchmarkMethods(type)) {
          String name = type.getSimpleName() + "." + method.getName() + (param.isEmpty() ? "" : " [" + param + "]");
          tests.add(DynamicTest.dynamicTest(name, () -> assertPlausible(runOnce(type, param, method))));
        }
      }
    }
    return tests.stream();
  }

  @Test
  void everyBenchmarkClassIsListed() {
    // 6 classes with 7 + 4 + 1 + 1 + 1 + 1 methods; DetectorBenchmark runs once per each of its 7 types.
    assertEquals(15, BENCHMARKS.stream().mapToInt(type -> benchmarkMethods(type).size()).sum());
    assertEquals(21, everyBenchmarkMethodRunsOnce().count());
  }

  private static Object runOnce(Class<?> type, String param, Method method) throws Exception {
    Object state = type.getConstructor().newInstance();
    Field field = paramField(type);
    if (field != null) {
      field.set(state, param);
    }
    for (Method setup : type.getMethods()) {
      if (setup.isAnnotationPresent(Setup.class)) {
        setup.invoke(state);
      }
    }
    return method.invoke(state);
  }

  private static void assertPlausible(Object result) {
    assertNotNull(result);
    if (result instanceof Decoded decoded) {
      assertInstanceOf(Decoded.Accepted.class, decoded, decoded::toString);
    }
    if (result instanceof SparkplugResult sparkplug) {
      assertEquals(4, sparkplug.readings().size(), sparkplug::toString);
      assertEquals(Optional.empty(), sparkplug.rebirth(), sparkplug::toString);
    }
  }

  private static List<Method> benchmarkMethods(Class<?> type) {
    return Arrays.stream(type.getMethods()).filter(m -> m.isAnnotationPresent(Benchmark.class)).toList();
  }

  private static List<String> paramValues(Class<?> type) {
    Field field = paramField(type);
    return field == null ? List.of("") : List.of(field.getAnnotation(Param.class).value());
  }

  private static Field paramField(Class<?> type) {
    return Arrays.stream(type.getFields()).filter(f -> f.isAnnotationPresent(Param.class)).findFirst().orElse(null);
  }
}
