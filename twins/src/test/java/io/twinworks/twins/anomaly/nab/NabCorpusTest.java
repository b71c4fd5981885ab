package io.twinworks.twins.anomaly.nab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.anomaly.nab.NabCorpus.DataFile;
import io.twinworks.twins.anomaly.nab.NabScorer.Window;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a corpus directory: labels keyed by file names with dots and slashes, CSV rows as UTC. */
class NabCorpusTest {

  @TempDir
  Path dir;

  @Test
  void readsTheLabelledFilesWithTheirWindows() throws IOException {
    Files.createDirectories(dir.resolve("labels"));
    Files.createDirectories(dir.resolve("data/g.x"));
    Files.writeString(dir.resolve("labels/combined_windows.json"), """
        {"g.x/a.b.csv": [["2014-04-01 00:05:00.000000", "2014-04-01 00:10:00.000000"]], "g.x/none.csv": []}""");
    Files.writeString(dir.resolve("data/g.x/a.b.csv"),
        "timestamp,value\n2014-04-01 00:00:00,1.5\n2014-04-01 00:05:00,2\n2014-04-01 00:10:00,-3\n");
    Files.writeString(dir.resolve("data/g.x/none.csv"), "timestamp,value\n1970-01-01 00:00:01,0\n");

    assertTrue(NabCorpus.isCorpus(dir));
    List<DataFile> files = NabCorpus.load(dir);
    assertEquals(List.of("g.x/a.b.csv", "g.x/none.csv"), files.stream().map(DataFile::name).toList());
    DataFile a = files.get(0);
    assertEquals("a.b", a.stem());
    // 2014-04-01T00:00Z = 1,396,310,400 s since the epoch; rows 300 s apart
    assertArrayEquals(new long[] {1_396_310_400_000_000L, 1_396_310_700_000_000L, 1_396_311_000_000_000L}, a.times());
    assertArrayEquals(new double[] {1.5, 2, -3}, a.values());
    assertEquals(List.of(new Window(1_396_310_700_000_000L, 1_396_311_000_000_000L)), a.windows());
    assertArrayEquals(new long[] {1_000_000L}, files.get(1).times());
    assertTrue(files.get(1).windows().isEmpty());
  }

  @Test
  void aBadRowIsNamedWithItsLine() throws IOException {
    Files.createDirectories(dir.resolve("labels"));
    Files.createDirectories(dir.resolve("data/g"));
    Files.writeString(dir.resolve("labels/combined_windows.json"), "{\"g/bad.csv\": []}");
    Files.writeString(dir.resolve("data/g/bad.csv"), "timestamp,value\n2014-04-01 00:00:00,1\n2014-04-01,2\n");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NabCorpus.load(dir));
    assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    assertFalse(NabCorpus.isCorpus(dir.resolve("data")));
  }
}
