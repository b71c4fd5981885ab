package io.twinworks.twins.battery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.twinworks.twins.alert.Change;
import io.twinworks.twins.alert.Finding;
import java.util.List;
import java.util.Map;

/** Assertions on findings whose numbers come from floating-point arithmetic. */
final class Findings {

  private static final double TOLERANCE = 1e-9;

  private Findings() {}

  static List<Finding> ofKind(List<Finding> findings, String kind) {
    return findings.stream().filter(finding -> finding.kind().equals(kind)).toList();
  }

  static Finding only(List<Finding> findings, String kind) {
    List<Finding> matching = ofKind(findings, kind);
    assertEquals(1, matching.size(), "one " + kind + " finding in " + findings);
    return matching.get(0);
  }

  static void assertFinding(Finding actual, Change change, String signal, double value, double expected,
      double deviation, Map<String, Double> evidence) {
    assertEquals(change, actual.change());
    assertEquals(signal, actual.signal());
    assertEquals(value, actual.value(), TOLERANCE, "value");
    assertEquals(expected, actual.expected(), TOLERANCE, "expected");
    assertEquals(deviation, actual.deviation(), TOLERANCE, "deviation");
    assertEquals(evidence.keySet(), actual.evidence().keySet());
    evidence.forEach((key, number) -> assertEquals(number, actual.evidence().get(key), TOLERANCE, key));
  }
}
