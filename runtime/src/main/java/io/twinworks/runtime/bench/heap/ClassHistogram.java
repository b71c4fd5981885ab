package io.twinworks.runtime.bench.heap;

import java.lang.management.ManagementFactory;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The live objects per class, as {@code jcmd <pid> GC.class_histogram} prints them (it runs the same diagnostic
 * command, in process, after a full collection), so two of them say which classes a change of the heap is made of.
 */
public record ClassHistogram(Map<String, Usage> classes) {

  /** Instances and bytes of one class. */
  public record Usage(long instances, long bytes) {}

  /** A class's growth between two histograms, per twin. */
  public record Growth(String className, double instancesPerTwin, double bytesPerTwin) {}

  private static final Pattern LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

  static ClassHistogram take() throws JMException {
    String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
        new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
        new Object[] {new String[0]}, new String[] {String[].class.getName()});
    return parse(text);
  }

  static ClassHistogram parse(String text) {
    Map<String, Usage> classes = new HashMap<>();
    for (String line : text.split("\n")) {
      Matcher m = LINE.matcher(line);
      if (m.find()) {
        classes.merge(m.group(3), new Usage(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))),
            (a, b) -> new Usage(a.instances() + b.instances(), a.bytes() + b.bytes()));
      }
    }
    return new ClassHistogram(Map.copyOf(classes));
  }

  /** The classes that grew most since {@code before}, in bytes, divided by {@code twins}; not the bench's own. */
  List<Growth> largestGrowth(ClassHistogram before, int twins, int limit) {
    return classes.entrySet().stream()
        .filter(e -> !e.getKey().startsWith(ClassHistogram.class.getPackageName()))
        .map(e -> {
          Usage was = before.classes().getOrDefault(e.getKey(), new Usage(0, 0));
          return new Growth(e.getKey(), (e.getValue().instances() - was.instances()) / (double) twins,
              (e.getValue().bytes() - was.bytes()) / (double) twins);
        })
        .sorted(Comparator.comparingDouble(Growth::bytesPerTwin).reversed())
        .limit(limit)
        .toList();
  }
}
