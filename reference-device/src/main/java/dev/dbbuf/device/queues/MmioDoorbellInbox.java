package dev.dbbuf.device.queues;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apiguardian.api.API;

/**
 * {@code MmioDoorbellInbox} takes MMIO doorbell writes from host threads without locking, like a hypervisor's
 * ioeventfd, and hands them to the controller pass. Per doorbell only the latest value is kept: the controller would
 * act on nothing but the latest anyway, and the inbox stays bounded however many writes come between passes.
 *
 * <p>Writer: store the tagged value, set its dirty bit, set the pending flag. Reader: clear the flag, then take and
 * clear dirty words, then take and clear the values. Every step is a volatile access or atomic read-modify-write, so
 * a value stored before its bit is set is seen by the reader that clears the bit.
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
         * One doorbell's latest value.
         *
         * @param doorbellIndex position in the doorbell array
         * @param value         raw register value
         */
        void doorbellWritten(int doorbellIndex, int value);
    }

    private static final long PRESENT = 1L << 32;
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
        // volatile: ordered before the dirty bit below, which the reader takes before this value
        values.set(doorbellIndex, PRESENT | Integer.toUnsignedLong(value));
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
     * @param sink receives each doorbell's latest value
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
                    sink.doorbellWritten(index, (int) tagged);
                }
            }
        }
        return any;
    }

    /** Drops every waiting write (Controller Level Reset); controller lock held. */
    public void clear() {
        drain((index, value) -> { });
    }
}
