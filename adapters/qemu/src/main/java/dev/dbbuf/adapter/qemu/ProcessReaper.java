package dev.dbbuf.adapter.qemu;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code ProcessReaper} is the backstop that keeps QEMU processes from outliving the JVM: QEMU does not exit when its
 * qtest input closes, so a device the kit forgot to close would otherwise keep running. Every started process is
 * registered; one shutdown hook kills whatever is still registered at exit. A JVM killed with SIGKILL runs no hook;
 * that case is the one way a QEMU can be left behind.
 */
final class ProcessReaper {

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("qemu-reaper").unstarted(ProcessReaper::killAll));
    }

    private ProcessReaper() {
    }

    /**
     * Registers a process to be killed at JVM exit.
     *
     * @param process a started process
     */
    static void register(final Process process) {
        LIVE.add(process);
    }

    /**
     * Stops a process now: a polite termination, then a kill if it has not gone within the grace period.
     *
     * @param process the process
     * @param graceMillis how long to wait for it to exit after the termination signal
     */
    static void stop(final Process process, final long graceMillis) {
        try {
            process.destroy();
            if (!process.waitFor(graceMillis, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(graceMillis, TimeUnit.MILLISECONDS);
            }
        } catch (final InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            LIVE.remove(process);
        }
    }

    /**
     * How many registered processes are still registered (started and not stopped).
     *
     * @return the count
     */
    static int live() {
        return LIVE.size();
    }

    private static void killAll() {
        for (final Process process : LIVE) {
            process.destroyForcibly();
        }
    }
}
