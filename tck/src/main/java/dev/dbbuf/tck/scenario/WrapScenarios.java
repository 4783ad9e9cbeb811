package dev.dbbuf.tck.scenario;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code WrapScenarios} builds the explicit wrap-around scenarios of both suites. For one queue pair of a depth it
 * repeats, until the queue has wrapped the asked number of times: park the tail on {@code depth - 1} (a controller that
 * publishes the tail it consumed then holds EventIdx next to the wrap point), then submit a batch of about half the
 * depth that crosses index 0 (exactly onto 0 at depth 2), reaping everything after each batch so the completion queue
 * head wraps as often as the tail.
 */
@API(status = INTERNAL, since = "0.1")
public final class WrapScenarios {

    private WrapScenarios() {
    }

    /**
     * A built scenario and what it guarantees by construction.
     *
     * @param scenario         the steps
     * @param depth            the queue depth
     * @param wraps            times the SQ tail (and the CQ head) passes index 0
     * @param crossingBatches  batches whose entries straddle index 0
     * @param nearWrapUpdates  updates that start at {@code depth - 1}
     */
    public record Built(Scenario scenario, int depth, int wraps, int crossingBatches, int nearWrapUpdates) {
    }

    /**
     * One queue pair wrapped at least {@code wraps} times.
     *
     * @param depth the queue depth, 2..65536
     * @param wraps how often to wrap, at least 1
     * @return the scenario
     * @throws IllegalArgumentException for a depth or count out of range
     */
    public static Built queue(final int depth, final int wraps) {
        if (depth < 2 || depth > 65536 || wraps < 1) {
            throw new IllegalArgumentException("wrap scenario needs depth 2..65536 and wraps >= 1: depth=%d wraps=%d"
                .formatted(depth, wraps));
        }
        final List<Step> steps = new ArrayList<>();
        steps.add(new Step.CreateQueuePair(depth));
        long submitted = 0;
        int tail = 0;
        int crossing = 0;
        int nearWrap = 0;
        while (submitted / depth < wraps) {
            final int park = (depth - 1 - tail) % depth;
            if (park > 0) {
                steps.add(new Step.Submit(0, park));
                steps.add(new Step.Reap(0, park));
                submitted += park;
            }
            final int batch = Math.min(depth - 1, depth / 2 + 1);
            steps.add(new Step.Submit(0, batch));
            steps.add(new Step.Reap(0, batch));
            submitted += batch;
            tail = (depth - 1 + batch) % depth;
            nearWrap++;
            if (batch >= 2) {
                crossing++;
            }
        }
        return new Built(new Scenario(0, null, steps), depth, (int) (submitted / depth), crossing, nearWrap);
    }

    /**
     * Admin queue traffic: queue pairs created and deleted without I/O, {@code cycles} times, four admin commands each.
     *
     * @param cycles create/delete cycles
     * @return the steps
     */
    public static List<Step> adminChurn(final int cycles) {
        final List<Step> steps = new ArrayList<>();
        for (int i = 0; i < cycles; i++) {
            steps.add(new Step.CreateQueuePair(2 + i % 3));
            steps.add(new Step.DeleteQueuePair(0));
        }
        return steps;
    }
}
