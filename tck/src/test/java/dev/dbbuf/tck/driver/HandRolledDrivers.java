package dev.dbbuf.tck.driver;

import dev.dbbuf.driver.doorbells.DoorbellBufferPages;
import dev.dbbuf.driver.doorbells.DoorbellPolicy;
import dev.dbbuf.driver.lifecycle.HostController;
import dev.dbbuf.driver.queues.HostQueuePair;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.StoreMode;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.nvme.IoCommands;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import dev.dbbuf.spec.spi.driver.DoorbellMode;
import dev.dbbuf.spec.spi.driver.DriverCapabilities;
import dev.dbbuf.spec.spi.driver.DriverConfiguration;
import dev.dbbuf.spec.spi.driver.DriverUnderTest;
import dev.dbbuf.spec.spi.driver.HostContext;
import dev.dbbuf.spec.spi.driver.IoCompletion;
import dev.dbbuf.spec.spi.driver.IoRequest;
import dev.dbbuf.spec.spi.driver.QueuePair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Drivers whose I/O path is written here, not taken from the reference driver: their own submission queue entries,
 * tails, completion sweeps, heads, shadow stores and need_event test. Only bring-up, queue creation and Doorbell
 * Buffer Config go through the reference driver's {@link HostController}. Each driver differs in its need_event
 * arithmetic; the kit must fail the wrong ones on DBC-EVT-003 and pass the right one.
 */
public final class HandRolledDrivers {

    private static final int DEPTH_LIMIT = 65536;

    private HandRolledDrivers() {
    }

    /** A need_event test: whether the update {@code oldIdx -> newIdx} must write the MMIO doorbell. */
    @FunctionalInterface
    interface NeedEvent {
        boolean test(int newIdx, int eventIdx, int oldIdx, int depth);
    }

    /** Linux's and virtio's form in 16 bits: right for every depth up to 65536. */
    public static final class Linux16 extends NamedDriverProvider {
        public Linux16() {
            super("legit-hand-rolled-driver");
        }

        @Override
        public DriverUnderTest create(final DriverConfiguration configuration) {
            return new Driver(configuration.ioQueues(),
                (newIdx, ev, oldIdx, depth) -> (char) (newIdx - ev - 1) < (char) (newIdx - oldIdx));
        }

        /** This driver's need_event: the one the other hand-rolled doorbell updates are measured against. */
        static boolean needEvent(final int newIdx, final int ev, final int oldIdx) {
            return (char) (newIdx - ev - 1) < (char) (newIdx - oldIdx);
        }
    }

    /**
     * Linux's form in plain signed 32-bit int, without the 16-bit wrap: when the update wraps past index 0 with
     * EventIdx across it (old=2, new=1, ev=0 at depth 3), {@code new - old} is negative and the ring is missed.
     */
    public static final class SignedIntNeedEvent extends NamedDriverProvider {
        public SignedIntNeedEvent() {
            super("faulty-signed-need-event-driver");
        }

        @Override
        public DriverUnderTest create(final DriverConfiguration configuration) {
            return new Driver(configuration.ioQueues(), (newIdx, ev, oldIdx, depth) -> newIdx - ev - 1 < newIdx - oldIdx);
        }
    }

    /**
     * Right need_event, but a "did the index move" test that measures the update modulo the depth kept in a 16-bit
     * field (QSIZE style): at depth 65536 that field reads 0, the modulo is skipped, and an update that wraps to index
     * 0 looks like no update at all, so it is never rung.
     */
    public static final class SkipsWrapToZero extends NamedDriverProvider {
        public SkipsWrapToZero() {
            super("faulty-skips-wrap-to-zero-driver");
        }

        @Override
        public DriverUnderTest create(final DriverConfiguration configuration) {
            return new Driver(configuration.ioQueues(), (newIdx, ev, oldIdx, depth) -> {
                final char depthField = (char) depth;
                final int moved = depthField == 0 ? newIdx : (newIdx - oldIdx + depthField) % depthField;
                return moved != 0 && (char) (newIdx - ev - 1) < (char) (newIdx - oldIdx);
            });
        }
    }

    /** Bring-up and admin through the reference host, I/O through {@link Pair}, doorbells through its update. */
    static class Driver implements DriverUnderTest {
        private final int ioQueues;
        private final DoorbellUpdate doorbells;
        private final DoorbellPolicy bringUp;
        private final Map<Integer, Pair> pairs = new HashMap<>();
        private HostController host;

        Driver(final int ioQueues, final NeedEvent needEvent) {
            this(ioQueues, DoorbellPolicy.defaults(), new DoorbellUpdate.Shadowed(needEvent));
        }

        Driver(final int ioQueues, final DoorbellPolicy bringUp, final DoorbellUpdate doorbells) {
            this.ioQueues = ioQueues;
            this.bringUp = bringUp;
            this.doorbells = doorbells;
        }

        @Override
        public DriverCapabilities capabilities() {
            final DoorbellPolicy policy = DoorbellPolicy.defaults();
            return new DriverCapabilities(policy.adminQueueStyle(), policy.timing(), DEPTH_LIMIT);
        }

