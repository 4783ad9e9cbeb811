package dev.dbbuf.tck.device;

import dev.dbbuf.device.AdminCommandHook;
import dev.dbbuf.device.EventIdxMode;
import dev.dbbuf.device.ReferenceDeviceOptions;
import dev.dbbuf.spec.memory.Fence;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.StoreMode;
import dev.dbbuf.spec.nvme.AdminOpcode;
import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.spi.device.DeviceCapabilities;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import dev.dbbuf.spec.spi.device.EventIdxPolicy;
import dev.dbbuf.tck.memory.ForwardingHostMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Devices for the kit's proofs that publish EventIdx values a host applying the rule to exactly what it reads (Linux)
 * loses doorbells against. Each is a stepped controller of its own that takes the reference device's command
 * processing and replaces its EventIdx publication (or its admin doorbell handling) with the defect.
 */
public final class EventIdxFaultyDevices {

    private static final long PAGE = 4096;

    private EventIdxFaultyDevices() {
    }

    /** Where the last accepted-looking Doorbell Buffer Config put the buffers, seen by the admin command hook. */
    static final class Buffers {
        volatile long shadow = -1;
        volatile long eventIdx = -1;

        AdminCommandHook hook(final AdminCommandHook next) {
            return command -> {
                if (command.opcode() == AdminOpcode.DOORBELL_BUFFER_CONFIG.code() && command.prp1() % PAGE == 0
                    && command.prp2() % PAGE == 0 && command.prp1() != command.prp2()) {
                    shadow = command.prp1();
                    eventIdx = command.prp2();
                }
                return next.override(command);
            };
        }

        boolean inEventIdx(final long address) {
            return eventIdx >= 0 && address >= eventIdx && address < eventIdx + PAGE;
        }

        boolean inShadow(final long address) {
            return shadow >= 0 && address >= shadow && address < shadow + PAGE;
        }
    }

    /** A stepped controller around the reference device's command processing that knows where the buffers are. */
    static class Controller extends FaultyDevices.Wrapped {
        final Buffers buffers;

        Controller(final ReferenceDeviceOptions options, final Buffers buffers) {
            super(options.withAdminCommandHook(buffers.hook(options.adminCommandHook())));
            this.buffers = buffers;
        }

        /**
         * A controller with one defect in what it answers, not in what it reads or writes: its admin command hook
         * sees every command first, and the host memory stays as it is.
         */
        static Controller answering(final DeviceConfiguration configuration, final AdminCommandHook hook) {
            return new Controller(configuration, hook, new Buffers());
        }

        /** A stepped controller for a device configuration. */
        Controller(final DeviceConfiguration configuration, final Buffers buffers) {
            this(ReferenceDeviceOptions.of(configuration.withThreaded(false)), buffers);
        }

        /** A stepped controller for a device configuration, with an admin command hook that sees commands first. */
        Controller(final DeviceConfiguration configuration, final AdminCommandHook hook, final Buffers buffers) {
            this(ReferenceDeviceOptions.of(configuration.withThreaded(false)).withAdminCommandHook(hook), buffers);
        }

        /** The doorbell index of a buffer address: 2y for SQ y's tail, 2y + 1 for CQ y's head. */
        long doorbellIndex(final long address, final long base) {
            return (address - base) / stride;
        }
    }

    /**
     * An event-driven controller (it never polls) that publishes EventIdx 0xFFFFFFFF for every queue, the poll-mode
     * value, as if it polled. A host that rings only when the rule requires rings then only when an update wraps past
     * index 0, and the controller waits for a doorbell that does not come.
     */
    public static final class AllOnesEventIdx extends NamedDeviceProvider {
        public AllOnesEventIdx() {
            super("faulty-all-ones-eventidx");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            final Buffers buffers = new Buffers();
            return new Controller(ReferenceDeviceOptions.of(configuration.withThreaded(false))
                .withEventIdxMode(EventIdxMode.EVENT_DRIVEN), buffers) {
                @Override
                void writeU32(final HostMemory view, final long address, final int value, final StoreMode mode) {
                    view.writeU32(address, buffers.inEventIdx(address) ? 0xFFFF_FFFF : value, mode);
                }
            };
        }
    }

