package dev.dbbuf.device.counters;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.device.DeviceCounters;
import dev.dbbuf.spec.layout.Doorbell;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apiguardian.api.API;

/**
 * {@code CounterSet} is the writable side of {@link DeviceCounters}.
 *
 * <p>MMIO counters are bumped by whichever host thread writes a register, so they are atomic. The other counters are
 * bumped only inside a controller pass, which runs under the controller's lock: one writer at a time, so an opaque
 * store of {@code value + 1} suffices, and readers on other threads load with opaque.
 */
@API(status = INTERNAL, since = "0.1")
public final class CounterSet implements DeviceCounters {

    private static final VarHandle SHADOW_READS;
    private static final VarHandle EVENT_IDX_WRITES;
    private static final VarHandle COMMANDS;

    static {
        try {
            final MethodHandles.Lookup lookup = MethodHandles.lookup();
            SHADOW_READS = lookup.findVarHandle(CounterSet.class, "shadowReads", long.class);
            EVENT_IDX_WRITES = lookup.findVarHandle(CounterSet.class, "eventIdxWrites", long.class);
            COMMANDS = lookup.findVarHandle(CounterSet.class, "commands", long.class);
        } catch (final ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final AtomicLongArray mmioPerDoorbell;
    private final AtomicLong mmioTotal = new AtomicLong();
    @SuppressWarnings("unused") // accessed through SHADOW_READS
    private long shadowReads;
    @SuppressWarnings("unused") // accessed through EVENT_IDX_WRITES
    private long eventIdxWrites;
    @SuppressWarnings("unused") // accessed through COMMANDS
    private long commands;

    /**
     * Creates zeroed counters.
     *
     * @param maxQid highest queue identifier the controller can have
     */
    public CounterSet(final int maxQid) {
        this.mmioPerDoorbell = new AtomicLongArray(2 * (maxQid + 1));
    }

    /**
     * Counts an MMIO doorbell write.
     *
     * @param doorbellIndex position in the doorbell array, or any value beyond it for a doorbell of no queue
     */
    public void mmioDoorbellWrite(final int doorbellIndex) {
        // atomic increments: any number of host threads write registers; readers load with volatile get()
        mmioTotal.incrementAndGet();
        if (doorbellIndex >= 0 && doorbellIndex < mmioPerDoorbell.length()) {
            mmioPerDoorbell.incrementAndGet(doorbellIndex);
        }
    }

    /** Counts a shadow entry load; controller pass only. */
    public void shadowRead() {
        // opaque: single writer (the pass holds the controller lock); pairs with opaque loads in shadowReads()
        SHADOW_READS.setOpaque(this, (long) SHADOW_READS.getOpaque(this) + 1);
    }

    /** Counts an EventIdx store; controller pass only. */
    public void eventIdxWrite() {
        // opaque: single writer, as shadowRead()
        EVENT_IDX_WRITES.setOpaque(this, (long) EVENT_IDX_WRITES.getOpaque(this) + 1);
    }

    /** Counts a processed command; controller pass only. */
    public void commandProcessed() {
        // opaque: single writer, as shadowRead()
        COMMANDS.setOpaque(this, (long) COMMANDS.getOpaque(this) + 1);
    }

    @Override
    public long mmioDoorbellWrites(final Doorbell doorbell) {
        final int index = doorbell.index();
        return index < mmioPerDoorbell.length() ? mmioPerDoorbell.get(index) : 0;
    }

    @Override
    public long mmioDoorbellWritesTotal() {
        return mmioTotal.get();
    }

    @Override
    public long shadowReads() {
        // opaque: pairs with the opaque store in shadowRead()
        return (long) SHADOW_READS.getOpaque(this);
    }

    @Override
    public long eventIdxWrites() {
        // opaque: pairs with the opaque store in eventIdxWrite()
        return (long) EVENT_IDX_WRITES.getOpaque(this);
    }

    @Override
    public long commandsProcessed() {
        // opaque: pairs with the opaque store in commandProcessed()
        return (long) COMMANDS.getOpaque(this);
    }

    @Override
    public String toString() {
        return "CounterSet[mmioDoorbellWrites=%d shadowReads=%d eventIdxWrites=%d commands=%d]"
            .formatted(mmioDoorbellWritesTotal(), shadowReads(), eventIdxWrites(), commandsProcessed());
    }
}
