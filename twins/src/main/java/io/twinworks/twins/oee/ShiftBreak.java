package io.twinworks.twins.oee;

import java.time.LocalTime;
import java.util.Objects;

/** A break inside a shift, in local time; one that starts before its shift's start falls on the shift's next day. */
public record ShiftBreak(LocalTime start, LocalTime end) {

  public ShiftBreak {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
  }

  @Override
  public String toString() {
    return start + "-" + end;
  }
}
