package dev.dbbuf.spec.eventidx;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code EventIdx} is the rule that decides when an update of a shadow doorbell must also be written to the MMIO
 * doorbell, in its normative form and in the forms real implementations use.
 *
 * <p>The rule (NVMe 2.0 Annex B.5, key NVMe-2.0-AnnexB in spec/SOURCES.md): an update moving the doorbell value from {@code old} to {@code new} must ring the
 * MMIO doorbell iff it moves the value past EventIdx {@code ev}, circularly modulo the queue depth {@code N}:
 * <pre>
 *   ring  iff  old &lt;= ev &lt; new  (circular)   iff   (ev - old) mod N  &lt;  (new - old) mod N
 * </pre>
 * The forms and how they relate, each a tested fact of this project ({@code EventIdxFormsTest}):
 * <ul>
 *   <li>{@link #mustRing}, the rule itself: rings exactly when required.</li>
 *   <li>{@link #specExampleRings}, the specification's example ({@code X = (new - ev) mod N, Y = (new - old) mod N},
 *       ring iff {@code X <= Y}): the rule plus one extra ring when {@code ev == new}. Never misses a ring.</li>
 *   <li>{@link #linux16Rings}, Linux and virtio ({@code (u16)(new - ev - 1) < (u16)(new - old)}): equal to the rule
 *       for every depth 2..65536, provided old, new and ev are all below the depth.</li>
 *   <li>{@link #spdk16Rings}, SPDK's host ({@code (u16)(new - ev) <= (u16)(new - old)}): equal to the example form
 *       under the same proviso.</li>
 * </ul>
 * With an EventIdx at or above the depth (garbage, or SPDK's poll-mode 0xFFFFFFFF) the 16-bit forms still answer but
 * the answer means nothing; only the two mod-N forms reject such input.
 */
@API(status = STABLE, since = "0.1")
public final class EventIdx {

    private EventIdx() {
    }

    /**
     * The normative rule.
     *
     * @param oldValue the doorbell value before the update, below depth
     * @param newValue the doorbell value after the update, below depth
     * @param eventIdx the controller's EventIdx for this doorbell, below depth
     * @param depth    the queue depth N, 2..65536
     * @return true iff {@code (eventIdx - oldValue) mod N < (newValue - oldValue) mod N}
     * @throws IllegalArgumentException naming the argument that is out of range
     */
    public static boolean mustRing(final int oldValue, final int newValue, final int eventIdx, final int depth) {
        checkArguments(oldValue, newValue, eventIdx, depth);
        return RingIndex.distance(oldValue, eventIdx, depth) < RingIndex.distance(oldValue, newValue, depth);
    }

    /**
     * The specification's example algorithm: rings when the rule requires, and once more when {@code ev == new}.
     *
     * @param oldValue the doorbell value before the update, below depth
     * @param newValue the doorbell value after the update, below depth
     * @param eventIdx the controller's EventIdx, below depth
     * @param depth    the queue depth N, 2..65536
     * @return true iff {@code (new - ev) mod N <= (new - old) mod N}
     * @throws IllegalArgumentException naming the argument that is out of range
     */
    public static boolean specExampleRings(final int oldValue, final int newValue, final int eventIdx,
                                           final int depth) {
        checkArguments(oldValue, newValue, eventIdx, depth);
        return RingIndex.distance(eventIdx, newValue, depth) <= RingIndex.distance(oldValue, newValue, depth);
    }

    /**
     * Linux's {@code nvme_dbbuf_need_event} and virtio's {@code vring_need_event}, in 16-bit arithmetic.
     *
     * @param oldValue the doorbell value before the update (low 16 bits used)
     * @param newValue the doorbell value after the update (low 16 bits used)
     * @param eventIdx the controller's EventIdx (low 16 bits used)
     * @return true iff {@code (u16)(new - ev - 1) < (u16)(new - old)}
     */
    public static boolean linux16Rings(final int oldValue, final int newValue, final int eventIdx) {
        return ((newValue - eventIdx - 1) & 0xFFFF) < ((newValue - oldValue) & 0xFFFF);
    }

    /**
     * SPDK's host form of the example algorithm, in 16-bit arithmetic.
     *
     * @param oldValue the doorbell value before the update (low 16 bits used)
     * @param newValue the doorbell value after the update (low 16 bits used)
     * @param eventIdx the controller's EventIdx (low 16 bits used)
     * @return true iff {@code (u16)(new - ev) <= (u16)(new - old)}
     */
    public static boolean spdk16Rings(final int oldValue, final int newValue, final int eventIdx) {
        return ((newValue - eventIdx) & 0xFFFF) <= ((newValue - oldValue) & 0xFFFF);
    }

    private static void checkArguments(final int oldValue, final int newValue, final int eventIdx, final int depth) {
        RingIndex.checkDepth(depth);
        RingIndex.checkIndex("old", oldValue, depth);
        RingIndex.checkIndex("new", newValue, depth);
        RingIndex.checkIndex("eventIdx", eventIdx, depth);
    }
}
