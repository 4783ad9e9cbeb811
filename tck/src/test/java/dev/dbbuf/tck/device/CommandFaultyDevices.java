package dev.dbbuf.tck.device;

import dev.dbbuf.device.AdminCommandHook;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.StoreMode;
import dev.dbbuf.spec.nvme.AdminOpcode;
import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.nvme.IdentifyController;
import dev.dbbuf.spec.nvme.Status;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import dev.dbbuf.tck.memory.ForwardingHostMemory;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Devices for the kit's proofs that get the command's advertisement, its answers or its attachment of queues wrong.
 * Each is a stepped controller of its own around the reference device's engine
 * ({@link EventIdxFaultyDevices.Controller}) with one defect in what it answers or which doorbells it reads.
 */
public final class CommandFaultyDevices {

    private CommandFaultyDevices() {
    }

    /**
     * Stores Identify Controller's OACS in big-endian byte order: bit 8 lands in bit 0, so a host parsing the field
     * as the specification says sees no Doorbell Buffer Config, although the command works.
     */
    public static final class OacsByteSwapped extends NamedDeviceProvider {
        public OacsByteSwapped() {
            super("faulty-oacs-byte-swapped");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            final EventIdxFaultyDevices.Buffers buffers = new EventIdxFaultyDevices.Buffers();
            final Set<Long> identify = ConcurrentHashMap.newKeySet();
            final AdminCommandHook seeIdentify = command -> {
                if (command.opcode() == AdminOpcode.IDENTIFY.code()
                    && (command.cdw10() & 0xFF) == IdentifyController.CNS) {
                    identify.add(command.prp1() + IdentifyController.OACS_OFFSET);
                }
                return null;
            };
            return new EventIdxFaultyDevices.Controller(configuration, seeIdentify, buffers) {
                @Override
                HostMemory distort(final HostMemory view) {
                    return new ForwardingHostMemory(view) {
                        @Override
                        public void writeBytes(final long address, final byte[] src, final int offset,
                                               final int length) {
                            for (final long oacs : identify) {
                                final long at = oacs - address;
                                if (at >= 0 && at + 1 < length) {
                                    final byte low = src[offset + (int) at];
                                    src[offset + (int) at] = src[offset + (int) at + 1];
                                    src[offset + (int) at + 1] = low;
                                    identify.remove(oacs);
                                }
                            }
                            delegate.writeBytes(address, src, offset, length);
                        }
                    };
                }
            };
        }
    }

    /** Without Doorbell Buffer Config, answers opcode 0x7C with Invalid Field in Command, not Invalid Command Opcode. */
    public static final class UnsupportedAnswersInvalidField extends NamedDeviceProvider {
        public UnsupportedAnswersInvalidField() {
            super("faulty-unsupported-0x7c-invalid-field");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            final AdminCommandHook hook = command -> !configuration.doorbellBufferConfig()
                && command.opcode() == AdminOpcode.DOORBELL_BUFFER_CONFIG.code() ? Status.INVALID_FIELD : null;
            return EventIdxFaultyDevices.Controller.answering(configuration, hook);
        }
    }

    /**
     * Never checks that the doorbell table fits a page: a 0x7C for more queues than a page holds completes
     * successfully (and is not applied).
     */
    public static final class NoTableSizeCheck extends NamedDeviceProvider {
        public NoTableSizeCheck() {
            super("faulty-no-table-size-check");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            final boolean tooBig = DoorbellLayout.bytesNeeded(configuration.maxIoQueues() + 1, configuration.dstrd())
                > 4096;
            final AdminCommandHook hook = command -> tooBig
                && command.opcode() == AdminOpcode.DOORBELL_BUFFER_CONFIG.code() ? Status.SUCCESS : null;
            return EventIdxFaultyDevices.Controller.answering(configuration, hook);
        }
    }

