package io.twinworks.runtime.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.twinworks.twins.TwinConfig;
import java.util.Map;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpResponse;

/** The body of {@code PUT /twins/{id}/config} and of its answers: a JSON object, kept as the twin stores it. */
final class ConfigBody {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private ConfigBody() {}

  /** The configuration a body gives; throws {@link BadRequestException} unless it is a JSON object. */
  static TwinConfig parse(String body) {
    JsonNode tree;
    try {
      tree = JsonResponses.mapper().readTree(body);
    } catch (JsonProcessingException e) {
      throw new BadRequestException("the body must be a JSON object: " + e.getOriginalMessage());
    }
    if (tree == null || !tree.isObject()) {
      throw new BadRequestException("the body must be a JSON object, e.g. {\"heartbeat-timeout\":\"PT1M\"}");
    }
    return TwinConfig.of(JsonResponses.mapper().convertValue(tree, MAP));
  }

  static HttpResponse answer(TwinConfig config) {
    return HttpResponse.create().withEntity(ContentTypes.APPLICATION_JSON, config.json());
  }
}
