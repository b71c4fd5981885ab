package io.twinworks.connectors.codec;

import io.twinworks.twins.Quality;
import java.time.Instant;

/**
 * One value a codec found in a payload, before a route gives it a twin and a final signal name.
 *
 * @param signal the name the payload gives the value ({@code value} when it gives none)
 */
public record Sample(String signal, double value, Quality quality, Instant sourceTime) {}
