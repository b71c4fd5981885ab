package io.twinworks.persistence.cassandra.launcher;

/** Cassandra could not be started, stopped or inspected; the message says why in words a person can act on. */
public final class CassandraLaunchException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CassandraLaunchException(String message) {
    super(message);
  }

  public CassandraLaunchException(String message, Throwable cause) {
    super(message, cause);
  }
}
