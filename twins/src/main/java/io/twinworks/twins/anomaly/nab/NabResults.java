package io.twinworks.twins.anomaly.nab;

import io.twinworks.twins.anomaly.nab.NabCorpus.DataFile;
import io.twinworks.twins.anomaly.nab.NabScorer.FileScore;
import io.twinworks.twins.anomaly.nab.NabScorer.Profile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One detector run scored over a corpus: each file under every NAB profile, and the normalised corpus
 * score per profile (keyed by {@link Profile#name()}).
 */
public record NabResults(List<FileResult> files, Map<String, Double> normalized) {

  /** One file: its rows, the detections made on it, and its score per profile. */
  public record FileResult(String name, int rows, int detections, Map<String, FileScore> scores) {

    public FileScore score(Profile profile) {
      return scores.get(profile.name());
    }
  }

  public NabResults {
    files = List.copyOf(files);
    normalized = Map.copyOf(normalized);
  }

  /**
   * Scores {@code detections} (file name → times of the rows a detection was made on; a file without an
   * entry had none) under every profile of {@link Profile#ALL}.
   */
  public static NabResults score(List<DataFile> corpus, Map<String, long[]> detections) {
    List<FileResult> files = new ArrayList<>();
    for (DataFile file : corpus) {
      long[] detected = detections.getOrDefault(file.name(), new long[0]);
      Map<String, FileScore> scores = new LinkedHashMap<>();
      for (Profile profile : Profile.ALL) {
        scores.put(profile.name(), NabScorer.score(file.times(), file.windows(), detected, profile));
      }
      files.add(new FileResult(file.name(), file.times().length, detected.length, scores));
    }
    Map<String, Double> normalized = new LinkedHashMap<>();
    for (Profile profile : Profile.ALL) {
      normalized.put(profile.name(), NabScorer.normalized(files.stream().map(f -> f.score(profile)).toList()));
    }
    return new NabResults(files, normalized);
  }

  public double normalized(Profile profile) {
    return normalized.get(profile.name());
  }

  /** A table of the files under the standard profile, then the normalised score of each profile. */
  public String table() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%-56s %6s %5s %8s %6s %8s %4s %4s %4s%n", "file (standard profile)", "rows",
        "det.", "score", "null", "perfect", "TP", "FP", "FN"));
    for (FileResult file : files) {
      FileScore s = file.score(Profile.STANDARD);
      out.append(String.format(Locale.ROOT, "%-56s %6d %5d %8.3f %6.1f %8.1f %4d %4d %4d%n", file.name(), file.rows(),
          file.detections(), s.score(), s.nullScore(), s.perfectScore(), s.truePositives(), s.falsePositives(),
          s.falseNegatives()));
    }
    for (Profile profile : Profile.ALL) {
      out.append(String.format(Locale.ROOT, "normalised %-20s %6.2f%n", profile.name(), normalized(profile)));
    }
    return out.toString();
  }
}
