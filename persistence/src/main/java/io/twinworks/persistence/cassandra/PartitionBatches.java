package io.twinworks.persistence.cassandra;

import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes grouped by partition key into unlogged batches of at most about {@code maxBytes} of payload each, so that
 * many rows of one partition cost one request per few KiB and never one batch over Cassandra's size thresholds.
 * Keys are the partition key values; statements of tables whose keys have the same values go into the same batch
 * (Cassandra applies them as one mutation on the same replicas). Not thread-safe: build, then take the statements.
 */
final class PartitionBatches {

  /** The statements of one key, cut into chunks of at most maxBytes (a single larger statement alone). */
  private static final class Chunks {
    final List<List<BoundStatement>> chunks = new ArrayList<>();
    int bytesInLast;
  }

  // Key, clustering and other columns of a row beside its payload; also keeps chunks of deletes bounded.
  private static final int ROW_OVERHEAD = 100;

  private final int maxBytes;
  private final Map<List<Object>, Chunks> byKey = new LinkedHashMap<>();
  private final Set<List<Object>> onceKeys = new HashSet<>();

  PartitionBatches(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Adds a write of about {@code bytes} of payload to the partition of {@code key}. */
  void add(List<Object> key, int bytes, BoundStatement write) {
    int size = bytes + ROW_OVERHEAD;
    Chunks chunks = byKey.computeIfAbsent(key, k -> new Chunks());
    if (chunks.chunks.isEmpty() || chunks.bytesInLast + size > maxBytes) {
      chunks.chunks.add(new ArrayList<>());
      chunks.bytesInLast = 0;
    }
    last(chunks).add(write);
    chunks.bytesInLast += size;
  }

  /** Adds a small write only the first time it is added with this key and {@code identity}. */
  void addOnce(List<Object> key, Object identity, BoundStatement write) {
    List<Object> once = new ArrayList<>(key);
    once.add(identity);
    if (onceKeys.add(once)) {
      add(key, 0, write);
    }
  }

  /** One statement per chunk: the single write itself, or an unlogged batch of them. */
  List<Statement<?>> statements() {
    List<Statement<?>> statements = new ArrayList<>();
    for (Chunks chunks : byKey.values()) {
      for (List<BoundStatement> chunk : chunks.chunks) {
        statements.add(chunk.size() == 1 ? chunk.get(0)
            : BatchStatement.newInstance(BatchType.UNLOGGED).addAll(chunk).setIdempotent(true));
      }
    }
    return statements;
  }

  private static List<BoundStatement> last(Chunks chunks) {
    return chunks.chunks.get(chunks.chunks.size() - 1);
  }
}
