package dev.dbbuf.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbbuf.spec.nvme.Capabilities;
import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.spi.AdminQueueStyle;
import dev.dbbuf.spec.spi.Providers;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.DeviceProvider;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import dev.dbbuf.spec.spi.device.EventIdxPolicy;
import dev.dbbuf.spec.spi.device.ExecutionModel;
import org.junit.jupiter.api.Test;

class ReferenceDeviceProviderTest {

    @Test
    void theProviderIsFoundByName() {
        final DeviceProvider provider = Providers.named(DeviceProvider.class, "reference");
        assertThat(provider).isInstanceOf(ReferenceDeviceProvider.class);
        assertThat(provider.description()).contains("reference");
    }

    @Test
    void devicesHonourTheConfiguration() {
        final DeviceConfiguration configuration = DeviceConfiguration.defaults().withDstrd(3).withMaxQueueDepth(300)
            .withEventIdxPolicy(EventIdxPolicy.POLLING).withDoorbellBufferConfig(false);
        try (DeviceUnderTest device = new ReferenceDeviceProvider().create(configuration)) {
            final Capabilities cap = Capabilities.decode(device.readRegister64(ControllerRegister.CAP));
            assertThat(cap.dstrd()).isEqualTo(3);
            assertThat(cap.maxQueueDepth()).isEqualTo(300);
            assertThat(device.capabilities().eventIdxPolicy()).isEqualTo(EventIdxPolicy.POLLING);
            assertThat(device.capabilities().doorbellBufferConfig()).isFalse();
            assertThat(device.capabilities().adminQueueStyles()).containsExactlyInAnyOrder(AdminQueueStyle.values());
            assertThat(device.executionModel()).isInstanceOf(ExecutionModel.Stepped.class);
        }
    }

    @Test
    void theDefaultPolicyIsEventDrivenAndOtherMapsToIt() {
        try (DeviceUnderTest device = new ReferenceDeviceProvider().create(DeviceConfiguration.defaults())) {
            assertThat(device.capabilities().eventIdxPolicy()).isEqualTo(EventIdxPolicy.EVENT_DRIVEN);
        }
        assertThat(EventIdxMode.of(EventIdxPolicy.OTHER)).isEqualTo(EventIdxMode.EVENT_DRIVEN);
    }

    @Test
    void aNamespaceTooLargeToHoldIsRejectedAtCreationNamingTheRule() {
        final DeviceConfiguration huge = DeviceConfiguration.defaults().withNamespace(1L << 40, 4096);
        assertThatThrownBy(() -> new ReferenceDeviceProvider().create(huge))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("namespace must hold 1 block to 1 TiB")
            .hasMessageContaining("blocks=1099511627776");
    }

    @Test
    void threadedConfigurationsAreAutonomous() {
        try (DeviceUnderTest device = new ReferenceDeviceProvider()
            .create(DeviceConfiguration.defaults().withThreaded(true))) {
            assertThat(device.executionModel()).isInstanceOf(ExecutionModel.Autonomous.class);
        }
    }
}
