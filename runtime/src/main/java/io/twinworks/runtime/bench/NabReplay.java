package io.twinworks.runtime.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twinworks.runtime.bench.AlertStreamReader.Received;
import io.twinworks.twins.anomaly.nab.NabCorpus;
import io.twinworks.twins.anomaly.nab.NabCorpus.DataFile;
import io.twinworks.twins.anomaly.nab.NabResults;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * {@code twinworks bench nab}: replays every NAB series of a corpus through a running Twinworks and scores the
 * alerts it raises. Each file becomes a sensor twin {@code default:NAB-<stem>-<run>} (a new one per run, so
 * reruns do not meet old state) fed over MQTT QoS 1 on the sensor route, in file order with the rows' own
 * timestamps, all files interleaved through one window of publishes in flight. Once every twin counts every row
 * (applied, late or duplicate) and its alert stream has settled, each {@code active} change of a detector
 * alert (not {@code communication-loss}) is a detection at its {@code sourceTime}, scored by {@link NabResults}.
 */
public final class NabReplay {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String COMMUNICATION_LOSS = "communication-loss";
  /** Alert changes reach the log within the hub's confirm round and the tail's 100 ms poll. */
  private static final Duration QUIET = Duration.ofSeconds(2);

  /** Where the corpus is and where Twinworks runs. */
  public record Settings(Path dataDir, String mqttUrl, String httpUrl, int window, Duration timeout) {
    public Settings {
      if (window < 1) {
        throw new IllegalArgumentException("--window must be positive, was " + window);
      }
    }
  }

  /** One replayed file: its twin and what the twin counted and raised. */
  public record Series(String file, String twinId, int rows, long readings, long late, long duplicates,
      int detections) {}

  /** The whole run, also written as JSON. */
  public record Report(Instant date, String runId, String dataDir, double seconds, List<Series> series,
      NabResults results) {}

  private final Settings settings;
  private final Progress progress;
  private final List<DataFile> corpus;
  private final String runId;
  private final List<String> sensors = new ArrayList<>();

  private NabReplay(Settings settings, Progress progress) {
    this.settings = settings;
    this.progress = progress;
    if (!NabCorpus.isCorpus(settings.dataDir())) {
      throw new IllegalArgumentException("--data " + settings.dataDir() + " is not a NAB corpus (no "
          + settings.dataDir().resolve("labels/combined_windows.json") + ")");
    }
    this.corpus = NabCorpus.load(settings.dataDir());
    this.runId = Long.toString(System.currentTimeMillis(), 36);
    for (DataFile file : corpus) {
      sensors.add("NAB-" + file.stem().replaceAll("[^A-Za-z0-9._-]", "-") + "-" + runId);
    }
  }

  /** Replays the corpus, prints the table, writes {@code json} when given, and answers the report. */
  public static Report run(Settings settings, Path json, Progress progress) throws Exception {
    Report report = new NabReplay(settings, progress).replay();
    System.out.println();
    System.out.printf("%-56s %-40s %6s %8s %5s %5s %5s%n", "file", "twin", "rows", "readings", "late", "dup.", "det.");
    for (Series s : report.series()) {
      System.out.printf("%-56s %-40s %6d %8d %5d %5d %5d%n", s.file(), s.twinId(), s.rows(), s.readings(), s.late(),
          s.duplicates(), s.detections());
    }
    System.out.println();
    System.out.print(report.results().table());
    System.out.printf(Locale.ROOT, "replayed %,d rows in %.1f s%n", report.series().stream().mapToInt(Series::rows).sum(),
        report.seconds());
    if (json != null) {
      ReportFile.write(json, report);
      System.out.println("bench nab: results written to " + json);
    }
    return report;
  }

  private Report replay() throws Exception {
    long started = System.nanoTime();
    long deadline = started + settings.timeout().toNanos();
    int rows = corpus.stream().mapToInt(file -> file.times().length).sum();
    progress.line(String.format("%d files, %,d rows, run %s, broker %s", corpus.size(), rows, runId, settings.mqttUrl()));
    List<AlertStreamReader> streams = new ArrayList<>();
    try {
      for (String sensor : sensors) {
        streams.add(AlertStreamReader.start(settings.httpUrl(), twinId(sensor), 0));
      }
      WindowedPublisher publisher = new WindowedPublisher(settings.mqttUrl(), 1);
      CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> publish(publisher));
      List<Series> series = awaitCounted(publisher, publishing, deadline);
      publishing.join();
      awaitSettled(streams, deadline);
      Map<String, long[]> detections = new LinkedHashMap<>();
      List<Series> withDetections = new ArrayList<>();
      for (int i = 0; i < corpus.size(); i++) {
        long[] detected = detections(streams.get(i).changes());
        detections.put(corpus.get(i).name(), detected);
        Series s = series.get(i);
        withDetections.add(new Series(s.file(), s.twinId(), s.rows(), s.readings(), s.late(), s.duplicates(),
            detected.length));
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      return new Report(Instant.now(), runId, settings.dataDir().toString(), seconds, withDetections,
          NabResults.score(corpus, detections));
    } finally {
      streams.forEach(AlertStreamReader::close);
    }
  }

  private void publish(WindowedPublisher publisher) {
    Interleaved rows = new Interleaved();
    try {
      publisher.publishAll(new WindowedPublisher.Messages() {
        @Override
        public int total() {
          return rows.file.length;
        }

        @Override
        public String topic(int n) {
          return "sensors/" + sensors.get(rows.file[n]) + "/data";
        }

        @Override
        public byte[] payload(int n) {
          DataFile file = corpus.get(rows.file[n]);
          return reading(file.values()[rows.row[n]], file.times()[rows.row[n]]).getBytes(StandardCharsets.UTF_8);
        }
      }, settings.window(), settings.timeout());
    } catch (Exception e) {
      throw new IllegalStateException("publishing failed: " + e.getMessage(), e);
    }
  }

