package io.twinworks.connectors.codec;

import io.twinworks.twins.Quality;
import java.time.Instant;

/**
 * One value a codec found in a payload, before a route gives it a twin and a final signal name.
 *
 * @param signal the name the payload gives the value ({@code value} when it gives none)
 * @param origin where the payload says the value comes from (an edge gateway's poller), null when it does not say
 * @param seq the origin's sequence number of the payload, 0 without an origin
 */
public record Sample(String signal, double value, Quality quality, Instant sourceTime, String origin, long seq) {

  /** A sample whose payload names no origin: the route's topic is its origin. */
  public Sample(String signal, double value, Quality quality, Instant sourceTime) {
    this(signal, value, quality, sourceTime, null, 0);
  }
}
