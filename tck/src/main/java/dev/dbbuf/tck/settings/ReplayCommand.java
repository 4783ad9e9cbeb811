package dev.dbbuf.tck.settings;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code ReplayCommand} is the command line that runs one kit test again, from the root of the build that ran it: the
 * module, the suite that selected the test and the test itself (surefire's {@code -Dtest=Suite,Class#method}, which
 * keeps exactly that test of the suite), the seed, and every {@code tck.*} setting the run was given.
 *
 * <p>Kit classes ship in the kit's jar, so surefire finds them only through a suite of the test tree: naming the
 * class alone matches nothing. {@code -Dsurefire.failIfNoSpecifiedTests=false} lets the upstream modules of
 * {@code -am} build without tests, and {@code -Ddbbuf.proofs.skip=true} keeps the kit module's own proofs from
 * running first.
 */
@API(status = INTERNAL, since = "0.1")
public final class ReplayCommand {

    /** The Maven property that skips the kit's proofs (tck's default-test run); other modules ignore it. */
    public static final String SKIP_PROOFS = "dbbuf.proofs.skip";

    /** The JUnit Platform suite engine's segment of a unique id: {@code [suite:dev.dbbuf.tck.SomeSuite]}. */
    private static final Pattern SUITE_SEGMENT = Pattern.compile("\\[suite:([^\\]]+)]");

    private ReplayCommand() {
    }

    /**
     * The command for a test.
     *
     * @param uniqueId  the test's unique id (it names the suite, if a suite selected it)
     * @param testClass the test's class
     * @param method    the test method's name
     * @param seed      the run's seed
     * @param lookup    the run's value of a key
     * @param moduleDir the directory the test ran in (surefire: the module's)
     * @return e.g. {@code ./mvnw -B verify -pl tck -am ... -Dtest='KitOnReferenceImplementationsTest,
     *     DeviceCommandVerification#required_DBC_CMD_003_...' -Dtck.seed=42 -Dtck.device=acme}
     */
    public static String of(final String uniqueId, final Class<?> testClass, final String method, final long seed,
                            final Function<String, Optional<String>> lookup, final Path moduleDir) {
        final String suite = suite(uniqueId);
        final String test = (suite == null ? "" : suite + ",") + testClass.getSimpleName() + "#" + method;
        final Path module = moduleDir.toAbsolutePath().normalize();
        final Path root = root(module);
        final StringBuilder command = new StringBuilder();
        if (root == null) {
            // a project of its own without the wrapper: run from its directory
            command.append("mvn -B verify");
        } else {
            command.append("./mvnw -B verify");
            if (!root.equals(module)) {
                command.append(" -pl ").append(relative(root, module)).append(" -am");
            }
        }
        command.append(" -D").append(SKIP_PROOFS).append("=true -Dsurefire.failIfNoSpecifiedTests=false")
            .append(" -Dtest='").append(test).append("' -Dtck.seed=").append(seed);
        final List<String> keys = new ArrayList<>(KitSettings.knownKeys());
        keys.remove("tck.seed");
        keys.remove("tck.conformance.dir");
        for (final String key : keys) {
            lookup.apply(key).map(String::strip).filter(v -> !v.isEmpty())
                .ifPresent(v -> command.append(" -D").append(key).append('=').append(quote(v)));
        }
        return command.toString();
    }

    private static @Nullable String suite(final String uniqueId) {
        final Matcher segment = SUITE_SEGMENT.matcher(uniqueId);
        if (!segment.find()) {
            return null;
        }
        final String suite = segment.group(1);
        return suite.substring(suite.lastIndexOf('.') + 1);
    }

    /**
     * The build the module belongs to: the nearest directory with the Maven wrapper whose pom names the module (or is
     * the module). A project outside it (an example copied under another build's target) has none.
     */
    private static @Nullable Path root(final Path module) {
        for (Path dir = module; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir.equals(module) || lists(dir, relative(dir, module)) ? dir : null;
            }
        }
        return null;
    }

    private static boolean lists(final Path root, final String module) {
        try {
            return Files.readString(root.resolve("pom.xml")).contains("<module>" + module + "</module>");
        } catch (final java.io.IOException e) {
            return false;
        }
    }

    private static String relative(final Path root, final Path module) {
        return root.relativize(module).toString().replace('\\', '/');
    }

    private static String quote(final String value) {
        return value.matches("[A-Za-z0-9._/:=+-]+") ? value : "'" + value.replace("'", "'\\''") + "'";
    }
}