    /**
     * Serves the admin queue only from its MMIO doorbells: it never reads the admin queue's shadow entries and never
     * writes their EventIdx (Linux and SPDK hosts never shadow the admin queue, so the defect hides from them). A host
     * that shadows the admin queue (libvfn) rings it only as EventIdx asks, and a never-written EventIdx asks once.
     */
    public static final class IgnoresShadowedAdminQueue extends NamedDeviceProvider {
        public IgnoresShadowedAdminQueue() {
            super("faulty-ignores-shadowed-admin-queue");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            final Buffers buffers = new Buffers();
            // admin doorbell index (0 = SQ0 tail, 1 = CQ0 head) -> the value last written to it by MMIO
            final Map<Long, Integer> mmio = new ConcurrentHashMap<>();
            return new Controller(configuration, buffers) {
                @Override
                int readU32(final HostMemory view, final long address, final LoadMode mode) {
                    if (buffers.inShadow(address) && doorbellIndex(address, buffers.shadow) < 2) {
                        return mmio.getOrDefault(doorbellIndex(address, buffers.shadow), 0);
                    }
                    return view.readU32(address, mode);
                }

                @Override
                void writeU32(final HostMemory view, final long address, final int value, final StoreMode mode) {
                    if (buffers.inEventIdx(address) && doorbellIndex(address, buffers.eventIdx) < 2) {
                        return;
                    }
                    view.writeU32(address, value, mode);
                }

                @Override
                public void writeRegister32(final int offset, final int value) {
                    final long index = ((long) offset - ControllerRegister.DOORBELL_BASE) / stride;
                    if (offset >= ControllerRegister.DOORBELL_BASE && index < 2) {
                        mmio.put(index, value);
                    }
                    super.writeRegister32(offset, value);
                }
            };
        }
    }

    /**
     * A polling controller (it declares {@link EventIdxPolicy#POLLING}) that keeps EventIdx one behind its position
     * while it polls, so no update rings, and then parks without publishing a ring-next EventIdx: the stores of the
     * pass in which it stops polling never reach memory. The host's next update after the controller went idle does
     * not ring, and nobody looks at the shadow buffer any more.
     */
    public static final class ParksWithEventIdxAhead extends NamedDeviceProvider {
        public ParksWithEventIdxAhead() {
            super("faulty-parks-with-eventidx-ahead");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            final Buffers buffers = new Buffers();
            final List<long[]> held = new ArrayList<>();
            return new Controller(ReferenceDeviceOptions.of(configuration.withThreaded(false)
                .withEventIdxPolicy(EventIdxPolicy.POLLING)).withEventIdxMode(EventIdxMode.POLLING), buffers) {
                private boolean holding;
                private HostMemory memory;

                @Override
                HostMemory distort(final HostMemory view) {
                    memory = view;
                    return new ForwardingHostMemory(view) {
                        @Override
                        public void writeU32(final long address, final int value, final StoreMode mode) {
                            if (holding && buffers.inEventIdx(address)) {
                                held.add(new long[] {address, value});
                                return;
                            }
                            delegate.writeU32(address, value, mode);
                        }
                    };
                }

                @Override
                public DeviceCapabilities capabilities() {
                    return DeviceCapabilities.full(EventIdxPolicy.POLLING);
                }

                @Override
                boolean pass() {
                    final boolean wasPolling = reference.polling();
                    holding = true;
                    final boolean worked;
                    try {
                        worked = reference.runOnce();
                    } finally {
                        holding = false;
                    }
                    if (!(wasPolling && !reference.polling())) {
                        for (final long[] store : held) {
                            // release: the EventIdx store the reference pass made, only later
                            memory.writeU32(store[0], (int) store[1], StoreMode.RELEASE);
                        }
                    }
                    held.clear();
                    return worked;
                }
            };
        }
    }

    /**
     * Takes a submission queue's shadow tail only once it differs from the value the slot held when the queue was
     * attached (the fresh page's 0), and the MMIO value until then, to survive hosts that leave junk in fresh pages.
     * The shadow tail returning to that baseline (a wrap back to 0) looks like "never written": an update to 0 that
     * the host did not have to ring is lost (ABA on the baseline).
     */
    public static final class LosesUpdateBackToBaseline extends NamedDeviceProvider {
        public LosesUpdateBackToBaseline() {
            super("faulty-loses-update-back-to-baseline");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            final Buffers buffers = new Buffers();
            // SQ doorbell index -> the value last written to it by MMIO; shadow address -> its baseline
            final Map<Long, Integer> mmio = new ConcurrentHashMap<>();
            final Map<Long, Integer> baseline = new ConcurrentHashMap<>();
            return new Controller(configuration, buffers) {
                @Override
                int readU32(final HostMemory view, final long address, final LoadMode mode) {
                    final int value = view.readU32(address, mode);
                    final long index = buffers.inShadow(address) ? doorbellIndex(address, buffers.shadow) : 0;
                    if (index < 2 || index % 2 != 0) {
                        return value;
                    }
                    final int first = baseline.computeIfAbsent(address, a -> value);
                    return value == first ? mmio.getOrDefault(index, value) : value;
                }

                @Override
                public void writeRegister32(final int offset, final int value) {
                    final long index = ((long) offset - ControllerRegister.DOORBELL_BASE) / stride;
                    if (offset >= ControllerRegister.DOORBELL_BASE && index % 2 == 0) {
                        mmio.put(index, value);
                    }
                    super.writeRegister32(offset, value);
                }
            };
        }
    }

