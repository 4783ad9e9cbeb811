package dev.dbbuf.tck.eventidx;

import static dev.dbbuf.spec.requirement.Requirement.DBC_EVT_001;
import static dev.dbbuf.spec.requirement.Requirement.DBC_EVT_002;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.spec.spi.eventidx.EventIdxDecision;
import dev.dbbuf.spec.spi.eventidx.EventIdxProvider;
import dev.dbbuf.tck.Verifies;
import dev.dbbuf.tck.select.KitSide;
import dev.dbbuf.tck.trace.Conformance;
import dev.dbbuf.tck.trace.KitEnvironment;
import dev.dbbuf.tck.verdict.FailureMessage;
import java.time.Duration;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.AssertionFailedError;

/**
 * {@code EventIdxArithmeticVerification} checks an {@link EventIdxDecision} against the normative rule
 * {@code (ev - old) mod N < (new - old) mod N}: DBC-EVT-001 (never miss a required ring, MUST) and DBC-EVT-002 (never
 * ring without need, SHOULD). Every batch compares each answer with the rule and files it by kind: a missed ring is
 * always DBC-EVT-001, whichever batch found it, and only an extra ring is DBC-EVT-002. A decision that rings more often
 * than required passes DBC-EVT-001 and fails only the SHOULD rule; one that never rings without need never fails
 * DBC-EVT-002.
 *
 * <h2>Settings</h2>
 * <ul>
 *   <li>{@code tck.eventidx.exhaustiveDepth} (256): every input with old != new for depths 2..this value.</li>
 *   <li>{@code tck.eventidx.samples} (1,000,000): edge-biased inputs with depths above that, up to 65536.</li>
 *   <li>{@code tck.eventidx.windows} (64): (old, new, depth) triples whose every EventIdx is asked.</li>
 *   <li>{@code tck.eventidx.translations} (200,000): pairs of inputs shifted by the same amount; a miss among them
 *       fails DBC-EVT-001, an extra ring DBC-EVT-002.</li>
 *   <li>{@code tck.timeout.ms} (5000): a call silent this long is a hang; {@code tck.eventidx.batchLimit.ms}
 *       (120000): the limit for one whole batch.</li>
 * </ul>
 * The batches shared by several tests run once per class.
 */
