package dev.dbbuf.tck.ordering;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.ordering.Actor;
import dev.dbbuf.ordering.AgentPort;
import dev.dbbuf.ordering.FinalState;
import dev.dbbuf.ordering.Grade;
import dev.dbbuf.ordering.MmioWrite;
import dev.dbbuf.ordering.OrderingScenario;
import dev.dbbuf.ordering.OutcomeSpec;
import dev.dbbuf.ordering.OutcomeTable;
import dev.dbbuf.spec.doorbell.ControllerShadowDoorbell;
import dev.dbbuf.spec.doorbell.DoorbellBuffers;
import dev.dbbuf.spec.memory.FirstFitPageAllocator;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.nvme.Capabilities;
import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.DeviceProvider;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import dev.dbbuf.spec.spi.device.ExecutionModel;
import dev.dbbuf.spec.spi.driver.DoorbellMode;
import dev.dbbuf.spec.spi.driver.DriverConfiguration;
import dev.dbbuf.spec.spi.driver.DriverProvider;
import dev.dbbuf.spec.spi.driver.DriverUnderTest;
import dev.dbbuf.spec.spi.driver.HostContext;
import dev.dbbuf.spec.spi.driver.IoRequest;
import dev.dbbuf.spec.spi.driver.QueuePair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code DriverOrderingScenario} explores a driver under test as the host agent against the kit's correct controller.
 *
 * <p>Set-up (sequentially consistent): the driver is initialised against a stepped kit device (the provider
 * {@code tck.device} names, the reference device by default) and creates one queue pair; the kit then reads, from the
 * admin commands the driver sent, where that submission queue and the doorbell buffers are. Explored: the driver's
 * {@link QueuePair#submit} of one Flush at a time runs on the host agent, its memory accesses and MMIO writes
 * scheduled by the explorer; the device agent is the kit's correct controller built on spec's
 * {@link ControllerShadowDoorbell}: idle until an MMIO write to the queue's tail doorbell, then acquire the shadow
 * tail, fetch each entry (one 64-byte load), publish EventIdx with a full fence and re-read the tail, idle only when
 * it has not moved.
 *
 * <p>The fallback variant ({@link #fallback}) initialises the driver against the set-up device without Doorbell Buffer
 * Config, so the driver rings the queue by MMIO: the controller takes each tail doorbell write as the tail and fetches
 * up to it. A plug-in's register write is relaxed under the WEAK model ({@link AgentPort#write}), so a driver that
 * writes the entry and then the doorbell without a release fence between them is caught (TORN_PUBLICATION).
 */
@API(status = INTERNAL, since = "0.1")
public final class DriverOrderingScenario implements OrderingScenario {

    /** Every entry fetched once, with the driver's final content. */
    public static final String ALL_FETCHED = "ALL_FETCHED";
    /** Driver finished, controller idle, entries unfetched, no MMIO write pending (DBC-ORD-001). */
    public static final String LOST_DOORBELL = "LOST_DOORBELL";
    /** Said of a hung queue's shadow tail that is no index below the depth: the entry's value, not its order. */
    public static final String NOT_AN_INDEX = " (not an index below the depth)";
    /** The controller fetched an entry before the driver's stores of it were visible (DBC-ORD-002). */
    public static final String TORN_PUBLICATION = "TORN_PUBLICATION";

    /** Thrown by the set-up when the driver does not ring this queue through shadow doorbells. */
    public static final class NotShadowed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotShadowed(final String message) {
            super(message, null, false, false);
        }
    }

    private static final int HOST = 0;
    private static final int DEVICE = 1;
    private static final int MEMORY_PAGES = 32;
    private static final int PAGE = 4096;
    private static final OutcomeTable OUTCOMES = new OutcomeTable(List.of(
        new OutcomeSpec(ALL_FETCHED, Grade.ACCEPTABLE, "Every entry fetched once with the driver's content."),
        new OutcomeSpec(LOST_DOORBELL, Grade.FORBIDDEN, "The driver skipped the MMIO write while the controller "
            + "went idle on a stale shadow tail: the queue hangs."),
        new OutcomeSpec(TORN_PUBLICATION, Grade.FORBIDDEN, "The controller fetched an entry before the driver's "
            + "stores of it were visible.")),
        "The driver failed, or the queue stalled another way.");

    private final DriverProvider provider;
    private final DeviceProvider setUpDevice;
    private final Duration timeout;
    private final int depth;
    private final int submissions;
    private final boolean fallback;

    /**
     * A scenario.
     *
     * @param provider    creates a fresh driver for every execution
     * @param setUpDevice the stepped device the driver is initialised against
     * @param timeout     the driver's command timeout
     * @param depth       the queue pair's depth
     * @param submissions Flush requests, each its own batch, below the depth
     */
    public DriverOrderingScenario(final DriverProvider provider, final DeviceProvider setUpDevice,
                                  final Duration timeout, final int depth, final int submissions) {
        this(provider, setUpDevice, timeout, depth, submissions, false);
    }

    private DriverOrderingScenario(final DriverProvider provider, final DeviceProvider setUpDevice,
                                   final Duration timeout, final int depth, final int submissions,
                                   final boolean fallback) {
        this.fallback = fallback;
        this.provider = provider;
        this.setUpDevice = setUpDevice;
        this.timeout = timeout;
        this.depth = depth;
        this.submissions = submissions;
    }

    /**
     * The same submissions on the no-dbbuf fallback path: the set-up device does not offer Doorbell Buffer Config, and
     * the driver rings the queue by MMIO.
     *
     * @param provider    creates a fresh driver for every execution
     * @param setUpDevice the stepped device the driver is initialised against, asked not to offer the feature
     * @param timeout     the driver's command timeout
     * @param depth       the queue pair's depth
     * @param submissions Flush requests, each its own batch, below the depth
     * @return the scenario
     */
    public static DriverOrderingScenario fallback(final DriverProvider provider, final DeviceProvider setUpDevice,
                                                  final Duration timeout, final int depth, final int submissions) {
        return new DriverOrderingScenario(provider, setUpDevice, timeout, depth, submissions, true);
    }

    @Override
    public String name() {
        return "driver %s, %d Flush submissions on a queue pair of depth %d%s".formatted(provider.name(), submissions,
            depth, fallback ? ", MMIO doorbells (no Doorbell Buffer Config)" : "");
    }

    @Override
    public int memoryBytes() {
        return MEMORY_PAGES * PAGE;
    }

    @Override
    public OutcomeTable outcomes() {
        return OUTCOMES;
    }

    @Override
    public Instance newInstance() {
        return new Run();
    }

    private final class Run implements Instance {
        private final List<byte[]> fetched = new ArrayList<>();
        private @Nullable DeviceUnderTest device;
        private @Nullable DriverUnderTest driver;
        private @Nullable DriverControllerPort port;
        private @Nullable QueuePair pair;
        private @Nullable DriverQueueLocation queue;
        private String details = "";

        @Override
        public void setUp(final List<HostMemory> memories) {
            final DeviceUnderTest created = setUpDevice.create(DeviceConfiguration.defaults().withThreaded(false)
                .withDoorbellBufferConfig(!fallback));
            device = created;
            if (!(created.executionModel() instanceof ExecutionModel.Stepped stepped)) {
                throw new IllegalStateException("driver ordering set-up needs a stepped device: device=%s "
                    + "executionModel=%s".formatted(setUpDevice.name(), created.executionModel()));
            }
            created.attach(memories.get(DEVICE));
            final DriverControllerPort controller = new DriverControllerPort(created, stepped.step());
            port = controller;
            final DriverUnderTest made = provider.create(new DriverConfiguration(null, 1));
            driver = made;
            final HostMemory host = memories.get(HOST);
            made.initialize(new HostContext(controller, host, new FirstFitPageAllocator(host), timeout));
            final QueuePair created1 = made.createQueuePair(depth);
            pair = created1;
            if (!fallback && made.doorbellMode() != DoorbellMode.SHADOW) {
                throw new NotShadowed("the driver rings its I/O queues by " + made.doorbellMode()
                    + " against the kit device; the ordering rules bind shadow doorbell updates");
            }
            if (fallback && made.doorbellMode() == DoorbellMode.SHADOW) {
                throw new IllegalStateException("a driver must not use shadow doorbells against a controller without "
                    + "Doorbell Buffer Config: doorbellMode=" + made.doorbellMode());
            }
            final int dstrd = Capabilities.decode(created.readRegister64(ControllerRegister.CAP)).dstrd();
            queue = DriverQueueLocation.find(host, controller.adminSq(), controller.adminDepth(), created1.qid(),
                dstrd, !fallback);
            for (int pass = 0; stepped.step().runOnce(); pass++) {
                if (pass >= DeviceSetUp.MAX_PASSES) {
                    throw new IllegalStateException("set-up device must go idle: passes=" + pass);
                }
            }
        }

        @Override
        public void tearDown() {
            if (port != null) {
                port.endExploration();
            }
            if (driver != null) {
                driver.close();
            }
            if (device != null) {
                device.close();
            }
        }

        @Override
        public List<Actor> actors() {
            return List.of(new Actor("host", (memory, agentPort) -> submit(agentPort)),
                new Actor("device", this::serve));
        }

        private void submit(final AgentPort agentPort) {
            final QueuePair target = require(pair);
            require(port).explore(agentPort);
            for (int k = 0; k < submissions; k++) {
                target.submit(List.of(new IoRequest.Flush(1)));
            }
        }

        private void serve(final HostMemory memory, final AgentPort agentPort) {
            final DriverQueueLocation where = require(queue);
            final DoorbellBuffers buffers = where.buffers();
            if (buffers == null) {
                serveMmio(memory, agentPort, where);
                return;
            }
            final ControllerShadowDoorbell shadow = new ControllerShadowDoorbell(memory, buffers,
                where.tailDoorbell());
            int head = 0;
            while (true) {
                final MmioWrite write = agentPort.awaitWrite();
                if (write.offset() != where.tailRegister()) {
                    continue;
                }
                int tail = shadow.readShadow();
                while (tail != head && Integer.compareUnsigned(tail, where.depth()) < 0) {
                    while (head != tail) {
                        // covered by the acquire load of the shadow tail (readShadow / publishEventIdx)
                        fetch(memory, where, head);
                        head = (head + 1) % where.depth();
                    }
                    tail = shadow.publishEventIdx(head);
                }
            }
        }

        /** The fallback path: every tail doorbell write is the tail; the entries below it are fetched. */
        private void serveMmio(final HostMemory memory, final AgentPort agentPort, final DriverQueueLocation where) {
            int head = 0;
            while (true) {
                final MmioWrite write = agentPort.awaitWrite();
                final int tail = write.value();
                if (write.offset() != where.tailRegister() || Integer.compareUnsigned(tail, where.depth()) >= 0) {
                    continue;
                }
                while (head != tail) {
                    fetch(memory, where, head);
                    head = (head + 1) % where.depth();
                }
            }
        }

        private void fetch(final HostMemory memory, final DriverQueueLocation where, final int head) {
            final byte[] entry = new byte[SubmissionQueueEntry.SIZE];
            // plain: ordered after the shadow tail's acquire load, or after taking the MMIO doorbell write (an
            // ordering point)
            memory.readBytes(where.slot(head), entry, 0, entry.length);
            fetched.add(entry);
        }

        @Override
        public String outcome(final FinalState state) {
            final DriverQueueLocation where = require(queue);
            for (int k = 0; k < fetched.size(); k++) {
                final int[] seen = dwords(fetched.get(k));
                final int[] last = new int[seen.length];
                for (int i = 0; i < last.length; i++) {
                    last[i] = state.readU32(where.slot(k % where.depth()) + (long) Integer.BYTES * i);
                }
                if (!Arrays.equals(seen, last)) {
                    details = "controller fetched SQ%d[%d] expected=%s actual=%s".formatted(where.qid(), k,
                        describe(last), describe(seen));
                    return TORN_PUBLICATION;
                }
            }
            if (fetched.size() == submissions) {
                return ALL_FETCHED;
            }
            final DoorbellBuffers buffers = where.buffers();
            if (buffers == null) {
                details = "queue hangs: fetched=%d of %d pending MMIO writes=%d controller idle=%s".formatted(
                    fetched.size(), submissions, state.pendingRings(), state.idle(DEVICE));
                return "STALLED";
            }
            final int shadow = state.readU32(buffers.shadowAddress(where.tailDoorbell()));
            final int eventIdx = state.readU32(buffers.eventIdxAddress(where.tailDoorbell()));
            details = ("queue hangs: shadow tail=%d%s EventIdx=%d fetched=%d of %d pending MMIO writes=%d controller "
                + "idle=%s").formatted(shadow, Integer.compareUnsigned(shadow, where.depth()) < 0 ? "" : NOT_AN_INDEX,
                eventIdx, fetched.size(), submissions, state.pendingRings(), state.idle(DEVICE));
            return state.finished(HOST) && state.idle(DEVICE) && state.pendingRings() == 0 ? LOST_DOORBELL
                : "STALLED";
        }

        @Override
        public String details() {
            return details;
        }
    }

    private static <T> T require(final @Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("agent started without set-up");
        }
        return value;
    }

    private static int[] dwords(final byte[] bytes) {
        final int[] result = new int[bytes.length / Integer.BYTES];
        for (int i = 0; i < result.length; i++) {
            final int at = i * Integer.BYTES;
            result[i] = (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16
                | (bytes[at + 3] & 0xFF) << 24;
        }
        return result;
    }

    private static String describe(final int[] dwords) {
        return "{CDW0 0x%08x NSID %d}".formatted(dwords[0], dwords[1]);
    }
}
