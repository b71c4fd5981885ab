package io.twinworks.connectors.modbus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups a register map into as few read requests as the protocol allows: per table, in address order, neighbours
 * whose gap is at most {@code maxGap} share a request as long as it stays within the table's limit per read
 * (125 registers, 2000 bits).
 */
public final class ReadPlanner {

  private ReadPlanner() {}

  public static List<ReadRequest> plan(List<RegisterMapping> registers, int maxGap) {
    List<RegisterMapping> sorted = new ArrayList<>(registers);
    sorted.sort(Comparator.comparing(RegisterMapping::table).thenComparingInt(RegisterMapping::address));
    List<ReadRequest> requests = new ArrayList<>();
    List<RegisterMapping> group = new ArrayList<>();
    for (RegisterMapping register : sorted) {
      if (!group.isEmpty() && !fits(group, register, maxGap)) {
        requests.add(request(group));
        group = new ArrayList<>();
      }
      group.add(register);
    }
    if (!group.isEmpty()) {
      requests.add(request(group));
    }
    return requests;
  }

  private static boolean fits(List<RegisterMapping> group, RegisterMapping next, int maxGap) {
    RegisterMapping first = group.get(0);
    RegisterMapping last = group.get(group.size() - 1);
    return next.table() == first.table()
        && next.address() - last.end() <= maxGap
        && next.end() - first.address() <= first.table().maxPerRead();
  }

  private static ReadRequest request(List<RegisterMapping> group) {
    RegisterMapping first = group.get(0);
    int end = group.stream().mapToInt(RegisterMapping::end).max().orElseThrow();
    return new ReadRequest(first.table(), first.address(), end - first.address(), group);
  }
}
