package io.twinworks.runtime.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Runs {@code --find-max}: step after step at a rising offered rate until a bound breaks or the steps run out. */
public final class FindMax {

  /** One step and the bound it broke (null when it held). */
  public record Step(RunResult run, String broken) {}

  /** Every step, the knee (the last step that held, 1-based; null when the first broke) and why it stopped. */
  public record Result(List<Step> steps, Integer kneeStep, String stoppedBecause) {
    public Optional<RunResult> knee() {
      return Optional.ofNullable(kneeStep).map(step -> steps.get(step - 1).run());
    }
  }

  /** Measures one step. */
  @FunctionalInterface
  interface StepRunner {
    RunResult run(int step, double rate) throws Exception;
  }

  private FindMax() {}

  static Result search(FindMaxSettings settings, StepRunner runner, Progress progress) throws Exception {
    List<Step> steps = new ArrayList<>();
    Integer knee = null;
    for (int step = 1; ; step++) {
      RunResult run = runner.run(step, settings.rate(step));
      Optional<String> broken = settings.broken(run);
      steps.add(new Step(run, broken.orElse(null)));
      progress.line(String.format(Locale.ROOT, "step %d at %,.0f/s offered: %s", step, run.offeredPerSecond(),
          broken.orElse("held")));
      if (broken.isPresent()) {
        return new Result(steps, knee, "step " + step + " broke a bound: " + broken.get());
      }
      knee = step;
      if (settings.last(step)) {
        return new Result(steps, knee, "no bound broke within --max-steps " + step);
      }
    }
  }
}
