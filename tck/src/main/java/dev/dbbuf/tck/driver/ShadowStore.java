package dev.dbbuf.tck.driver;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.layout.Doorbell;
import org.apiguardian.api.API;

/**
 * {@code ShadowStore} is one host store into a doorbell's Shadow Doorbell entry, as the {@link DoorbellObserver}
 * sees it before the value reaches memory; every rule checker judges the same store.
 *
 * @param doorbell        the doorbell whose entry is written
 * @param where           the doorbell and the entry's address, for messages
 * @param eventIdxAddress the address of the doorbell's EventIdx entry
 * @param oldValue        the entry's value before the store
 * @param newValue        the value stored
 * @param depth           the depth of the doorbell's queue, 0 if the queue does not exist
 */
@API(status = INTERNAL, since = "0.1")
record ShadowStore(Doorbell doorbell, String where, long eventIdxAddress, int oldValue, int newValue, int depth) {

    /**
     * Whether the store moves an existing queue's doorbell from one index to another: an update the EventIdx rule
     * judges.
     *
     * @return true for an update
     */
    boolean update() {
        return depth > 0 && oldValue != newValue && Integer.compareUnsigned(oldValue, depth) < 0
            && Integer.compareUnsigned(newValue, depth) < 0;
    }
}
