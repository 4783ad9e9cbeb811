package dev.dbbuf.adapter.nativeabi;

import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.spec.spi.driver.DriverConfiguration;
import dev.dbbuf.spec.spi.driver.DriverProvider;
import dev.dbbuf.spec.spi.driver.DriverUnderTest;
import org.apiguardian.api.API;

/**
 * {@code NativeDriverProvider} is the driver provider {@code native}: the host driver of the library named by
 * {@code -Dtck.native.library}, given the kit's controller port and allocator as callbacks and host memory in
 * observed mode (every access an upcall into the kit) or, with {@code -Dtck.native.memory=direct}, direct mode (one
 * native block the driver reads and writes in place).
 *
 * <p>The library and every driver function are looked up when the kit asks for the provider's version (as it
 * selects the provider), so a missing library, symbol or ABI version fails every test with the loader's message.
 */
@API(status = STABLE, since = "0.1")
public final class NativeDriverProvider implements DriverProvider {

    /** Creates the provider; ServiceLoader does, for every run, so nothing is loaded here. */
    public NativeDriverProvider() {
    }

    @Override
    public String name() {
        return "native";
    }

    @Override
    public String version() {
        final NativeLibrary library = NativeLibrary.selected();
        NativeDriverFunctions.of(library);
        return "ABI " + NativeLibrary.ABI_VERSION + ", " + library.implementation();
    }

    @Override
    public String description() {
        return "the dbbuf_tck_driver_* host driver of " + NativeLibrary.selected().path()
            + ", controller port and allocator as callbacks, host memory "
            + (NativeMemoryMode.fromSettings() == NativeMemoryMode.DIRECT
            ? "direct (one native block the driver reads and writes in place)" : "observed through upcalls");
    }

    @Override
    public DriverUnderTest create(final DriverConfiguration configuration) {
        final NativeLibrary library = NativeLibrary.selected();
        return new NativeDriver(library, NativeDriverFunctions.of(library), configuration,
            NativeMemoryMode.fromSettings());
    }
}