    /**
     * Swallows an MMIO doorbell write whose value is beyond its queue (a bounds check that returns early), so the
     * Invalid Doorbell Write Value asynchronous event is never raised.
     */
    public static final class NoInvalidDoorbellEvent extends NamedDeviceProvider {
        public NoInvalidDoorbellEvent() {
            super("faulty-no-invalid-doorbell-event");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            final QueueDepths depths = new QueueDepths();
            return new EventIdxFaultyDevices.Controller(configuration, depths.hook(),
                new EventIdxFaultyDevices.Buffers()) {
                @Override
                public void writeRegister32(final int offset, final int value) {
                    final Integer depth = depths.byIndex.get(((long) offset - ControllerRegister.DOORBELL_BASE)
                        / stride);
                    if (offset >= ControllerRegister.DOORBELL_BASE && depth != null
                        && Integer.compareUnsigned(value, depth) >= 0) {
                        return;
                    }
                    super.writeRegister32(offset, value);
                }
            };
        }
    }

    /**
     * Attaches to the shadow buffers only the I/O queues on one side of Doorbell Buffer Config; the others keep
     * their MMIO doorbells: their shadow entries are not read (the last MMIO value stands in) and their EventIdx is
     * never written.
     */
    abstract static class AttachesSomeQueues extends NamedDeviceProvider {
        private final boolean existingOnes;

        AttachesSomeQueues(final String name, final boolean existingOnes) {
            super(name);
            this.existingOnes = existingOnes;
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            final EventIdxFaultyDevices.Buffers buffers = new EventIdxFaultyDevices.Buffers();
            final Set<Long> created = ConcurrentHashMap.newKeySet();
            final Set<Long> atConfiguration = ConcurrentHashMap.newKeySet();
            final AdminCommandHook track = command -> {
                if (command.opcode() == AdminOpcode.CREATE_IO_SQ.code()) {
                    created.add((long) (command.cdw10() & 0xFFFF));
                } else if (command.opcode() == AdminOpcode.DOORBELL_BUFFER_CONFIG.code()) {
                    atConfiguration.clear();
                    atConfiguration.addAll(created);
                }
                return null;
            };
            return new MmioDoorbellsController(configuration, track, buffers) {
                @Override
                boolean onMmio(final long index) {
                    final long qid = index / 2;
                    return qid > 0 && atConfiguration.contains(qid) != existingOnes;
                }
            };
        }
    }

    /** Attaches only the queues created after Doorbell Buffer Config. */
    public static final class AttachesOnlyNewQueues extends AttachesSomeQueues {
        public AttachesOnlyNewQueues() {
            super("faulty-attaches-only-new-queues", false);
        }
    }

    /** Attaches only the queues that exist when Doorbell Buffer Config arrives. */
    public static final class AttachesOnlyExistingQueues extends AttachesSomeQueues {
        public AttachesOnlyExistingQueues() {
            super("faulty-attaches-only-existing-queues", true);
        }
    }

    /**
     * Once shadow doorbells are active, takes the admin queue's tail from its shadow entry only: an MMIO write to the
     * admin tail doorbell is read as a kick, and the value used is whatever the shadow entry holds. A host that never
     * shadows the admin queue (Linux, SPDK) is never heard again.
     */
    public static final class AdminTailFromShadowOnly extends NamedDeviceProvider {
        public AdminTailFromShadowOnly() {
            super("faulty-admin-tail-from-shadow-only");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            final EventIdxFaultyDevices.Buffers buffers = new EventIdxFaultyDevices.Buffers();
            return new EventIdxFaultyDevices.Controller(configuration, buffers) {
                private HostMemory memory;

                @Override
                HostMemory distort(final HostMemory view) {
                    memory = view;
                    return view;
                }

                @Override
                public void writeRegister32(final int offset, final int value) {
                    if (offset == ControllerRegister.DOORBELL_BASE && buffers.shadow >= 0 && memory != null) {
                        // acquire: the admin tail as the host last stored it in the shadow entry
                        super.writeRegister32(offset, memory.readU32(buffers.shadow, LoadMode.ACQUIRE));
                        return;
                    }
                    super.writeRegister32(offset, value);
                }
            };
        }
    }

