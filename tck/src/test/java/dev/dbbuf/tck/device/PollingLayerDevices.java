package dev.dbbuf.tck.device;

import dev.dbbuf.device.EventIdxMode;
import dev.dbbuf.device.ReferenceDevice;
import dev.dbbuf.device.ReferenceDeviceOptions;
import dev.dbbuf.spec.doorbell.DoorbellBuffers;
import dev.dbbuf.spec.eventidx.RingIndex;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.memory.Fence;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.StoreMode;
import dev.dbbuf.spec.nvme.AdminOpcode;
import dev.dbbuf.spec.nvme.Capabilities;
import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.spi.device.DeviceCapabilities;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import dev.dbbuf.spec.spi.device.EventIdxPolicy;
import dev.dbbuf.spec.spi.device.ExecutionModel;
import dev.dbbuf.spec.spi.device.ForwardingDeviceUnderTest;
import dev.dbbuf.tck.memory.ForwardingHostMemory;
import java.util.Map;
import java.util.TreeMap;

/**
 * Polling controllers for the ordering proofs, built another way than the reference device's polling mode: an
 * event-driven command engine (the reference device's command processing, which publishes ring-next EventIdx values)
 * under a polling layer of its own. While the layer polls it turns every EventIdx the engine publishes for an I/O
 * submission queue into "one behind", so the host does not ring, and polls the shadow tails itself, kicking the
 * engine when one moved. After {@value PollingLayer#IDLE_BUDGET} idle passes it stops polling through its park path,
 * which is where the variants differ.
 */
public final class PollingLayerDevices {

    private PollingLayerDevices() {
    }

    /** The engine, the layer's polling state and its park path. */
    abstract static class PollingLayer extends ForwardingDeviceUnderTest {
        /** Idle passes the layer polls before it parks. */
        static final int IDLE_BUDGET = 48;

        final ReferenceDevice engine;
        final EventIdxFaultyDevices.Buffers buffers;
        /** I/O submission queue ID to depth, from the Create I/O Submission Queue commands the engine accepted. */
        final Map<Integer, Integer> depths;
        /** EventIdx address to the ring-next value the engine last published there (its consumed tail). */
        final Map<Long, Integer> ringNext = new TreeMap<>();
        /** Shadow address to the tail the layer last loaded there. */
        private final Map<Long, Integer> seen = new TreeMap<>();
        final int dstrd;
        HostMemory memory;
        boolean polling;
        private int idlePasses;

        PollingLayer(final DeviceConfiguration configuration, final EventIdxFaultyDevices.Buffers buffers,
                     final Map<Integer, Integer> depths) {
            this(ReferenceDevice.create(ReferenceDeviceOptions.of(configuration.withThreaded(false)
                    .withEventIdxPolicy(EventIdxPolicy.EVENT_DRIVEN)).withEventIdxMode(EventIdxMode.EVENT_DRIVEN)
                .withAdminCommandHook(buffers.hook(command -> {
                    if (command.opcode() == AdminOpcode.CREATE_IO_SQ.code()) {
                        depths.put(command.cdw10() & 0xFFFF, (command.cdw10() >>> 16) + 1);
                    }
                    return null;
                }))), buffers, depths);
        }

        private PollingLayer(final ReferenceDevice engine, final EventIdxFaultyDevices.Buffers buffers,
                             final Map<Integer, Integer> depths) {
            super(engine);
            this.engine = engine;
            this.buffers = buffers;
            this.depths = depths;
            this.dstrd = Capabilities.decode(engine.readRegister64(ControllerRegister.CAP)).dstrd();
        }

        /**
         * Stops polling: publishes the ring-next values so that the host's next update rings.
         *
         * @return true if the controller keeps polling (a shadow tail moved meanwhile)
         */
        abstract boolean park();

        @Override
        public DeviceCapabilities capabilities() {
            return DeviceCapabilities.full(EventIdxPolicy.POLLING);
        }

        @Override
        public void attach(final HostMemory view) {
            memory = view;
            super.attach(new ForwardingHostMemory(view) {
                @Override
                public void writeU32(final long address, final int value, final StoreMode mode) {
                    final Integer depth = submissionDepth(address);
                    if (depth == null) {
                        delegate.writeU32(address, value, mode);
                        return;
                    }
                    ringNext.put(address, value);
                    delegate.writeU32(address, polling ? RingIndex.advance(value, depth - 1, depth) : value, mode);
                }
            });
        }

