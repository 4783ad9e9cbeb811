package dev.dbbuf.tck.device;

import dev.dbbuf.device.AdminCommandHook;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.nvme.AdminOpcode;
import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.nvme.Status;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Devices for the kit's proofs that get a boundary wrong by one: the first value that is not an index, the last
 * queue identifier granted, a table that fills the page to the last byte, and completion queues that existed when
 * Doorbell Buffer Config arrived. Each is a stepped controller of its own around the reference device's engine
 * ({@link EventIdxFaultyDevices.Controller}) that sees the doorbell writes and the host memory first.
 */
public final class BoundaryFaultyDevices {

    private BoundaryFaultyDevices() {
    }

    /**
     * Attaches the submission queues that exist when Doorbell Buffer Config arrives, but not their completion queues:
     * those keep the head last written by MMIO and never get an EventIdx. Queues created later are attached whole.
     */
    public static final class ExistingCompletionQueuesOnMmio extends NamedDeviceProvider {
        public ExistingCompletionQueuesOnMmio() {
            super("faulty-existing-cqs-on-mmio");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            final EventIdxFaultyDevices.Buffers buffers = new EventIdxFaultyDevices.Buffers();
            final Set<Long> created = ConcurrentHashMap.newKeySet();
            final Set<Long> onMmio = ConcurrentHashMap.newKeySet();
            final AdminCommandHook track = command -> {
                final long qid = command.cdw10() & 0xFFFF;
                if (command.opcode() == AdminOpcode.CREATE_IO_CQ.code()) {
                    created.add(qid);
                } else if (command.opcode() == AdminOpcode.DELETE_IO_CQ.code()) {
                    created.remove(qid);
                    onMmio.remove(qid);
                } else if (command.opcode() == AdminOpcode.DOORBELL_BUFFER_CONFIG.code()) {
                    onMmio.addAll(created);
                }
                return null;
            };
            return new MmioDoorbellsController(configuration, track, buffers) {
                @Override
                boolean onMmio(final long index) {
                    return index % 2 == 1 && onMmio.contains(index / 2);
                }
            };
        }
    }

    /** Checks a Create I/O queue identifier against the granted count with >= instead of >: the last one fails. */
    public static final class HighestQueueIdentifierUncreatable extends NamedDeviceProvider {
        public HighestQueueIdentifierUncreatable() {
            super("faulty-highest-qid-uncreatable");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            final int granted = configuration.maxIoQueues();
            final AdminCommandHook offByOne = command -> (command.opcode() == AdminOpcode.CREATE_IO_CQ.code()
                || command.opcode() == AdminOpcode.CREATE_IO_SQ.code()) && (command.cdw10() & 0xFFFF) >= granted
                ? Status.INVALID_QUEUE_IDENTIFIER : null;
            return EventIdxFaultyDevices.Controller.answering(configuration, offByOne);
        }
    }

    /** Checks the doorbell table against the page with >= instead of >: a table that fills the page is refused. */
    public static final class RejectsATableThatFillsThePage extends NamedDeviceProvider {
        public RejectsATableThatFillsThePage() {
            super("faulty-rejects-a-table-that-fills-the-page");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            final boolean fills = DoorbellLayout.bytesNeeded(configuration.maxIoQueues(), configuration.dstrd())
                >= 4096;
            final AdminCommandHook hook = command -> fills
                && command.opcode() == AdminOpcode.DOORBELL_BUFFER_CONFIG.code() ? Status.INVALID_FIELD : null;
            return EventIdxFaultyDevices.Controller.answering(configuration, hook);
        }
    }

