package io.twinworks.persistence.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;
import io.twinworks.persistence.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** Asynchronous reads of every page of a result, mapped row by row. */
final class Rows {

  private Rows() {}

  /** Every row of the statement's result, mapped, stopping after {@code max} rows. */
  static <T> CompletionStage<List<T>> all(CqlSession session, Statement<?> statement, int max, Function<Row, T> map) {
    List<T> out = new ArrayList<>();
    return session.executeAsync(statement).thenCompose(rs -> collect(rs, out, max, map));
  }

  private static <T> CompletionStage<List<T>> collect(AsyncResultSet rs, List<T> out, int max, Function<Row, T> map) {
    for (Row row : rs.currentPage()) {
      if (out.size() >= max) {
        return java.util.concurrent.CompletableFuture.completedFuture(out);
      }
      out.add(map.apply(row));
    }
    if (rs.hasMorePages() && out.size() < max) {
      return rs.fetchNextPage().thenCompose(next -> collect(next, out, max, map));
    }
    return java.util.concurrent.CompletableFuture.completedFuture(out);
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
