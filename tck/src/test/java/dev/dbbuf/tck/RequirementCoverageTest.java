package dev.dbbuf.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import dev.dbbuf.spec.requirement.Level;
import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.trace.Conformance;
import dev.dbbuf.tck.verdict.Untested;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The kit's traceability rules: every requirement has a kit test or an UNTESTED entry with a reason (never both),
 * every kit test carries one {@link Verifies} and a {@code level_reqId_behaviour} name that agrees with it.
 */
class RequirementCoverageTest {

    private static final Pattern NAME = Pattern.compile(
        "^(required|optional|stochastic|untested)_(DBC_[A-Z]{3}_\\d{3})_[a-z][A-Za-z0-9]+$");

    private static final List<Method> KIT_TESTS = new ArrayList<>();

    @BeforeAll
    static void discoverTheKitAsTheSuitesDo() {
        final TestPlan plan = LauncherFactory.create().discover(LauncherDiscoveryRequestBuilder.request()
            .selectors(selectPackage("dev.dbbuf.tck"))
            .filters(includeClassNamePatterns(".*(Verification|Rules)$"))
            .build());
        final List<TestIdentifier> todo = new ArrayList<>(plan.getRoots());
        while (!todo.isEmpty()) {
            final TestIdentifier id = todo.removeLast();
            todo.addAll(plan.getChildren(id));
            id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(MethodSource::getJavaMethod).filter(m -> !KIT_TESTS.contains(m)).ifPresent(KIT_TESTS::add);
        }
    }

    @Test
    void theKitHasTests() {
        assertThat(KIT_TESTS).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void everyRequirementIsTestedOrExplicitlyUntestedButNotBoth() {
        final Set<Requirement> tested = EnumSet.noneOf(Requirement.class);
        KIT_TESTS.stream().map(m -> m.getAnnotation(Verifies.class)).filter(v -> v != null)
            .forEach(v -> tested.add(v.value()));
        for (final Requirement r : Requirement.values()) {
            assertThat(tested.contains(r) || Untested.reason(r).isPresent())
                .as("%s has no kit test and no UNTESTED entry", r.id()).isTrue();
            assertThat(tested.contains(r) && Untested.reason(r).isPresent())
                .as("%s has a kit test, so its UNTESTED entry is stale", r.id()).isFalse();
        }
    }

    @Test
    void everyUntestedReasonIsASentence() {
        Untested.all().forEach((r, reason) -> assertThat(reason).as(r.id())
            .matches("^[A-Z].{20,}\\.$"));
    }

    @Test
    void everyKitTestVerifiesOneRequirementAndIsNamedAfterIt() {
        for (final Method m : KIT_TESTS) {
            final String where = m.getDeclaringClass().getSimpleName() + "." + m.getName();
            final Verifies verifies = m.getAnnotation(Verifies.class);
            assertThat(verifies).as("%s lacks @Verifies", where).isNotNull();
            final Matcher name = NAME.matcher(m.getName());
            assertThat(name.matches()).as("%s does not follow level_reqId_behaviour", where).isTrue();
            assertThat(name.group(2)).as("%s names another requirement than it verifies", where)
                .isEqualTo(verifies.value().name());
            final Level level = verifies.value().level();
            switch (name.group(1)) {
                case "required" -> assertThat(level).as(where).isIn(Level.MUST, Level.INTEROP);
                case "optional" -> assertThat(level).as(where).isIn(Level.SHOULD, Level.MAY);
                default -> { }
            }
        }
    }

    @Test
    void everyKitClassNamesItsSideAndOnlyVerifiesRequirementsBindingIt() {
        for (final Method m : KIT_TESTS) {
            final Conformance conformance = m.getDeclaringClass().getAnnotation(Conformance.class);
            assertThat(conformance).as("%s lacks @Conformance", m.getDeclaringClass().getName()).isNotNull();
            assertThat(conformance.value().binds(m.getAnnotation(Verifies.class).value()))
                .as("%s verifies a requirement that does not bind the %s side", m.getName(), conformance.value())
                .isTrue();
        }
    }
}
