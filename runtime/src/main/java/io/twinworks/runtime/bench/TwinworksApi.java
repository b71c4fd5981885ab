package io.twinworks.runtime.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The calls a bench makes to a running Twinworks: its ingest counters, a twin's state, a twin's configuration. */
final class TwinworksApi {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String httpUrl;

  TwinworksApi(String httpUrl) {
    this.httpUrl = httpUrl;
  }

  /** {@code twinworks_ingest_readings_total} by outcome, from {@code GET /metrics?name[]=} that counter only. */
  IngestCounters ingestCounters() {
    URI uri = URI.create(httpUrl + "/metrics?name%5B%5D=" + IngestCounters.METRIC);
    return IngestCounters.parse(send(HttpRequest.newBuilder(uri)).body());
  }

  /**
   * The ingest counters of several nodes summed: with shared subscriptions each node counts only the readings its
   * own ingestion applied, so a cluster's total is the sum over its nodes.
   */
  static LoadRun.Counter summedIngestCounters(List<String> httpUrls) {
    List<TwinworksApi> nodes = httpUrls.stream().map(TwinworksApi::new).toList();
    return () -> nodes.stream().map(TwinworksApi::ingestCounters).reduce(IngestCounters.NONE, IngestCounters::plus);
  }

  /** {@code GET /api/v1/twins/{id}}, or empty while the twin does not exist (404). */
  Optional<JsonNode> twin(String id) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(twinUri(id)));
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readTree(expect200(response, "GET " + twinUri(id))));
    } catch (IOException e) {
      throw new IllegalStateException("GET " + twinUri(id) + " answered something that is not JSON: " + e.getMessage());
    }
  }

  /** Waits until the twin exists (its first reading was persisted). */
  void awaitTwin(String id, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (twin(id).isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("twin " + id + " did not appear at " + twinUri(id) + " within " + timeout);
      }
      WindowedPublisher.pause(100);
    }
  }

  /** {@code PUT /api/v1/twins/{id}/config} with a JSON body. */
  void configure(String id, String json) {
    URI uri = URI.create(twinUri(id) + "/config");
    expect200(send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json))), "PUT " + uri);
  }

  private URI twinUri(String id) {
    return URI.create(httpUrl + "/api/v1/twins/" + id);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    HttpRequest built = ApiTokenHeader.authorized(request).timeout(TIMEOUT).build();
    try {
      return http.send(built, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("cannot reach " + built.uri() + " (is Twinworks running there?): " + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted calling " + built.uri(), e);
    }
  }

  private static String expect200(HttpResponse<String> response, String call) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(call + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }
}
