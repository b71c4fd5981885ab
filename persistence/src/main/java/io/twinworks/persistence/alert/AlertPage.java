package io.twinworks.persistence.alert;

import io.twinworks.twins.alert.Alert;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of alerts, newest raised first; {@code nextCursor} is empty on the last page. */
public record AlertPage(List<Alert> items, Optional<String> nextCursor) {

  public AlertPage {
    items = List.copyOf(items);
    Objects.requireNonNull(nextCursor, "nextCursor");
  }

  /**
   * The page of the first {@code limit} of {@code newestFirst}, which holds up to {@code limit + 1} alerts: one more
   * means there is a next page, starting after the last item.
   */
  public static AlertPage of(List<Alert> newestFirst, int limit) {
    if (newestFirst.size() <= limit) {
      return new AlertPage(newestFirst, Optional.empty());
    }
    List<Alert> page = newestFirst.subList(0, limit);
    return new AlertPage(page, Optional.of(AlertCursor.after(page.get(limit - 1)).encode()));
  }
}