    /**
     * Bounds the submission queue tail with > instead of >= and reduces it modulo the depth: a tail equal to the
     * depth, by MMIO or in the shadow entry, is taken as 0 without an event, and the controller runs the entries
     * from its head round to index 0, which the host never wrote.
     */
    public static final class TailEqualToTheDepthTakenAsZero extends NamedDeviceProvider {
        public TailEqualToTheDepthTakenAsZero() {
            super("faulty-tail-equal-to-depth-taken-as-zero");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            final EventIdxFaultyDevices.Buffers buffers = new EventIdxFaultyDevices.Buffers();
            final QueueDepths depths = new QueueDepths();
            return new EventIdxFaultyDevices.Controller(configuration, depths.hook(), buffers) {
                private int reduced(final long index, final int value) {
                    final Integer depth = depths.byIndex.get(index);
                    return index % 2 == 0 && depth != null && value == depth ? 0 : value;
                }

                @Override
                int readU32(final HostMemory view, final long address, final LoadMode mode) {
                    final int value = view.readU32(address, mode);
                    return buffers.inShadow(address) ? reduced(doorbellIndex(address, buffers.shadow), value)
                        : value;
                }

                @Override
                public void writeRegister32(final int offset, final int value) {
                    final long index = ((long) offset - ControllerRegister.DOORBELL_BASE) / stride;
                    super.writeRegister32(offset, offset >= ControllerRegister.DOORBELL_BASE ? reduced(index, value)
                        : value);
                }
            };
        }
    }

    /**
     * Bounds an MMIO completion queue head with > instead of >=: a head equal to the depth passes the check, finds
     * nothing to release and is dropped, so the Invalid Doorbell Write Value event is never raised for it.
     */
    public static final class HeadEqualToTheDepthDropped extends NamedDeviceProvider {
        public HeadEqualToTheDepthDropped() {
            super("faulty-head-equal-to-depth-dropped");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            final QueueDepths depths = new QueueDepths();
            return new EventIdxFaultyDevices.Controller(configuration, depths.hook(),
                new EventIdxFaultyDevices.Buffers()) {

                @Override
                public void writeRegister32(final int offset, final int value) {
                    final long index = ((long) offset - ControllerRegister.DOORBELL_BASE) / stride;
                    if (offset >= ControllerRegister.DOORBELL_BASE && index % 2 == 1
                        && Integer.valueOf(value).equals(depths.byIndex.get(index))) {
                        return;
                    }
                    super.writeRegister32(offset, value);
                }
            };
        }
    }

    /**
     * Validates doorbell values only where they arrive by MMIO: a shadow entry out of range is replaced by the last
     * in-range value read from it, so nothing runs away, but the host is never told by an event.
     */
    public static final class ShadowValuesClampedSilently extends NamedDeviceProvider {
        public ShadowValuesClampedSilently() {
            super("faulty-shadow-values-clamped-silently");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            final EventIdxFaultyDevices.Buffers buffers = new EventIdxFaultyDevices.Buffers();
            final QueueDepths depths = new QueueDepths();
            final Map<Long, Integer> lastGood = new ConcurrentHashMap<>();
            return new EventIdxFaultyDevices.Controller(configuration, depths.hook(), buffers) {
                @Override
                int readU32(final HostMemory view, final long address, final LoadMode mode) {
                    final int value = view.readU32(address, mode);
                    if (!buffers.inShadow(address)) {
                        return value;
                    }
                    final long index = doorbellIndex(address, buffers.shadow);
                    final Integer depth = depths.byIndex.get(index);
                    if (depth == null || Integer.compareUnsigned(value, depth) < 0) {
                        lastGood.put(index, value);
                        return value;
                    }
                    return lastGood.getOrDefault(index, 0);
                }
            };
        }
    }

    /**
     * Raises Invalid Doorbell Write Value for a completion queue head on the queue's last slot (a bound of depth - 1
     * where depth belongs), after taking the value: the host sees an error event for a valid write.
     */
    public static final class EventForTheLastCompletionSlot extends NamedDeviceProvider {
        public EventForTheLastCompletionSlot() {
            super("faulty-event-for-the-last-cq-slot");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            final QueueDepths depths = new QueueDepths();
            return new EventIdxFaultyDevices.Controller(configuration, depths.hook(),
                new EventIdxFaultyDevices.Buffers()) {

                @Override
                public void writeRegister32(final int offset, final int value) {
                    super.writeRegister32(offset, value);
                    final long index = ((long) offset - ControllerRegister.DOORBELL_BASE) / stride;
                    final Integer depth = depths.byIndex.get(index);
                    if (offset >= ControllerRegister.DOORBELL_BASE && index % 2 == 1 && depth != null
                        && value == depth - 1) {
                        // the engine keeps the latest write per doorbell until its next pass: take the valid head
                        // first, then hand it a write it rejects, which raises the event
                        reference.runOnce();
                        super.writeRegister32(offset, 0xFFFF);
                    }
                }
            };
        }
    }
}
