package io.twinworks.runtime.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The kinds of the load's twins as weights, e.g. {@code sensors=80,machines=15,packs=5} (percent, or any
 * weights: {@code sensors=1,packs=1} is half and half); a kind left out has none.
 */
public record LoadMix(int sensors, int machines, int packs) {

  public static final LoadMix SENSORS_ONLY = new LoadMix(100, 0, 0);

  public LoadMix {
    if (sensors < 0 || machines < 0 || packs < 0 || sensors + machines + packs == 0) {
      throw new IllegalArgumentException("--mix needs weights of at least 0 and one above 0, e.g. "
          + "sensors=80,machines=15,packs=5");
    }
  }

  /** How many twins of each kind. */
  public record Split(int sensors, int machines, int packs) {
    public int twins() {
      return sensors + machines + packs;
    }
  }

  /** Parses {@code kind=weight} pairs separated by commas; kinds are {@code sensors}, {@code machines}, {@code packs}. */
  public static LoadMix parse(String spec) {
    Map<String, Integer> weights = new LinkedHashMap<>(Map.of("sensors", 0, "machines", 0, "packs", 0));
    for (String part : spec.split(",")) {
      String[] pair = part.trim().split("=", -1);
      if (pair.length != 2 || !weights.containsKey(pair[0].trim())) {
        throw new IllegalArgumentException("--mix: '" + part.trim() + "' is not one of sensors=N, machines=N, "
            + "packs=N (e.g. sensors=80,machines=15,packs=5)");
      }
      try {
        weights.put(pair[0].trim(), Integer.parseInt(pair[1].trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--mix: the weight in '" + part.trim() + "' is not a whole number");
      }
    }
    return new LoadMix(weights.get("sensors"), weights.get("machines"), weights.get("packs"));
  }

  /**
   * Shares {@code twins} by weight: whole shares first, the twins left over to the largest remainders (sensors
   * before machines before packs on a tie); then every kind with a weight gets at least one twin, taken from the
   * kind with the most.
   */
  public Split split(int twins) {
    int[] weight = {sensors, machines, packs};
    int kinds = (sensors > 0 ? 1 : 0) + (machines > 0 ? 1 : 0) + (packs > 0 ? 1 : 0);
    if (twins < kinds) {
      throw new IllegalArgumentException("--twins " + twins + " is too few for " + kinds + " kinds in --mix");
    }
    long total = sensors + machines + packs;
    int[] count = new int[3];
    long[] remainder = new long[3];
    int left = twins;
    for (int k = 0; k < 3; k++) {
      count[k] = (int) ((long) twins * weight[k] / total);
      remainder[k] = (long) twins * weight[k] % total;
      left -= count[k];
    }
    for (; left > 0; left--) {
      int largest = 0;
      for (int k = 1; k < 3; k++) {
        if (remainder[k] > remainder[largest]) {
          largest = k;
        }
      }
      count[largest]++;
      remainder[largest] = -1;
    }
    for (int k = 0; k < 3; k++) {
      if (weight[k] > 0 && count[k] == 0) {
        count[most(count)]--;
        count[k] = 1;
      }
    }
    return new Split(count[0], count[1], count[2]);
  }

  private static int most(int[] count) {
    int most = 0;
    for (int k = 1; k < count.length; k++) {
      if (count[k] > count[most]) {
        most = k;
      }
    }
    return most;
  }

  @Override
  public String toString() {
    return "sensors=" + sensors + ",machines=" + machines + ",packs=" + packs;
  }
}
