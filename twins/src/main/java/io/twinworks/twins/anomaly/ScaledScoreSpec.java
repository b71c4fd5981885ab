package io.twinworks.twins.anomaly;

/**
 * A detector whose score is a deviation in units of a robust scale ({@link ScoreScale}): it raises at {@code k} and
 * clears below {@code k · clearRatio}.
 */
public sealed interface ScaledScoreSpec extends DetectorSpec permits ZScoreSpec, IqrSpec, HampelSpec, SeasonalSpec {

  double k();

  double clearRatio();

  @Override
  default double raiseAt() {
    return k();
  }

  @Override
  default double clearAt() {
    return k() * clearRatio();
  }
}
