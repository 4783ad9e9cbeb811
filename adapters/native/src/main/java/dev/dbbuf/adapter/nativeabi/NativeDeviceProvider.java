package dev.dbbuf.adapter.nativeabi;

import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.DeviceProvider;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import org.apiguardian.api.API;

/**
 * {@code NativeDeviceProvider} is the device provider {@code native}: the controller of the library named by
 * {@code -Dtck.native.library}, stepped or on a thread of its own as it declares, with host memory in observed mode
 * (every access an upcall into the kit) or, with {@code -Dtck.native.memory=direct}, in direct mode (a native block
 * the library reads and writes in place).
 *
 * <p>The library and every device function are looked up when the kit asks for the provider's version (as it
 * selects the provider), so a missing library, symbol or ABI version fails every test with the loader's message.
 */
@API(status = STABLE, since = "0.1")
public final class NativeDeviceProvider implements DeviceProvider {

    /** Creates the provider; ServiceLoader does, for every run, so nothing is loaded here. */
    public NativeDeviceProvider() {
    }

    @Override
    public String name() {
        return "native";
    }

    @Override
    public String version() {
        final NativeLibrary library = NativeLibrary.selected();
        NativeDeviceFunctions.of(library);
        return "ABI " + NativeLibrary.ABI_VERSION + ", " + library.implementation();
    }

    @Override
    public String description() {
        return "the dbbuf_tck_device_* controller of " + NativeLibrary.selected().path()
            + ", stepped or autonomous as it declares, "
            + (NativeMemoryMode.fromSettings() == NativeMemoryMode.DIRECT
            ? "host memory direct (a native block it reads and writes in place; judged by content)"
            : "host memory observed through upcalls");
    }

    @Override
    public DeviceUnderTest create(final DeviceConfiguration configuration) {
        final NativeLibrary library = NativeLibrary.selected();
        return new NativeDevice(library, NativeDeviceFunctions.of(library), configuration,
            NativeMemoryMode.fromSettings());
    }
}
