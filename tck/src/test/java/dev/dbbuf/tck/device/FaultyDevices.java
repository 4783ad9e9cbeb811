package dev.dbbuf.tck.device;

import dev.dbbuf.device.AdminCommandHook;
import dev.dbbuf.device.ReferenceDevice;
import dev.dbbuf.device.ReferenceDeviceOptions;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.memory.Fence;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.SegmentHostMemory;
import dev.dbbuf.spec.memory.StoreMode;
import dev.dbbuf.spec.nvme.AdminOpcode;
import dev.dbbuf.spec.nvme.Capabilities;
import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.nvme.Status;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import dev.dbbuf.spec.spi.device.ExecutionModel;
import dev.dbbuf.spec.spi.device.ForwardingDeviceUnderTest;
import dev.dbbuf.tck.memory.ForwardingHostMemory;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Devices for the kit's proofs, each the reference device with one bug of the record put back in: through the memory
 * it is given, its admin command hook, or its steps.
 */
public final class FaultyDevices {

    private static final long PAGE = 4096;

    private FaultyDevices() {
    }

    /** The reference device behind a memory view a subclass may distort, and an optional extra step action. */
    abstract static class Wrapped extends ForwardingDeviceUnderTest {
        final ReferenceDevice reference;
        final int stride;
        /** EventIdx pages seen: the first controller write into a page still holding the probe's sentinel. */
        final Set<Long> eventIdxPages = ConcurrentHashMap.newKeySet();
        HostMemory memory;

        Wrapped(final ReferenceDeviceOptions options) {
            this(ReferenceDevice.create(options));
        }

        /** The reference engine, stepped, for a device configuration. */
        Wrapped(final DeviceConfiguration configuration) {
            this(ReferenceDeviceOptions.of(configuration.withThreaded(false)));
        }

        /** The reference engine, stepped, for a device configuration, with an admin command hook seeing each first. */
        Wrapped(final DeviceConfiguration configuration, final AdminCommandHook hook) {
            this(ReferenceDeviceOptions.of(configuration.withThreaded(false)).withAdminCommandHook(hook));
        }

        private Wrapped(final ReferenceDevice reference) {
            super(reference);
            this.reference = reference;
            this.stride = DoorbellLayout.stride(Capabilities.decode(reference.readRegister64(ControllerRegister.CAP))
                .dstrd());
        }

        /**
         * The memory view the reference engine works on: its 32-bit loads and stores and its fences go through the
         * hooks below, where a faulty device puts its defect.
         */
        HostMemory distort(final HostMemory view) {
            return new ForwardingHostMemory(view) {
                @Override
                public int readU32(final long address, final LoadMode mode) {
                    return Wrapped.this.readU32(delegate, address, mode);
                }

                @Override
                public void writeU32(final long address, final int value, final StoreMode mode) {
                    Wrapped.this.writeU32(delegate, address, value, mode);
                }

                @Override
                public void fence(final Fence fence) {
                    Wrapped.this.fence(delegate, fence);
                }
            };
        }

        /** A 32-bit load of the engine; the default reads the view. */
        int readU32(final HostMemory view, final long address, final LoadMode mode) {
            return view.readU32(address, mode);
        }

        /** A 32-bit store of the engine; the default writes the view. */
        void writeU32(final HostMemory view, final long address, final int value, final StoreMode mode) {
            view.writeU32(address, value, mode);
        }

        /** A fence of the engine; the default passes it to the view. */
        void fence(final HostMemory view, final Fence fence) {
            view.fence(fence);
        }

        void beforeStep() {
        }

        /** One step of the engine. */
        boolean pass() {
            beforeStep();
            return reference.runOnce();
        }

        boolean isEventIdxWrite(final long address) {
            final long page = address & -PAGE;
            if (eventIdxPages.contains(page)) {
                return true;
            }
            if (memory.readU32(address & -4L, LoadMode.PLAIN) == ProbeHost.SENTINEL) {
                eventIdxPages.add(page);
                return true;
            }
            return false;
        }

        @Override
        public void attach(final HostMemory view) {
            this.memory = view;
            super.attach(distort(view));
        }

        @Override
        public ExecutionModel executionModel() {
            return ExecutionModel.stepped(this::pass);
        }
    }

    /** Copies every shadow value it reads back into the shadow buffer (QEMU's configuration-time copy, always). */
    public static final class WritesShadow extends NamedDeviceProvider {
        public WritesShadow() {
            super("faulty-writes-shadow");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            return new Wrapped(configuration) {
                @Override
                int readU32(final HostMemory view, final long address, final LoadMode mode) {
                    final int value = view.readU32(address, mode);
                    if (mode == LoadMode.ACQUIRE) {
                        view.writeU32(address, value, StoreMode.RELEASE);
                    }
                    return value;
                }
            };
        }
    }

