package dev.dbbuf.ordering;

import dev.dbbuf.spec.memory.AccessMode;
import dev.dbbuf.spec.memory.Fence;
import dev.dbbuf.spec.memory.HostMemory;

/**
 * One agent's view of the explored memory: stores go to its store buffer, loads and fences that other agents could
 * tell apart become scheduling points.
 */
final class AgentMemory implements HostMemory, DoorbellPort {

    private final Execution execution;
    private final SharedState state;
    private final int agent;

    AgentMemory(final Execution execution, final SharedState state, final int agent) {
        this.execution = execution;
        this.state = state;
        this.agent = agent;
    }

    @Override
    public long capacity() {
        return state.capacity();
    }

    private long load(final long address, final int width, final AccessMode mode) {
        check(address, width, mode, mode.validForLoad(), "load");
        execution.await(agent, new Step.Load(address, width, mode));
        final long value = SharedState.littleEndian(state.load(agent, address, width), 0, width);
        execution.observe(agent, "load  u%d %s %s = %d".formatted(8 * width, execution.name(address), mode, value),
            value);
        return value;
    }

    private void store(final long address, final int width, final long value, final AccessMode mode) {
        check(address, width, mode, mode.validForStore(), "store");
        state.buffer(agent).store(address, SharedState.toBytes(value, width), mode == AccessMode.RELEASE);
        execution.observe(agent, "store u%d %s %s = %d (buffered)".formatted(8 * width, execution.name(address), mode,
            value), value);
        if (mode == AccessMode.VOLATILE) {
            drain("VOLATILE store");
        }
    }

    private void check(final long address, final int width, final AccessMode mode, final boolean valid,
                       final String what) {
        if (!valid) {
            throw new IllegalArgumentException("access mode not allowed for a %s: mode=%s".formatted(what, mode));
        }
        if (mode.atomic() && address % width != 0) {
            throw new IllegalArgumentException("atomic access must be naturally aligned: address=0x%x width=%d mode=%s"
                .formatted(address, width, mode));
        }
        state.checkRange(address, width);
    }

    private void drain(final String why) {
        if (!state.buffer(agent).isEmpty()) {
            execution.await(agent, new Step.Drain());
        }
        execution.observe(agent, why + " (store buffer empty)", 0);
    }

    @Override
    public int readU8(final long address) {
        return (int) load(address, 1, AccessMode.PLAIN);
    }

    @Override
    public void writeU8(final long address, final int value) {
        store(address, 1, value, AccessMode.PLAIN);
    }

    @Override
    public int readU16(final long address, final AccessMode mode) {
        return (int) load(address, 2, mode);
    }

    @Override
    public void writeU16(final long address, final int value, final AccessMode mode) {
        store(address, 2, value & 0xFFFF, mode);
    }

    @Override
    public int readU32(final long address, final AccessMode mode) {
        return (int) load(address, 4, mode);
    }

    @Override
    public void writeU32(final long address, final int value, final AccessMode mode) {
        store(address, 4, Integer.toUnsignedLong(value), mode);
    }

    @Override
    public long readU64(final long address, final AccessMode mode) {
        return load(address, 8, mode);
    }

    @Override
    public void writeU64(final long address, final long value, final AccessMode mode) {
        store(address, 8, value, mode);
    }

    @Override
    public void readBytes(final long address, final byte[] dst, final int offset, final int length) {
        state.checkRange(address, length);
        execution.await(agent, new Step.Load(address, length, AccessMode.PLAIN));
        System.arraycopy(state.load(agent, address, length), 0, dst, offset, length);
        execution.observe(agent, "load  %d bytes %s PLAIN".formatted(length, execution.name(address)),
            java.util.Arrays.hashCode(dst));
    }

    @Override
    public void writeBytes(final long address, final byte[] src, final int offset, final int length) {
        state.checkRange(address, length);
        state.buffer(agent).store(address, java.util.Arrays.copyOfRange(src, offset, offset + length), false);
        execution.observe(agent, "store %d bytes %s PLAIN (buffered)".formatted(length, execution.name(address)),
            java.util.Arrays.hashCode(src));
    }

    @Override
    public void fill(final long address, final long length, final int value) {
        state.checkRange(address, length);
        final byte[] bytes = new byte[(int) length];
        java.util.Arrays.fill(bytes, (byte) value);
        state.buffer(agent).store(address, bytes, false);
        execution.observe(agent, "fill  %d bytes %s = %d (buffered)".formatted(length, execution.name(address), value),
            value);
    }

    @Override
    public void fence(final Fence fence) {
        switch (fence) {
            case FULL -> drain("fence FULL");
            case RELEASE -> {
                state.buffer(agent).releaseFence();
                execution.observe(agent, "fence RELEASE (later stores stay behind earlier ones)", 1);
            }
            case ACQUIRE -> execution.observe(agent, "fence ACQUIRE (loads are never reordered here)", 2);
        }
    }

    @Override
    public void ring(final int value) {
        execution.await(agent, new Step.Ring(value));
        state.ring(value);
        execution.observe(agent, "MMIO doorbell write = " + value + " (store buffer drained first)", value);
    }

    @Override
    public int awaitRing() {
        execution.await(agent, new Step.AwaitRing());
        final int value = state.takeRing();
        execution.observe(agent, "woken by MMIO doorbell write = " + value, value);
        return value;
    }
}