    /**
     * Keeps the EventIdx address each I/O queue had when it was attached: after a second Doorbell Buffer Config it
     * goes on writing the queue's EventIdx into the first buffer.
     */
    public static final class KeepsFirstEventIdxBuffer extends NamedDeviceProvider {
        public KeepsFirstEventIdxBuffer() {
            super("faulty-keeps-first-eventidx-buffer");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            final EventIdxFaultyDevices.Buffers buffers = new EventIdxFaultyDevices.Buffers();
            final long[] first = {-1};
            final AdminCommandHook remember = command -> {
                if (command.opcode() == AdminOpcode.DOORBELL_BUFFER_CONFIG.code() && first[0] < 0
                    && command.prp2() % 4096 == 0 && command.prp1() != command.prp2()) {
                    first[0] = command.prp2();
                }
                return null;
            };
            return new EventIdxFaultyDevices.Controller(configuration, remember, buffers) {
                @Override
                void writeU32(final HostMemory view, final long address, final int value, final StoreMode mode) {
                    final boolean ioSlot = buffers.inEventIdx(address)
                        && doorbellIndex(address, buffers.eventIdx) >= 2;
                    view.writeU32(ioSlot && first[0] >= 0 ? first[0] + (address - buffers.eventIdx)
                        : address, value, mode);
                }
            };
        }
    }

    /**
     * Keeps a deleted submission queue's EventIdx: a queue identifier re-created while shadow doorbells are active
     * does not get the first EventIdx of a new queue, so the slot still holds its predecessor's last value.
     */
    public static final class KeepsEventIdxAcrossDeletion extends NamedDeviceProvider {
        public KeepsEventIdxAcrossDeletion() {
            super("faulty-keeps-eventidx-across-deletion");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            final EventIdxFaultyDevices.Buffers buffers = new EventIdxFaultyDevices.Buffers();
            final Set<Long> deleted = ConcurrentHashMap.newKeySet();
            final Set<Long> recreated = ConcurrentHashMap.newKeySet();
            final AdminCommandHook track = command -> {
                final long qid = command.cdw10() & 0xFFFF;
                if (command.opcode() == AdminOpcode.DELETE_IO_SQ.code()) {
                    deleted.add(qid);
                } else if (command.opcode() == AdminOpcode.CREATE_IO_SQ.code() && deleted.remove(qid)) {
                    recreated.add(qid);
                }
                return null;
            };
            return new EventIdxFaultyDevices.Controller(configuration, track, buffers) {
                @Override
                void writeU32(final HostMemory view, final long address, final int value, final StoreMode mode) {
                    if (buffers.inEventIdx(address)) {
                        final long index = doorbellIndex(address, buffers.eventIdx);
                        // the predecessor's value stays until the controller next consumes from the queue
                        if (index % 2 == 0 && recreated.remove(index / 2)) {
                            return;
                        }
                    }
                    view.writeU32(address, value, mode);
                }
            };
        }
    }

    /**
     * Moves data with a bidirectional copy helper: every block it reads from host memory for a Write it also writes
     * back, unchanged, into the Write's buffer, which belongs to the host. Nothing the host reads back changes.
     */
    public static final class WritesBackWhatItReads extends NamedDeviceProvider {
        /** Transfers at least one logical block long are data, not queue entries. */
        private static final int BLOCK = 512;

        public WritesBackWhatItReads() {
            super("faulty-writes-back-what-it-reads");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            return new EventIdxFaultyDevices.Controller(configuration, new EventIdxFaultyDevices.Buffers()) {
                @Override
                HostMemory distort(final HostMemory view) {
                    return new ForwardingHostMemory(view) {
                        @Override
                        public void readBytes(final long address, final byte[] dst, final int offset,
                                              final int length) {
                            delegate.readBytes(address, dst, offset, length);
                            if (length >= BLOCK) {
                                delegate.writeBytes(address, dst, offset, length);
                            }
                        }
                    };
                }
            };
        }
    }

    /**
     * Demands a free page between the two buffers, sized at a fixed 4 KiB, as if the controller's EventIdx stores
     * could run past the end of their page: two valid buffers in adjacent pages are rejected with Invalid Field in
     * Command.
     */
    public static final class RejectsAdjacentBuffers extends NamedDeviceProvider {
        private static final long ASSUMED_PAGE = 4096;

        public RejectsAdjacentBuffers() {
            super("faulty-rejects-adjacent-buffers");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            final AdminCommandHook hook = command -> configuration.doorbellBufferConfig()
                && command.opcode() == AdminOpcode.DOORBELL_BUFFER_CONFIG.code()
                && Math.abs(command.prp1() - command.prp2()) < 2 * ASSUMED_PAGE ? Status.INVALID_FIELD : null;
            return EventIdxFaultyDevices.Controller.answering(configuration, hook);
        }
    }
}
