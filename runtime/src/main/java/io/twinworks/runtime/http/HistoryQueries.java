package io.twinworks.runtime.http;

import static io.twinworks.runtime.http.JsonResponses.ok;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.twinworks.persistence.history.HistoryBucket;
import io.twinworks.twins.TwinTime;
import io.twinworks.twins.time.GapFill;
import io.twinworks.persistence.history.HistoryPoint;
import io.twinworks.persistence.history.HistoryQuery;
import io.twinworks.persistence.history.HistoryStore;
import io.twinworks.runtime.config.RuntimeSettings.HistorySettings;
import io.twinworks.twins.TwinId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;
import org.apache.pekko.http.javadsl.model.HttpResponse;

/**
 * {@code GET /twins/{id}/history}: raw points for short ranges, buckets when a step is given or the
 * range is long. Raw answers are capped; a capped answer says so and where to continue.
 */
public final class HistoryQueries {

  private static final Pattern SIGNAL = Pattern.compile("[A-Za-z0-9._:/-]{1,256}");
  private static final List<Duration> AUTO_STEPS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
      Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(7));
  private static final int AUTO_BUCKETS = 1000;

  private final HistoryStore history;
  private final HistorySettings settings;
  private final Clock clock;

  public HistoryQueries(HistoryStore history, HistorySettings settings, Clock clock) {
    this.history = history;
    this.settings = settings;
    this.clock = clock;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Points(String twinId, String signal, List<Point> points, Instant next, String message) {}

  record Point(Instant t, double v, String q) {}

  record Buckets(String twinId, String signal, Duration step, List<Bucket> points) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Bucket(Instant t, double min, double max, double avg, long count, Boolean filled) {}

  /** Validates the parameters (throwing {@link BadRequestException}) and answers. */
  public CompletionStage<HttpResponse> answer(TwinId twin, Map<String, String> params) {
    String signal = signal(params.get("signal"));
    QueryParams.TimeRange times = QueryParams.range(params, settings.defaultRange(), clock);
    Instant from = times.from();
    Instant to = times.to();
    Duration range = times.length();
    Optional<Duration> step = step(params.get("step"), range, settings.maxPoints());
    if (step.isEmpty() && range.compareTo(settings.rawRange()) > 0) {
      step = Optional.of(autoStep(range));
    }
    Optional<GapFill.Method> fill = BucketGaps.method(params.get("fill"), signal);
    if (step.isPresent()) {
      return buckets(twin, signal, from, to, step.get(), fill);
    }
    int limit = QueryParams.limit(Optional.ofNullable(params.get("limit")), settings.maxPoints(), settings.maxPoints());
    return points(twin, signal, from, to, limit);
  }

  private CompletionStage<HttpResponse> points(TwinId twin, String signal, Instant from, Instant to, int limit) {
    return history.points(new HistoryQuery(twin, signal, from, to, limit + 1)).thenApply(found -> {
      boolean more = found.size() > limit;
      List<Point> points = found.stream().limit(limit).map(HistoryQueries::point).toList();
      Instant next = more ? points.get(points.size() - 1).t().plus(1, ChronoUnit.MICROS) : null;
      String message = more ? "more than " + limit + " points in the range; ask again with from=" + next : null;
      return ok(new Points(twin.value(), signal, points, next, message));
    });
  }

  private CompletionStage<HttpResponse> buckets(TwinId twin, String signal, Instant from, Instant to, Duration step,
      Optional<GapFill.Method> fill) {
    return history.buckets(new HistoryQuery(twin, signal, from, to, settings.maxPoints()), step)
        .thenApply(found -> ok(new Buckets(twin.value(), signal, step, fill.isEmpty()
            ? found.stream().map(HistoryQueries::bucket).toList()
            : BucketGaps.fill(found, step, fill.get()).stream().map(HistoryQueries::bucket).toList())));
  }

  static Optional<Duration> step(String raw, Duration range, int maxPoints) {
    if (raw == null || raw.isEmpty()) {
      return Optional.empty();
    }
    Duration step;
    try {
      step = Duration.parse(raw);
    } catch (DateTimeParseException e) {
      throw new BadRequestException("step must be an ISO-8601 duration such as PT1M or PT1H, was '" + clip(raw) + "'");
    }
    if (step.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new BadRequestException("step must be at least PT1S, was " + clip(raw));
    }
    if (range.dividedBy(step) > maxPoints) {
      throw new BadRequestException("step " + step + " makes more than " + maxPoints
          + " buckets over " + range + "; choose a larger step or a shorter range");
    }
    return Optional.of(step);
  }

  private static Duration autoStep(Duration range) {
    return AUTO_STEPS.stream().filter(s -> range.dividedBy(s) <= AUTO_BUCKETS).findFirst()
        .orElse(AUTO_STEPS.get(AUTO_STEPS.size() - 1));
  }

  static String signal(String raw) {
    if (raw == null || raw.isEmpty()) {
      throw new BadRequestException("the query parameter 'signal' is required, e.g. ?signal=temperature");
    }
    if (!SIGNAL.matcher(raw).matches()) {
      throw new BadRequestException("signal must be a signal name of letters, digits, '.', '_', ':', '/' or '-', was '"
          + clip(raw) + "'");
    }
    return raw;
  }

  private static Point point(HistoryPoint p) {
    return new Point(p.time(), p.value(), p.quality().id());
  }

  private static Bucket bucket(HistoryBucket b) {
    return new Bucket(b.start(), b.min(), b.max(), b.avg(), b.count(), null);
  }

  private static Bucket bucket(io.twinworks.twins.time.HistoryBucket b) {
    return new Bucket(TwinTime.instant(b.startMicros()), b.min(), b.max(), b.avg(), b.count(), b.filled() ? true : null);
  }

  private static String clip(String s) {
    return QueryParams.clip(s);
  }
}
