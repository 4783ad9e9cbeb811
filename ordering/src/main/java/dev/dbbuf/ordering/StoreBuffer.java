package dev.dbbuf.ordering;

import java.util.ArrayList;
import java.util.List;

/**
 * One agent's store buffer: stores wait here, oldest first, until the explorer lets one leave for shared memory.
 *
 * <p>Which entries may leave is the memory model: under {@link MemoryModel#TSO} only the oldest; under
 * {@link MemoryModel#WEAK} any entry with no older entry to overlapping bytes, no older entry from before a release
 * fence, and, for a RELEASE store, no older entry at all.
 */
final class StoreBuffer {

    /**
     * Entries a buffer holds; a store into a full buffer waits until one leaves. Hardware buffers are finite too (a few
     * dozen entries), and an unbounded one lets an agent that stores on every idle pass without ever fencing pile up
     * thousands of entries, each one more choice at every step. Every reordering the kit's scenarios look for needs
     * only a few buffered stores.
     */
    static final int CAPACITY = 16;

    /**
     * A buffered store.
     *
     * @param address first byte
     * @param bytes   the bytes, little-endian
     * @param release whether it was a RELEASE store, which keeps every earlier store ahead of it
     * @param epoch   number of release fences the agent had passed when it stored
     */
    record Entry(long address, byte[] bytes, boolean release, int epoch) {
        boolean overlaps(final Entry other) {
            return address < other.address + other.bytes.length && other.address < address + bytes.length;
        }

        long end() {
            return address + bytes.length;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private int epoch;

    void store(final long address, final byte[] bytes, final boolean release) {
        entries.add(new Entry(address, bytes, release, epoch));
    }

    void releaseFence() {
        epoch++;
    }

    /** Whether a store made before the agent's last release fence is still buffered. */
    boolean holdsStoresBeforeReleaseFence() {
        for (final Entry entry : entries) {
            if (entry.epoch() < epoch) {
                return true;
            }
        }
        return false;
    }

    /**
     * The newest buffered entry that overlaps these bytes, if it covers exactly them.
     *
     * @return the entry, or null if none overlaps or the newest overlapping one has another extent
     */
    Entry newestExactly(final long address, final int length) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            final Entry entry = entries.get(i);
            if (entry.address() < address + length && address < entry.end()) {
                return entry.address() == address && entry.bytes().length == length ? entry : null;
            }
        }
        return null;
    }

    int size() {
        return entries.size();
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    List<Entry> entries() {
        return entries;
    }

    Entry remove(final int index) {
        return entries.remove(index);
    }

    List<Integer> leavable(final MemoryModel model) {
        final List<Integer> result = new ArrayList<>();
        if (entries.isEmpty()) {
            return result;
        }
        result.add(0);
        if (model != MemoryModel.WEAK) {
            return result;
        }
        for (int i = 1; i < entries.size(); i++) {
            if (mayPassAllOlder(i)) {
                result.add(i);
            }
        }
        return result;
    }

    private boolean mayPassAllOlder(final int index) {
        final Entry entry = entries.get(index);
        if (entry.release()) {
            return false;
        }
        for (int j = 0; j < index; j++) {
            final Entry older = entries.get(j);
            if (older.overlaps(entry) || older.epoch() < entry.epoch()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Overlays this agent's buffered bytes on a load, oldest first, so that the newest store wins.
     *
     * @param address first byte of the load
     * @param value   bytes read from shared memory, replaced in place where the buffer holds newer ones
     */
    void forward(final long address, final byte[] value) {
        for (final Entry entry : entries) {
            final long from = Math.max(address, entry.address());
            final long to = Math.min(address + value.length, entry.end());
            for (long a = from; a < to; a++) {
                value[(int) (a - address)] = entry.bytes()[(int) (a - entry.address())];
            }
        }
    }

    long hash() {
        long h = epoch;
        for (final Entry entry : entries) {
            h = StateKey.mix(h ^ entry.address());
            for (final byte b : entry.bytes()) {
                h = h * 31 + b;
            }
            h = h * 31 + (entry.release() ? 1 : 0) + 2L * entry.epoch();
        }
        return h;
    }
}
