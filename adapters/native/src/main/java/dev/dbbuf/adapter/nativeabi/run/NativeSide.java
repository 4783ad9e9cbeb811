package dev.dbbuf.adapter.nativeabi.run;

import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.tck.device.DeviceConformanceSuite;
import dev.dbbuf.tck.driver.DriverConformanceSuite;
import dev.dbbuf.tck.eventidx.EventIdxArithmeticSuite;
import org.apiguardian.api.API;

/**
 * {@code NativeSide} is a side of {@code dbbuf_tck.h} a library can be judged as, with the kit suite that judges it.
 */
@API(status = STABLE, since = "0.1")
public enum NativeSide {
    /** {@code dbbuf_tck_eventidx_must_ring}, judged by the EventIdx arithmetic suite. */
    EVENTIDX("eventidx", EventIdxArithmeticSuite.class),
    /** The {@code dbbuf_tck_device_*} controller, judged by the device conformance suite. */
    DEVICE("device", DeviceConformanceSuite.class),
    /** The {@code dbbuf_tck_driver_*} host driver, judged by the driver conformance suite against the probe device. */
    DRIVER("driver", DriverConformanceSuite.class);

    private final String key;
    private final Class<?> suite;

    NativeSide(final String key, final Class<?> suite) {
        this.key = key;
        this.suite = suite;
    }

    /**
     * The side's name in settings and verdict files.
     *
     * @return e.g. "eventidx"
     */
    public String key() {
        return key;
    }

    /**
     * The kit suite for the side.
     *
     * @return its class
     */
    public Class<?> suite() {
        return suite;
    }

    /**
     * The side named by a key.
     *
     * @param key e.g. "eventidx"
     * @return the side
     * @throws IllegalArgumentException listing the sides, if none has that key
     */
    public static NativeSide of(final String key) {
        for (final NativeSide side : values()) {
            if (side.key.equals(key)) {
                return side;
            }
        }
        throw new IllegalArgumentException("no native side named '" + key + "'; sides: "
            + java.util.Arrays.stream(values()).map(NativeSide::key).toList());
    }
}
