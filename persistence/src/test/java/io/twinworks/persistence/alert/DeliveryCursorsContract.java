package io.twinworks.persistence.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What every store's delivery cursors must do. Each store's test class supplies empty cursors per test. */
public abstract class DeliveryCursorsContract {

  /** The cursors under test, none saved at the start of each test. */
  protected abstract DeliveryCursors cursors();

  /** Closes the store and opens it again on the same data; the cursors of the new store. */
  protected abstract DeliveryCursors reopen();

  @Test
  void anUnknownChannelHasNoCursorAndZeroIsACursor() {
    assertEquals(OptionalLong.empty(), await(cursors().cursor("mqtt")));
    await(cursors().saveCursor("mqtt", 0));
    assertEquals(OptionalLong.of(0), await(cursors().cursor("mqtt")));
  }

  @Test
  void eachChannelKeepsItsOwnCursorAcrossAReopen() {
    await(cursors().saveCursor("mqtt", 7));
    await(cursors().saveCursor("webhook:maintenance", 3));
    await(cursors().saveCursor("webhook:https://ops.example:8443", 12));
    DeliveryCursors reopened = reopen();
    assertEquals(OptionalLong.of(7), await(reopened.cursor("mqtt")));
    assertEquals(OptionalLong.of(3), await(reopened.cursor("webhook:maintenance")));
    assertEquals(OptionalLong.of(12), await(reopened.cursor("webhook:https://ops.example:8443")));
    assertEquals(OptionalLong.empty(), await(reopened.cursor("webhook:other")));
  }

  @Test
  void aCursorOnlyMovesForward() {
    await(cursors().saveCursor("mqtt", 5));
    await(cursors().saveCursor("mqtt", 9));
    await(cursors().saveCursor("mqtt", 4));
    await(cursors().saveCursor("mqtt", 9));
    assertEquals(OptionalLong.of(9), await(cursors().cursor("mqtt")));
  }

  @Test
  void invalidArgumentsFailTheStage() {
    assertInstanceOf(IllegalArgumentException.class, failure(cursors().saveCursor("mqtt", -1)));
    assertInstanceOf(IllegalArgumentException.class, failure(cursors().saveCursor("", 1)));
    assertInstanceOf(IllegalArgumentException.class,
        failure(cursors().cursor("x".repeat(DeliveryCursors.MAX_NAME_LENGTH + 1))));
    String longest = "x".repeat(DeliveryCursors.MAX_NAME_LENGTH);
    await(cursors().saveCursor(longest, 1));
    assertEquals(OptionalLong.of(1), await(cursors().cursor(longest)));
  }

  private static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static Throwable failure(CompletionStage<?> stage) {
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> stage.toCompletableFuture().get(60, TimeUnit.SECONDS));
    return e.getCause();
  }
}
