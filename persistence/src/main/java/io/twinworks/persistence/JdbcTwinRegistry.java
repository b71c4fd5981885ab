package io.twinworks.persistence;

import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.apache.pekko.Done;

/** {@link TwinRegistry} on the {@code twin_registry} table; blocking JDBC runs on the given executor. */
public final class JdbcTwinRegistry implements TwinRegistry {

  private static final String COLUMNS = "id, kind, tenant, first_seen, last_seen";
  private static final String TIMESTAMP = "TIMESTAMP(9) WITH TIME ZONE";
  private static final String UPSERT = "MERGE INTO twin_registry t USING (VALUES (CAST(? AS VARCHAR(256)), "
      + "CAST(? AS VARCHAR(32)), CAST(? AS VARCHAR(256)), CAST(? AS " + TIMESTAMP + "), CAST(? AS " + TIMESTAMP
      + "))) AS s(id, kind, tenant, first_seen, last_seen) ON t.id = s.id "
      + "WHEN MATCHED THEN UPDATE SET kind = s.kind, first_seen = LEAST(t.first_seen, s.first_seen), "
      + "last_seen = GREATEST(t.last_seen, s.last_seen) "
      + "WHEN NOT MATCHED THEN INSERT (" + COLUMNS + ") VALUES (s.id, s.kind, s.tenant, s.first_seen, s.last_seen)";
  private static final String FIND = "SELECT " + COLUMNS + " FROM twin_registry WHERE id = ?";
  private static final String COUNT = "SELECT COUNT(*) FROM twin_registry";
  private static final int BATCH = 1000;

  private final Jdbc jdbc;

  public JdbcTwinRegistry(DataSource dataSource, Executor blocking) {
    this.jdbc = new Jdbc(dataSource, blocking);
  }

  @Override
  public CompletionStage<Done> register(List<TwinEntry> entries) {
    List<TwinEntry> copy = List.copyOf(entries);
    return jdbc.async("registering " + copy.size() + " twins",
        connection -> Jdbc.retryingOnceOnDuplicateKey(connection, c -> upsert(c, copy)));
  }

  @Override
  public CompletionStage<Optional<TwinEntry>> find(TwinId id) {
    return jdbc.async("finding twin " + id, connection -> {
      try (PreparedStatement ps = connection.prepareStatement(FIND)) {
        ps.setString(1, id.value());
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public CompletionStage<TwinPage> list(TwinQuery query) {
    TwinListing listing = TwinListing.of(query);
    return jdbc.async("listing twins", connection -> page(connection, listing, query.limit()));
  }

  @Override
  public CompletionStage<Long> count() {
    return jdbc.async("counting twins", connection -> {
      try (PreparedStatement ps = connection.prepareStatement(COUNT); ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  private static Done upsert(Connection connection, List<TwinEntry> entries) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(UPSERT)) {
      int pending = 0;
      for (TwinEntry e : entries) {
        ps.setString(1, e.id().value());
        ps.setString(2, e.kind().id());
        ps.setString(3, e.tenant());
        ps.setObject(4, e.firstSeen());
        ps.setObject(5, e.lastSeen());
        ps.addBatch();
        if (++pending == BATCH) {
          ps.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        ps.executeBatch();
      }
    }
    return Done.getInstance();
  }

  private static TwinPage page(Connection connection, TwinListing listing, int limit) throws SQLException {
    List<TwinEntry> items = new ArrayList<>();
    if (listing.isEmpty()) {
      return new TwinPage(items, Optional.empty());
    }
    try (PreparedStatement ps = connection.prepareStatement(listing.sql())) {
      listing.bind(ps, limit + 1);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          items.add(entry(rs));
        }
      }
    }
    if (items.size() <= limit) {
      return new TwinPage(items, Optional.empty());
    }
    List<TwinEntry> page = items.subList(0, limit);
    return new TwinPage(page, Optional.of(TwinCursor.encode(page.get(limit - 1).id())));
  }

  private static TwinEntry entry(ResultSet rs) throws SQLException {
    return new TwinEntry(
        TwinId.of(rs.getString(1)),
        TwinKind.of(rs.getString(2)),
        rs.getString(3),
        rs.getObject(4, Instant.class),
        rs.getObject(5, Instant.class));
  }
}
