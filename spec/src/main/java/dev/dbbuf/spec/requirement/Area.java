package dev.dbbuf.spec.requirement;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code Area} groups requirements by the part of the protocol they govern; the kit's suites follow the same split.
 */
@API(status = STABLE, since = "0.1")
public enum Area {
    /** The Doorbell Buffer Config command: support, acceptance, rejection. */
    COMMAND("CMD"),
    /** Where entries live and how they are encoded. */
    LAYOUT("LAY"),
    /** The EventIdx rule and its arithmetic. */
    EVENTIDX("EVT"),
    /** Barriers and publication order. */
    ORDERING("ORD"),
    /** Queue creation, deletion and re-creation with shadow doorbells active. */
    LIFECYCLE("LIF"),
    /** Falling back to MMIO doorbells. */
    FALLBACK("FBK"),
    /** Controller resets. */
    RESET("RST"),
    /** The admin queue's doorbells. */
    ADMIN_QUEUE("ADM"),
    /** Who may write which memory, and what bad values do. */
    ISOLATION("ISO");

    private final String code;

    Area(final String code) {
        this.code = code;
    }

    /**
     * The three-letter code used in requirement identifiers.
     *
     * @return e.g. "CMD"
     */
    public String code() {
        return code;
    }
}
