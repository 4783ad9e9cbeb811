package dev.dbbuf.adapter.nativeabi;

import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.spec.spi.ProviderException;
import java.util.Arrays;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * {@code NativeMemoryMode} is how a native device reaches host memory, chosen with {@value #SETTING}.
 */
@API(status = STABLE, since = "0.1")
public enum NativeMemoryMode {
    /** Every load, store and fence is an upcall into the kit's host memory: the kit sees and checks each access. */
    OBSERVED,
    /**
     * The device provides one native block of {@value #DIRECT_BYTES} bytes that the kit allocates in and the
     * library reads and writes in place: judged by memory contents, as a device model on guest RAM.
     */
    DIRECT;

    /** The system property naming the mode; {@code observed} by default. */
    public static final String SETTING = "tck.native.memory";
    /** Size of the direct block: the kit's probe host memory. */
    public static final long DIRECT_BYTES = 16L << 20;

    /**
     * The mode the settings name.
     *
     * @return the mode
     * @throws ProviderException naming the values, if the setting names none
     */
    public static NativeMemoryMode fromSettings() {
        final String value = System.getProperty(SETTING, "observed").strip().toUpperCase(Locale.ROOT);
        try {
            return valueOf(value);
        } catch (final IllegalArgumentException e) {
            throw new ProviderException(SETTING + "=" + System.getProperty(SETTING) + " names no memory mode; modes: "
                + Arrays.stream(values()).map(m -> m.name().toLowerCase(Locale.ROOT)).toList(), null);
        }
    }
}
