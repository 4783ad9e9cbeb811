package dev.dbbuf.tck.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.device.ReferenceDeviceProvider;
import dev.dbbuf.tck.select.ImplementationInfo;
import dev.dbbuf.tck.select.KitSide;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A mutation tool runs a test against a mutant only if that test ran the mutated code on the unmutated implementation:
 * with {@code tck.share=test} each test computes the exploration it judges, so none is credited to another test.
 */
class KitEnvironmentShareTest {

    private final Map<String, Object> launcherRun = new ConcurrentHashMap<>();
    private final AtomicInteger computed = new AtomicInteger();

    @Test
    void byDefaultTheFirstTestComputesAndTheOthersOfTheRunReuse() {
        exploreInTest("a", Map.of());
        exploreInTest("b", Map.of());

        assertThat(computed).hasValue(1);
    }

    @Test
    void withShareTestEveryTestComputesItsOwnOncePerTest() {
        final Map<String, String> perTest = Map.of(KitEnvironment.SHARE_SETTING, KitEnvironment.SHARE_PER_TEST);
        final KitEnvironment first = exploreInTest("a", perTest);
        first.runShared(KitEnvironmentShareTest.class, "exploration", key -> computed.incrementAndGet());
        exploreInTest("b", perTest);

        assertThat(computed).hasValue(2);
        assertThat(launcherRun).isEmpty();
    }

    private KitEnvironment exploreInTest(final String test, final Map<String, String> settings) {
        final ReferenceDeviceProvider provider = new ReferenceDeviceProvider();
        final KitEnvironment env = new KitEnvironment(provider, ImplementationInfo.of(KitSide.DEVICE, provider), 1L,
            test, settings::get, new TestLedger(), launcherRun);
        env.runShared(KitEnvironmentShareTest.class, "exploration", key -> computed.incrementAndGet());
        return env;
    }
}
