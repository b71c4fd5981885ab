package io.twinworks.twins.anomaly;

/** The floor under a detector's scale, so a flat window neither divides by zero nor makes noise of a hair. */
final class Scales {

  private Scales() {}

  /** The scale, or the larger of the absolute and relative floors (never below the smallest normal double). */
  static double floored(double scale, double minScale, double minRelativeScale, double center) {
    double relative = Double.isFinite(center) ? minRelativeScale * Math.abs(center) : 0;
    return Math.max(Math.max(scale, Double.MIN_NORMAL), Math.max(minScale, relative));
  }
}
