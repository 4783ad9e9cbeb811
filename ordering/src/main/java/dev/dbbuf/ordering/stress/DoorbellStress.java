package dev.dbbuf.ordering.stress;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.ordering.DoorbellPort;
import dev.dbbuf.ordering.protocol.DeviceSide;
import dev.dbbuf.ordering.protocol.HostSide;
import dev.dbbuf.ordering.protocol.QueueSetup;
import dev.dbbuf.spec.doorbell.DoorbellBuffers;
import dev.dbbuf.spec.eventidx.EventIdxForm;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.SegmentHostMemory;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apiguardian.api.API;

/**
 * {@code DoorbellStress} runs a host side and a device side on two platform threads over real memory, with the host
 * submitting one entry at a time and waiting for it to be fetched, so that every update races the device's
 * EventIdx publication: the store-buffering window of the protocol.
 *
 * <p>When an entry is not fetched within the stall timeout while the device is idle and no MMIO write is pending, the
 * doorbell was lost (DBC-ORD-001/003); the host counts it and rings once more so the run can go on. Every fetched
 * entry is compared with what the host wrote (DBC-ORD-002/005).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class DoorbellStress {

    private static final int MAX_FINDINGS = 5;
    private static final Doorbell.SubmissionTail SQ1_TAIL = new Doorbell.SubmissionTail(1);
    private static final long SHADOW_BASE = 0;
    private static final long EVENT_IDX_BASE = 0x1000;
    private static final long SQ_BASE = 0x2000;

    private DoorbellStress() {
    }

    /**
     * Runs one stress run.
     *
     * @param host   the host side
     * @param device the device side
     * @param config bounds
     * @return the counts
     * @throws IllegalStateException if the device thread does not stop within the stall timeout after the run
     */
    public static StressResult run(final HostSide host, final DeviceSide device, final StressConfig config) {
        final QueueSetup setup = new QueueSetup(new DoorbellBuffers(SHADOW_BASE, EVENT_IDX_BASE, 0), SQ1_TAIL,
            SQ_BASE, config.depth(), EventIdxForm.NORMATIVE);
        try (SegmentHostMemory memory =
                 new SegmentHostMemory(SQ_BASE + (long) config.depth() * SubmissionQueueEntry.SIZE)) {
            return new Run(memory, setup, host, device, config).execute();
        }
    }

    /** The expected command dword 0 of submission {@code k}: distinct from the previous pass over the same slot. */
    static int payload(final long k) {
        return (int) (k + 1) | 0x8000_0000;
    }

    private static final class Run {
        private final SegmentHostMemory memory;
        private final QueueSetup setup;
        private final HostSide host;
        private final DeviceSide device;
        private final StressConfig config;
        private final SpinDoorbellPort port = new SpinDoorbellPort();
        private final AtomicLong fetched = new AtomicLong();
        private final AtomicLong torn = new AtomicLong();
        private final AtomicReference<Throwable> deviceFailure = new AtomicReference<>();
        private final List<String> findings = new ArrayList<>();
        private long mmioWrites;

        Run(final SegmentHostMemory memory, final QueueSetup setup, final HostSide host, final DeviceSide device,
            final StressConfig config) {
            this.memory = memory;
            this.setup = setup;
            this.host = host;
            this.device = device;
            this.config = config;
        }

        StressResult execute() {
            final Thread deviceThread = Thread.ofPlatform().name("stress-device").daemon(true).start(this::serve);
            final long start = System.nanoTime();
            final long deadline = start + config.timeLimit().toNanos();
            final DoorbellPort countingPort = new DoorbellPort() {
                @Override
                public void ring(final int value) {
                    mmioWrites++;
                    port.ring(value);
                }

                @Override
                public int awaitRing() {
                    throw new IllegalStateException("the host side must not wait for an MMIO doorbell write");
                }
            };
            final HostSide.Submitter submitter = host.open(memory, countingPort, setup);
            long lost = 0;
            long k = 0;
            try {
                for (; k < config.updates() && deviceFailure.get() == null; k++) {
                    if ((k & 0x3F) == 0 && System.nanoTime() - deadline > 0) {
                        break;
                    }
                    submitter.submit(payload(k));
                    lost += awaitFetched(k + 1, k);
                }
            } finally {
                port.stop();
                join(deviceThread);
            }
            final Throwable failure = deviceFailure.get();
            if (failure != null) {
                throw new IllegalStateException("device side failed during stress: updates=" + k, failure);
            }
            return new StressResult(k, mmioWrites, lost, torn.get(), System.nanoTime() - start, findings);
        }

        private long awaitFetched(final long target, final long k) {
            long lost = 0;
            long waitStart = System.nanoTime();
            while (fetched.getAcquire() < target) {
                if (deviceFailure.get() != null) {
                    return lost;
                }
                if (System.nanoTime() - waitStart > config.stallTimeout().toNanos()) {
                    if (port.idle() && !port.ringPending() && fetched.getAcquire() < target) {
                        lost++;
                        record(("lost doorbell at update %d: shadow tail=%d device fetched=%d EventIdx=%d, device idle, "
                            + "no MMIO write pending").formatted(k, shadowTail(), fetched.getAcquire(), eventIdx()));
                        port.ring((int) (target % setup.depth()));
                    }
                    waitStart = System.nanoTime();
                }
                Thread.onSpinWait();
            }
            return lost;
        }

        private int shadowTail() {
            // volatile: a diagnostic read after the fact, ordering does not matter
            return memory.readU32(setup.buffers().shadowAddress(setup.doorbell()), LoadMode.VOLATILE);
        }

        private int eventIdx() {
            // volatile: a diagnostic read after the fact, ordering does not matter
            return memory.readU32(setup.buffers().eventIdxAddress(setup.doorbell()), LoadMode.VOLATILE);
        }

        private void serve() {
            try {
                device.serve(memory, port, setup, (index, value) -> {
                    final long k = fetched.getPlain();
                    if (index != (int) (k % setup.depth()) || value != payload(k)) {
                        torn.incrementAndGet();
                        record("torn publication at fetch %d: slot=%d expected=0x%08x actual=0x%08x"
                            .formatted(k, index, payload(k), value));
                    }
                    // release: pairs with the host's acquire load in awaitFetched; a plain store on x86, no fence
                    fetched.setRelease(k + 1);
                });
            } catch (final SpinDoorbellPort.Stopped stopped) {
                return;
            } catch (final RuntimeException failure) {
                deviceFailure.set(failure);
            }
        }

        private synchronized void record(final String finding) {
            if (findings.size() < MAX_FINDINGS) {
                findings.add(finding);
            }
        }

        private void join(final Thread deviceThread) {
            try {
                if (!deviceThread.join(config.stallTimeout().plusSeconds(5))) {
                    throw new IllegalStateException("device side must return once the run stops: thread="
                        + deviceThread.getName() + " waitedMillis=" + TimeUnit.NANOSECONDS.toMillis(
                            config.stallTimeout().plusSeconds(5).toNanos()));
                }
            } catch (final InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stopping the device side", interrupted);
            }
        }
    }
}
