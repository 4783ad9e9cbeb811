package dev.dbbuf.tck.trace;

import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.spec.requirement.Level;
import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.spec.requirement.Source;
import dev.dbbuf.tck.Verifies;
import dev.dbbuf.tck.select.ImplementationInfo;
import io.qameta.allure.Allure;
import io.qameta.allure.SeverityLevel;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * {@code AllureTrace} labels each kit test in the Allure report from its {@link Verifies} requirement: the
 * requirement ID, a link to its catalogue entry, the area as feature, the side as epic, a severity from the level,
 * the implementation under test as top-level suite and parameter, and the seed as parameter. A failing test gets its failure message and the command
 * that replays it as an attachment.
 *
 * <p>Labels come from the catalogue, never from strings typed at the test, so report and verdict files cannot drift.
 */
@API(status = STABLE, since = "0.1")
public final class AllureTrace implements BeforeEachCallback, TestExecutionExceptionHandler {

    /** Where requirement links point; relative to the generated report in reports/target/site/allure-maven-plugin. */
    public static final String CATALOGUE_SETTING = "tck.catalogue.url";
    private static final String DEFAULT_CATALOGUE = "../../../../spec/README.md";

    @Override
    public void beforeEach(final ExtensionContext context) {
        final Verifies verifies = context.getRequiredTestMethod().getAnnotation(Verifies.class);
        if (verifies == null) {
            return;
        }
        final Requirement requirement = verifies.value();
        final String catalogue = context.getConfigurationParameter(CATALOGUE_SETTING).orElse(DEFAULT_CATALOGUE);
        Allure.label("requirement", requirement.id());
        Allure.label("tag", requirement.level().name());
        Allure.label("tag", requirement.basis().name());
        Allure.epic(switch (requirement.side()) {
            case DEVICE -> "Doorbell Buffer Config: device side";
            case HOST -> "Doorbell Buffer Config: host side";
            case BOTH -> "Doorbell Buffer Config: both sides";
        });
        Allure.feature(requirement.area().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        Allure.story(requirement.id() + " " + requirement.statement());
        Allure.label("severity", severity(requirement.level()).value());
        Allure.link(requirement.id(), catalogue + "#" + requirement.id());
        Allure.description(requirement.statement() + "\n\n" + requirement.level() + " on basis " + requirement.basis()
            + ": " + requirement.rationale() + " Sources (spec/SOURCES.md): " + requirement.sources().stream()
                .map(Source::key).collect(Collectors.joining(", ")) + ".\n\nIf this fails, check: "
            + requirement.ifFailsCheck());
        final ImplementationInfo implementation = ConformanceExtension.implementation(context);
        if (implementation != null) {
            // one top-level suite per implementation, so two devices judged in one run are not interleaved
            Allure.label("parentSuite", implementation.side().key() + " " + implementation.name());
            Allure.parameter("implementation", "%s %s %s".formatted(implementation.side().key(), implementation.name(),
                implementation.version()));
        }
        Allure.parameter("seed", ConformanceExtension.seed(context));
    }

    @Override
    public void handleTestExecutionException(final ExtensionContext context, final Throwable throwable)
        throws Throwable {
        final ImplementationInfo implementation = ConformanceExtension.implementation(context);
        final String selection = implementation == null ? ""
            : " -D%s=%s".formatted(implementation.side().selectionProperty(), implementation.name());
        Allure.addAttachment("failure and replay", "text/plain",
            "%s%n%nReplay: ./mvnw -B verify -pl tck -am -Dtck.seed=%d%s -Dtest=%s%n".formatted(
                String.valueOf(throwable.getMessage()), ConformanceExtension.seed(context), selection,
                context.getRequiredTestClass().getSimpleName()));
        throw throwable;
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
