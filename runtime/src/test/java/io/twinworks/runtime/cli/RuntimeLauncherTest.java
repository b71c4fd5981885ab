package io.twinworks.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RuntimeLauncherTest {

  @Test
  void aStopAskedForExitsWithZeroAndANodeDownedByTheClusterWithItsOwnCode() {
    assertEquals(0, RuntimeLauncher.exitCode(false));
    assertEquals(3, RuntimeLauncher.exitCode(true)); // ClusterPartitionIT shows the runtime's exit code for real
  }
}
