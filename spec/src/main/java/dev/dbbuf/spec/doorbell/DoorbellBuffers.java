package dev.dbbuf.spec.doorbell;

import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.layout.DoorbellLayout;
import org.apiguardian.api.API;

/**
 * {@code DoorbellBuffers} is a Doorbell Buffer Config pair: where the Shadow Doorbell buffer (PRP1) and the EventIdx
 * buffer (PRP2) are, and the stride that places entries in them.
 *
 * @param shadowBase   guest-physical address of the Shadow Doorbell buffer
 * @param eventIdxBase guest-physical address of the EventIdx buffer
 * @param dstrd        CAP.DSTRD of the controller
 */
@API(status = STABLE, since = "0.1")
public record DoorbellBuffers(long shadowBase, long eventIdxBase, int dstrd) {

    /**
     * Address of a doorbell's entry in the Shadow Doorbell buffer.
     *
     * @param doorbell which doorbell
     * @return guest-physical address
     */
    public long shadowAddress(final Doorbell doorbell) {
        return shadowBase + DoorbellLayout.entryOffset(doorbell, dstrd);
    }

    /**
     * Address of a doorbell's entry in the EventIdx buffer.
     *
     * @param doorbell which doorbell
     * @return guest-physical address
     */
    public long eventIdxAddress(final Doorbell doorbell) {
        return eventIdxBase + DoorbellLayout.entryOffset(doorbell, dstrd);
    }
}