        @Override
        public void writeRegister32(final int offset, final int value) {
            if (offset >= ControllerRegister.DOORBELL_BASE) {
                wake();
            }
            super.writeRegister32(offset, value);
        }

        @Override
        public ExecutionModel executionModel() {
            return ExecutionModel.stepped(this::pass);
        }

        private void wake() {
            polling = true;
            idlePasses = 0;
        }

        private boolean pass() {
            if (engine.runOnce()) {
                return true;
            }
            if (!polling) {
                return false;
            }
            if (pollTails()) {
                idlePasses = 0;
                return true;
            }
            if (++idlePasses < IDLE_BUDGET) {
                return false;
            }
            polling = park();
            idlePasses = 0;
            return polling;
        }

        /** Loads every polled shadow tail; kicks the engine for each one that moved since the layer last looked. */
        boolean pollTails() {
            final DoorbellBuffers mapped = mapped();
            boolean moved = false;
            for (final Map.Entry<Integer, Integer> queue : depths.entrySet()) {
                final Doorbell.SubmissionTail tail = new Doorbell.SubmissionTail(queue.getKey());
                final Integer consumed = ringNext.get(mapped.eventIdxAddress(tail));
                if (consumed == null) {
                    continue;
                }
                // acquire: pairs with the host's release store of the shadow tail
                final long address = mapped.shadowAddress(tail);
                final int shadow = memory.readU32(address, LoadMode.ACQUIRE);
                final Integer last = seen.put(address, shadow);
                if (shadow != (last == null ? consumed : last)
                    && Integer.compareUnsigned(shadow, queue.getValue()) < 0) {
                    engine.writeRegister32((int) DoorbellLayout.registerOffset(tail, dstrd), shadow);
                    moved = true;
                }
            }
            return moved;
        }

        /** Stores every ring-next value the engine published while the layer polled. */
        void publishRingNext() {
            final DoorbellBuffers mapped = mapped();
            for (final Integer qid : depths.keySet()) {
                final long address = mapped.eventIdxAddress(new Doorbell.SubmissionTail(qid));
                final Integer value = ringNext.get(address);
                if (value != null) {
                    // release: pairs with the host's acquire load of EventIdx
                    memory.writeU32(address, value, StoreMode.RELEASE);
                }
            }
        }

        private DoorbellBuffers mapped() {
            return new DoorbellBuffers(buffers.shadow, buffers.eventIdx, dstrd);
        }

        private Integer submissionDepth(final long address) {
            if (!buffers.inEventIdx(address)) {
                return null;
            }
            final long index = (address - buffers.eventIdx) / DoorbellLayout.stride(dstrd);
            return index % 2 == 0 ? depths.get((int) (index / 2)) : null;
        }
    }

    /** Parks correctly: ring-next EventIdx, full fence, shadow re-load, and keeps polling if a tail moved. */
    public static final class ParksWithFence extends NamedDeviceProvider {
        public ParksWithFence() {
            super("polling-layer-parks-with-fence");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            return new PollingLayer(configuration, new EventIdxFaultyDevices.Buffers(), new TreeMap<>()) {
                @Override
                boolean park() {
                    publishRingNext();
                    // full: the controller's half of the store-buffering pair with the host's shadow store, full
                    // fence and EventIdx load (DBC-ORD-003)
                    memory.fence(Fence.FULL);
                    return pollTails();
                }
            };
        }
    }

    /**
     * Parks by publishing the ring-next EventIdx values and going idle at once: no full fence, no second look at the
     * shadow tails. A host update whose EventIdx load still saw the polling value is lost (DBC-ORD-003).
     */
    public static final class ParksWithoutFence extends NamedDeviceProvider {
        public ParksWithoutFence() {
            super("faulty-polling-parks-without-fence");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            return new PollingLayer(configuration, new EventIdxFaultyDevices.Buffers(), new TreeMap<>()) {
                @Override
                boolean park() {
                    publishRingNext();
                    return false;
                }
            };
        }
    }

    /**
     * Parks with the full fence after the ring-next EventIdx values but never looks at the shadow tails again: an
     * update the host made before the fence and decided on with the polling EventIdx is lost (DBC-ORD-003).
     */
    public static final class ParksWithoutReload extends NamedDeviceProvider {
        public ParksWithoutReload() {
            super("faulty-polling-parks-without-reload");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            return new PollingLayer(configuration, new EventIdxFaultyDevices.Buffers(), new TreeMap<>()) {
                @Override
                boolean park() {
                    publishRingNext();
                    memory.fence(Fence.FULL);
                    return false;
                }
            };
        }
    }
}
