package io.twinworks.twins.anomaly;

import java.util.Map;

/**
 * What a detector saw in one reading, the material of a {@link io.twinworks.twins.alert.Finding}.
 *
 * @param value the reading's value
 * @param expected what the detector expected instead, NaN when it has no expectation
 * @param deviation how far off the value is in the detector's unit (sigmas, band widths, …), signed
 * @param evidence the window statistics and limits behind the decision, by name
 */
record Observation(double value, double expected, double deviation, Map<String, Double> evidence) {}
