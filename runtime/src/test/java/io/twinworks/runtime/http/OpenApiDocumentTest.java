package io.twinworks.runtime.http;

import static io.twinworks.runtime.http.ApiHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/openapi.json} against the real router: it names the same calls as README's "HTTP API" table, and
 * every operation in it, called with its examples, reaches a route (not the router's 404 or a 405).
 */
class OpenApiDocumentTest {

  private static final ApiHarness api = new ApiHarness("OpenApiDocumentTest");
  private static final Pattern README_CALL = Pattern.compile("^\\| `(GET|POST|PUT|DELETE) (/[^`?\\[ ]*)");
  private static final String ROUTER_NOT_FOUND = "no such resource";

  @AfterAll
  static void shutdown() {
    api.close();
  }

  @Test
  void theDocumentIsServedAsJsonAndIsOpenApi3() {
    HttpResponse<String> response = api.get("/api/v1/openapi.json");
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"));
    assertTrue(json(response).get("openapi").asText().startsWith("3."));
    assertTrue(json(response).at("/components/securitySchemes/bearer").isObject(), "the bearer scheme");
  }

  @Test
  void itNamesExactlyTheCallsOfTheReadmesHttpTable() throws Exception {
    assertEquals(readmeCalls(), documentCalls());
  }

  @Test
  void everyOperationWithItsExamplesReachesARoute() throws Exception {
    TwinId machine = TwinId.of("default:line1:cnc01");
    api.register(machine, TwinKind.MACHINE);
    api.record(machine, TwinKind.MACHINE, Instant.now(), Map.of("spindle_temperature", 48.0));
    JsonNode paths = document().get("paths");
    List<String> checked = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> operation = ops.next();
        String method = operation.getKey().toUpperCase();
        int status = call(method, example(path.getKey(), operation.getValue()), operation.getValue());
        assertNotEquals(405, status, method + " " + path.getKey());
        checked.add(method + " " + path.getKey() + " → " + status);
      }
    }
    assertEquals(documentCalls().size(), checked.size(), checked.toString());
  }

  /** Sends the call; answers its status, failing on the router's own 404 (no route), not a resource's. */
  private static int call(String method, String pathAndQuery, JsonNode operation) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(pathAndQuery)).timeout(ApiHarness.TIMEOUT);
    JsonNode body = operation.at("/requestBody/content/application~1json/example");
    request = switch (method) {
      case "GET" -> request.GET();
      case "POST" -> request.POST(HttpRequest.BodyPublishers.noBody());
      case "PUT" -> request.header("Content-Type", "application/json")
          .PUT(HttpRequest.BodyPublishers.ofString(body.toString()));
      default -> throw new AssertionError("no example call for " + method);
    };
    // Streams never end: read the status and headers, then close.
    HttpResponse<InputStream> response = api.client().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = response.body()) {
      if (response.statusCode() == 404) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(!text.contains(ROUTER_NOT_FOUND), method + " " + pathAndQuery + " has no route: " + text);
      }
    }
    return response.statusCode();
  }

  /** The path with its path parameters' examples, and the required query parameters' examples. */
  private static String example(String path, JsonNode operation) {
    StringBuilder query = new StringBuilder();
    for (JsonNode parameter : operation.path("parameters")) {
      String example = parameter.path("example").asText(null);
      if (parameter.get("in").asText().equals("path")) {
        assertTrue(example != null, "path parameter " + parameter.get("name") + " of " + path + " needs an example");
        path = path.replace("{" + parameter.get("name").asText() + "}", example);
      } else if (parameter.get("in").asText().equals("query") && parameter.path("required").asBoolean()) {
        assertTrue(example != null, "required parameter " + parameter.get("name") + " of " + path + " needs an example");
        query.append(query.length() == 0 ? '?' : '&').append(parameter.get("name").asText()).append('=')
            .append(URLEncoder.encode(example, StandardCharsets.UTF_8));
      }
    }
    return path + query;
  }

  private static TreeSet<String> documentCalls() throws Exception {
    TreeSet<String> calls = new TreeSet<>();
    document().get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
        .forEachRemaining(method -> calls.add(method.toUpperCase() + " " + path.getKey())));
    return calls;
  }

  /** The calls of README's "## HTTP API" table, e.g. {@code GET /api/v1/twins/{id}}; the management port's aside. */
  private static TreeSet<String> readmeCalls() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("..", "README.md"));
    int start = lines.indexOf("## HTTP API");
    assertTrue(start >= 0, "README has a '## HTTP API' section");
    TreeSet<String> calls = new TreeSet<>();
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.startsWith("## ")) {
        break;
      }
      Matcher call = README_CALL.matcher(line);
      if (call.find()) {
        calls.add(call.group(1) + " " + call.group(2));
      }
    }
    return calls;
  }

  private static JsonNode document() throws Exception {
    try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/openapi.json")) {
      return json(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
