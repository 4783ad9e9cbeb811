package dev.dbbuf.tck.select;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.spec.requirement.Side;
import dev.dbbuf.spec.spi.Provider;
import dev.dbbuf.spec.spi.device.DeviceProvider;
import dev.dbbuf.spec.spi.driver.DriverProvider;
import dev.dbbuf.spec.spi.eventidx.EventIdxProvider;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * {@code KitSide} is what a verification class puts under test: a device, a driver, or an EventIdx function alone.
 * Each side has its selection property, its provider type and the requirements that bind it.
 */
@API(status = INTERNAL, since = "0.1")
public enum KitSide {
    /** A controller, selected with {@code -Dtck.device=NAME}. */
    DEVICE(DeviceProvider.class),
    /** A host driver, selected with {@code -Dtck.driver=NAME}. */
    DRIVER(DriverProvider.class),
    /** A host's EventIdx decision function alone, selected with {@code -Dtck.eventidx=NAME}. */
    EVENTIDX(EventIdxProvider.class);

    /** The provider every side selects unless told otherwise. */
    public static final String DEFAULT_PROVIDER = "reference";

    private final Class<? extends Provider> providerType;

    KitSide(final Class<? extends Provider> providerType) {
        this.providerType = providerType;
    }

    /**
     * The lower-case name used in property keys and verdict file names.
     *
     * @return "device", "driver" or "eventidx"
     */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The configuration parameter (or system property) that selects the provider.
     *
     * @return e.g. "tck.eventidx"
     */
    public String selectionProperty() {
        return "tck." + key();
    }

    /**
     * The SPI type providers of this side implement.
     *
     * @return the provider interface
     */
    public Class<? extends Provider> providerType() {
        return providerType;
    }

    /**
     * Whether a requirement binds implementations of this side, and so appears in its verdict file.
     *
     * @param requirement a catalogue entry
     * <p>The EventIdx decision rules (DBC-EVT-001/002) bind the decision function, judged on the EVENTIDX side over
     * every input; a driver's decision is not reachable through the driver SPI, so the driver side judges what it
     * does with it, at every update (DBC-EVT-003).
     *
     * @return true for the EventIdx decision rules on the EVENTIDX side, and per {@link Requirement#binds} otherwise
     */
    public boolean binds(final Requirement requirement) {
        return switch (this) {
            case DEVICE -> requirement.binds(Side.DEVICE);
            case DRIVER -> requirement.binds(Side.HOST) && !decisionRule(requirement);
            case EVENTIDX -> decisionRule(requirement);
        };
    }

    private static boolean decisionRule(final Requirement requirement) {
        return requirement == Requirement.DBC_EVT_001 || requirement == Requirement.DBC_EVT_002;
    }

    /**
     * The requirements that bind this side, in catalogue order.
     *
     * @return the binding requirements
     */
    public List<Requirement> bindingRequirements() {
        return Arrays.stream(Requirement.values()).filter(this::binds).toList();
    }
}
