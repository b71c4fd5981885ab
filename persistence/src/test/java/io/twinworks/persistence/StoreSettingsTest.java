package io.twinworks.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreSettingsTest {

  private static final Executor DIRECT = Runnable::run;

  @TempDir Path dir;

  @Test
  void embeddedProfileBuildsTheUrlFromTheDataDir() {
    StoreSettings settings = StoreSettings.create(TestStores.embeddedConfig(dir));
    assertEquals("jdbc:h2:file:" + dir.toAbsolutePath() + "/h2/twinworks;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
        settings.url());
    assertEquals(dir.toAbsolutePath().resolve("h2/twinworks"), settings.databaseFile().orElseThrow());
    assertEquals(100000, settings.deadLetterMaxRows());
    Config config = TestStores.embeddedConfig(dir);
    assertEquals(settings.url(), config.getString("pekko-persistence-jdbc.shared-databases.twinworks.db.url"));
    assertEquals("jdbc-journal", config.getString("pekko.persistence.journal.plugin"));
  }

  @Test
  void missingUrlNamesTheKey() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EmbeddedStore.open(ConfigFactory.load(), DIRECT));
    assertTrue(e.getMessage().contains("twinworks.store.h2.url"), e.getMessage());
  }

  @Test
  void wrongValuesNameTheKey() {
    assertMessage("twinworks.dead-letters.max-rows", TestStores.embeddedConfig(dir, "twinworks.dead-letters.max-rows = 0"));
    assertMessage("twinworks.store.h2.max-connections",
        TestStores.embeddedConfig(dir, "twinworks.store.h2.max-connections = lots"));
    assertMessage("twinworks.store.h2.url", TestStores.embeddedConfig(dir, "twinworks.store.h2.url = \"jdbc:pg:x\""));
    assertMessage("relative path", TestStores.embeddedConfig(dir, "twinworks.data-dir = data"));
  }

  @Test
  void unusableDataDirIsReported() throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("file"), "x");
    StoreException e = assertThrows(StoreException.class,
        () -> EmbeddedStore.open(TestStores.embeddedConfig(notADirectory), DIRECT));
    assertTrue(e.getMessage().contains("data directory"), e.getMessage());
  }

  private static void assertMessage(String expected, Config config) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StoreSettings.create(config));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
