package dev.dbbuf.spec.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.DeviceProvider;
import org.junit.jupiter.api.Test;

class ProvidersTest {

    @Test
    void unknownNameListsWhatIsAvailable() {
        assertThat(Providers.all(DeviceProvider.class)).isEmpty();
        assertThatThrownBy(() -> Providers.named(DeviceProvider.class, "acme"))
            .isInstanceOf(ProviderException.class)
            .hasMessage("no DeviceProvider named 'acme' on the class path; available: []. "
                + "Register one in META-INF/services/dev.dbbuf.spec.spi.device.DeviceProvider");
    }

    @Test
    void configurationRejectsOutOfRangeRequests() {
        assertThatThrownBy(() -> DeviceConfiguration.defaults().withMaxQueueDepth(65537))
            .hasMessage("maxQueueDepth must be 2..65536: maxQueueDepth=65537");
        assertThat(DeviceConfiguration.defaults().withDstrd(3).dstrd()).isEqualTo(3);
        assertThatThrownBy(() -> DeviceConfiguration.defaults().withNamespace(10, 1000)).hasMessageContaining("blockSize=1000");
    }
}
