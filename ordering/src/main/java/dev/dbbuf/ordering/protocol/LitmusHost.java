package dev.dbbuf.ordering.protocol;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.ordering.DoorbellPort;
import dev.dbbuf.spec.doorbell.HostShadowDoorbell;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.StoreMode;
import org.apiguardian.api.API;

/**
 * {@code LitmusHost} is the litmus model's correct host side (a model, not the reference driver), built on
 * {@link HostShadowDoorbell}: entry plain, shadow tail release, full fence, EventIdx acquire, then the MMIO write if
 * the decision says so.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class LitmusHost implements HostSide {

    @Override
    public Submitter open(final HostMemory memory, final DoorbellPort port, final QueueSetup setup) {
        final HostShadowDoorbell shadow =
            new HostShadowDoorbell(memory, setup.buffers(), setup.doorbell(), setup.depth(), setup.decision());
        final int[] tail = {0};
        return payload -> {
            // plain: published by the release store of the shadow tail in HostShadowDoorbell.update
            memory.writeU32(setup.entryAddress(tail[0]), payload, StoreMode.PLAIN);
            tail[0] = setup.next(tail[0]);
            if (shadow.update(tail[0])) {
                port.ring(tail[0]);
            }
        };
    }
}
