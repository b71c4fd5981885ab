package io.twinworks.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinworks.runtime.bench.NabReplay;
import io.twinworks.testsupport.MosquittoBroker;
import io.twinworks.twins.anomaly.nab.NabCorpus;
import io.twinworks.twins.anomaly.nab.NabResults.FileResult;
import io.twinworks.twins.anomaly.nab.NabScorer.Profile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench nab} over a real Mosquitto into a runtime in its own JVM, for two NAB series: the series
 * without anomalies gets no alert after probation, the one with a jump gets its window hit, as the default
 * detectors do offline ({@code NabEvaluationTest}).
 */
class NabReplayIT {

  private static final Path NAB = Path.of(System.getProperty("twinworks.nab.dir", "/work/shared/data/nab"));
  private static final String JUMPS = "artificialWithAnomaly/art_daily_jumpsup.csv";
  private static final String CALM = "artificialNoAnomaly/art_daily_no_noise.csv";

  @TempDir
  Path dir;

  @Test
  void twoSeriesThroughThePipelineScoreAsOffline() throws Exception {
    assumeTrue(NabCorpus.isCorpus(NAB), "NAB data not found under " + NAB);
    Path corpus = twoFileCorpus();
    RuntimeProcess.Ports ports = RuntimeProcess.Ports.free();
    try (MosquittoBroker mosquitto = MosquittoBroker.start();
         RuntimeProcess runtime = RuntimeProcess.start(dir.resolve("runtime"), ports,
             Map.of("twinworks.mqtt.url", mosquitto.url()))) {
      String httpUrl = "http://127.0.0.1:" + ports.http();
      Path json = dir.resolve("nab.json");
      NabReplay.Report report = NabReplay.run(new NabReplay.Settings(corpus, mosquitto.url(), httpUrl, 500,
          Duration.ofSeconds(90)), json, line -> System.out.println("nab: " + line));

      assertEquals(2, report.series().size());
      for (NabReplay.Series series : report.series()) {
        assertEquals(4032, series.readings() + series.late() + series.duplicates(), series.toString());
      }
      FileResult jumps = file(report, JUMPS);
      FileResult calm = file(report, CALM);
      assertEquals(0, calm.score(Profile.STANDARD).falsePositives(), calm.toString());
      assertEquals(1, jumps.score(Profile.STANDARD).truePositives(), jumps.toString());
      JsonNode written = new ObjectMapper().readTree(json.toFile());
      assertEquals(2, written.path("results").path("files").size(), written.toString());
    }
  }

  /** The two files and their labels from the shared corpus, laid out as a corpus of their own. */
  private Path twoFileCorpus() throws Exception {
    Path corpus = dir.resolve("nab");
    Files.createDirectories(corpus.resolve("labels"));
    ObjectMapper json = new ObjectMapper();
    JsonNode labels = json.readTree(NAB.resolve("labels/combined_windows.json").toFile());
    ObjectNode two = json.createObjectNode();
    two.set(JUMPS, labels.get(JUMPS));
    two.set(CALM, labels.get(CALM));
    json.writeValue(corpus.resolve("labels/combined_windows.json").toFile(), two);
    for (String file : List.of(JUMPS, CALM)) {
      Files.createDirectories(corpus.resolve("data").resolve(file).getParent());
      Files.copy(NAB.resolve("data").resolve(file), corpus.resolve("data").resolve(file));
    }
    return corpus;
  }

  private static FileResult file(NabReplay.Report report, String name) {
    return report.results().files().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }
}
