package dev.dbbuf.adapter.nativeabi.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.adapter.nativeabi.TestLibraries;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Judges the small C controller of src/test/c compiled with -DAUTONOMOUS, so that it runs on a thread of its own and
 * its every load, store and fence is an upcall from that native thread, with the kit's whole device suite, in a child
 * JVM, host memory observed. The weak-memory explorer, which schedules every pass of a stepped controller, is
 * NOT_APPLICABLE to it with the kit's reason (as for a QEMU device); every other requirement gets the verdict the
 * stepped build gets from the rest of the suite. (The stepped build's explorer verdicts are shown by
 * NativeDeviceConformanceTest; the exhaustive explorer is minutes of work, not repeated here.)
 */
class NativeAutonomousDeviceConformanceTest {

    private static final Map<String, String> WHOLE_SUITE = Map.of("tck.seed", "20261125");
    private static final Map<String, String> ALL_BUT_THE_EXPLORER = Map.of(
        "tck.seed", "20261125",
        KitChild.CLASSES_SETTING, String.join(",", Stream.of("Command", "EventIdx", "Isolation", "Layout", "Lifecycle",
            "Scenario", "WrapAround").map(name -> "dev.dbbuf.tck.device.Device" + name + "Verification").toList()));
    /** The rules the explorer judges on the device side: it needs a controller the kit steps. */
    private static final Set<String> EXPLORER_RULES = Set.of("DBC-ORD-003", "DBC-ORD-004", "DBC-ORD-005");

    private static VerdictJson judge(final String library, final Map<String, String> rules, final String run) {
        final NativeRun result = NativeKit.judge(TestLibraries.library(library), NativeSide.DEVICE,
            Path.of("target", "conformance", library.replaceFirst("\\.so$", "") + run), rules, Duration.ofMinutes(6));
        assertThat(result.crashes()).as("%s crashed", library).isEmpty();
        return VerdictJson.of(result.verdictFile());
    }

    @Test
    void autonomousBuildGetsTheSteppedBuildsVerdictsButTheExplorerRulesWhichAreNotApplicable() {
        final VerdictJson stepped = judge("libdevice-example.so", ALL_BUT_THE_EXPLORER, "-all-but-explorer");
        final VerdictJson autonomous = judge("libdevice-autonomous.so", WHOLE_SUITE, "-whole-suite");

        assertThat(autonomous.json()).contains("device_example.c -DAUTONOMOUS (controller thread");
        final Set<String> notApplicable = new TreeSet<>();
        final Map<String, String> differing = new LinkedHashMap<>();
        autonomous.verdicts().forEach((id, verdict) -> {
            if (verdict.equals("NOT_APPLICABLE") && autonomous.message(id).contains("ExecutionModel.Autonomous")) {
                notApplicable.add(id);
            } else if (!EXPLORER_RULES.contains(id) && !verdict.equals(stepped.verdicts().get(id))) {
                differing.put(id, "stepped " + stepped.verdicts().get(id) + ", autonomous " + verdict + ": "
                    + autonomous.message(id));
            }
        });
        assertThat(stepped.verdicts()).as("the stepped build's verdicts").isNotEmpty()
            .containsEntry("DBC-EVT-006", "PASS");
        assertThat(differing).as("requirements judged differently").isEmpty();
        assertThat(notApplicable).as("requirements the kit could not judge on an autonomous device")
            .containsExactlyInAnyOrderElementsOf(EXPLORER_RULES);
        assertThat(autonomous.message("DBC-ORD-003"))
            .contains("the device declares ExecutionModel.Autonomous; the explorer schedules every");
    }
}
