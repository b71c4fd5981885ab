package io.twinworks.twins.anomaly;

/**
 * The settings of the score types (zscore, hampel, iqr, seasonal): a score is a distance over a scale
 * taken from the previous {@code window} values, raised at {@code k} and cleared below
 * {@code k · clearRatio}; the scale is at least {@code minScale} (in the signal's unit) and at least
 * {@code minRelativeScale} times the level, so a flat window does not make every change infinite. The
 * specs keep these as their own flat fields (the JSON shape); this record checks and reads them.
 */
record ScoreScale(int window, double k, double clearRatio, double minScale, double minRelativeScale) {

  ScoreScale {
    Require.window("window", window, 5);
    Require.positive("k", k);
    Require.fraction("clear-ratio", clearRatio);
    Require.notNegative("min-scale", minScale);
    Require.notNegative("min-relative-scale", minRelativeScale);
  }

  static ScoreScale read(SpecReader r) {
    return new ScoreScale(r.getInt("window"), r.getDouble("k"), r.getDouble("clear-ratio"), r.getDouble("min-scale"),
        r.getDouble("min-relative-scale"));
  }
}
