package dev.dbbuf.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import dev.dbbuf.spec.requirement.Level;
import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.select.KitSide;
import dev.dbbuf.tck.trace.Conformance;
import dev.dbbuf.tck.verdict.Untested;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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
 * every kit test carries one {@link Verifies} and a {@code level_reqId_behaviour} name that agrees with it, and every
 * requirement the kit tests on a side is shown to fail there by a faulty implementation in a proof
 * ({@link dev.dbbuf.tck.proof.ShowsFailure}), or is listed in {@link NotYetShownToFail} with a reason; the list only
 * shrinks (an entry that a proof now shows fails the build).
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
    void everyRequirementTheKitTestsIsShownToFailOnEachSideItBindsOrListedWithAReason() throws IOException {
        final Map<KitSide, Set<Requirement>> shown = ProofMarks.shownToFail();
        final List<String> neither = new ArrayList<>();
        final List<String> listedButShown = new ArrayList<>();
        for (final KitSide side : KitSide.values()) {
            for (final Requirement r : testedOn(side)) {
                final boolean isShown = shown.getOrDefault(side, Set.of()).contains(r);
                final boolean listed = NotYetShownToFail.reason(side, r).isPresent();
                if (!isShown && !listed) {
                    neither.add(side + " " + r.id());
                }
                if (isShown && listed) {
                    listedButShown.add(side + " " + r.id());
                }
            }
        }
        assertThat(neither).as("requirements the kit tests but no @ShowsFailure proof shows failing, and not listed "
            + "in NotYetShownToFail with a reason (a PASS on them proves nothing)").isEmpty();
        assertThat(listedButShown).as("requirements now shown to fail by a proof: remove them from "
            + "NotYetShownToFail").isEmpty();
    }

    @Test
    void everyNotYetShownEntryNamesARequirementTheKitTestsOnThatSideWithASentence() {
        NotYetShownToFail.all().forEach((key, reason) -> {
            assertThat(testedOn(key.side())).as("%s %s is listed but the kit does not test it on that side",
                key.side(), key.requirement().id()).contains(key.requirement());
            assertThat(reason).as(key.requirement().id()).matches("^[A-Z].{20,}\\.$");
        });
    }

    @Test
    void proofMarksNameARequirementBindingTheirSide() throws IOException {
        ProofMarks.shownToFail().forEach((side, requirements) -> assertThat(requirements)
            .as("@ShowsFailure on side %s", side).allSatisfy(r -> assertThat(side.binds(r)).isTrue()));
    }

    private static Set<Requirement> testedOn(final KitSide side) {
        final Set<Requirement> tested = EnumSet.noneOf(Requirement.class);
        for (final Method m : KIT_TESTS) {
            final Conformance conformance = m.getDeclaringClass().getAnnotation(Conformance.class);
            final Verifies verifies = m.getAnnotation(Verifies.class);
            if (conformance != null && verifies != null && conformance.value() == side
                && !m.getName().startsWith("untested_")) {
                tested.add(verifies.value());
            }
        }
        return tested;
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