    /**
     * Takes each I/O submission queue's shadow tail as one entry further than it is (an inclusive bound): it runs the
     * stale entry just past the host's tail, and the host's next command written there is then never run. With
     * Flush only, the counts still add up: one stale completion stands in for one lost command.
     */
    public static final class ConsumesPastTheTail extends NamedDeviceProvider {
        public ConsumesPastTheTail() {
            super("faulty-consumes-past-the-tail");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            final Buffers buffers = new Buffers();
            // qid -> submission queue depth, from Create I/O Submission Queue
            final Map<Long, Integer> depths = new ConcurrentHashMap<>();
            final AdminCommandHook learnDepth = command -> {
                if (command.opcode() == AdminOpcode.CREATE_IO_SQ.code()) {
                    depths.put((long) (command.cdw10() & 0xFFFF), (command.cdw10() >>> 16) + 1);
                }
                return null;
            };
            return new Controller(configuration, learnDepth, buffers) {
                @Override
                int readU32(final HostMemory view, final long address, final LoadMode mode) {
                    final int value = view.readU32(address, mode);
                    final long index = buffers.inShadow(address) ? doorbellIndex(address, buffers.shadow) : 0;
                    final Integer depth = depths.get(index / 2);
                    if (index < 2 || index % 2 != 0 || depth == null || value < 0 || value >= depth) {
                        return value;
                    }
                    return (value + 1) % depth;
                }
            };
        }
    }

    /**
     * Writes EventIdx entries 4 bytes apart whatever CAP.DSTRD says (a table indexed like an array of u32): with a
     * stride above 4 its stores land on other entries or between them.
     */
    public static final class EventIdxIgnoresStride extends NamedDeviceProvider {
        public EventIdxIgnoresStride() {
            super("faulty-eventidx-ignores-stride");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            final Buffers buffers = new Buffers();
            return new Controller(configuration, buffers) {
                @Override
                void writeU32(final HostMemory view, final long address, final int value, final StoreMode mode) {
                    view.writeU32(buffers.inEventIdx(address) ? buffers.eventIdx
                        + doorbellIndex(address, buffers.eventIdx) * Integer.BYTES : address, value, mode);
                }
            };
        }
    }

    /**
     * Publishes a completion queue's EventIdx without the full fence before it re-loads the shadow head (the submission
     * queue path keeps its fence): the store can still sit in the store buffer while the host stores a new head and
     * loads the old EventIdx. Only a full completion queue makes the device wait for that head.
     */
    public static final class NoFenceAfterCompletionQueueEventIdx extends NamedDeviceProvider {
        public NoFenceAfterCompletionQueueEventIdx() {
            super("faulty-no-cq-eventidx-fence");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            final Buffers buffers = new Buffers();
            return new Controller(configuration, buffers) {
                private boolean afterCompletionQueueEventIdx;

                @Override
                void writeU32(final HostMemory view, final long address, final int value, final StoreMode mode) {
                    afterCompletionQueueEventIdx = buffers.inEventIdx(address)
                        && doorbellIndex(address, buffers.eventIdx) % 2 == 1;
                    view.writeU32(address, value, mode);
                }

                @Override
                void fence(final HostMemory view, final Fence fence) {
                    if (fence == Fence.FULL && afterCompletionQueueEventIdx) {
                        afterCompletionQueueEventIdx = false;
                        return;
                    }
                    view.fence(fence);
                }
            };
        }
    }

    /**
     * An event-driven controller that drops every MMIO doorbell write of an I/O queue once Doorbell Buffer Config was
     * sent, trusting the shadow entries alone: it looks at a queue only when something wakes it, so after it went idle
     * the host's MMIO write, the one thing that should wake it, is lost.
     */
    public static final class IgnoresMmioWhileShadowed extends NamedDeviceProvider {
        public IgnoresMmioWhileShadowed() {
            super("faulty-ignores-mmio-while-shadowed");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            // the buffers are known once a Doorbell Buffer Config with valid buffers arrived: from then on shadowed
            final Buffers buffers = new Buffers();
            return new Controller(ReferenceDeviceOptions.of(configuration.withThreaded(false))
                .withEventIdxMode(EventIdxMode.EVENT_DRIVEN), buffers) {
                @Override
                public void writeRegister32(final int offset, final int value) {
                    if (offset == ControllerRegister.CC && (value & 1) == 0) {
                        // a reset forgets the buffers: MMIO doorbells are the only ones until the next 0x7C
                        buffers.shadow = -1;
                    }
                    // the admin queue's doorbells are 2 * stride wide from the base; everything above is an I/O queue
                    if (buffers.shadow < 0 || offset < ControllerRegister.DOORBELL_BASE + 2 * stride) {
                        super.writeRegister32(offset, value);
                    }
                }
            };
        }
    }
}
