package io.twinworks.twins.anomaly.nab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.twinworks.twins.alert.Change;
import io.twinworks.twins.alert.Finding;
import io.twinworks.twins.anomaly.DetectorRules;
import io.twinworks.twins.anomaly.DetectorSpec;
import io.twinworks.twins.anomaly.SignalDetectors;
import io.twinworks.twins.anomaly.nab.NabCorpus.DataFile;
import io.twinworks.twins.anomaly.nab.NabScorer.FileScore;
import io.twinworks.twins.anomaly.nab.NabScorer.Profile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The out-of-the-box sensor detectors of reference.conf on the NAB series, fed as a twin feeds them
 * (readings in order, a reading not after the previous one skipped as late), one configuration for all
 * files. A detection is a RAISED finding at a reading's time.
 */
class NabEvaluationTest {

  /** The published standard score of Skyline (58.2) and KNN CAD (58.0) on the whole NAB corpus. */
  private static final double SKYLINE_LEVEL = 58.0;

  private static List<DataFile> files;
  private static Map<String, long[]> detections;

  @BeforeAll
  static void detect() {
    assumeTrue(NabCorpus.available(), "NAB data not found under " + NabCorpus.DIRECTORY);
    files = NabCorpus.load();
    List<DetectorSpec> specs = DetectorRules.reference().specsFor("sensor", "value", Map.of());
    detections = new LinkedHashMap<>();
    for (DataFile file : files) {
      detections.put(file.name(), raisedAt(file, specs));
    }
  }

  private static long[] raisedAt(DataFile file, List<DetectorSpec> specs) {
    SignalDetectors detectors = new SignalDetectors("value", specs);
    Set<Long> raised = new LinkedHashSet<>();
    long last = Long.MIN_VALUE;
    for (int i = 0; i < file.times().length; i++) {
      if (file.times()[i] <= last) {
        continue;
      }
      last = file.times()[i];
      for (Finding finding : detectors.update(file.times()[i], file.values()[i])) {
        if (finding.change() == Change.RAISED) {
          raised.add(finding.sourceTimeMicros());
        }
      }
    }
    return raised.stream().mapToLong(Long::longValue).toArray();
  }

  private static Map<Profile, List<FileScore>> scores() {
    Map<Profile, List<FileScore>> scores = new LinkedHashMap<>();
    for (Profile profile : Profile.ALL) {
      List<FileScore> perFile = new ArrayList<>();
      for (DataFile file : files) {
        perFile.add(NabScorer.score(file.times(), file.windows(), detections.get(file.name()), profile));
      }
      scores.put(profile, perFile);
    }
    return scores;
  }

  @Test
  void defaultDetectorsReachTheSkylineLevel() {
    Map<Profile, List<FileScore>> scores = scores();
    System.out.printf("%n%-56s %8s %6s %8s %4s %4s %4s%n", "file (standard profile)", "score", "null", "perfect",
        "TP", "FP", "FN");
    List<FileScore> standard = scores.get(Profile.STANDARD);
    for (int i = 0; i < files.size(); i++) {
      FileScore s = standard.get(i);
      System.out.printf("%-56s %8.3f %6.1f %8.1f %4d %4d %4d%n", files.get(i).name(), s.score(), s.nullScore(),
          s.perfectScore(), s.truePositives(), s.falsePositives(), s.falseNegatives());
    }
    scores.forEach((profile, perFile) ->
        System.out.printf("normalised %-20s %6.2f%n", profile.name(), NabScorer.normalized(perFile)));
    double normalised = NabScorer.normalized(standard);
    assertTrue(normalised >= SKYLINE_LEVEL, "standard score " + normalised + " is below " + SKYLINE_LEVEL);
  }

  @Test
  void seriesWithoutAnomaliesGetNoAlertAfterProbation() {
    List<FileScore> standard = scores().get(Profile.STANDARD);
    for (int i = 0; i < files.size(); i++) {
      if (files.get(i).windows().isEmpty()) {
        assertEquals(0, standard.get(i).falsePositives(), files.get(i).name());
      }
    }
  }
}
