package dev.dbbuf.tck.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.spec.requirement.Requirement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The shrinker reduces a failing scenario to the minimal one, keeps the failing requirement, and stops at its budget.
 */
class ShrinkerTest {

    /** Fails (DBC-EVT-008) once two submissions of 5 or more commands follow a queue pair creation. */
    private static Optional<ScenarioFailure> twoLargeSubmissionsAfterACreate(final Scenario scenario) {
        boolean created = false;
        int large = 0;
        for (int i = 0; i < scenario.steps().size(); i++) {
            final Step step = scenario.steps().get(i);
            if (step instanceof Step.CreateQueuePair) {
                created = true;
            } else if (created && step instanceof Step.Submit submit && submit.count() >= 5 && ++large == 2) {
                return Optional.of(new ScenarioFailure(Requirement.DBC_EVT_008, "DBC-EVT-008: lost", i));
            }
        }
        return Optional.empty();
    }

    private static Scenario failingScenario() {
        final GeneratorProfile profile = new GeneratorProfile(4099, 4, 60, 60, true, List.of());
        for (int index = 0; ; index++) {
            final Scenario scenario = new ScenarioGenerator(profile).generate(index, new SplittableRandom(index));
            if (twoLargeSubmissionsAfterACreate(scenario).isPresent()) {
                return scenario;
            }
        }
    }

    @Test
    void shrinksToTheMinimalScenarioWithTheSmallestCountsAndDepth() {
        final Scenario failing = failingScenario();
        final Shrinker.Shrunk shrunk = new Shrinker(ShrinkerTest::twoLargeSubmissionsAfterACreate, 1000,
            Duration.ofSeconds(10)).shrink(failing, twoLargeSubmissionsAfterACreate(failing).orElseThrow());

        assertThat(failing.steps()).hasSizeGreaterThan(3);
        assertThat(shrunk.scenario().steps()).containsExactly(new Step.CreateQueuePair(2), new Step.Submit(0, 5),
            new Step.Submit(0, 5));
        assertThat(shrunk.minimal()).isTrue();
        assertThat(shrunk.failure().requirement()).isEqualTo(Requirement.DBC_EVT_008);
        assertThat(shrunk.scenario().lines()).isEqualTo(
            "\n  1. create queue pair depth=2\n  2. submit pair #0 count=5\n  3. submit pair #0 count=5");
    }

    @Test
    void candidatesFailingAnotherRequirementAreNotTaken() {
        final List<Step> steps = new ArrayList<>(List.of(new Step.CreateQueuePair(7), new Step.Submit(0, 3),
            new Step.ResetController(), new Step.Submit(0, 3)));
        final Scenario scenario = new Scenario(0, null, steps);
        // the whole scenario fails RST-001; any shorter one fails EVT-008 instead
        final Shrinker.Shrunk shrunk = new Shrinker(s -> Optional.of(new ScenarioFailure(
            s.steps().size() == 4 ? Requirement.DBC_RST_001 : Requirement.DBC_EVT_008, "x", s.steps().size())), 100,
            Duration.ofSeconds(5)).shrink(scenario, new ScenarioFailure(Requirement.DBC_RST_001, "x", 4));

        assertThat(shrunk.scenario().steps()).hasSize(4);
        assertThat(shrunk.failure().requirement()).isEqualTo(Requirement.DBC_RST_001);
    }

    @Test
    void stopsWhenTheReplayBudgetIsSpent() {
        final Scenario failing = failingScenario();
        final Shrinker.Shrunk shrunk = new Shrinker(ShrinkerTest::twoLargeSubmissionsAfterACreate, 3,
            Duration.ofSeconds(10)).shrink(failing, twoLargeSubmissionsAfterACreate(failing).orElseThrow());

        assertThat(shrunk.replays()).isEqualTo(3);
        assertThat(shrunk.minimal()).isFalse();
        assertThat(twoLargeSubmissionsAfterACreate(shrunk.scenario())).isPresent();
    }

    @Test
    void theSameSeedGeneratesTheSameScenario() {
        final GeneratorProfile profile = new GeneratorProfile(4099, 4, 8, 48, true, List.of());
        final ScenarioGenerator generator = new ScenarioGenerator(profile);

        assertThat(generator.generate(7, new SplittableRandom(42))).isEqualTo(
            generator.generate(7, new SplittableRandom(42)));
        assertThat(generator.generate(7, new SplittableRandom(42))).isNotEqualTo(
            generator.generate(7, new SplittableRandom(43)));
    }
}
