package io.twinworks.connectors.edge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The edge gateway's store-and-forward buffer: a SQLite file of messages waiting for the central broker, oldest
 * first. A message's sequence number is its row id, which SQLite never reuses (AUTOINCREMENT), so seq keeps rising
 * across restarts. Every append is one transaction with {@code synchronous=FULL}: once {@link #append} returns, a
 * {@code kill -9} (or a power cut) loses nothing. The buffer is bounded by the bytes of its messages: an append
 * that would pass the bound first drops the oldest messages, and counts their readings as dropped.
 */
public final class EdgeBuffer implements AutoCloseable {

  /** A message to buffer: one twin's readings from one origin, as the JSON array of the edge payload. */
  public record Entry(String topic, String origin, String readingsJson, int readings) {}

  /** A buffered message with its sequence number. */
  public record Message(long seq, String topic, String origin, String readingsJson, int readings, Instant buffered) {}

  /** What the buffer holds and has dropped. */
  public record Stats(long messages, long readings, long bytes, long droppedReadings, Optional<Instant> oldest) {}

  private final Connection db;
  private final long maxBytes;
  private final Clock clock;
  private long messages;
  private long readings;
  private long bytes;
  private long dropped;

  private EdgeBuffer(Connection db, long maxBytes, Clock clock) throws SQLException {
    this.db = db;
    this.maxBytes = maxBytes;
    this.clock = clock;
    try (Statement s = db.createStatement()) {
      try (ResultSet totals = s.executeQuery(
          "SELECT COUNT(*), COALESCE(SUM(readings), 0), COALESCE(SUM(bytes), 0) FROM messages")) {
        totals.next();
        messages = totals.getLong(1);
        readings = totals.getLong(2);
        bytes = totals.getLong(3);
      }
      try (ResultSet meta = s.executeQuery("SELECT dropped FROM meta")) {
        meta.next();
        dropped = meta.getLong(1);
      }
    }
    db.commit();
  }

  /** Opens (creating) the buffer file; {@code maxBytes} bounds the messages' bytes. */
  public static EdgeBuffer open(Path file, long maxBytes, Clock clock) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("the buffer bound must be positive, was " + maxBytes);
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = db.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=FULL");
        s.execute("CREATE TABLE IF NOT EXISTS messages (seq INTEGER PRIMARY KEY AUTOINCREMENT, topic TEXT NOT NULL, "
            + "origin TEXT NOT NULL, readings_json TEXT NOT NULL, readings INTEGER NOT NULL, bytes INTEGER NOT NULL, "
            + "buffered_ms INTEGER NOT NULL)");
        s.execute("CREATE TABLE IF NOT EXISTS meta (id INTEGER PRIMARY KEY CHECK (id = 1), dropped INTEGER NOT NULL)");
        s.execute("INSERT OR IGNORE INTO meta (id, dropped) VALUES (1, 0)");
      }
      db.setAutoCommit(false);
      return new EdgeBuffer(db, maxBytes, clock);
    } catch (Exception e) {
      throw new IllegalStateException("cannot open the edge buffer " + file + ": " + e.getMessage(), e);
    }
  }

  /** Stores the entries durably, in order, dropping the oldest messages first if the bound needs it. */
  public synchronized void append(List<Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    long now = clock.millis();
    long incoming = entries.stream().mapToLong(EdgeBuffer::size).sum();
    try {
      long droppedNow = makeRoom(incoming);
      try (PreparedStatement insert = db.prepareStatement("INSERT INTO messages (topic, origin, readings_json, "
          + "readings, bytes, buffered_ms) VALUES (?, ?, ?, ?, ?, ?)")) {
        for (Entry entry : entries) {
          insert.setString(1, entry.topic());
          insert.setString(2, entry.origin());
          insert.setString(3, entry.readingsJson());
          insert.setInt(4, entry.readings());
          insert.setLong(5, size(entry));
          insert.setLong(6, now);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      db.commit();
      messages += entries.size();
      readings += entries.stream().mapToLong(Entry::readings).sum();
      bytes += incoming;
      dropped += droppedNow;
      notifyAll();
    } catch (SQLException e) {
      rollback();
      throw new IllegalStateException("cannot write to the edge buffer: " + e.getMessage(), e);
    }
  }

  /** Deletes the oldest messages until {@code incoming} more bytes fit; returns the readings dropped. */
  private long makeRoom(long incoming) throws SQLException {
    long droppedReadings = 0;
    while (messages > 0 && bytes + incoming > maxBytes) {
      long freedBytes = 0;
      long freedMessages = 0;
      long lastSeq = -1;
      try (PreparedStatement oldest = db.prepareStatement("SELECT seq, readings, bytes FROM messages ORDER BY seq LIMIT 100");
           ResultSet rows = oldest.executeQuery()) {
        while (rows.next() && bytes - freedBytes + incoming > maxBytes) {
          lastSeq = rows.getLong(1);
          droppedReadings += rows.getLong(2);
          freedBytes += rows.getLong(3);
          freedMessages++;
        }
      }
      deleteThrough(lastSeq);
      messages -= freedMessages;
      bytes -= freedBytes;
    }
    readings -= droppedReadings;
    if (droppedReadings > 0) {
      try (PreparedStatement meta = db.prepareStatement("UPDATE meta SET dropped = dropped + ?")) {
        meta.setLong(1, droppedReadings);
        meta.executeUpdate();
      }
    }
    return droppedReadings;
  }

  /** Up to {@code max} of the oldest messages, oldest first. */
  public synchronized List<Message> oldest(int max) {
    List<Message> out = new ArrayList<>();
    try (PreparedStatement select = db.prepareStatement("SELECT seq, topic, origin, readings_json, readings, "
        + "buffered_ms FROM messages ORDER BY seq LIMIT ?")) {
      select.setInt(1, max);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          out.add(new Message(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
              rows.getInt(5), Instant.ofEpochMilli(rows.getLong(6))));
        }
      }
      db.commit();
      return out;
    } catch (SQLException e) {
      rollback();
      throw new IllegalStateException("cannot read the edge buffer: " + e.getMessage(), e);
    }
  }

  /** Forgets every message up to and including {@code seq} (they reached the broker). */
  public synchronized void removeThrough(long seq) {
    try {
      long[] freed = new long[3];
      try (PreparedStatement sum = db.prepareStatement("SELECT COUNT(*), COALESCE(SUM(readings), 0), "
          + "COALESCE(SUM(bytes), 0) FROM messages WHERE seq <= ?")) {
        sum.setLong(1, seq);
        try (ResultSet row = sum.executeQuery()) {
          row.next();
          freed[0] = row.getLong(1);
          freed[1] = row.getLong(2);
          freed[2] = row.getLong(3);
        }
      }
      deleteThrough(seq);
      db.commit();
      messages -= freed[0];
      readings -= freed[1];
      bytes -= freed[2];
    } catch (SQLException e) {
      rollback();
      throw new IllegalStateException("cannot delete from the edge buffer: " + e.getMessage(), e);
    }
  }

  private void deleteThrough(long seq) throws SQLException {
    try (PreparedStatement delete = db.prepareStatement("DELETE FROM messages WHERE seq <= ?")) {
      delete.setLong(1, seq);
      delete.executeUpdate();
    }
  }

  /** Waits up to {@code millis} for an append when the buffer is empty. */
  public synchronized void awaitMessages(long millis) throws InterruptedException {
    if (messages == 0) {
      wait(millis);
    }
  }

  public synchronized Stats stats() {
    Optional<Instant> oldest = Optional.empty();
    if (messages > 0) {
      List<Message> head = oldest(1);
      if (!head.isEmpty()) {
        oldest = Optional.of(head.get(0).buffered());
      }
    }
    return new Stats(messages, readings, bytes, dropped, oldest);
  }

  private static long size(Entry entry) {
    return entry.topic().length() + entry.origin().length() + entry.readingsJson().length();
  }

  private void rollback() {
    try {
      db.rollback();
    } catch (SQLException ignored) {
      // the original failure is what the caller hears of
    }
  }

  @Override
  public synchronized void close() {
    try {
      db.close();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot close the edge buffer: " + e.getMessage(), e);
    }
  }
}
