package dev.dbbuf.device.execution;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.apiguardian.api.API;

/**
 * {@code IoThread} runs a controller by itself, like a hypervisor's iothread: it makes passes while there is work,
 * spins (with {@link Thread#onSpinWait()}) while a polling controller is within its idle budget, and otherwise parks
 * until an MMIO doorbell write wakes it.
 *
 * <p>Parking is a Dekker handshake with the waker: the thread stores {@code sleeping = true} (volatile), then checks
 * for waiting doorbells; the waker posts its doorbell (volatile), then loads {@code sleeping}. One of them sees the
 * other's store, so a doorbell is never left waiting on a parked thread. The park also has a timeout, as a safety
 * net that changes nothing visible: an event-driven controller's pass does nothing without a doorbell.
 */
@API(status = INTERNAL, since = "0.1")
public final class IoThread implements AutoCloseable {

    /** Longest park between passes. */
    public static final Duration PARK_TIMEOUT = Duration.ofMillis(5);
    /** How long {@link #close()} waits for the thread to end. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final NvmeController controller;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean sleeping;

    /**
     * Creates and starts the thread.
     *
     * @param controller the controller to run
     * @param name       the thread's name
     */
    public IoThread(final NvmeController controller, final String name) {
        this.controller = controller;
        this.thread = Thread.ofPlatform().name(name).daemon(true).unstarted(this::loop);
        controller.setWaker(this::wake);
        thread.start();
    }

    /** Wakes the thread if it parks; any thread. */
    public void wake() {
        // volatile: pairs with the store of sleeping in loop(); see the class comment
        if (sleeping) {
            LockSupport.unpark(thread);
        }
    }

    /**
     * Stops the thread and waits for it.
     *
     * @throws IllegalStateException if it does not end within {@link #STOP_TIMEOUT}
     */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            if (!thread.join(STOP_TIMEOUT)) {
                thread.interrupt();
                throw new IllegalStateException("controller thread must stop on close: thread=%s timeout=%s"
                    .formatted(thread.getName(), STOP_TIMEOUT));
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether the thread is still running.
     *
     * @return true until {@link #close()} has stopped it
     */
    public boolean alive() {
        return thread.isAlive();
    }

    private void loop() {
        while (running) {
            if (controller.runOnce()) {
                continue;
            }
            if (controller.polling()) {
                Thread.onSpinWait();
                continue;
            }
            // volatile: pairs with the load in wake()
            sleeping = true;
            if (running && !controller.hasPendingDoorbells()) {
                LockSupport.parkNanos(this, PARK_TIMEOUT.toNanos());
            }
            sleeping = false;
        }
    }
}
