package dev.dbbuf.tck.trace;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.requirement.Level;
import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.spec.requirement.Source;
import dev.dbbuf.tck.Verifies;
import dev.dbbuf.tck.select.ImplementationInfo;
import dev.dbbuf.tck.settings.ReplayCommand;
import io.qameta.allure.Allure;
import io.qameta.allure.SeverityLevel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * {@code AllureTrace} labels each kit test in the Allure results from its {@link Verifies} requirement: the
 * requirement ID, the implementation under test as top-level suite and as epic (so two implementations judged in one
 * run never share a tree node, in the Suites or the Behaviors view), the requirement's area as feature, the
 * requirement as story, a severity from the level, the catalogue entry as description, and the seed as parameter. A
 * test that fails or is skipped with a finding gets its message and the command that replays it, which is also
 * printed.
 *
 * <p>Labels come from the catalogue, never from strings typed at the test, so report and verdict files cannot drift.
 * The conformance report of this repository is built from the verdict files ({@code reports} module), one Allure test
 * per requirement; these per-test results serve projects that feed the kit's run to their own Allure.
 */
@API(status = INTERNAL, since = "0.1")
public final class AllureTrace implements BeforeEachCallback, TestExecutionExceptionHandler {

    /** Where requirement links point, when set; otherwise the description carries the catalogue entry. */
    public static final String CATALOGUE_SETTING = "tck.catalogue.url";

    @Override
    public void beforeEach(final ExtensionContext context) {
        final Verifies verifies = context.getRequiredTestMethod().getAnnotation(Verifies.class);
        if (verifies == null) {
            return;
        }
        final Requirement requirement = verifies.value();
        Allure.label("requirement", requirement.id());
        Allure.label("tag", requirement.level().name());
        Allure.label("tag", requirement.basis().name());
        final ImplementationInfo implementation = ConformanceExtension.implementation(context);
        final String unit = implementation == null ? "kit" : "%s %s %s".formatted(implementation.side().key(),
            implementation.name(), implementation.version());
        // one top-level suite and one epic per implementation, so two devices judged in one run are not interleaved
        Allure.label("parentSuite", unit);
        Allure.epic(unit);
        Allure.feature(requirement.area().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        Allure.story(requirement.id() + " " + requirement.statement());
        Allure.label("severity", severity(requirement.level()).value());
        context.getConfigurationParameter(CATALOGUE_SETTING)
            .ifPresent(catalogue -> Allure.link(requirement.id(), catalogue + "#" + requirement.id()));
        Allure.description("%s (%s on basis %s, %s side): %s%n%n%s Sources (spec/SOURCES.md): %s.%n%nIf this fails, check: %s"
            .formatted(requirement.id(), requirement.level(), requirement.basis(),
                requirement.side().name().toLowerCase(Locale.ROOT), requirement.statement(), requirement.rationale(),
                requirement.sources().stream().map(Source::key).collect(Collectors.joining(", ")),
                requirement.ifFailsCheck()));
        if (implementation != null) {
            Allure.parameter("implementation", unit);
        }
        Allure.parameter("seed", ConformanceExtension.seed(context));
    }

    @Override
    public void handleTestExecutionException(final ExtensionContext context, final Throwable throwable)
        throws Throwable {
        final String replay = replay(context);
        System.out.printf("dbbuf-tck replay %s.%s: %s%n", context.getRequiredTestClass().getSimpleName(),
            context.getRequiredTestMethod().getName(), replay);
        Allure.addAttachment(throwable instanceof TestAbortedException ? "finding and replay" : "failure and replay",
            "text/plain", "%s%n%nReplay (from the repository root): %s%n".formatted(
                String.valueOf(throwable.getMessage()), replay));
        throw throwable;
    }

    /**
     * The command that replays a test, as the kit prints it.
     *
     * @param context the test's context
     * @return the command line
     */
    static String replay(final ExtensionContext context) {
        return ReplayCommand.of(context.getUniqueId(), context.getRequiredTestClass(),
            context.getRequiredTestMethod().getName(), ConformanceExtension.seed(context),
            context::getConfigurationParameter, Path.of(System.getProperty("user.dir", ".")));
    }

    private static SeverityLevel severity(final Level level) {
        return switch (level) {
            case MUST -> SeverityLevel.BLOCKER;
            case INTEROP -> SeverityLevel.CRITICAL;
            case SHOULD -> SeverityLevel.NORMAL;
            case MAY -> SeverityLevel.MINOR;
        };
    }
}
