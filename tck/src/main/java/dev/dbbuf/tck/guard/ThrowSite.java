package dev.dbbuf.tck.guard;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.security.CodeSource;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code ThrowSite} says whose code threw an exception that reached a kit test unwrapped: the kit's own (a KIT_ERROR,
 * nothing concluded about the implementation) or the implementation's (its failure).
 *
 * <p>It walks the stack from the throw outwards to the first frame loaded from where the kit's classes or the
 * implementation's provider class come from, skipping everything else: the JDK (an {@code UnsatisfiedLinkError} is
 * thrown by the JVM on the plug-in's behalf), the shared {@code spec} module, and libraries either may call. A throw
 * in the kit's probe device or probe host counts as the kit's.
 *
 * @param kit   whether the kit's code threw
 * @param frame the deciding frame, or {@code null} if none could be placed
 */
@API(status = INTERNAL, since = "0.2")
public record ThrowSite(boolean kit, @Nullable StackTraceElement frame) {

    // the kit's own classes: where this class was loaded from

    private static final @Nullable CodeSource KIT = ThrowSite.class.getProtectionDomain().getCodeSource();

    /**
     * Finds who threw.
     *
     * @param thrown         the exception
     * @param implementation the provider class of the implementation under test
     * @return the site; the kit if no frame can be placed
     */
    public static ThrowSite of(final Throwable thrown, final Class<?> implementation) {
        final CodeSource plugin = implementation.getProtectionDomain().getCodeSource();
        for (final StackTraceElement frame : thrown.getStackTrace()) {
            final Optional<Class<?>> type = load(frame.getClassName(), implementation.getClassLoader());
            if (type.isEmpty()) {
                continue;
            }
            final CodeSource source = type.get().getProtectionDomain().getCodeSource();
            if (source == null) {
                continue;
            }
            if (sameLocation(source, plugin) && !sameLocation(source, KIT)) {
                return new ThrowSite(false, frame);
            }
            if (sameLocation(source, KIT)) {
                return new ThrowSite(true, frame);
            }
        }
        return new ThrowSite(true, null);
    }

    /**
     * Where it was thrown, for a message.
     *
     * @return e.g. "dev.example.Device.step(Device.java:42)", or "an unknown frame"
     */
    public String where() {
        return frame == null ? "an unknown frame" : frame.toString();
    }

    private static Optional<Class<?>> load(final String name, final @Nullable ClassLoader loader) {
        try {
            return Optional.of(Class.forName(name, false, loader));
        } catch (final ClassNotFoundException | LinkageError e) {
            // a hidden class (a lambda's) cannot be loaded by name: the next frame names its owner
            return Optional.empty();
        }
    }

    private static boolean sameLocation(final CodeSource source, final @Nullable CodeSource other) {
        return other != null && Objects.equals(source.getLocation(), other.getLocation());
    }
}
