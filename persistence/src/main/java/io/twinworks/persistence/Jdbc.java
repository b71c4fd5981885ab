package io.twinworks.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javax.sql.DataSource;

/** Runs blocking JDBC work in a transaction on the blocking executor. */
final class Jdbc {

  @FunctionalInterface
  interface Work<T> {
    T apply(Connection connection) throws SQLException;
  }

  // H2's code for a unique key violation: two concurrent MERGEs inserted the same new key.
  private static final int DUPLICATE_KEY = 23505;

  private final DataSource dataSource;
  private final Executor blocking;

  Jdbc(DataSource dataSource, Executor blocking) {
    this.dataSource = dataSource;
    this.blocking = blocking;
  }

  <T> CompletionStage<T> async(String what, Work<T> work) {
    return CompletableFuture.supplyAsync(() -> transact(what, work), blocking);
  }

  /**
   * Runs upserts ({@code MERGE}) in the current transaction; when a concurrent transaction inserted one of the same
   * new keys first, rolls back and runs them once more, and this time they find the row and update it.
   */
  static <T> T retryingOnceOnDuplicateKey(Connection connection, Work<T> upserts) throws SQLException {
    try {
      return upserts.apply(connection);
    } catch (SQLException e) {
      if (e.getErrorCode() != DUPLICATE_KEY) {
        throw e;
      }
      connection.rollback();
      return upserts.apply(connection);
    }
  }

  /** Commits when {@code work} returns, rolls back when it throws. */
  <T> T transact(String what, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.apply(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException(what + " failed: " + e.getMessage(), e);
    }
  }
}
