package io.twinworks.runtime.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;

/** JSON bodies for the HTTP API: answers and {@code {"error","message"}} errors. */
public final class JsonResponses {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

  private JsonResponses() {}

  /** The body of every error answer. */
  public record ApiError(String error, String message) {}

  public static HttpResponse ok(Object body) {
    return json(StatusCodes.OK, body);
  }

  public static HttpResponse error(StatusCode status, String code, String message) {
    return json(status, new ApiError(code, message));
  }

  public static HttpResponse badRequest(String message) {
    return error(StatusCodes.BAD_REQUEST, "bad-request", message);
  }

  public static HttpResponse notFound(String message) {
    return error(StatusCodes.NOT_FOUND, "not-found", message);
  }

  public static HttpResponse json(StatusCode status, Object body) {
    try {
      return HttpResponse.create().withStatus(status)
          .withEntity(ContentTypes.APPLICATION_JSON, MAPPER.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON for " + body.getClass().getSimpleName(), e);
    }
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
