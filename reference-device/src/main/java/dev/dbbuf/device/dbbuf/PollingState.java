package dev.dbbuf.device.dbbuf;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.apiguardian.api.API;

/**
 * {@code PollingState} is whether a polling controller is polling now, and its idle budget.
 *
 * <p>Any doorbell activity starts (or extends) polling; {@value #IDLE_PASSES_BEFORE_PARK} consecutive passes without
 * work end it: the controller then publishes ring-next EventIdx values, re-reads the shadow entries, and parks only
 * if none moved. An {@link dev.dbbuf.device.EventIdxMode#EVENT_DRIVEN} controller never polls.
 *
 * <p>Only a pass changes the state, under the controller's lock, but whether the controller polls is also read
 * outside it: by the I/O thread deciding to spin or park, and by a host observing the device. The flag is therefore
 * stored with release and loaded with acquire; a plain field could be read once and kept by a spinning observer.
 */
@API(status = INTERNAL, since = "0.1")
public final class PollingState {

    /** Idle passes a polling controller makes before it parks. */
    public static final int IDLE_PASSES_BEFORE_PARK = 256;

    private static final VarHandle ACTIVE;

    static {
        try {
            ACTIVE = MethodHandles.lookup().findVarHandle(PollingState.class, "active", boolean.class);
        } catch (final ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final boolean polls;
    @SuppressWarnings("unused") // accessed through ACTIVE
    private boolean active;
    private int idlePasses;

    /**
     * Creates the state, parked.
     *
     * @param polls whether the mode polls at all
     */
    public PollingState(final boolean polls) {
        this.polls = polls;
    }

    /**
     * Whether the controller is polling the shadow buffer now.
     *
     * @return true between a wake-up and the next park
     */
    public boolean active() {
        return (boolean) ACTIVE.getAcquire(this);
    }

    /** Doorbell activity: a polling mode starts or keeps polling. */
    public void wake() {
        if (polls) {
            ACTIVE.setRelease(this, true);
            idlePasses = 0;
        }
    }

    /**
     * Accounts one pass.
     *
     * @param worked whether the pass did any work
     * @return true if the idle budget is spent and the controller should try to park
     */
    public boolean afterPass(final boolean worked) {
        if (!active()) {
            return false;
        }
        if (worked) {
            idlePasses = 0;
            return false;
        }
        return ++idlePasses >= IDLE_PASSES_BEFORE_PARK;
    }

    /** Parks: the ring-next values are published and no shadow moved. */
    public void park() {
        ACTIVE.setRelease(this, false);
        idlePasses = 0;
    }
}
