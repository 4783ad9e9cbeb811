package dev.dbbuf.tck.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The generator's bias, counted by replaying 200 scenarios on a model of the runner's clamping: the edge cases the
 * suites claim to exercise do occur.
 */
class ScenarioGeneratorTest {

    /** One pair as the runner sees it: counts clamped to the free slots, reaps to the outstanding commands. */
    private static final class Pair {
        final int depth;
        int tail;
        int outstanding;

        Pair(final int depth) {
            this.depth = depth;
        }
    }

    @Test
    void generatedScenariosCrossIndexZeroStartNextToTheWrapPointAndCoverEdgeDepths() {
        final ScenarioGenerator generator = new ScenarioGenerator(new GeneratorProfile(
            ScenarioGenerator.LARGEST_GENERATED_DEPTH, 4, 8, 48, true, List.of()));
        final Set<Integer> depths = new HashSet<>();
        int crossing = 0;
        int fromWrapPoint = 0;
        int endingOnZero = 0;
        int resets = 0;
        int recreations = 0;
        for (int index = 0; index < 200; index++) {
            final List<Pair> live = new ArrayList<>();
            boolean deleted = false;
            for (final Step step : generator.generate(index, new SplittableRandom(index)).steps()) {
                switch (step) {
                    case Step.CreateQueuePair create when live.size() < 4 -> {
                        depths.add(create.depth());
                        live.add(new Pair(create.depth()));
                        recreations += deleted ? 1 : 0;
                    }
                    case Step.DeleteQueuePair delete when !live.isEmpty() -> {
                        live.remove(delete.pair() % live.size());
                        deleted = true;
                    }
                    case Step.Submit submit when !live.isEmpty() -> {
                        final Pair pair = live.get(submit.pair() % live.size());
                        final int n = Math.min(submit.count(), pair.depth - 1 - pair.outstanding);
                        if (n > 0) {
                            fromWrapPoint += pair.tail == pair.depth - 1 ? 1 : 0;
                            crossing += pair.tail + n > pair.depth ? 1 : 0;
                            endingOnZero += pair.tail + n == pair.depth ? 1 : 0;
                            pair.tail = (pair.tail + n) % pair.depth;
                            pair.outstanding += n;
                        }
                    }
                    case Step.Reap reap when !live.isEmpty() -> {
                        final Pair pair = live.get(reap.pair() % live.size());
                        pair.outstanding -= Math.min(reap.max(), pair.outstanding);
                    }
                    case Step.ResetController reset -> {
                        live.clear();
                        resets++;
                    }
                    default -> {
                    }
                }
            }
        }
        assertThat(depths).contains(2, 3, 5, 7, 13, 31, 127, 256, 257, 1021, 4099);
        assertThat(crossing).as("batches crossing index 0").isGreaterThan(200);
        assertThat(fromWrapPoint).as("updates starting at depth - 1").isGreaterThan(100);
        assertThat(endingOnZero).as("batches ending exactly on index 0").isGreaterThan(50);
        assertThat(resets).isGreaterThan(20);
        assertThat(recreations).as("pairs created after a delete").isGreaterThan(50);
    }
}
