package io.twinworks.persistence.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;
import io.twinworks.persistence.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Predicate;

/** Asynchronous reads of every page of a result, mapped row by row. */
final class Rows {

  private Rows() {}

  /** Every row of the statement's result, mapped, stopping after {@code max} rows. */
  static <T> CompletionStage<List<T>> all(CqlSession session, Statement<?> statement, int max, Function<Row, T> map) {
    return matching(session, statement, max, map, t -> true);
  }

  /**
   * The mapped rows that {@code keep} accepts, stopping after {@code max} of them: fetches the result's pages one
   * after the other while it needs more, so a filter that skips rows costs reads, never memory.
   */
  static <T> CompletionStage<List<T>> matching(CqlSession session, Statement<?> statement, int max,
      Function<Row, T> map, Predicate<? super T> keep) {
    List<T> out = new ArrayList<>();
    return session.executeAsync(statement).thenCompose(rs -> collect(rs, out, max, map, keep));
  }

  private static <T> CompletionStage<List<T>> collect(AsyncResultSet rs, List<T> out, int max, Function<Row, T> map,
      Predicate<? super T> keep) {
    for (Row row : rs.currentPage()) {
      if (out.size() >= max) {
        return CompletableFuture.completedFuture(out);
      }
      T value = map.apply(row);
      if (keep.test(value)) {
        out.add(value);
      }
    }
    if (rs.hasMorePages() && out.size() < max) {
      return rs.fetchNextPage().thenCompose(next -> collect(next, out, max, map, keep));
    }
    return CompletableFuture.completedFuture(out);
  }

  /** Hands the statement's rows to {@code more}, fetching page after page, until it answers false or rows end. */
  static CompletionStage<Void> each(CqlSession session, Statement<?> statement, Predicate<Row> more) {
    return session.executeAsync(statement).thenCompose(rs -> each(rs, more));
  }

  private static CompletionStage<Void> each(AsyncResultSet rs, Predicate<Row> more) {
    for (Row row : rs.currentPage()) {
      if (!more.test(row)) {
        return CompletableFuture.completedFuture(null);
      }
    }
    if (rs.hasMorePages()) {
      return rs.fetchNextPage().thenCompose(next -> each(next, more));
    }
    return CompletableFuture.completedFuture(null);
  }

  /** Wraps a failure in a {@link StoreException} that says what failed. */
  static <T> CompletionStage<T> describe(CompletionStage<T> stage, String what) {
    return stage.handle((value, failure) -> {
      if (failure == null) {
        return value;
      }
      Throwable cause = failure instanceof CompletionException && failure.getCause() != null
          ? failure.getCause() : failure;
      if (cause instanceof StoreException || cause instanceof IllegalArgumentException) {
        throw new CompletionException(cause);
      }
      throw new StoreException(what + " failed: " + cause.getMessage(), cause);
    });
  }
}
