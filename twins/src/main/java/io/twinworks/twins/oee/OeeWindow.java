package io.twinworks.twins.oee;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One OEE window as the HTTP API answers it ({@code GET /twins/{id}/oee}). Ratios are fractions
 * (0.8881 is 88.81 %) and {@code null} where undefined: availability without planned busy time,
 * performance without run time (or with parts counted but no ideal cycle time configured), quality
 * without parts, OEE when any of the three is. Performance is not capped at 1: above 1 means the
 * ideal cycle time is set too slow (or parts were counted while not RUNning, e.g. during a break).
 *
 * @param shift the shift's name for a shift window; empty (and left out of JSON) for clock windows
 * @param plannedSeconds planned busy time: planned production time minus MAINTENANCE (and minus
 *     time before the machine's first state reading, which is unknown)
 * @param runSeconds time in RUN within the planned busy time
 * @param goodCount total count minus defects, never below 0
 * @param partial the window has not ended yet: the latest input time is before its end
 */
public record OeeWindow(
    Instant start,
    Instant end,
    OeeBucket bucket,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) String shift,
    Double availability,
    Double performance,
    Double quality,
    Double oee,
    double plannedSeconds,
    double runSeconds,
    long totalCount,
    long goodCount,
    boolean partial) {

  static OeeWindow of(WindowTally tally, OeeBucket bucket, boolean partial) {
    long good = Math.max(0, tally.totalCount() - tally.defectCount());
    double planned = Micros.seconds(tally.plannedMicros());
    double run = Micros.seconds(tally.runMicros());
    Double availability = tally.plannedMicros() > 0 ? run / planned : null;
    boolean rated = tally.totalCount() == 0 || tally.idealSeconds() > 0;
    Double performance = tally.runMicros() > 0 && rated ? tally.idealSeconds() / run : null;
    Double quality = tally.totalCount() > 0 ? good / (double) tally.totalCount() : null;
    Double oee = availability == null || performance == null || quality == null
        ? null : availability * performance * quality;
    return new OeeWindow(Micros.instant(tally.startMicros()), Micros.instant(tally.endMicros()), bucket,
        tally.shift(), availability, performance, quality, oee, planned, run, tally.totalCount(), good, partial);
  }
}
