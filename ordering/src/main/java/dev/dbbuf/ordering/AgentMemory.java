package dev.dbbuf.ordering;

import dev.dbbuf.spec.memory.Fence;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.StoreMode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * One agent's view of the explored memory: stores go to its store buffer, loads and fences that other agents could
 * tell apart become scheduling points.
 *
 * <p>During the scenario's set-up phase the same view is sequentially consistent: every store reaches shared memory at
 * once, loads read shared memory, fences do nothing, and nothing is a scheduling point or traced. A plug-in that keeps
 * the view it was given during set-up therefore runs under the explorer afterwards.
 */
final class AgentMemory implements HostMemory, AgentPort {

    private final Execution execution;
    private final SharedState state;
    private final int agent;
    /** The value this agent last loaded, per address and width: what a quiet stretch compares against. */
    private final Map<Long, Long> lastLoaded = new HashMap<>();
    /** A quiet stretch is open ({@link #quiet()}). */
    private boolean quiet;
    /** The open stretch had its scheduling point: its first load. */
    private boolean quietStarted;
    /** Loads of the open stretch that saw nothing new. */
    private int absorbed;
    /** Stores and fences of the open stretch that changed nothing. */
    private int unchanged;
    /** Explored-phase accesses so far. */
    private long accesses;

    AgentMemory(final Execution execution, final SharedState state, final int agent) {
        this.execution = execution;
        this.state = state;
        this.agent = agent;
    }

    @Override
    public long capacity() {
        return state.capacity();
    }

    private long load(final long address, final int width, final LoadMode mode) {
        state.bounds().check(address, width, mode);
        if (execution.settingUp()) {
            return SharedState.littleEndian(state.load(agent, address, width), 0, width);
        }
        accesses++;
        if (quietLoad(mode)) {
            final long value = SharedState.littleEndian(perform(address, width, mode, 0), 0, width);
            if (absorb(address, width, value)) {
                return value;
            }
            endQuiet();
            execution.observe(agent, "load  u%d %s %s = %d (new: ends the quiet stretch)".formatted(8 * width,
                execution.name(address), mode, value), value);
            return value;
        }
        endQuietUnless(mode != LoadMode.VOLATILE);
        execution.await(agent, new AgentStep.Load(address, width, mode));
        final byte[] bytes = perform(address, width, mode, execution.early(agent));
        final long value = SharedState.littleEndian(bytes, 0, width);
        execution.observe(agent, "load  u%d %s %s = %d%s".formatted(8 * width, execution.name(address), mode, value,
            early()), value);
        lastLoaded.put(key(address, width), value);
        quietStarted = quiet;
        return value;
    }

    /** Whether this load belongs to an open quiet stretch past its scheduling point. */
    private boolean quietLoad(final LoadMode mode) {
        return quiet && quietStarted && mode != LoadMode.VOLATILE;
    }

    /** Records a quiet load; true if it saw what the agent last loaded there (it then stays out of the trace). */
    private boolean absorb(final long address, final int width, final long value) {
        final Long last = lastLoaded.put(key(address, width), value);
        if (last != null && last == value) {
            absorbed++;
            execution.absorb(agent, address, value);
            return true;
        }
        return false;
    }

    private static long key(final long address, final int width) {
        return address << 16 | width;
    }

    private void endQuietUnless(final boolean keep) {
        if (!keep) {
            endQuiet();
        }
    }

    /** Closes the quiet stretch, counting its absorbed loads in the trace. */
    private void endQuiet() {
        if (quiet && absorbed + unchanged > 0 && !execution.settingUp()) {
            final String writes = unchanged == 0 ? "" : ", %d stores and fences changed nothing".formatted(unchanged);
            execution.observe(agent, "%d loads saw nothing new%s (idle passes in one step)".formatted(absorbed,
                writes), absorbed + 31L * unchanged);
        }
        quiet = false;
        quietStarted = false;
        absorbed = 0;
        unchanged = 0;
    }

