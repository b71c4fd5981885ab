package io.twinworks.persistence;

import io.twinworks.persistence.alert.AlertFilter;
import io.twinworks.persistence.alert.AlertQuery;
import io.twinworks.twins.alert.Severity;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of the alert log's reads. Each filter is an equality on the leading columns of an index whose next
 * columns are the order asked for, and those columns lead the ORDER BY too, so H2 walks that index in order and
 * stops after the rows asked for instead of sorting. The page cursor is a range on the raise time plus a residual
 * condition on the id for alerts raised in the same microsecond.
 */
record AlertSql(String sql, List<Object> args) {

  /** Changes after {@code afterSeq} in seq order; the caller answers nothing for a filter that matches nothing. */
  static AlertSql since(long afterSeq, AlertFilter filter, int rows) {
    List<String> equal = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    if (filter.twin().isPresent()) {
      equal.add("twin_id");
      args.add(filter.twin().get().value());
    } else if (filter.tenant().isPresent()) {
      equal.add("tenant");
      args.add(filter.tenant().get());
    }
    List<String> where = new ArrayList<>(equal.stream().map(column -> column + " = ?").toList());
    where.add("seq > ?");
    args.add(afterSeq);
    if (filter.minSeverity() != Severity.INFO) {
      where.add("severity >= ?");
      args.add(severityRank(filter.minSeverity()));
    }
    List<String> order = new ArrayList<>(equal);
    order.add("seq");
    args.add(rows);
    return new AlertSql("SELECT seq, alert FROM alert_log WHERE " + String.join(" AND ", where)
        + " ORDER BY " + String.join(", ", order) + " FETCH FIRST ? ROWS ONLY", args);
  }

  /** Current alerts newest raised first, from the query's cursor on. */
  static AlertSql current(AlertQuery query, int rows) {
    List<String> equal = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    if (query.twin().isPresent()) {
      equal.add("twin_id");
      args.add(query.twin().get().value());
    } else if (query.tenant().isPresent()) {
      equal.add("tenant");
      args.add(query.tenant().get());
    }
    query.state().ifPresent(state -> {
      equal.add("state");
      args.add(state.json());
    });
    List<String> where = new ArrayList<>(equal.stream().map(column -> column + " = ?").toList());
    query.after().ifPresent(after -> {
      where.add("raised_us <= ? AND (raised_us < ? OR id < ?)");
      args.add(after.raisedMicros());
      args.add(after.raisedMicros());
      args.add(after.alertId());
    });
    List<String> order = new ArrayList<>(equal);
    order.add("raised_us DESC");
    order.add("id DESC");
    args.add(rows);
    return new AlertSql("SELECT alert FROM alert_current"
        + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
        + " ORDER BY " + String.join(", ", order) + " FETCH FIRST ? ROWS ONLY", args);
  }

  /** The {@code severity} column: 1 info, 2 warning, 3 critical, independent of the enum's declaration order. */
  static int severityRank(Severity severity) {
    return switch (severity) {
      case INFO -> 1;
      case WARNING -> 2;
      case CRITICAL -> 3;
    };
  }

  void bind(PreparedStatement ps) throws SQLException {
    for (int i = 0; i < args.size(); i++) {
      ps.setObject(i + 1, args.get(i));
    }
  }
}
