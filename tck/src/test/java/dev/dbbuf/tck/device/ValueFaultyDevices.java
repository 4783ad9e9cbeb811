package dev.dbbuf.tck.device;

import dev.dbbuf.device.AdminCommandHook;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.StoreMode;
import dev.dbbuf.spec.nvme.AdminOpcode;
import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.nvme.QueueCommands;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Devices for the kit's proofs that get the values in the doorbell buffers wrong: the reference device with one bug
 * of the record put back in through the memory it is given.
 */
public final class ValueFaultyDevices {

    private static final long PAGE = 4096;

    private ValueFaultyDevices() {
    }

    /**
     * Stores EventIdx in big-endian byte order, as a device using a big-endian host's order does (SOURCES
     * qemu-2fda0726e514, QEMU).
     */
    public static final class BigEndianEventIdx extends NamedDeviceProvider {
        public BigEndianEventIdx() {
            super("faulty-big-endian-eventidx");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            return new FaultyDevices.Wrapped(configuration) {
                @Override
                void writeU32(final HostMemory view, final long address, final int value, final StoreMode mode) {
                    view.writeU32(address, isEventIdxWrite(address) ? Integer.reverseBytes(value) : value,
                        mode);
                }
            };
        }
    }

    /**
     * Trusts a shadow SQ tail at or above the queue depth: wraps it into the ring and processes the entries up to it,
     * which the host never wrote (SOURCES spdk-issue-2171, SPDK 2171).
     */
    public static final class TrustsOutOfRangeTail extends NamedDeviceProvider {
        public TrustsOutOfRangeTail() {
            super("faulty-trusts-shadow-tail");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            final AtomicLong shadowBase = new AtomicLong(-1);
            final Map<Integer, Integer> depths = new ConcurrentHashMap<>();
            final AdminCommandHook snoop = command -> {
                if (command.opcode() == AdminOpcode.DOORBELL_BUFFER_CONFIG.code()) {
                    shadowBase.set(command.prp1());
                } else if (command.opcode() == AdminOpcode.CREATE_IO_SQ.code()) {
                    depths.put(QueueCommands.qid(command.cdw10()), QueueCommands.depth(command.cdw10()));
                }
                return null;
            };
            return new FaultyDevices.Wrapped(configuration, snoop) {
                /** The depth of the submission queue whose tail doorbell is at this BAR0 offset, or 0. */
                int depthAt(final long offset) {
                    final int dstrd = Integer.numberOfTrailingZeros(stride) - 2;
                    return DoorbellLayout.doorbellAt(offset, dstrd).filter(Doorbell.SubmissionTail.class::isInstance)
                        .map(d -> depths.getOrDefault(d.qid(), 0)).orElse(0);
                }

                @Override
                public void writeRegister32(final int offset, final int value) {
                    // the MMIO kick carries the same value; trusted the same way
                    final int depth = offset >= ControllerRegister.DOORBELL_BASE ? depthAt(offset) : 0;
                    super.writeRegister32(offset, depth > 0 && Integer.compareUnsigned(value, depth) >= 0
                        ? Integer.remainderUnsigned(value, depth) : value);
                }

                @Override
                int readU32(final HostMemory view, final long address, final LoadMode mode) {
                    final int value = view.readU32(address, mode);
                    final long base = shadowBase.get();
                    if (base < 0 || address < base || address >= base + PAGE) {
                        return value;
                    }
                    final int depth = depthAt(address - base + ControllerRegister.DOORBELL_BASE);
                    return depth > 0 && Integer.compareUnsigned(value, depth) >= 0
                        ? Integer.remainderUnsigned(value, depth) : value;
                }
            };
        }
    }

    /**
     * Keeps a submission queue's depth in 16 bits, so a 65536-deep queue has depth 0 and every tail it is given, by
     * shadow entry or by MMIO, looks out of range and is dropped; every other depth works.
     */
    public static final class SixteenBitQueueDepth extends NamedDeviceProvider {
        public SixteenBitQueueDepth() {
            super("faulty-16-bit-queue-depth");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            final AtomicLong shadowBase = new AtomicLong(-1);
            final Map<Integer, Short> depths = new ConcurrentHashMap<>();
            final Map<Long, Integer> lastTail = new ConcurrentHashMap<>();
            final AdminCommandHook snoop = command -> {
                if (command.opcode() == AdminOpcode.DOORBELL_BUFFER_CONFIG.code()) {
                    shadowBase.set(command.prp1());
                } else if (command.opcode() == AdminOpcode.CREATE_IO_SQ.code()) {
                    depths.put(QueueCommands.qid(command.cdw10()), (short) QueueCommands.depth(command.cdw10()));
                }
                return null;
            };
            return new FaultyDevices.Wrapped(configuration, snoop) {
                /** Whether the tail doorbell at this BAR0 offset takes the value, by the 16-bit depth. */
                boolean inRange(final long offset, final int value) {
                    final int dstrd = Integer.numberOfTrailingZeros(stride) - 2;
                    return DoorbellLayout.doorbellAt(offset, dstrd).filter(Doorbell.SubmissionTail.class::isInstance)
                        .map(d -> depths.get(d.qid())).map(depth -> Integer.compareUnsigned(value,
                            Short.toUnsignedInt(depth)) < 0).orElse(true);
                }

                @Override
                public void writeRegister32(final int offset, final int value) {
                    if (offset < ControllerRegister.DOORBELL_BASE || inRange(offset, value)) {
                        super.writeRegister32(offset, value);
                    }
                }

                @Override
                int readU32(final HostMemory view, final long address, final LoadMode mode) {
                    final int value = view.readU32(address, mode);
                    final long base = shadowBase.get();
                    if (base < 0 || address < base || address >= base + PAGE) {
                        return value;
                    }
                    if (inRange(address - base + ControllerRegister.DOORBELL_BASE, value)) {
                        lastTail.put(address, value);
                        return value;
                    }
                    return lastTail.getOrDefault(address, 0);
                }
            };
        }
    }
}
