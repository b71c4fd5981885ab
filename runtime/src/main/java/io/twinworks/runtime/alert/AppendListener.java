package io.twinworks.runtime.alert;

/** Told by the {@link AlertHub} after each append that moved the alert log's last seq. */
@FunctionalInterface
public interface AppendListener {

  void appended(long lastSeq);
}