    @Override
    public long accesses() {
        return accesses;
    }

    @Override
    public void quiet() {
        execution.requireExploring("quiet stretch");
        if (!quiet) {
            quiet = true;
            quietStarted = false;
            absorbed = 0;
            unchanged = 0;
        }
    }

    /**
     * Performs a load the scheduler let run: {@code variant} older values early (0: the newest), and an acquire or
     * volatile load orders later ones.
     */
    private byte[] perform(final long address, final int width, final LoadMode mode, final int variant) {
        final byte[] bytes;
        if (variant > 0) {
            final SharedState.Candidate candidate = state.candidates(agent, address, width).get(variant);
            state.window(agent).saw(address, width, candidate.from());
            bytes = candidate.bytes();
        } else {
            bytes = state.load(agent, address, width);
            state.window(agent).saw(address, width, state.commits());
        }
        if (mode == LoadMode.ACQUIRE || mode == LoadMode.VOLATILE) {
            state.window(agent).order(state.commits());
        }
        return bytes;
    }

    private String early() {
        final int variant = execution.early(agent);
        return variant == 0 ? "" : " (satisfied early: %d newer value%s not seen)".formatted(variant,
            variant == 1 ? "" : "s");
    }

    private void store(final long address, final int width, final long value, final StoreMode mode) {
        state.bounds().check(address, width, mode);
        if (execution.settingUp()) {
            state.storeNow(address, SharedState.toBytes(value, width));
            return;
        }
        accesses++;
        // a VOLATILE store also drains the buffer and orders later loads: it is never silent
        if (mode != StoreMode.VOLATILE && quietLoad(LoadMode.PLAIN) && silent(address, SharedState.toBytes(value,
            width))) {
            return;
        }
        endQuiet();
        awaitRoom();
        state.wrote(agent, address, width);
        state.buffer(agent).store(address, SharedState.toBytes(value, width), mode == StoreMode.RELEASE);
        execution.observe(agent, "store u%d %s %s = %d (%s)".formatted(8 * width, execution.name(address), mode,
            value, buffered()), value);
        performed(address);
        if (mode == StoreMode.VOLATILE) {
            drain("VOLATILE store");
        }
    }

    private void storeBytes(final long address, final byte[] bytes, final String what, final long hash) {
        if (execution.settingUp()) {
            state.storeNow(address, bytes);
            return;
        }
        accesses++;
        if (quietLoad(LoadMode.PLAIN) && silent(address, bytes)) {
            return;
        }
        endQuiet();
        awaitRoom();
        state.wrote(agent, address, bytes.length);
        state.buffer(agent).store(address, bytes, false);
        execution.observe(agent, what + " (" + buffered() + ")", hash);
        performed(address);
    }

    private void awaitRoom() {
        if (state.buffer(agent).size() >= StoreBuffer.CAPACITY) {
            execution.await(agent, new AgentStep.Room());
        }
    }

    /**
     * A store inside a quiet stretch that rewrites what the agent already sees there changes nothing another agent
     * could load: it stays out of the trace like a load that saw nothing new. If the agent's own store of the same
     * bytes is still buffered, the new one joins it (a second entry would become visible with the same value). Both
     * hold only where no other agent stores, as for every address of the kit's scenarios (EventIdx and completion
     * entries are the controller's, shadow doorbells and submission entries the host's): with a second writer the
     * order of the two stores would matter, so the store is explored. A controller that republishes the same EventIdx
     * on every idle pass then spends its idle budget in one step instead of one scheduling point per pass, and one
     * that never fences does not fill its buffer with copies. A store of anything new ends the stretch as before.
     */
    private boolean silent(final long address, final byte[] bytes) {
        if (!Arrays.equals(state.load(agent, address, bytes.length), bytes)
            || state.writtenByOthers(agent, address, bytes.length)) {
            return false;
        }
        final StoreBuffer buffer = state.buffer(agent);
        if (!buffer.isEmpty()) {
            final StoreBuffer.Entry own = buffer.newestExactly(address, bytes.length);
            if (own == null || !Arrays.equals(own.bytes(), bytes)) {
                return false;
            }
        }
        unchanged++;
        execution.absorb(agent, address, Arrays.hashCode(bytes));
        return true;
    }

