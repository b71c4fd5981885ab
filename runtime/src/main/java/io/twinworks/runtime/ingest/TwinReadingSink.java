package io.twinworks.runtime.ingest;

import io.twinworks.connectors.poll.ReadingSink;
import io.twinworks.twins.DeadLetter;
import io.twinworks.twins.Reading;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/** Polling connectors' readings into the twins, and their dead letters into the store, through the recorder. */
public final class TwinReadingSink implements ReadingSink {

  private final TwinRecorder recorder;
  private final ReceiveClock receiveClock;

  public TwinReadingSink(TwinRecorder recorder, Clock clock) {
    this.recorder = recorder;
    this.receiveClock = new ReceiveClock(clock);
  }

  @Override
  public CompletionStage<Done> readings(List<Reading> readings) {
    return recorder.recordAll(readings, receiveClock.next());
  }

  @Override
  public CompletionStage<Done> deadLetter(DeadLetter letter) {
    return recorder.deadLetter(letter);
  }
}
