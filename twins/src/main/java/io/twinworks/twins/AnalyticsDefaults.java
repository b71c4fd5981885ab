package io.twinworks.twins;

import com.typesafe.config.Config;
import io.twinworks.twins.anomaly.DetectorRules;
import io.twinworks.twins.battery.BatteryLimits;
import io.twinworks.twins.heartbeat.HeartbeatPolicy;
import io.twinworks.twins.oee.OeeSettings;
import io.twinworks.twins.time.ClockDriftSettings;
import io.twinworks.twins.time.ReorderSettings;

/** What every twin's analytics start from, read once from the application's configuration. */
public record AnalyticsDefaults(
    DetectorRules detectors,
    HeartbeatPolicy heartbeat,
    OeeSettings oee,
    BatteryLimits battery,
    ReorderSettings reorder,
    ClockDriftSettings clockDrift) {

  public static AnalyticsDefaults fromConfig(Config root) {
    return new AnalyticsDefaults(DetectorRules.fromConfig(root), HeartbeatPolicy.fromConfig(root),
        OeeSettings.fromConfig(root), BatteryLimits.fromConfig(root), ReorderSettings.fromConfig(root),
        ClockDriftSettings.fromConfig(root));
  }
}
