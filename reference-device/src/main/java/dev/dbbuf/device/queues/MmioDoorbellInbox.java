package dev.dbbuf.device.queues;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apiguardian.api.API;

/**
 * {@code MmioDoorbellInbox} takes MMIO doorbell writes from host threads without locking, like a hypervisor's
 * ioeventfd, and hands them to the controller pass. Per doorbell it keeps the latest value and the one value that
 * latest write displaced, so the inbox stays bounded however many writes come between passes.
 *
 * <p>The latest value alone is not enough: NVMe ignores an invalid doorbell write, so a valid head or tail followed,
 * before the next pass, by an invalid one must still be acted on. Kept alone, the invalid value would hide it: the
 * controller would never release those completion queue entries, and a host applying the EventIdx rule strictly
 * would not ring again while the controller's EventIdx stays behind it. The displaced value is handed over first, so
 * the pass sees the two writes in the order the host made them.
 *
 * <p>Writer: swap in the tagged value together with the value it displaces (compare-and-set), set its dirty bit, set
 * the pending flag. Reader: clear the flag, then take and clear dirty words, then take and clear the values. Every
 * step is a volatile access or atomic read-modify-write, so a value stored before its bit is set is seen by the
 * reader that clears the bit, and a pair swapped in as one word is never split between two drains.
 */
@API(status = INTERNAL, since = "0.1")
public final class MmioDoorbellInbox {

    /**
     * Receives doorbell values from {@link #drain}.
     */
    @API(status = INTERNAL, since = "0.1")
    @FunctionalInterface
    public interface Sink {
        /**
         * One doorbell value, in the order the host wrote it.
         *
         * @param doorbellIndex position in the doorbell array
         * @param value         raw register value
         */
        void doorbellWritten(int doorbellIndex, int value);
    }

    private static final long PRESENT = 1L << 32;
    private static final int DISPLACED_SHIFT = 33;
    private static final long DISPLACED_BITS = 0xFFFFL;
    private static final long DISPLACED = 1L << 49;
    /** No index of any queue (depth at most 65536) fits in 16 bits of an MMIO value with upper bits set. */
    private static final long DISPLACED_WIDE = 1L << 50;
    /** Stands for a displaced value wider than 16 bits: not an index of any queue, as the original was not. */
    private static final int NOT_AN_INDEX = -1;
    private static final int WORD_BITS = 64;

    private final AtomicLongArray values;
    private final AtomicLongArray dirty;
    private final AtomicBoolean pending = new AtomicBoolean();

    /**
     * Creates an empty inbox.
     *
     * @param doorbells number of doorbells, {@code 2 * (maxQid + 1)}
     */
    public MmioDoorbellInbox(final int doorbells) {
        this.values = new AtomicLongArray(doorbells);
        this.dirty = new AtomicLongArray((doorbells + WORD_BITS - 1) / WORD_BITS);
    }

    /**
     * The number of doorbells.
     *
     * @return {@code 2 * (maxQid + 1)}
     */
    public int doorbells() {
        return values.length();
    }

    /**
     * Posts a write; any thread.
     *
     * @param doorbellIndex position in the doorbell array, below {@link #doorbells()}
     * @param value         raw register value
     */
    public void post(final int doorbellIndex, final int value) {
        long previous;
        // compare-and-set: the displaced value travels in the same word, so no drain takes one without the other;
        // volatile, ordered before the dirty bit below, which the reader takes before this value
        do {
            previous = values.get(doorbellIndex);
        } while (!values.compareAndSet(doorbellIndex, previous, withDisplaced(value, previous)));
        dirty.getAndAccumulate(doorbellIndex / WORD_BITS, 1L << (doorbellIndex % WORD_BITS), (bits, bit) -> bits | bit);
        // volatile: pairs with getAndSet in drain() and with the I/O thread's check before it parks
        pending.set(true);
    }

    /**
     * Whether writes wait.
     *
     * @return true if a write was posted since the last drain began
     */
    public boolean hasPending() {
        // volatile: pairs with the volatile store in post()
        return pending.get();
    }

    /**
     * Hands every waiting write to a sink, then forgets it; controller pass only.
     *
     * @param sink receives each doorbell's displaced value, if any, then its latest value
     * @return true if any write was handed over
     */
    public boolean drain(final Sink sink) {
        // getAndSet: pairs with the volatile set in post(); cleared before the scan so no post is missed
        if (!pending.getAndSet(false)) {
            return false;
        }
        boolean any = false;
        for (int word = 0; word < dirty.length(); word++) {
            // volatile load first, so clean words cost no read-modify-write; getAndSet pairs with the writer's
            // getAndAccumulate, and clears before the values are taken so a later post sets the bit again
            long bits = dirty.get(word) == 0 ? 0 : dirty.getAndSet(word, 0);
            while (bits != 0) {
                final int bit = Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                final int index = word * WORD_BITS + bit;
                // getAndSet: pairs with the volatile set in post(); a value posted after it stays for the next drain
                final long tagged = values.getAndSet(index, 0);
                if (tagged != 0) {
                    any = true;
                    if ((tagged & DISPLACED) != 0) {
                        sink.doorbellWritten(index, (tagged & DISPLACED_WIDE) != 0 ? NOT_AN_INDEX
                            : (int) (tagged >>> DISPLACED_SHIFT & DISPLACED_BITS));
                    }
                    sink.doorbellWritten(index, (int) tagged);
                }
            }
        }
        return any;
    }

    /** The tagged latest value, carrying the latest value of {@code previous} (if any) as the displaced one. */
    private static long withDisplaced(final int value, final long previous) {
        final long latest = PRESENT | Integer.toUnsignedLong(value);
        final long displaced = previous & 0xFFFF_FFFFL;
        // a repeated value displaces nothing the pass would act on differently
        if ((previous & PRESENT) == 0 || displaced == Integer.toUnsignedLong(value)) {
            return latest;
        }
        return displaced > DISPLACED_BITS ? latest | DISPLACED | DISPLACED_WIDE
            : latest | DISPLACED | displaced << DISPLACED_SHIFT;
    }

    /** Drops every waiting write (Controller Level Reset); controller lock held. */
    public void clear() {
        drain((index, value) -> { });
    }
}
