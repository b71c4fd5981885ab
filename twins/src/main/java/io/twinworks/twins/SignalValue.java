package io.twinworks.twins;

import java.time.Instant;

/** The latest applied value of one signal. */
public record SignalValue(double value, Instant timestamp, Quality quality) implements CborSerializable {}