@API(status = INTERNAL, since = "0.1")
@Conformance(KitSide.EVENTIDX)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class EventIdxArithmeticVerification {

    private static final int DEFAULT_EXHAUSTIVE_DEPTH = 256;
    private static final String SAMPLED = "edge-biased samples above the exhaustive depth, up to 65536 "
        + "(tck.eventidx.samples)";
    private static final String WINDOWS = "every EventIdx of sampled (old, new, depth) windows (tck.eventidx.windows)";
    private static final String TRANSLATIONS = "inputs asked again shifted modulo the depth "
        + "(tck.eventidx.translations)";

    private @Nullable DecisionRun<Tally> exhaustive;
    private @Nullable DecisionRun<Tally> sampled;
    private @Nullable DecisionRun<Tally> windows;
    private @Nullable DecisionRun<Tally> translations;

    /** Creates the verification; the kit runs it through JUnit. */
    public EventIdxArithmeticVerification() {
    }

    @Test
    @Verifies(DBC_EVT_001)
    void required_DBC_EVT_001_ringsWheneverRuleRequiresForEveryInputUpToDepth256(final KitEnvironment env) {
        final Tally tally = covered(env, exhaustive(env).valueOrFail(DBC_EVT_001, subject(env)),
            "exhaustive over depths 2.." + exhaustiveDepth(env) + " (tck.eventidx.exhaustiveDepth)");
        if (tally.minimalMiss() != null) {
            throw miss(env, DBC_EVT_001, tally, "minimal counterexample, exhaustive over depths 2.."
                + exhaustiveDepth(env) + "; replay: deterministic, -Dtck.eventidx=" + env.implementation().name());
        }
    }

    @Test
    @Verifies(DBC_EVT_001)
    void stochastic_DBC_EVT_001_ringsWheneverRuleRequiresForEdgeBiasedDepthsUpTo65536(final KitEnvironment env) {
        final Tally tally = covered(env, sampled(env).valueOrFail(DBC_EVT_001, subject(env)), SAMPLED);
        if (tally.minimalMiss() != null) {
            throw miss(env, DBC_EVT_001, tally, "smallest of the failing samples above depth "
                + exhaustiveDepth(env) + "; " + env.replay());
        }
    }

    @Test
    @Verifies(DBC_EVT_001)
    void stochastic_DBC_EVT_001_everyEventIdxInsideTheWindowRings(final KitEnvironment env) {
        final Tally tally = covered(env, windows(env).valueOrFail(DBC_EVT_001, subject(env)), WINDOWS);
        if (tally.minimalMiss() != null) {
            throw miss(env, DBC_EVT_001, tally, "every ev of each sampled (old, new, depth) asked; " + env.replay());
        }
    }

    @Test
    @Verifies(DBC_EVT_002)
    void optional_DBC_EVT_002_ringsOnlyWhenRuleRequiresForEveryInputUpToDepth256(final KitEnvironment env) {
        final Tally tally = covered(env, exhaustive(env).valueOrFail(DBC_EVT_002, subject(env)),
            "exhaustive over depths 2.." + exhaustiveDepth(env) + " (tck.eventidx.exhaustiveDepth)");
        if (tally.minimalExtra() != null) {
            throw extra(env, tally, "minimal case, exhaustive over depths 2.." + exhaustiveDepth(env));
        }
    }

    @Test
    @Verifies(DBC_EVT_002)
    void stochastic_DBC_EVT_002_ringsOnlyWhenRuleRequiresForEdgeBiasedDepthsUpTo65536(final KitEnvironment env) {
        final Tally tally = covered(env, sampled(env).valueOrFail(DBC_EVT_002, subject(env)), SAMPLED);
        if (tally.minimalExtra() != null) {
            throw extra(env, tally, "smallest of the extra rings sampled; " + env.replay());
        }
    }

    @Test
    @Verifies(DBC_EVT_002)
    void stochastic_DBC_EVT_002_ringingSetHasExactlyWindowSizeElements(final KitEnvironment env) {
        final Tally tally = covered(env, windows(env).valueOrFail(DBC_EVT_002, subject(env)), WINDOWS);
        if (tally.minimalExtra() != null) {
            throw extra(env, tally, "the ringing set must be exactly the (new - old) mod N values old..new-1; "
                + env.replay());
        }
    }

    @Test
    @Verifies(DBC_EVT_001)
    void stochastic_DBC_EVT_001_ringsWheneverRuleRequiresForInputsShiftedAcrossIndexZero(final KitEnvironment env) {
        final Tally tally = covered(env, translations(env).valueOrFail(DBC_EVT_001, subject(env)), TRANSLATIONS);
        if (tally.minimalMiss() != null) {
            throw miss(env, DBC_EVT_001, tally, "smallest miss among inputs asked again shifted by the same amount "
                + "modulo the depth (old moved to index 0 for half of them); " + env.replay());
        }
    }

    @Test
    @Verifies(DBC_EVT_002)
    void stochastic_DBC_EVT_002_answerIsTranslationInvariantModuloDepth(final KitEnvironment env) {
        final Tally tally = covered(env, translations(env).valueOrFail(DBC_EVT_002, subject(env)), TRANSLATIONS);
        if (tally.minimalExtra() != null) {
            throw extra(env, tally, "smallest extra ring among inputs asked again shifted by the same amount modulo "
                + "the depth; a decision that depends on absolute positions rings without need for one of them; "
                + env.replay());
        }
    }

    /**
     * Records how many inputs a batch asked, and ends the test as UNTESTED if it asked none: a check that ran on no
     * input must not read as PASS.
     */
    private static Tally covered(final KitEnvironment env, final Tally tally, final String what) {
        env.ledger().covered("%d inputs: %s".formatted(tally.cases(), what));
        env.ledger().requireInputs(tally.cases(), what);
        return tally;
    }

    private AssertionFailedError miss(final KitEnvironment env, final Requirement requirement, final Tally tally,
                                      final String how) {
        return new AssertionFailedError(FailureMessage.of(requirement,
            subject(env) + " did not ring although the update moves the doorbell past EventIdx", "ring",
            "no ring", "at " + tally.minimalMiss() + ", " + how + "; " + tally.misses() + " of " + tally.cases()
                + " inputs missed"));
    }

    private AssertionFailedError extra(final KitEnvironment env, final Tally tally, final String how) {
        return new AssertionFailedError(FailureMessage.of(DBC_EVT_002,
            subject(env) + " rang although the update does not move the doorbell past EventIdx", "no ring",
            "ring", "at " + tally.minimalExtra() + ", " + how + "; " + tally.extras() + " of " + tally.cases()
                + " inputs rang without need; allowed by DBC-EVT-001, each costs one MMIO trap"));
    }

    private synchronized DecisionRun<Tally> exhaustive(final KitEnvironment env) {
        if (exhaustive == null) {
            final int depth = exhaustiveDepth(env);
            exhaustive = runner(env).run(decision(env), d -> Sweeps.exhaustive(d, depth));
        }
        return exhaustive;
    }

    private synchronized DecisionRun<Tally> sampled(final KitEnvironment env) {
        if (sampled == null) {
            final long count = env.longSetting("tck.eventidx.samples", 1_000_000);
            final int minDepth = Math.min(exhaustiveDepth(env) + 1, 65536);
            sampled = runner(env).run(decision(env), d -> Sweeps.sampled(d, env.random("sampled"), minDepth, count));
        }
        return sampled;
    }

    private synchronized DecisionRun<Tally> translations(final KitEnvironment env) {
        if (translations == null) {
            final long count = env.longSetting("tck.eventidx.translations", 200_000);
            translations = runner(env).run(decision(env),
                d -> Sweeps.translation(d, env.random("translation"), count));
        }
        return translations;
    }

    private synchronized DecisionRun<Tally> windows(final KitEnvironment env) {
        if (windows == null) {
            final int count = (int) env.longSetting("tck.eventidx.windows", 64);
            windows = runner(env).run(decision(env), d -> Sweeps.windows(d, env.random("windows"), count));
        }
        return windows;
    }

    private static int exhaustiveDepth(final KitEnvironment env) {
        return (int) Math.clamp(env.longSetting("tck.eventidx.exhaustiveDepth", DEFAULT_EXHAUSTIVE_DEPTH), 2, 65536);
    }

    private static DecisionRunner runner(final KitEnvironment env) {
        return new DecisionRunner(env.timeout(),
            Duration.ofMillis(env.longSetting("tck.eventidx.batchLimit.ms", 120_000)));
    }

    private static EventIdxDecision decision(final KitEnvironment env) {
        return env.provider(EventIdxProvider.class).decision();
    }

    private static String subject(final KitEnvironment env) {
        return "eventidx '" + env.implementation().name() + "'";
    }
}
