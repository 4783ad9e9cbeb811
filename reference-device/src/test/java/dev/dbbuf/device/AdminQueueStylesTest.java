package dev.dbbuf.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.device.host.TestHost;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.nvme.AdminCommands;
import dev.dbbuf.spec.spi.AdminQueueStyle;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Both host styles of admin-queue ringing work once Doorbell Buffer Config is in effect (spdk-issue-2147 and libvfn-quirk-broken-dbbuf in spec/SOURCES.md). */
class AdminQueueStylesTest {

    static Stream<Arguments> styles() {
        return Stream.of(AdminQueueStyle.values()).flatMap(style -> Stream.of(EventIdxMode.values())
            .flatMap(mode -> Stream.of(false, true).map(threaded -> Arguments.of(style, mode, threaded))));
    }

    @ParameterizedTest(name = "{0} {1} threaded={2}")
    @MethodSource("styles")
    void adminCommandsKeepWorkingAcrossManyWraps(final AdminQueueStyle style, final EventIdxMode mode,
                                                 final boolean threaded) {
        try (TestHost host = new TestHost(ReferenceDeviceOptions.of(DeviceConfiguration.defaults()
            .withThreaded(threaded)).withEventIdxMode(mode))) {
            host.enable(4);
            TestHost.expectSuccess(host.configureDoorbellBuffers(style == AdminQueueStyle.SHADOWED));
            final long mmioBefore = host.device.counters().mmioDoorbellWrites(new Doorbell.SubmissionTail(0));
            for (int i = 0; i < 50; i++) {
                TestHost.expectSuccess(host.admin(AdminCommands.getNumberOfQueues()));
            }
            final long mmio = host.device.counters().mmioDoorbellWrites(new Doorbell.SubmissionTail(0)) - mmioBefore;
            if (style == AdminQueueStyle.MMIO_ONLY) {
                assertThat(mmio).isEqualTo(50);
            } else if (mode == EventIdxMode.POLLING && !threaded) {
                assertThat(mmio).isLessThan(50);
            }
        }
    }
}
