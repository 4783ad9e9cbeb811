package dev.dbbuf.adapter.nativeabi;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.spec.spi.eventidx.EventIdxDecision;
import dev.dbbuf.spec.spi.eventidx.EventIdxProvider;
import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;
import org.apiguardian.api.API;

/**
 * {@code NativeEventIdxProvider} is the EventIdx provider {@code native}: the
 * {@code dbbuf_tck_eventidx_must_ring} of the library named by {@code -Dtck.native.library}.
 *
 * <p>The library is loaded when the kit first asks for the provider's version (as it selects the provider), so a
 * missing library, symbol or ABI version fails every test of the run with the loader's message.
 */
@API(status = STABLE, since = "0.1")
public final class NativeEventIdxProvider implements EventIdxProvider {

    private static final FunctionDescriptor MUST_RING = FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT,
        JAVA_INT);

    /** Creates the provider; ServiceLoader does, for every run, so nothing is loaded here. */
    public NativeEventIdxProvider() {
    }

    @Override
    public String name() {
        return "native";
    }

    @Override
    public String version() {
        return "ABI " + NativeLibrary.ABI_VERSION + ", " + NativeLibrary.selected().implementation();
    }

    @Override
    public String description() {
        return "dbbuf_tck_eventidx_must_ring() of " + NativeLibrary.selected().path();
    }

    @Override
    public EventIdxDecision decision() {
        final NativeLibrary library = NativeLibrary.selected();
        final MethodHandle mustRing = library.function(NativeFunction.EVENTIDX_MUST_RING, MUST_RING, "EventIdx");
        final CallLog calls = library.calls();
        final KnownCrashes crashes = library.crashes();
        return (oldValue, newValue, eventIdx, depth) -> {
            if (!crashes.isEmpty()) {
                crashes.check(NativeFunction.EVENTIDX_MUST_RING);
            }
            calls.enter(NativeFunction.EVENTIDX_MUST_RING, oldValue, newValue, eventIdx, depth);
            final int answer;
            try {
                answer = (int) mustRing.invokeExact(oldValue, newValue, eventIdx, depth);
            } catch (final Throwable e) {
                throw new IllegalStateException("downcall failed: " + e, e);
            }
            calls.exit();
            return answer != 0;
        };
    }
}