    /**
     * Brings its own memory, like an external VMM, and at Doorbell Buffer Config time copies the value last written
     * to each MMIO doorbell into the shadow buffer (QEMU's configuration-time copy) straight into that memory, past
     * the controller view the kit attaches: only the shadow contents show the write.
     */
    public static final class WritesShadowOutOfSight extends NamedDeviceProvider {
        public WritesShadowOutOfSight() {
            super("faulty-writes-shadow-out-of-sight");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            final SegmentHostMemory own = new SegmentHostMemory(ProbeHost.MEMORY_BYTES);
            // buffer offset of each doorbell (its BAR0 offset less the doorbell base) -> last value written by MMIO
            final Map<Long, Integer> lastMmio = new ConcurrentHashMap<>();
            final AdminCommandHook copyIntoShadow = command -> {
                if (command.opcode() == AdminOpcode.DOORBELL_BUFFER_CONFIG.code() && command.prp1() % PAGE == 0) {
                    lastMmio.forEach((offset, value) ->
                        // release: a DMA store the host will read; the kit's controller view never sees it
                        own.writeU32(command.prp1() + offset, value, StoreMode.RELEASE));
                }
                return null;
            };
            return new Wrapped(configuration, copyIntoShadow) {
                @Override
                public Optional<HostMemory> providedMemory() {
                    return Optional.of(own);
                }

                @Override
                public void writeRegister32(final int offset, final int value) {
                    if (offset >= ControllerRegister.DOORBELL_BASE && (offset - ControllerRegister.DOORBELL_BASE)
                        % stride == 0) {
                        lastMmio.put((long) offset - ControllerRegister.DOORBELL_BASE, value);
                    }
                    super.writeRegister32(offset, value);
                }

                @Override
                public void close() {
                    super.close();
                    own.close();
                }
            };
        }
    }

    /** Never writes a completion queue's EventIdx (SOURCES qemu-fa5db2aa168b, QEMU 7.1/7.2.0). */
    public static final class NoCompletionQueueEventIdx extends NamedDeviceProvider {
        public NoCompletionQueueEventIdx() {
            super("faulty-no-cq-eventidx");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            return new Wrapped(configuration) {
                @Override
                void writeU32(final HostMemory view, final long address, final int value, final StoreMode mode) {
                    final boolean completionHeadSlot = ((address & (PAGE - 1)) / stride) % 2 == 1;
                    if (isEventIdxWrite(address) && completionHeadSlot) {
                        return;
                    }
                    view.writeU32(address, value, mode);
                }
            };
        }
    }

    /** Keeps writing the EventIdx buffer of before a reset (SOURCES openvmm-pr-1582, openvmm). */
    public static final class KeepsBuffersAcrossReset extends NamedDeviceProvider {
        public KeepsBuffersAcrossReset() {
            super("faulty-keeps-dbbuf");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            return new Wrapped(configuration) {
                private volatile boolean wasReset;

                @Override
                void writeU32(final HostMemory view, final long address, final int value, final StoreMode mode) {
                    isEventIdxWrite(address);
                    view.writeU32(address, value, mode);
                }

                @Override
                public void writeRegister32(final int offset, final int value) {
                    if (offset == ControllerRegister.CC && (value & 1) == 0 && !eventIdxPages.isEmpty()) {
                        wasReset = true;
                    }
                    super.writeRegister32(offset, value);
                }

                @Override
                void beforeStep() {
                    if (wasReset) {
                        for (final long page : eventIdxPages) {
                            memory.writeU32(page, 0, StoreMode.RELEASE);
                        }
                    }
                }
            };
        }
    }

    /** Accepts 0x7C with unaligned or identical buffers without applying it. */
    public static final class Lax0x7C extends NamedDeviceProvider {
        public Lax0x7C() {
            super("faulty-lax-0x7c");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            final AdminCommandHook hook = command -> command.opcode() == AdminOpcode.DOORBELL_BUFFER_CONFIG.code()
                && (command.prp1() % PAGE != 0 || command.prp2() % PAGE != 0 || command.prp1() == command.prp2())
                ? Status.SUCCESS : null;
            return new Wrapped(configuration, hook) {
            };
        }
    }

    /**
     * Loses a submission queue's EventIdx state once that queue has wrapped twice: from then on it stops writing the
     * queue's SQ EventIdx, so the host keeps seeing a stale value while the device, event-driven, waits for a
     * doorbell. Only a scenario that wraps a queue twice and then moves its tail within the window shows it.
     */
    public static final class ForgetsEventIdxAfterSecondWrap extends NamedDeviceProvider {
        public ForgetsEventIdxAfterSecondWrap() {
            super("faulty-forgets-eventidx-after-second-wrap");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            return new Wrapped(configuration) {
                // per SQ EventIdx slot: the last value written and the wraps seen (a value below the last one)
                private final Map<Long, int[]> slots = new ConcurrentHashMap<>();

                @Override
                void writeU32(final HostMemory view, final long address, final int value, final StoreMode mode) {
                    final boolean submissionTailSlot = ((address & (PAGE - 1)) / stride) % 2 == 0
                        && (address & (PAGE - 1)) >= 2L * stride;
                    if (submissionTailSlot && isEventIdxWrite(address)) {
                        final int[] slot = slots.computeIfAbsent(address, a -> new int[] {value, 0});
                        if (Integer.compareUnsigned(value, slot[0]) < 0) {
                            slot[1]++;
                        }
                        slot[0] = value;
                        if (slot[1] >= 2) {
                            return;
                        }
                    }
                    view.writeU32(address, value, mode);
                }
            };
        }
    }
}