    /**
     * Under {@link MemoryModel#SEQUENTIAL} the agent waits until the store just buffered is visible: when it becomes
     * visible is still a scheduling choice, so every interleaving of the agents' accesses is explored, but nothing
     * of the agent's moves past it.
     */
    private void performed(final long address) {
        if (state.model() == MemoryModel.SEQUENTIAL) {
            execution.await(agent, new AgentStep.Drain());
            // the step past the wait is part of the agent's state: without it, waiting and gone on look alike
            execution.absorb(agent, address, -1);
        }
    }

    private String buffered() {
        return state.model() == MemoryModel.SEQUENTIAL ? "visible before the next access" : "buffered";
    }

    private void drain(final String why) {
        if (execution.settingUp()) {
            return;
        }
        if (!state.buffer(agent).isEmpty()) {
            execution.await(agent, new AgentStep.Drain());
        }
        // a full fence or volatile access also orders later loads after everything visible now
        state.window(agent).order(state.commits());
        execution.observe(agent, why + " (store buffer empty)", 0);
    }

    @Override
    public int readU8(final long address) {
        return (int) load(address, 1, LoadMode.PLAIN);
    }

    @Override
    public void writeU8(final long address, final int value) {
        store(address, 1, value, StoreMode.PLAIN);
    }

    @Override
    public int readU16(final long address, final LoadMode mode) {
        return (int) load(address, 2, mode);
    }

    @Override
    public void writeU16(final long address, final int value, final StoreMode mode) {
        store(address, 2, value & 0xFFFF, mode);
    }

    @Override
    public int readU32(final long address, final LoadMode mode) {
        return (int) load(address, 4, mode);
    }

    @Override
    public void writeU32(final long address, final int value, final StoreMode mode) {
        store(address, 4, Integer.toUnsignedLong(value), mode);
    }

    @Override
    public long readU64(final long address, final LoadMode mode) {
        return load(address, 8, mode);
    }

    @Override
    public void writeU64(final long address, final long value, final StoreMode mode) {
        store(address, 8, value, mode);
    }

    @Override
    public void readBytes(final long address, final byte[] dst, final int offset, final int length) {
        state.bounds().checkRange(address, length);
        if (!execution.settingUp()) {
            accesses++;
            if (quietLoad(LoadMode.PLAIN)) {
                final byte[] bytes = perform(address, length, LoadMode.PLAIN, 0);
                System.arraycopy(bytes, 0, dst, offset, length);
                if (!absorb(address, length, Arrays.hashCode(bytes))) {
                    endQuiet();
                    execution.observe(agent, "load  %d bytes %s PLAIN (new: ends the quiet stretch)"
                        .formatted(length, execution.name(address)), Arrays.hashCode(bytes));
                }
                return;
            }
            execution.await(agent, new AgentStep.Load(address, length, LoadMode.PLAIN));
            final byte[] bytes = perform(address, length, LoadMode.PLAIN, execution.early(agent));
            System.arraycopy(bytes, 0, dst, offset, length);
            execution.observe(agent, "load  %d bytes %s PLAIN%s".formatted(length, execution.name(address), early()),
                Arrays.hashCode(bytes));
            lastLoaded.put(key(address, length), (long) Arrays.hashCode(bytes));
            quietStarted = quiet;
            return;
        }
        System.arraycopy(state.load(agent, address, length), 0, dst, offset, length);
    }

    @Override
    public void writeBytes(final long address, final byte[] src, final int offset, final int length) {
        state.bounds().checkRange(address, length);
        final byte[] bytes = Arrays.copyOfRange(src, offset, offset + length);
        storeBytes(address, bytes, "store %d bytes %s PLAIN".formatted(length, execution.name(address)),
            Arrays.hashCode(bytes));
    }

