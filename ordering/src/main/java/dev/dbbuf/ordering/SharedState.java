package dev.dbbuf.ordering;

import dev.dbbuf.spec.memory.HostMemoryException;
import java.util.ArrayDeque;
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
    private final StoreBuffer[] buffers;
    private final ArrayDeque<MmioWrite> rings = new ArrayDeque<>();
    private long memoryHash;

    SharedState(final MemoryModel model, final int bytes, final int agents) {
        this.model = model;
        this.memory = new byte[bytes];
        this.buffers = new StoreBuffer[agents];
        for (int i = 0; i < agents; i++) {
            buffers[i] = new StoreBuffer();
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

    void checkRange(final long address, final long length) {
        if (address < 0 || length < 0 || address > memory.length - length) {
            throw new HostMemoryException("access must lie inside scenario memory: address=0x%x length=%d capacity=%d"
                .formatted(address, length, memory.length), address);
        }
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
        return entry;
    }

    private void commit(final long address, final byte[] bytes) {
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
        checkRange(address, Integer.BYTES);
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
    }
}
