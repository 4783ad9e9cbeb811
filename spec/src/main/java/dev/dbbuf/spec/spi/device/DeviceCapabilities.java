package dev.dbbuf.spec.spi.device;

import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.spec.spi.AdminQueueStyle;
import java.util.EnumSet;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * {@code DeviceCapabilities} is what a device under test declares up front. The kit checks the declaration against
 * the device's registers and Identify data before any rule test, and skips a test only when a capability it needs is
 * not declared, naming the capability.
 *
 * @param doorbellBufferConfig whether the device implements Doorbell Buffer Config (and sets OACS bit 8)
 * @param eventIdxPolicy       how it chooses EventIdx values
 * @param adminQueueStyles     the host styles of admin-queue ringing it supports (a conforming device: both)
 * @param subsystemReset       whether it implements NVM Subsystem Reset through NSSR
 */
@API(status = STABLE, since = "0.1")
public record DeviceCapabilities(boolean doorbellBufferConfig, EventIdxPolicy eventIdxPolicy,
                                 Set<AdminQueueStyle> adminQueueStyles, boolean subsystemReset) {

    /**
     * Copies the set.
     */
    public DeviceCapabilities {
        adminQueueStyles = adminQueueStyles.isEmpty()
            ? Set.of() : Set.copyOf(EnumSet.copyOf(adminQueueStyles));
    }

    /**
     * A device with Doorbell Buffer Config that supports both admin queue styles.
     *
     * @param policy its EventIdx policy
     * @return the capabilities, without subsystem reset
     */
    public static DeviceCapabilities full(final EventIdxPolicy policy) {
        return new DeviceCapabilities(true, policy, EnumSet.allOf(AdminQueueStyle.class), false);
    }
}
