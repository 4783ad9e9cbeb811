package dev.dbbuf.tck.scenario;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.eventidx.EventIdxForm;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code Step} is one host action of a generated scenario. Steps name queue pairs by their position among the pairs
 * alive at that moment ({@code pair} modulo their count) and counts that the runner clamps to what the queue admits,
 * so every subsequence of a scenario is again a valid scenario: that is what lets the shrinker delete steps freely.
 */
@API(status = INTERNAL, since = "0.1")
public sealed interface Step {

    /**
     * Simpler variants of this step, most aggressive first, for the shrinker.
     *
     * @return the variants; empty when the step is as simple as it gets
     */
    default List<Step> simpler() {
        return List.of();
    }

    /**
     * Creates a queue pair (CQ then SQ, same identifier) of a depth; the runner clamps the depth to what both sides
     * allow and skips the step when the queue count is at its limit.
     *
     * @param depth entries in each queue
     */
    record CreateQueuePair(int depth) implements Step {
        @Override
        public List<Step> simpler() {
            final List<Step> out = new ArrayList<>();
            for (final int d : new int[] {2, 3, depth / 2, depth - 1}) {
                if (d >= 2 && d < depth && out.stream().noneMatch(s -> ((CreateQueuePair) s).depth() == d)) {
                    out.add(new CreateQueuePair(d));
                }
            }
            return out;
        }

        @Override
        public String toString() {
            return "create queue pair depth=" + depth;
        }
    }

    /**
     * Deletes a live queue pair (SQ then CQ); its outstanding commands are abandoned.
     *
     * @param pair position among the live pairs
     */
    record DeleteQueuePair(int pair) implements Step {
        @Override
        public List<Step> simpler() {
            return pair == 0 ? List.of() : List.of(new DeleteQueuePair(0));
        }

        @Override
        public String toString() {
            return "delete queue pair #" + pair;
        }
    }

    /**
     * Submits commands as one batch: every entry written, then one tail update.
     *
     * @param pair  position among the live pairs
     * @param count commands, clamped to the free slots
     */
    record Submit(int pair, int count) implements Step {
        @Override
        public List<Step> simpler() {
            final List<Step> out = new ArrayList<>();
            if (pair != 0) {
                out.add(new Submit(0, count));
            }
            for (final int c : new int[] {1, count / 2, count - 1}) {
                if (c >= 1 && c < count && out.stream().noneMatch(s -> s.equals(new Submit(pair, c)))) {
                    out.add(new Submit(pair, c));
                }
            }
            return out;
        }

        @Override
        public String toString() {
            return "submit pair #" + pair + " count=" + count;
        }
    }

    /**
     * Waits for completions and releases them through the head doorbell.
     *
     * @param pair position among the live pairs
     * @param max  completions to wait for, clamped to the outstanding commands
     */
    record Reap(int pair, int max) implements Step {
        @Override
        public List<Step> simpler() {
            final List<Step> out = new ArrayList<>();
            if (pair != 0) {
                out.add(new Reap(0, max));
            }
            for (final int m : new int[] {1, max / 2}) {
                if (m >= 1 && m < max && out.stream().noneMatch(s -> s.equals(new Reap(pair, m)))) {
                    out.add(new Reap(pair, m));
                }
            }
            return out;
        }

        @Override
        public String toString() {
            return "reap pair #" + pair + " max=" + max;
        }
    }

    /** Controller Level Reset (CC.EN 1 to 0 to 1); the device side forgets every I/O queue and the buffers. */
    record ResetController() implements Step {
        @Override
        public String toString() {
            return "reset controller";
        }
    }

    /** Sends Doorbell Buffer Config with fresh pages when none is in force (after a reset); otherwise nothing. */
    record ConfigureBuffers() implements Step {
        @Override
        public String toString() {
            return "configure doorbell buffers";
        }
    }

    /**
     * Switches the probe host's ringing decision (device suite): the strict rule, the specification's example form or
     * always ringing; every one is legal for the host, so a correct device serves all three.
     *
     * @param form the decision from now on
     */
    record SwitchRingingPolicy(EventIdxForm form) implements Step {
        @Override
        public List<Step> simpler() {
            return form == EventIdxForm.NORMATIVE ? List.of() : List.of(new SwitchRingingPolicy(EventIdxForm.NORMATIVE));
        }

        @Override
        public String toString() {
            return "ringing policy " + form;
        }
    }

    /**
     * Writes a pair's current SQ tail to its MMIO doorbell once more (device suite): an extra doorbell write is always
     * legal, also while shadow doorbells are active.
     *
     * @param pair position among the live pairs
     */
    record Kick(int pair) implements Step {
        @Override
        public List<Step> simpler() {
            return pair == 0 ? List.of() : List.of(new Kick(0));
        }

        @Override
        public String toString() {
            return "MMIO kick of pair #" + pair + " SQ tail";
        }
    }
}