    @Override
    public void fill(final long address, final long length, final int value) {
        state.bounds().checkRange(address, length);
        final byte[] bytes = new byte[(int) length];
        Arrays.fill(bytes, (byte) value);
        storeBytes(address, bytes, "fill  %d bytes %s = %d".formatted(length, execution.name(address),
            value), value);
    }

    @Override
    public void fence(final Fence fence) {
        if (execution.settingUp()) {
            return;
        }
        accesses++;
        if (quietLoad(LoadMode.PLAIN) && state.buffer(agent).isEmpty()) {
            // nothing of the agent's is buffered, so the fence waits for nothing and is no scheduling point: it still
            // orders later loads, but the stretch stays quiet and out of the trace
            if (fence == Fence.RELEASE) {
                state.buffer(agent).releaseFence();
            } else {
                state.window(agent).order(state.commits());
            }
            unchanged++;
            execution.absorb(agent, -1L - fence.ordinal(), 0);
            return;
        }
        endQuiet();
        switch (fence) {
            case FULL -> drain("fence FULL");
            case RELEASE -> {
                state.buffer(agent).releaseFence();
                execution.observe(agent, "fence RELEASE (later stores stay behind earlier ones)", 1);
            }
            case ACQUIRE -> {
                state.window(agent).order(state.commits());
                execution.observe(agent, "fence ACQUIRE (later loads see everything visible now)", 2);
            }
        }
    }

    @Override
    public void ring(final int value) {
        mmioWrite(MmioWrite.SINGLE_DOORBELL, value, false);
    }

    @Override
    public void write(final int offset, final int value) {
        mmioWrite(offset, value, true);
    }

    private void mmioWrite(final int offset, final int value, final boolean relaxed) {
        execution.requireExploring("MMIO doorbell write");
        endQuiet();
        execution.await(agent, new AgentStep.Ring(value, relaxed));
        state.ring(new MmioWrite(offset, value));
        // an MMIO write is an uncached access that completes in order: later loads are not satisfied before it
        state.window(agent).order(state.commits());
        final String drained = state.buffer(agent).isEmpty() ? "store buffer drained first"
            : "stores before the last release fence visible first, %d still buffered".formatted(
                state.buffer(agent).entries().size());
        execution.observe(agent, "MMIO doorbell write " + register(offset) + "= " + value + " (" + drained + ")",
            (long) offset << 32 | Integer.toUnsignedLong(value));
    }

    @Override
    public int awaitRing() {
        return awaitWrite().value();
    }

    @Override
    public MmioWrite awaitWrite() {
        execution.requireExploring("wait for an MMIO doorbell write");
        endQuiet();
        execution.await(agent, new AgentStep.AwaitRing());
        final MmioWrite write = state.takeRing();
        // a device's accesses triggered by a doorbell write are issued after it
        state.window(agent).order(state.commits());
        execution.observe(agent, "woken by MMIO doorbell write " + register(write.offset()) + "= " + write.value(),
            (long) write.offset() << 32 | Integer.toUnsignedLong(write.value()));
        return write;
    }

    @Override
    public long awaitLoad(final long address, final int width, final LoadMode mode, final LongPredicate until) {
        state.bounds().check(address, width, mode);
        execution.requireExploring("polling loop");
        endQuiet();
        execution.await(agent, new AgentStep.AwaitLoad(address, width, mode, until));
        final long value = SharedState.littleEndian(state.load(agent, address, width), 0, width);
        state.window(agent).saw(address, width, state.commits());
        if (mode == LoadMode.ACQUIRE || mode == LoadMode.VOLATILE) {
            state.window(agent).order(state.commits());
        }
        execution.observe(agent, "poll  u%d %s %s until done = %d".formatted(8 * width, execution.name(address), mode,
            value), value);
        return value;
    }

    private static String register(final int offset) {
        return offset == MmioWrite.SINGLE_DOORBELL ? "" : "@0x%x ".formatted(offset);
    }
}
