package dev.dbbuf.tck.scenario;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.eventidx.EventIdxForm;
import dev.dbbuf.spec.spi.device.EventIdxPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code ScenarioGenerator} draws scenarios from a seeded random source, biased to where doorbell protocols break:
 * depths 2, 3, small primes, 256, 257 and a few thousand; batches that end right before, on or right after index 0
 * and batches that cross it; tails parked at {@code depth - 1} so the controller's EventIdx sits next to the wrap
 * point when the next update crosses it; queue identifiers deleted and re-created; resets with and without a new
 * Doorbell Buffer Config.
 *
 * <p>It follows each pair's indices in a small model of its own, only to aim those batches; the runner clamps every
 * count to what the queue really admits.
 */
@API(status = INTERNAL, since = "0.1")
public final class ScenarioGenerator {

    /** The deepest queue a generated scenario creates; the wrap-around tests cover 65536 on their own. */
    public static final int LARGEST_GENERATED_DEPTH = 4099;

    private static final int[] EDGE_DEPTHS = {2, 3, 4, 5, 7, 13, 31, 64, 127, 256, 257, 1021, LARGEST_GENERATED_DEPTH};
    private static final EventIdxForm[] FORMS = {EventIdxForm.NORMATIVE, EventIdxForm.SPEC_EXAMPLE, EventIdxForm.ALWAYS};

    private final GeneratorProfile profile;

    /**
     * Creates a generator.
     *
     * @param profile what the suite allows
     */
    public ScenarioGenerator(final GeneratorProfile profile) {
        this.profile = profile;
    }

    /** One queue pair as the generator imagines it. */
    private static final class Model {
        final int depth;
        int tail;
        int outstanding;

        Model(final int depth) {
            this.depth = depth;
        }
    }

    /**
     * Draws a scenario.
     *
     * @param index  its number in the run
     * @param random the source, derived from the run's seed and the index
     * @return the scenario
     */
    public Scenario generate(final int index, final SplittableRandom random) {
        final @Nullable EventIdxPolicy policy = profile.probeDevicePolicies().isEmpty() ? null
            : profile.probeDevicePolicies().get(random.nextInt(profile.probeDevicePolicies().size()));
        final int length = random.nextInt(profile.minSteps(), profile.maxSteps() + 1);
        final List<Step> steps = new ArrayList<>();
        final List<Model> live = new ArrayList<>();
        while (steps.size() < length) {
            if (live.isEmpty() || live.size() < profile.maxPairs() && random.nextInt(100) < 6) {
                final int depth = depth(random);
                steps.add(new Step.CreateQueuePair(depth));
                live.add(new Model(Math.min(depth, profile.maxDepth())));
                continue;
            }
            final int p = random.nextInt(live.size());
            final Model pair = live.get(p);
            final int roll = random.nextInt(100);
            if (roll < 45) {
                final int count = batch(random, pair);
                if (count > 0) {
                    steps.add(new Step.Submit(p, count));
                    pair.tail = (pair.tail + count) % pair.depth;
                    pair.outstanding += count;
                }
            } else if (roll < 80) {
                final int max = pair.outstanding == 0 ? 1
                    : random.nextInt(4) == 0 ? random.nextInt(1, pair.outstanding + 1) : pair.outstanding;
                steps.add(new Step.Reap(p, max));
                pair.outstanding -= Math.min(max, pair.outstanding);
            } else if (roll < 85) {
                steps.add(new Step.DeleteQueuePair(p));
                live.remove(p);
            } else if (roll < 88) {
                steps.add(new Step.ResetController());
                live.clear();
                if (random.nextInt(5) != 0) {
                    steps.add(new Step.ConfigureBuffers());
                }
            } else if (roll < 90) {
                steps.add(new Step.ConfigureBuffers());
            } else if (profile.probeHostSteps() && roll < 95) {
                steps.add(new Step.SwitchRingingPolicy(FORMS[random.nextInt(FORMS.length)]));
            } else if (profile.probeHostSteps()) {
                steps.add(new Step.Kick(p));
            }
        }
        return new Scenario(index, policy, steps);
    }

    private int depth(final SplittableRandom random) {
        final int limit = Math.min(profile.maxDepth(), LARGEST_GENERATED_DEPTH);
        if (random.nextInt(5) == 0) {
            return random.nextInt(2, Math.min(limit, 300) + 1);
        }
        int depth;
        do {
            depth = EDGE_DEPTHS[random.nextInt(EDGE_DEPTHS.length)];
        } while (depth > limit);
        return depth;
    }

    /** A batch size aimed at the wrap point: ending just before, on or after index 0, or crossing it. */
    private static int batch(final SplittableRandom random, final Model pair) {
        final int free = pair.depth - 1 - pair.outstanding;
        if (free <= 0) {
            return 0;
        }
        final int toWrap = (pair.depth - pair.tail) % pair.depth;
        final int count = switch (random.nextInt(6)) {
            // tail lands on depth - 1, 0 or 1: the next update starts next to the wrap point
            case 0 -> toWrap - 1 + random.nextInt(3);
            // a batch that crosses index 0
            case 1 -> toWrap + 1 + random.nextInt(Math.max(1, Math.min(free, 8)));
            case 2 -> free;
            case 3 -> 1;
            default -> 1 + random.nextInt(Math.min(free, 1 + random.nextInt(Math.min(free, 64))));
        };
        return Math.max(1, Math.min(count, free));
    }
}
