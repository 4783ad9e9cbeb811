package dev.dbbuf.ordering.stress;

import dev.dbbuf.ordering.DoorbellPort;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * An MMIO doorbell between two real threads. A ring is an atomic increment, which on x86 is a locked instruction and
 * drains the writer's store buffer as an uncached MMIO write does. The idle flag and the wait use release/acquire
 * only, so the harness adds no fence the device under test did not ask for.
 */
final class SpinDoorbellPort implements DoorbellPort {

    /** Thrown out of {@link #awaitRing()} when the run ends. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("stress run ended", null, false, false);
        }
    }

    private static final VarHandle RINGS;
    private static final VarHandle LAST_VALUE;
    private static final VarHandle IDLE;
    private static final VarHandle STOPPED;

    static {
        try {
            final MethodHandles.Lookup lookup = MethodHandles.lookup();
            RINGS = lookup.findVarHandle(SpinDoorbellPort.class, "rings", long.class);
            LAST_VALUE = lookup.findVarHandle(SpinDoorbellPort.class, "lastValue", int.class);
            IDLE = lookup.findVarHandle(SpinDoorbellPort.class, "idle", boolean.class);
            STOPPED = lookup.findVarHandle(SpinDoorbellPort.class, "stopped", boolean.class);
        } catch (final ReflectiveOperationException failure) {
            throw new ExceptionInInitializerError(failure);
        }
    }

    @SuppressWarnings("unused") // accessed through RINGS
    private long rings;
    @SuppressWarnings("unused") // accessed through LAST_VALUE
    private int lastValue;
    @SuppressWarnings("unused") // accessed through IDLE
    private boolean idle;
    @SuppressWarnings("unused") // accessed through STOPPED
    private boolean stopped;
    private long taken;

    @Override
    public void ring(final int value) {
        // release: pairs with the device's acquire load of RINGS below; the value travels with the ring
        LAST_VALUE.setRelease(this, value);
        // volatile increment: a locked instruction, drains the host's store buffer like an uncached MMIO write
        RINGS.getAndAdd(this, 1L);
    }

    @Override
    public int awaitRing() {
        // release: pairs with the host's acquire load in idle(); the device's own stores are not drained by it
        IDLE.setRelease(this, true);
        // acquire: pairs with the host's increment in ring()
        while ((long) RINGS.getAcquire(this) == taken) {
            // acquire: pairs with stop()
            if ((boolean) STOPPED.getAcquire(this)) {
                throw new Stopped();
            }
            Thread.onSpinWait();
        }
        taken++;
        // release: pairs with the host's acquire load in idle()
        IDLE.setRelease(this, false);
        // acquire: pairs with the release store in ring()
        return (int) LAST_VALUE.getAcquire(this);
    }

    boolean idle() {
        // acquire: pairs with the device's release stores in awaitRing()
        return (boolean) IDLE.getAcquire(this);
    }

    long rings() {
        // acquire: pairs with the increment in ring()
        return (long) RINGS.getAcquire(this);
    }

    boolean ringPending() {
        // acquire: taken is the device's; read only while the device is idle, after its release of IDLE
        return rings() != taken;
    }

    void stop() {
        // release: pairs with the device's acquire load in awaitRing()
        STOPPED.setRelease(this, true);
    }
}
