package dev.dbbuf.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.dbbuf.tck.device.DeviceConformanceSuite;
import dev.dbbuf.tck.driver.DriverConformanceSuite;
import dev.dbbuf.tck.eventidx.EventIdxArithmeticSuite;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The shipped suites select the kit's Verification classes (which a plain @SelectPackages would silently drop). */
class KitSuitesTest {

    @ParameterizedTest
    @ValueSource(classes = {EventIdxArithmeticSuite.class, DeviceConformanceSuite.class,
        DriverConformanceSuite.class})
    void suiteSelectsEveryVerificationClassOfItsPackage(final Class<?> suite) {
        final TestPlan plan = LauncherFactory.create().discover(LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass(suite)).build());
        final Set<String> classes = new TreeSet<>();
        final List<TestIdentifier> todo = new ArrayList<>(plan.getRoots());
        while (!todo.isEmpty()) {
            final TestIdentifier id = todo.removeLast();
            todo.addAll(plan.getChildren(id));
            id.getSource().filter(ClassSource.class::isInstance).map(ClassSource.class::cast)
                .map(ClassSource::getClassName).filter(n -> n.endsWith("Verification")).ifPresent(classes::add);
        }
        assertThat(classes).isNotEmpty()
            .allSatisfy(name -> assertThat(name).startsWith(suite.getPackageName() + "."));
        if (suite == DeviceConformanceSuite.class) {
            assertThat(classes).hasSize(8);
        }
    }
}
