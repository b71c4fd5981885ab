package io.twinworks.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of one registry page. Filters become key ranges so every shape of query walks an index in
 * id order and stops after {@code limit} rows: a tenant is the id prefix {@code tenant:}, an id
 * prefix is the range {@code [prefix, prefix + U+FFFF)} (no LIKE, so '_' and '%' are plain
 * characters), and the cursor is {@code id > last}.
 */
record TwinListing(String sql, List<Object> args, boolean isEmpty) {

  private static final String SELECT = "SELECT id, kind, tenant, first_seen, last_seen FROM twin_registry";
  private static final char MAX_CHAR = '\uffff';

  static TwinListing of(TwinQuery query) {
    Optional<String> prefix = effectivePrefix(query);
    if (prefix.isPresent() && prefix.get().isEmpty()) {
      return new TwinListing("", List.of(), true);
    }
    List<String> where = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    query.kind().ifPresent(kind -> {
      where.add("kind = ?");
      args.add(kind.id());
    });
    prefix.ifPresent(p -> {
      where.add("id >= ? AND id < ?");
      args.add(p);
      args.add(p + MAX_CHAR);
    });
    query.cursor().map(TwinCursor::decode).ifPresent(last -> {
      where.add("id > ?");
      args.add(last.value());
    });
    String sql = SELECT
        + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
        // The kind is fixed, so (kind, id) is id order, and H2 then reads the (kind, id) index without sorting.
        + (query.kind().isPresent() ? " ORDER BY kind, id" : " ORDER BY id")
        + " FETCH FIRST ? ROWS ONLY";
    return new TwinListing(sql, List.copyOf(args), false);
  }

  void bind(PreparedStatement ps, int rows) throws SQLException {
    for (int i = 0; i < args.size(); i++) {
      ps.setObject(i + 1, args.get(i));
    }
    ps.setInt(args.size() + 1, rows);
  }

  /**
   * The id prefix both the tenant and the prefix filter allow; empty string when they contradict
   * (no twin can match), absent when neither is set.
   */
  private static Optional<String> effectivePrefix(TwinQuery query) {
    Optional<String> tenantPrefix = query.tenant().map(t -> t + ":");
    if (tenantPrefix.isEmpty() || query.prefix().isEmpty()) {
      return tenantPrefix.or(query::prefix);
    }
    String tenant = tenantPrefix.get();
    String prefix = query.prefix().get();
    if (prefix.startsWith(tenant)) {
      return Optional.of(prefix);
    }
    return Optional.of(tenant.startsWith(prefix) ? tenant : "");
  }
}
