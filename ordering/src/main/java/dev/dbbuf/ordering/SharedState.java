package dev.dbbuf.ordering;

import dev.dbbuf.spec.memory.MemoryBounds;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Committed shared memory, every agent's store buffer and the pending MMIO doorbell writes of one execution.
 *
 * <p>Only one thread touches it at a time: the explorer hands control to one agent or to itself, with a lock in
 * between that orders each hand-over.
 */
final class SharedState {

    private final MemoryModel model;
    private final byte[] memory;
    private final MemoryBounds bounds;
    private final StoreBuffer[] buffers;
    /** Bytes each agent stored during the explored phase: who else writes an address. */
    private final BitSet[] written;
    private final ArrayDeque<MmioWrite> rings = new ArrayDeque<>();
    private final List<Commit> log = new ArrayList<>();
    private final LoadWindow[] windows;
    private long memoryHash;
    private long commits;
    private boolean logging;

    /**
     * A store that reached shared memory during exploration.
     *
     * @param seq     its commit number, from 1
     * @param address first byte
     * @param before  the bytes it replaced
     */
    record Commit(long seq, long address, byte[] before) {
        boolean overlaps(final long from, final int width) {
            return address < from + width && from < address + before.length;
        }
    }

    /**
     * A value a load may return.
     *
     * @param bytes the value
     * @param from  the commit number from which shared memory held it
     */
    record Candidate(byte[] bytes, long from) {
    }

    SharedState(final MemoryModel model, final int bytes, final int agents) {
        this.model = model;
        this.memory = new byte[bytes];
        this.bounds = new MemoryBounds(bytes, "access must lie inside scenario memory");
        this.buffers = new StoreBuffer[agents];
        this.written = new BitSet[agents];
        this.windows = new LoadWindow[agents];
        for (int i = 0; i < agents; i++) {
            written[i] = new BitSet();
            buffers[i] = new StoreBuffer();
            windows[i] = new LoadWindow();
        }
    }

    MemoryModel model() {
        return model;
    }

    int capacity() {
        return memory.length;
    }

    StoreBuffer buffer(final int agent) {
        return buffers[agent];
    }

    MemoryBounds bounds() {
        return bounds;
    }

    /** A load as the agent sees it: committed bytes overlaid with its own buffered stores. */
    byte[] load(final int agent, final long address, final int width) {
        final byte[] value = new byte[width];
        System.arraycopy(memory, (int) address, value, 0, width);
        buffers[agent].forward(address, value);
        return value;
    }

    /** Lets one buffered store of an agent reach shared memory. */
    StoreBuffer.Entry flush(final int agent, final int index) {
        final StoreBuffer.Entry entry = buffers[agent].remove(index);
        commit(entry.address(), entry.bytes());
        // coherence: the agent never reads these bytes older than its own store again
        windows[agent].saw(entry.address(), entry.bytes().length, commits);
        return entry;
    }

    /** Exploration starts: from now on commits are remembered for early loads, and every window starts here. */
    void startExploring() {
        logging = true;
        for (final LoadWindow window : windows) {
            window.order(commits);
        }
    }

    LoadWindow window(final int agent) {
        return windows[agent];
    }

    long commits() {
        return commits;
    }

    List<Commit> log() {
        return log;
    }

    /**
     * The values a plain load may return under {@link MemoryModel#WEAK}, newest first: what shared memory held at
     * each moment of the agent's window, overlaid with its own buffered stores, equal neighbours merged.
     */
    List<Candidate> candidates(final int agent, final long address, final int width) {
        final long bound = windows[agent].lowerBound(address, width);
        final List<Candidate> raw = new ArrayList<>();
        byte[] value = new byte[width];
        System.arraycopy(memory, (int) address, value, 0, width);
        for (int i = log.size() - 1; i >= 0 && log.get(i).seq() > bound; i--) {
            final Commit commit = log.get(i);
            if (!commit.overlaps(address, width)) {
                continue;
            }
            raw.add(new Candidate(value, commit.seq()));
            final byte[] older = value.clone();
            final long from = Math.max(address, commit.address());
            final long to = Math.min(address + width, commit.address() + commit.before().length);
            for (long a = from; a < to; a++) {
                older[(int) (a - address)] = commit.before()[(int) (a - commit.address())];
            }
            value = older;
        }
        raw.add(new Candidate(value, bound));
        final List<Candidate> result = new ArrayList<>();
        for (final Candidate candidate : raw) {
            final byte[] seen = candidate.bytes().clone();
            buffers[agent].forward(address, seen);
            if (!result.isEmpty() && Arrays.equals(result.getLast().bytes(), seen)) {
                result.set(result.size() - 1, new Candidate(seen, candidate.from()));
            } else {
                result.add(new Candidate(seen, candidate.from()));
            }
        }
        return result;
    }

    private void commit(final long address, final byte[] bytes) {
        commits++;
        if (logging) {
            final byte[] before = new byte[bytes.length];
            System.arraycopy(memory, (int) address, before, 0, bytes.length);
            log.add(new Commit(commits, address, before));
        }
        for (int i = 0; i < bytes.length; i++) {
            final int at = (int) address + i;
            memoryHash ^= byteHash(at, memory[at]) ^ byteHash(at, bytes[i]);
            memory[at] = bytes[i];
        }
    }

    private static long byteHash(final long address, final byte value) {
        return value == 0 ? 0 : StateKey.mix(address << 8 | (value & 0xFF));
    }

    int readCommittedU32(final long address) {
        bounds.checkRange(address, Integer.BYTES);
        return (int) littleEndian(memory, (int) address, Integer.BYTES);
    }

    static long littleEndian(final byte[] bytes, final int from, final int width) {
        long value = 0;
        for (int i = width - 1; i >= 0; i--) {
            value = value << 8 | (bytes[from + i] & 0xFF);
        }
        return value;
    }

    static byte[] toBytes(final long value, final int width) {
        final byte[] bytes = new byte[width];
        for (int i = 0; i < width; i++) {
            bytes[i] = (byte) (value >>> (8 * i));
        }
        return bytes;
    }

    void ring(final MmioWrite write) {
        rings.add(write);
    }

    MmioWrite takeRing() {
        return rings.remove();
    }

    /** A set-up store: straight to shared memory, as if it had been buffered and flushed at once. */
    /** Records that an agent stored these bytes in the explored phase. */
    void wrote(final int agent, final long address, final int length) {
        written[agent].set((int) address, (int) address + length);
    }

    /** Whether an agent other than this one stored any of these bytes in the explored phase. */
    boolean writtenByOthers(final int agent, final long address, final int length) {
        for (int other = 0; other < written.length; other++) {
            if (other != agent && written[other].get((int) address, (int) address + length).cardinality() > 0) {
                return true;
            }
        }
        return false;
    }

    void storeNow(final long address, final byte[] bytes) {
        commit(address, bytes);
    }

    int pendingRings() {
        return rings.size();
    }

    void addHashes(final List<Long> parts) {
        parts.add(memoryHash);
        parts.add((long) rings.size());
        for (final MmioWrite ring : rings) {
            parts.add((long) ring.offset() << 32 | Integer.toUnsignedLong(ring.value()));
        }
        for (final StoreBuffer buffer : buffers) {
            parts.add(buffer.hash());
        }
        if (model == MemoryModel.WEAK) {
            for (final LoadWindow window : windows) {
                parts.add(window.hash(log));
            }
        }
    }
}
