package io.twinworks.runtime.alert;

import io.twinworks.persistence.alert.AlertFilter;
import io.twinworks.persistence.alert.AlertLog;
import io.twinworks.persistence.alert.LoggedAlert;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.NotUsed;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The alert changes one subscriber gets: live ones from the {@link AlertTail}, or, resuming after a seq, every
 * logged change after it and then the live ones, in seq order without gaps or duplicates.
 */
public final class AlertFeed {

  private final AlertLog alerts;
  private final AlertTail tail;

  public AlertFeed(AlertLog alerts, AlertTail tail) {
    this.alerts = alerts;
    this.tail = tail;
  }

  /** Matching changes from now on. */
  public Source<LoggedAlert, NotUsed> live(AlertFilter filter) {
    return tail.live().filter(change -> filter.matches(change.alert()));
  }

  /**
   * Matching changes after {@code afterSeq}: first from the log, then live. The live subscription is made when the
   * stream is materialized, before the log is read ({@code concat} materializes both), so a change is either read
   * or arrives live; live ones already read are dropped. Should the subscription still have missed some (it is
   * registered asynchronously), they are read from the log before the first live change is passed on.
   */
  public Source<LoggedAlert, NotUsed> resume(AlertFilter filter, long afterSeq) {
    return Source.fromMaterializer((materializer, attributes) -> {
      Resume resume = new Resume(filter, afterSeq);
      Source<LoggedAlert, NotUsed> logged = Source.completionStage(alerts.lastSeq())
          .flatMapConcat(mark -> {
            resume.covered(mark);
            return logged(filter, afterSeq, mark + 1);
          });
      return logged.map(change -> new Tagged(change, false))
          .concat(live(filter).map(change -> new Tagged(change, true)))
          .flatMapConcat(resume::next);
    }).mapMaterializedValue(done -> NotUsed.notUsed());
  }

  /** Logged changes with {@code after < seq < before}, oldest first, read page by page as they are pulled. */
  private Source<LoggedAlert, NotUsed> logged(AlertFilter filter, long after, long before) {
    return Source.unfoldAsync(after, from -> from >= before - 1
        ? CompletableFuture.completedFuture(Optional.<Pair<Long, List<LoggedAlert>>>empty())
        : alerts.since(from, filter, AlertTail.PAGE).thenApply(page -> {
          List<LoggedAlert> wanted = page.stream().filter(change -> change.seq() < before).toList();
          return wanted.isEmpty() ? Optional.empty()
              : Optional.of(Pair.create(wanted.get(wanted.size() - 1).seq(), wanted));
        }))
        .mapConcat(page -> page);
  }

  /** A change and whether it came live (or from the log). */
  private record Tagged(LoggedAlert change, boolean live) {}

  /**
   * The state of one resumed stream: the last seq passed on, how far the log read covered the log (whether or not
   * any change there matched), and whether the gap check has been done. The gap check reads only what the log read
   * did not cover: with a narrow filter the last change passed on can be far behind, and reading from there again
   * held the first live change back by a second scan of the log.
   */
  private final class Resume {

    private final AlertFilter filter;
    private long last;
    private long covered;
    private boolean checked;

    Resume(AlertFilter filter, long afterSeq) {
      this.filter = filter;
      this.last = afterSeq;
      this.covered = afterSeq;
    }

    Source<LoggedAlert, NotUsed> next(Tagged tagged) {
      long seq = tagged.change().seq();
      if (seq <= last) {
        return Source.empty();
      }
      long before = last;
      last = seq;
      if (!tagged.live() || checked) {
        return Source.single(tagged.change());
      }
      checked = true;
      long from = Math.max(before, covered);
      return from >= seq - 1 ? Source.single(tagged.change())
          : logged(filter, from, seq).concat(Source.single(tagged.change()));
    }

    void covered(long upTo) {
      covered = upTo;
    }
  }
}
