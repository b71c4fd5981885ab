package io.twinworks.persistence;

import java.util.List;
import java.util.Optional;

/** One page of twins ordered by id; {@code nextCursor} is empty on the last page. */
public record TwinPage(List<TwinEntry> items, Optional<String> nextCursor) {

  public TwinPage {
    items = List.copyOf(items);
  }
}
