package dev.dbbuf.tck.driver;

import dev.dbbuf.driver.doorbells.DoorbellPolicy;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.memory.Fence;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.StoreMode;
import dev.dbbuf.spec.spi.driver.DoorbellMode;
import dev.dbbuf.spec.spi.driver.DriverConfiguration;
import dev.dbbuf.spec.spi.driver.DriverUnderTest;
import java.util.HashMap;
import java.util.Map;

/**
 * Hand-rolled drivers ({@link HandRolledDrivers}: their own queue entries, tails and heads) whose doorbell update is
 * wrong in one way a lazy implementation of the shadow path gets it wrong: the value stored, the slot, the EventIdx
 * load, the old value, the choice between MMIO and shadow, or what it believes about itself. Each keeps the right
 * need_event ({@link HandRolledDrivers.Linux16#needEvent}) so that the one defect is all the kit can find.
 */
public final class DoorbellFaultyDrivers {

    private DoorbellFaultyDrivers() {
    }

    /** A hand-rolled driver with one doorbell update, brought up as the reference host does. */
    abstract static class HandRolled extends NamedDriverProvider {
        HandRolled(final String name) {
            super(name);
        }

        /** The update of a fresh driver instance: per-doorbell state must not outlive the driver. */
        abstract DoorbellUpdate update();

        @Override
        public DriverUnderTest create(final DriverConfiguration configuration) {
            return new HandRolledDrivers.Driver(configuration.ioQueues(), DoorbellPolicy.defaults(), update());
        }
    }

    /**
     * Never sends Doorbell Buffer Config and rings every doorbell by MMIO, but reports SHADOW as its doorbell mode
     * whenever the controller sets OACS bit 8: a declaration the kit must check by behaviour, not trust.
     */
    public static final class ClaimsShadowRingsMmio extends NamedDriverProvider {
        public ClaimsShadowRingsMmio() {
            super("faulty-claims-shadow-rings-mmio-driver");
        }

        @Override
        public DriverUnderTest create(final DriverConfiguration configuration) {
            return new HandRolledDrivers.Driver(configuration.ioQueues(),
                DoorbellPolicy.defaults().withDoorbellBufferConfig(false), (bell, value, first) -> bell.ring(value)) {
                @Override
                public synchronized DoorbellMode doorbellMode() {
                    final DoorbellMode real = super.doorbellMode();
                    return real == DoorbellMode.MMIO && controllerOffersShadowDoorbells() ? DoorbellMode.SHADOW : real;
                }
            };
        }
    }

    /**
     * The contrast to {@link ClaimsShadowRingsMmio}: the same MMIO-only driver, reporting MMIO truthfully. A host may
     * leave shadow doorbells unused; the kit then has no shadow behaviour to judge, which is NOT_APPLICABLE.
     */
    public static final class HonestMmioOnly extends NamedDriverProvider {
        public HonestMmioOnly() {
            super("legit-mmio-only-driver");
        }

        @Override
        public DriverUnderTest create(final DriverConfiguration configuration) {
            return new HandRolledDrivers.Driver(configuration.ioQueues(),
                DoorbellPolicy.defaults().withDoorbellBufferConfig(false), (bell, value, first) -> bell.ring(value));
        }
    }

    /**
     * Stores the index of the last entry written (tail - 1) in the shadow entry, as if the doorbell named the newest
     * entry rather than the next free slot, and rings MMIO with the right tail when the rule says so: a controller
     * that takes the shadow entry as the doorbell never fetches the newest entry.
     */
    public static final class ShadowValueLagsByOne extends HandRolled {
        public ShadowValueLagsByOne() {
            super("faulty-shadow-value-lags-driver");
        }

        @Override
        DoorbellUpdate update() {
            return (bell, value, first) -> {
                if (bell.buffers().isEmpty()) {
                    bell.ring(value);
                    return;
                }
                final HostMemory memory = bell.memory();
                final int stored = Math.floorMod(value - 1, bell.depth());
                final int old = memory.readU32(bell.shadow(), LoadMode.PLAIN);
                memory.writeU32(bell.shadow(), stored, StoreMode.RELEASE);
                memory.fence(Fence.FULL);
                final int eventIdx = memory.readU32(bell.eventIdx(), LoadMode.ACQUIRE);
                if (first || HandRolledDrivers.Linux16.needEvent(stored, eventIdx, old)) {
                    bell.ring(value);
                }
            };
        }
    }

    /** Loads EventIdx at a queue's first update only and decides every later update on that copy. */
    public static final class CachedEventIdx extends HandRolled {
        public CachedEventIdx() {
            super("faulty-cached-eventidx-driver");
        }

        @Override
        DoorbellUpdate update() {
            final Map<Doorbell, Integer> cached = new HashMap<>();
            return (bell, value, first) -> {
                if (bell.buffers().isEmpty()) {
                    bell.ring(value);
                    return;
                }
                final HostMemory memory = bell.memory();
                final int old = memory.readU32(bell.shadow(), LoadMode.PLAIN);
                memory.writeU32(bell.shadow(), value, StoreMode.RELEASE);
                memory.fence(Fence.FULL);
                if (first || !cached.containsKey(bell.doorbell())) {
                    cached.put(bell.doorbell(), memory.readU32(bell.eventIdx(), LoadMode.ACQUIRE));
                }
                if (first || HandRolledDrivers.Linux16.needEvent(value, cached.get(bell.doorbell()), old)) {
                    bell.ring(value);
                }
            };
        }
    }

    /**
     * Takes old from a private copy that it moves only when it rings: after an update it did not ring, the window it
     * tests starts too early, and once that window spans a whole depth it reads as a short one and misses.
     */
    public static final class OldMovesOnlyOnRing extends HandRolled {
        public OldMovesOnlyOnRing() {
            super("faulty-old-moves-only-on-ring-driver");
        }

