package io.twinworks.runtime.http;

import static io.twinworks.runtime.http.JsonResponses.badRequest;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import io.twinworks.runtime.security.ForbiddenException;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.pattern.StatusReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns handlers and their failures into answers: 400 for bad parameters, 503 on timeouts, 500 otherwise. */
final class Answers {

  private static final Logger log = LoggerFactory.getLogger(Answers.class);

  private Answers() {}

  /** Runs a handler whose validation may throw, answering 400 for bad parameters. */
  static CompletionStage<HttpResponse> of(Supplier<CompletionStage<HttpResponse>> handler) {
    CompletionStage<HttpResponse> response;
    try {
      response = handler.get();
    } catch (BadRequestException | IllegalArgumentException e) {
      response = CompletableFuture.completedFuture(badRequest(e.getMessage()));
    } catch (ForbiddenException e) {
      response = CompletableFuture.completedFuture(failure(e));
    }
    return response.exceptionally(Answers::failure);
  }

  /** Answers a twin's refusal ({@link StatusReply#error}) with {@code refused} of its message. */
  static CompletionStage<HttpResponse> onRefusal(CompletionStage<HttpResponse> stage,
      Function<String, HttpResponse> refused) {
    return stage.handle((response, failure) -> {
      if (failure == null) {
        return CompletableFuture.completedFuture(response);
      }
      return refusal(failure).map(refused).map(CompletableFuture::completedFuture)
          .orElseGet(() -> CompletableFuture.failedFuture(unwrap(failure)));
    }).thenCompose(answer -> answer);
  }

  static Optional<String> refusal(Throwable failure) {
    return unwrap(failure) instanceof StatusReply.ErrorMessage refused
        ? Optional.of(refused.getMessage()) : Optional.empty();
  }

  static HttpResponse failure(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof BadRequestException bad) {
      return badRequest(bad.getMessage());
    }
    if (cause instanceof ForbiddenException forbidden) {
      return JsonResponses.error(StatusCodes.FORBIDDEN, "forbidden", forbidden.getMessage());
    }
    if (cause instanceof EntityStreamSizeException tooLarge) {
      return ApiGuard.tooLarge(tooLarge.limit());
    }
    if (cause instanceof java.util.concurrent.TimeoutException
        || cause instanceof org.apache.pekko.pattern.AskTimeoutException) {
      return JsonResponses.error(StatusCodes.SERVICE_UNAVAILABLE, "timeout",
          "the twin did not answer in time; try again");
    }
    log.error("request failed", cause);
    return JsonResponses.error(StatusCodes.INTERNAL_SERVER_ERROR, "internal-error",
        "the request failed: " + cause.getClass().getSimpleName());
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
  }
}