  /** {@code {"value": v, "timestamp": "<ISO UTC>"}} at the row's own time. */
  static String reading(double value, long micros) {
    Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    return "{\"value\": " + value + ", \"timestamp\": \"" + at + "\"}";
  }

  /** The rows of all files in round-robin order: each file's rows stay in file order. */
  private final class Interleaved {
    final int[] file;
    final int[] row;

    Interleaved() {
      int total = corpus.stream().mapToInt(f -> f.times().length).sum();
      file = new int[total];
      row = new int[total];
      int n = 0;
      for (int r = 0; n < total; r++) {
        for (int f = 0; f < corpus.size(); f++) {
          if (r < corpus.get(f).times().length) {
            file[n] = f;
            row[n++] = r;
          }
        }
      }
    }
  }

  /** Waits until every twin counts all its rows (readings + late + duplicates); answers the counts. */
  private List<Series> awaitCounted(WindowedPublisher publisher, CompletableFuture<Void> publishing, long deadline)
      throws Exception {
    long lastReport = System.nanoTime();
    while (true) {
      if (publishing.isCompletedExceptionally()) {
        publishing.join();
      }
      List<Series> series = new ArrayList<>();
      long counted = 0;
      boolean complete = true;
      for (int i = 0; i < corpus.size(); i++) {
        Series s = counts(i);
        series.add(s);
        counted += s.readings() + s.late() + s.duplicates();
        complete &= s.readings() + s.late() + s.duplicates() >= s.rows();
      }
      if (complete) {
        progress.line(String.format("every twin counted every row (%,d)", counted));
        return series;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("twins counted " + counted + " rows of " + publisher.acknowledged()
            + " acknowledged within " + settings.timeout() + ": " + series);
      }
      if (System.nanoTime() - lastReport > 5_000_000_000L) {
        lastReport = System.nanoTime();
        progress.line(String.format("%,d published and acknowledged, %,d counted by the twins", publisher.acknowledged(),
            counted));
      }
      WindowedPublisher.pause(500);
    }
  }

  private Series counts(int file) throws Exception {
    String twin = twinId(sensors.get(file));
    JsonNode counts = twinJson(twin).path("counts");
    return new Series(corpus.get(file).name(), twin, corpus.get(file).times().length, counts.path("readings").asLong(),
        counts.path("late").asLong(), counts.path("duplicates").asLong(), 0);
  }

  /**
   * Waits until each stream holds every alert its twin has raised so far (the raised numbers {@code 1..n} of
   * alert ids {@code <twin>~<n>} without a hole, and each open alert of the twin) and nothing new came for
   * {@link #QUIET}.
   */
  private void awaitSettled(List<AlertStreamReader> streams, long deadline) throws Exception {
    long quietSince = System.nanoTime();
    int seen = -1;
    while (System.nanoTime() < deadline) {
      int now = streams.stream().mapToInt(s -> s.changes().size()).sum();
      if (now != seen) {
        seen = now;
        quietSince = System.nanoTime();
      } else if (System.nanoTime() - quietSince > QUIET.toNanos() && allRaisedSeen(streams)) {
        progress.line(String.format("alert streams settled: %d changes", now));
        return;
      }
      WindowedPublisher.pause(200);
    }
    String failures = streams.stream().map(AlertStreamReader::failure).filter(f -> f != null).toList().toString();
    throw new IllegalStateException("alert streams did not settle within " + settings.timeout() + " " + failures);
  }

  private boolean allRaisedSeen(List<AlertStreamReader> streams) throws Exception {
    for (int i = 0; i < streams.size(); i++) {
      TreeSet<Long> raised = new TreeSet<>();
      TreeSet<String> ids = new TreeSet<>();
      for (Received change : streams.get(i).changes()) {
        String id = change.alert().path("id").asText();
        ids.add(id);
        if ("active".equals(change.alert().path("state").asText())) {
          raised.add(Long.parseLong(id.substring(id.lastIndexOf('~') + 1)));
        }
      }
      if (!raised.isEmpty() && raised.last() != raised.size()) {
        return false;
      }
      for (JsonNode open : twinJson(twinId(sensors.get(i))).path("alerts")) {
        if (!ids.contains(open.path("id").asText())) {
          return false;
        }
      }
    }
    return true;
  }

  /** The source times of the detector alerts raised, each once, in time order. */
  static long[] detections(List<Received> changes) {
    Map<String, Long> raised = new LinkedHashMap<>();
    for (Received change : changes) {
      JsonNode alert = change.alert();
      if ("active".equals(alert.path("state").asText()) && !COMMUNICATION_LOSS.equals(alert.path("kind").asText())) {
        Instant at = Instant.parse(alert.path("sourceTime").asText());
        raised.putIfAbsent(alert.path("id").asText(), at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000);
      }
    }
    return raised.values().stream().mapToLong(Long::longValue).sorted().distinct().toArray();
  }

  private static String twinId(String sensor) {
    return "default:" + sensor;
  }

  private JsonNode twinJson(String twinId) throws Exception {
    URI uri = URI.create(settings.httpUrl() + "/api/v1/twins/" + twinId); // ids are URL-safe: [A-Za-z0-9._:-]
    try {
      HttpResponse<String> response = HTTP.send(ApiTokenHeader.authorized(HttpRequest.newBuilder(uri))
              .timeout(Duration.ofSeconds(20)).build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.createObjectNode();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + uri + " (is Twinworks running there?): " + e.getMessage(), e);
    }
  }
}