        @Override
        DoorbellUpdate update() {
            final Map<Doorbell, Integer> lastRung = new HashMap<>();
            return (bell, value, first) -> {
                if (bell.buffers().isEmpty()) {
                    bell.ring(value);
                    return;
                }
                final HostMemory memory = bell.memory();
                memory.writeU32(bell.shadow(), value, StoreMode.RELEASE);
                memory.fence(Fence.FULL);
                final int eventIdx = memory.readU32(bell.eventIdx(), LoadMode.ACQUIRE);
                final int old = first ? 0 : lastRung.getOrDefault(bell.doorbell(), 0);
                if (first || HandRolledDrivers.Linux16.needEvent(value, eventIdx, old)) {
                    bell.ring(value);
                    lastRung.put(bell.doorbell(), value);
                }
            };
        }
    }

    /** Loads "EventIdx" from the Shadow Doorbell buffer (the wrong one of the two pages): its own value comes back. */
    public static final class EventIdxFromShadowPage extends HandRolled {
        public EventIdxFromShadowPage() {
            super("faulty-eventidx-from-shadow-page-driver");
        }

        @Override
        DoorbellUpdate update() {
            return (bell, value, first) -> {
                if (bell.buffers().isEmpty()) {
                    bell.ring(value);
                    return;
                }
                final HostMemory memory = bell.memory();
                final int old = memory.readU32(bell.shadow(), LoadMode.PLAIN);
                memory.writeU32(bell.shadow(), value, StoreMode.RELEASE);
                memory.fence(Fence.FULL);
                final int eventIdx = memory.readU32(bell.shadow(), LoadMode.ACQUIRE);
                if (first || HandRolledDrivers.Linux16.needEvent(value, eventIdx, old)) {
                    bell.ring(value);
                }
            };
        }
    }

    /**
     * After Doorbell Buffer Config completed it keeps ringing every doorbell by MMIO and never stores a shadow value,
     * while reporting SHADOW (as its host does): a controller that takes the shadow entry as the doorbell never sees
     * the new tails.
     */
    public static final class MmioWhereShadowIsDue extends HandRolled {
        public MmioWhereShadowIsDue() {
            super("faulty-mmio-where-shadow-is-due-driver");
        }

        @Override
        DoorbellUpdate update() {
            return (bell, value, first) -> bell.ring(value);
        }
    }

    /** Keeps each queue's SQ tail in its CQ head entry and the CQ head in the SQ tail entry (slots swapped). */
    public static final class SwappedSlots extends HandRolled {
        public SwappedSlots() {
            super("faulty-swapped-slots-driver");
        }

        @Override
        DoorbellUpdate update() {
            final DoorbellUpdate right = new DoorbellUpdate.Shadowed(
                (newIdx, ev, oldIdx, depth) -> HandRolledDrivers.Linux16.needEvent(newIdx, ev, oldIdx));
            return (bell, value, first) -> {
                final Doorbell other = bell.doorbell() instanceof Doorbell.SubmissionTail
                    ? new Doorbell.CompletionHead(bell.doorbell().qid())
                    : new Doorbell.SubmissionTail(bell.doorbell().qid());
                final DoorbellUpdate.Bell wrong = new DoorbellUpdate.Bell(other, bell.depth(), bell.memory(),
                    bell.port(), bell.register(), bell.buffers());
                right.publish(wrong, value, first);
            };
        }
    }

    /** Stores every CQ head in its shadow entry and never writes the CQ head register, whatever EventIdx says. */
    public static final class NeverRingsCompletionHead extends HandRolled {
        public NeverRingsCompletionHead() {
            super("faulty-never-rings-cq-head-driver");
        }

        @Override
        DoorbellUpdate update() {
            final DoorbellUpdate right = new DoorbellUpdate.Shadowed(
                (newIdx, ev, oldIdx, depth) -> HandRolledDrivers.Linux16.needEvent(newIdx, ev, oldIdx));
            return (bell, value, first) -> {
                if (bell.doorbell() instanceof Doorbell.CompletionHead && bell.buffers().isPresent()) {
                    bell.memory().writeU32(bell.shadow(), value, StoreMode.RELEASE);
                    return;
                }
                right.publish(bell, value, first);
            };
        }
    }

    /**
     * Treats an EventIdx at or above the depth as corrupt and refuses the update, as a host with a range assertion
     * does: a polling controller's 0xFFFFFFFF stops every queue.
     */
    public static final class RejectsEventIdxAboveDepth extends HandRolled {
        public RejectsEventIdxAboveDepth() {
            super("faulty-rejects-poll-mode-eventidx-driver");
        }

        @Override
        DoorbellUpdate update() {
            return (bell, value, first) -> {
                if (bell.buffers().isEmpty()) {
                    bell.ring(value);
                    return;
                }
                final HostMemory memory = bell.memory();
                final int old = memory.readU32(bell.shadow(), LoadMode.PLAIN);
                memory.writeU32(bell.shadow(), value, StoreMode.RELEASE);
                memory.fence(Fence.FULL);
                final int eventIdx = memory.readU32(bell.eventIdx(), LoadMode.ACQUIRE);
                if (Integer.compareUnsigned(eventIdx, bell.depth()) >= 0) {
                    throw new IllegalStateException("EventIdx must be below the queue depth: eventIdx="
                        + Integer.toUnsignedString(eventIdx) + " depth=" + bell.depth() + " " + bell.doorbell());
                }
                if (first || HandRolledDrivers.Linux16.needEvent(value, eventIdx, old)) {
                    bell.ring(value);
                }
            };
        }
    }
}