        @Override
        public synchronized void initialize(final HostContext context) {
            host = HostController.bringUp(context, bringUp, ioQueues);
        }

        @Override
        public synchronized QueuePair createQueuePair(final int depth) {
            int qid = 1;
            while (pairs.containsKey(qid)) {
                qid++;
            }
            final HostQueuePair<Void> queue = host.createQueuePair(qid, depth);
            final Pair pair = new Pair(this, queue);
            pairs.put(qid, pair);
            return pair;
        }

        @Override
        public synchronized void deleteQueuePair(final QueuePair pair) {
            if (pairs.get(pair.qid()) != pair) {
                throw new IllegalArgumentException("queue pair must be one this driver created: qid=" + pair.qid());
            }
            host.deleteQueuePair(((Pair) pair).queue);
            pairs.remove(pair.qid());
        }

        @Override
        public synchronized void resetController() {
            host.reset();
            pairs.values().forEach(Pair::restart);
        }

        @Override
        public synchronized DoorbellMode doorbellMode() {
            return host.doorbellMode();
        }

        /**
         * Whether the controller sets OACS bit 8.
         *
         * @return true if it supports Doorbell Buffer Config
         */
        synchronized boolean controllerOffersShadowDoorbells() {
            return host != null && host.identity().supportsDoorbellBufferConfig();
        }

        @Override
        public synchronized void shutdown() {
            pairs.clear();
            host.shutdown();
        }

        @Override
        public synchronized void close() {
            if (host != null) {
                try {
                    host.registers().disable();
                } catch (final RuntimeException e) {
                    // the controller may be gone; memory is released below either way
                }
                host.release();
            }
        }

        synchronized Optional<DoorbellBufferPages> pages() {
            return host.doorbellMode() == DoorbellMode.SHADOW ? host.doorbellBufferPages() : Optional.empty();
        }
    }

    /** One queue pair: Flush commands only, one tail update per batch, one head update per sweep. */
    private static final class Pair implements QueuePair {
        private final Driver driver;
        private final HostQueuePair<Void> queue;
        private final HostMemory memory;
        private final IoRequest[] inFlight;
        private int tail;
        private int head;
        private boolean phase;
        private int outstanding;
        private boolean firstTail;
        private boolean firstHead;

        Pair(final Driver driver, final HostQueuePair<Void> queue) {
            this.driver = driver;
            this.queue = queue;
            this.memory = driver.host.context().memory();
            this.inFlight = new IoRequest[queue.depth()];
            restart();
        }

        /** After creation or a controller reset: empty queues, and the first update of each doorbell rung. */
        void restart() {
            tail = 0;
            head = 0;
            phase = true;
            outstanding = 0;
            java.util.Arrays.fill(inFlight, null);
            firstTail = true;
            firstHead = true;
        }

        @Override
        public int qid() {
            return queue.qid();
        }

        @Override
        public int depth() {
            return queue.depth();
        }

        @Override
        public int outstanding() {
            return outstanding;
        }

        @Override
        public void submit(final List<IoRequest> batch) {
            if (batch.size() > capacity() - outstanding) {
                throw new IllegalStateException("batch must fit: size=%d free=%d".formatted(batch.size(),
                    capacity() - outstanding));
            }
            for (final IoRequest request : batch) {
                if (!(request instanceof IoRequest.Flush flush)) {
                    throw new IllegalArgumentException("this host sends Flush only: request=" + request);
                }
                // the slot index is the CID: a slot is reused only after its completion was reaped
                IoCommands.flush(flush.nsid()).withCid(tail).writeTo(memory,
                    queue.submissionQueue().address() + (long) tail * SubmissionQueueEntry.SIZE);
                inFlight[tail] = request;
                tail = (tail + 1) % depth();
                outstanding++;
            }
            update(new Doorbell.SubmissionTail(qid()), tail, firstTail);
            firstTail = false;
        }

        @Override
        public List<IoCompletion> poll() {
            final List<IoCompletion> done = new ArrayList<>();
            while (true) {
                final CompletionQueueEntry entry = CompletionQueueEntry.poll(memory,
                    queue.completionQueue().address() + (long) head * CompletionQueueEntry.SIZE, phase);
                if (entry == null) {
                    break;
                }
                final IoRequest request = inFlight[entry.cid()];
                inFlight[entry.cid()] = null;
                outstanding--;
                done.add(new IoCompletion(request, entry.status()));
                head = (head + 1) % depth();
                if (head == 0) {
                    phase = !phase;
                }
            }
            if (!done.isEmpty()) {
                update(new Doorbell.CompletionHead(qid()), head, firstHead);
                firstHead = false;
            }
            return done;
        }

        private void update(final Doorbell doorbell, final int value, final boolean first) {
            final int dstrd = driver.host.registers().capabilities().dstrd();
            driver.doorbells.publish(new DoorbellUpdate.Bell(doorbell, depth(), memory,
                driver.host.context().controller(), (int) DoorbellLayout.registerOffset(doorbell, dstrd),
                driver.pages().map(DoorbellBufferPages::buffers)), value, first);
        }
    }
}
