package dev.dbbuf.ordering.protocol;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.ordering.DoorbellPort;
import dev.dbbuf.spec.doorbell.ControllerShadowDoorbell;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import org.apiguardian.api.API;

/**
 * {@code LitmusDevice} is the litmus model's correct device side (a model, not the reference device), built on
 * {@link ControllerShadowDoorbell}: acquire the shadow tail, fetch entries up to it, publish EventIdx = head with a
 * full fence and re-read the tail; go idle only when the tail has not moved.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class LitmusDevice implements DeviceSide {

    @Override
    public void serve(final HostMemory memory, final DoorbellPort port, final QueueSetup setup, final EntrySink sink) {
        final ControllerShadowDoorbell shadow = new ControllerShadowDoorbell(memory, setup.buffers(), setup.doorbell());
        int head = 0;
        while (true) {
            port.awaitRing();
            int tail = shadow.readShadow();
            while (tail != head) {
                if (Integer.compareUnsigned(tail, setup.depth()) >= 0) {
                    break;
                }
                while (head != tail) {
                    // plain: covered by the acquire load of the shadow tail above
                    sink.fetched(head, memory.readU32(setup.entryAddress(head), LoadMode.PLAIN));
                    head = setup.next(head);
                }
                tail = shadow.publishEventIdx(head);
            }
        }
    }
}
