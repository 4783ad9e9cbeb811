package dev.dbbuf.adapter.nativeabi;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.trace.KitEnvironment;
import dev.dbbuf.tck.verdict.FailureMessage;
import java.nio.file.Path;
import java.time.Duration;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Assumptions;
import org.opentest4j.AssertionFailedError;

/**
 * {@code RealThreadStressJudgement} turns a {@link RealThreadStress} run into the verdict of the side under test: the
 * library selected with {@value NativeLibrary#LIBRARY_SETTING}, raced against the correct partner of the other side
 * named by {@value #PARTNER_SETTING}. With a partner that has its full fence, a lost doorbell is the full fence
 * missing on the side under test: with one fence in the store-buffering pair, both sides can still read stale
 * values, with both they cannot.
 */
@API(status = INTERNAL, since = "0.1")
final class RealThreadStressJudgement {

    /** The partner library: an autonomous controller for a driver under test, a host driver for a controller. */
    static final String PARTNER_SETTING = "tck.native.stress.partner";
    /** How long the driver keeps submitting, in seconds. */
    static final String SECONDS_SETTING = "tck.native.stress.seconds";
    /** Depth of the raced queue pair. */
    static final String DEPTH_SETTING = "tck.native.stress.depth";
    /** Submissions stop after this many lost doorbells. */
    static final String LOSSES_SETTING = "tck.native.stress.losses";
    /** The longest pause between the two submissions of a pair, in nanoseconds. */
    static final String JITTER_SETTING = "tck.native.stress.jitter";
    private static final long DEFAULT_SECONDS = 20;
    private static final long DEFAULT_DEPTH = 64;
    private static final long DEFAULT_LOSSES = 3;
    /**
     * Longer than the spread between the controller's EventIdx store after a ring and the driver's return from that
     * ring (measured on x86-64: the store came first in about 70% of pairs, 400 to 800 ns after it in about 20%), so
     * that the pauses sweep the driver's next shadow store across the controller's pass; in one 5 s run each, maxima
     * of 0, 500, 1000, 1500 and 3000 ns all caught the controller without its fence, 3000 ns the least often. The seed
     * replays the pauses, not the threads' timing.
     */
    private static final long DEFAULT_JITTER_NS = 1000;
    /**
     * Far beyond a scheduling delay (a controller thread preempted between its EventIdx store and its shadow reload
     * on an overloaded machine shows the same values in memory for a while), below the bounded park of the
     * event-driven example controller (10 s), after which it would find the doorbell itself.
     */
    private static final Duration STALL = Duration.ofSeconds(3);

    private RealThreadStressJudgement() {
    }

    /**
     * Runs the stress and fails the requirement if a doorbell was lost.
     *
     * @param env            the kit environment
     * @param requirement    the full fence of the side under test
     * @param underTestIsHost whether the selected library is the host driver (else it is the controller)
     */
    static void judge(final KitEnvironment env, final Requirement requirement, final boolean underTestIsHost) {
        final String partner = env.setting(PARTNER_SETTING, "");
        Assumptions.assumeFalse(partner.isBlank(), () -> requirement.id() + " by a real-thread stress run needs a"
            + " correct partner of the other side: set " + PARTNER_SETTING + " to a library of "
            + (underTestIsHost ? "an autonomous controller" : "a host driver") + " with its full fence");
        final NativeLibrary underTest = NativeLibrary.selected();
        final NativeLibrary other = NativeLibrary.open(Path.of(partner));
        final RealThreadStress.Limits limits = new RealThreadStress.Limits(
            Duration.ofSeconds(env.longSetting(SECONDS_SETTING, DEFAULT_SECONDS)),
            (int) env.longSetting(LOSSES_SETTING, DEFAULT_LOSSES), STALL, env.timeout(),
            Duration.ofNanos(env.longSetting(JITTER_SETTING, DEFAULT_JITTER_NS)));
        final String subject = (underTestIsHost ? "host driver " : "controller ") + underTest.implementation()
            + " on a real thread against " + other.implementation() + ", direct mode";
        final StressOutcome outcome;
        try (RealThreadStress stress = new RealThreadStress(underTestIsHost ? other : underTest,
            underTestIsHost ? underTest : other, (int) env.longSetting(DEPTH_SETTING, DEFAULT_DEPTH), env.timeout())) {
            outcome = stress.run(limits, env.random("native-stress"));
        }
        System.out.println(requirement.id() + " real-thread stress: " + subject + ": " + outcome.summary() + "; "
            + env.replay());
        if (!outcome.lost().isEmpty()) {
            throw new AssertionFailedError(FailureMessage.withNote(FailureMessage.of(requirement, subject,
                "no lost doorbell", outcome.summary(), "first: " + outcome.lost().getFirst()), "[a doorbell lost on"
                + " real threads is a missing full fence when the ring decision itself is right: "
                + (underTestIsHost ? "DBC-EVT-003 is judged by the driver suite" : "DBC-EVT-006 and DBC-EVT-007 are"
                + " judged by the device suite") + "]"));
        }
        env.ledger().covered("no lost doorbell observed in " + outcome.submissions() + " submissions on real threads ("
            + outcome.summary() + "); a stress run shows a missing fence only when the hardware reorders within the"
            + " run, so this is not a proof that the fence is there");
    }
}
