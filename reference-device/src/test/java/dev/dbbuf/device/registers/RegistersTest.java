package dev.dbbuf.device.registers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.device.host.TestHost;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.nvme.AdminCommands;
import dev.dbbuf.spec.nvme.AdminQueueAttributes;
import dev.dbbuf.spec.nvme.Capabilities;
import dev.dbbuf.spec.nvme.ControllerConfiguration;
import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.nvme.ControllerStatus;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@ParameterizedClass(name = "threaded={0}")
@ValueSource(booleans = {false, true})
class RegistersTest {

    @Parameter
    boolean threaded;

    @ParameterizedTest(name = "dstrd={0} depth={1}")
    @CsvSource({"0,2", "1,4096", "2,65536", "3,1024"})
    void capabilitiesReportTheConfiguration(final int dstrd, final int depth) {
        try (TestHost host = TestHost.of(DeviceConfiguration.defaults().withThreaded(threaded).withDstrd(dstrd).withMaxQueueDepth(depth))) {
            final long cap = host.device.readRegister64(ControllerRegister.CAP);
            final Capabilities capabilities = Capabilities.decode(cap);
            assertThat(capabilities.maxQueueDepth()).isEqualTo(depth);
            assertThat(capabilities.dstrd()).isEqualTo(dstrd);
            assertThat(capabilities.cqr()).isTrue();
            assertThat(capabilities.to()).isEqualTo(RegisterFile.READY_TIMEOUT_UNITS);
            assertThat(capabilities.mpsmin()).isEqualTo(RegisterFile.MPS_MIN);
            assertThat(capabilities.mpsmax()).isEqualTo(RegisterFile.MPS_MAX);
            assertThat(capabilities.css()).isEqualTo(Capabilities.CSS_NVM);
            assertThat(Integer.toUnsignedLong(host.device.readRegister32(ControllerRegister.CAP))
                | (long) host.device.readRegister32(ControllerRegister.CAP + 4) << 32).isEqualTo(cap);
            assertThat(host.device.readRegister32(ControllerRegister.VS)).isEqualTo(ControllerRegister.VERSION_1_4);
        }
    }

    @Test
    void enableSetsReadyAndResetClearsEverything() {
        try (TestHost host = TestHost.of(threaded)) {
            assertThat(host.status().ready()).isFalse();
            host.enable(8);
            assertThat(host.status()).isEqualTo(new ControllerStatus(true, false, 0, false));
            host.reset();
            assertThat(host.status()).isEqualTo(new ControllerStatus(false, false, 0, false));
            assertThat(host.device.readRegister32(ControllerRegister.CC) & 1).isZero();
            // AQA, ASQ and ACQ survive a Controller Level Reset
            assertThat(AdminQueueAttributes.decode(host.device.readRegister32(ControllerRegister.AQA))
                .submissionQueueDepth()).isEqualTo(8);
            assertThat(host.device.readRegister64(ControllerRegister.ASQ)).isNotZero();
            host.enable(8);
            TestHost.expectSuccess(host.admin(AdminCommands.getNumberOfQueues()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mps-too-large", "asq-misaligned", "aqa-zero", "acq-outside-memory", "css"})
    void anUnrunnableConfigurationSetsFatalStatus(final String problem) {
        try (TestHost host = TestHost.of(threaded)) {
            final Region sq = host.allocator.allocate(RegionKind.SUBMISSION_QUEUE, 4096, 4096);
            final Region cq = host.allocator.allocate(RegionKind.COMPLETION_QUEUE, 4096, 4096);
            int aqa = new AdminQueueAttributes(8, 8).encode();
            long asq = sq.address();
            long acq = cq.address();
            ControllerConfiguration cc = ControllerConfiguration.enabled(0);
            switch (problem) {
                case "mps-too-large" -> cc = ControllerConfiguration.enabled(RegisterFile.MPS_MAX + 1);
                case "asq-misaligned" -> asq += 64;
                case "aqa-zero" -> aqa = 0;
                case "acq-outside-memory" -> acq = TestHost.MEMORY_BYTES;
                case "css" -> cc = new ControllerConfiguration(true, 1, 0, 0, 0, 6, 4);
                default -> throw new IllegalArgumentException(problem);
            }
            host.device.writeRegister32(ControllerRegister.AQA, aqa);
            host.device.writeRegister64(ControllerRegister.ASQ, asq);
            host.device.writeRegister64(ControllerRegister.ACQ, acq);
            host.device.writeRegister32(ControllerRegister.CC, cc.encode());
            assertThat(host.status().ready()).isFalse();
            assertThat(host.status().fatal()).isTrue();
            host.device.writeRegister32(ControllerRegister.CC, 0);
            assertThat(host.status().fatal()).isFalse();
        }
    }

    @Test
    void configurationChangesWhileEnabledKeepOnlyEnableAndShutdown() {
        try (TestHost host = TestHost.of(threaded)) {
            host.enable(8);
            final int before = host.device.readRegister32(ControllerRegister.CC);
            final int other = new ControllerConfiguration(true, 0, 2, 0, 0, 7, 5).encode();
            host.device.writeRegister32(ControllerRegister.CC, other);
            assertThat(host.device.readRegister32(ControllerRegister.CC)).isEqualTo(before);
            host.device.writeRegister32(ControllerRegister.AQA, 0);
            host.device.writeRegister64(ControllerRegister.ASQ, 0x10_0000);
            host.device.writeRegister32(ControllerRegister.ACQ + 4, 1);
            assertThat(host.device.readRegister32(ControllerRegister.AQA)).isNotZero();
            assertThat(host.device.readRegister64(ControllerRegister.ASQ)).isNotEqualTo(0x10_0000);
            assertThat(host.device.readRegister32(ControllerRegister.ACQ + 4)).isZero();
            TestHost.expectSuccess(host.admin(AdminCommands.getNumberOfQueues()));
        }
    }

    @Test
    void shutdownCompletesAtOnceAndStopsProcessingUntilCleared() {
        try (TestHost host = TestHost.of(threaded)) {
            host.enable(8);
            final ControllerConfiguration enabled = ControllerConfiguration.enabled(0);
            host.device.writeRegister32(ControllerRegister.CC,
                enabled.withShutdown(ControllerConfiguration.SHN_NORMAL).encode());
            assertThat(host.status().shutdownStatus()).isEqualTo(ControllerStatus.SHST_COMPLETE);
            host.submit(host.admin(), AdminCommands.getNumberOfQueues());
            assertThat(host.poll(host.admin(), Duration.ofMillis(20))).isNull();
            host.device.writeRegister32(ControllerRegister.CC, enabled.encode());
            assertThat(host.status().shutdownStatus()).isEqualTo(ControllerStatus.SHST_NORMAL);
            // the doorbell written during shutdown was dropped; the host rings again
            host.admin().tailDoorbell().publish(host.admin().submissions().tail());
            assertThat(host.await(host.admin()).status().isSuccess()).isTrue();
        }
    }

    @Test
    void abruptShutdownWhileDisabledAlsoReportsComplete() {
        try (TestHost host = TestHost.of(threaded)) {
            host.device.writeRegister32(ControllerRegister.CC, ControllerConfiguration.SHN_ABRUPT << 14);
            assertThat(host.status().shutdownStatus()).isEqualTo(ControllerStatus.SHST_COMPLETE);
            assertThat(host.status().ready()).isFalse();
        }
    }

    @ParameterizedTest(name = "offset=0x{0}")
    @ValueSource(ints = {0x3, 0x2, 0x18, 0x38, 0x40, 0xFFC, -4, Integer.MIN_VALUE, 0x1001, 0x1000, 0x7FFF_FFFC})
    void unknownOrMisalignedOffsetsReadZeroAndIgnoreWrites(final int offset) {
        try (TestHost host = TestHost.of(threaded)) {
            host.enable(8);
            final int cc = host.device.readRegister32(ControllerRegister.CC);
            final int csts = host.device.readRegister32(ControllerRegister.CSTS);
            assertThat(host.device.readRegister32(offset)).isZero();
            assertThat(host.device.readRegister64(offset)).isZero();
            host.device.writeRegister32(offset, -1);
            host.device.writeRegister64(offset, -1L);
            host.settle(10);
            assertThat(host.device.readRegister32(ControllerRegister.CC)).isEqualTo(cc);
            assertThat(host.device.readRegister32(ControllerRegister.CSTS)).isEqualTo(csts);
            TestHost.expectSuccess(host.admin(AdminCommands.getNumberOfQueues()));
        }
    }

    @Test
    void sixtyFourBitReadsOfThirtyTwoBitRegistersReadZeroAndReadOnlyRegistersIgnoreWrites() {
        try (TestHost host = TestHost.of(threaded)) {
            host.enable(8);
            assertThat(host.device.readRegister64(ControllerRegister.CC)).isZero();
            assertThat(host.device.readRegister64(ControllerRegister.CSTS)).isZero();
            final long cap = host.device.readRegister64(ControllerRegister.CAP);
            host.device.writeRegister32(ControllerRegister.CAP, 0);
            host.device.writeRegister64(ControllerRegister.CAP, 0);
            host.device.writeRegister32(ControllerRegister.CSTS, 0);
            host.device.writeRegister32(ControllerRegister.VS, 0);
            host.device.writeRegister32(ControllerRegister.NSSR, ControllerRegister.NSSR_RESET_VALUE);
            assertThat(host.device.readRegister64(ControllerRegister.CAP)).isEqualTo(cap);
            assertThat(host.status().ready()).isTrue();
            assertThat(host.device.readRegister32(ControllerRegister.VS)).isEqualTo(ControllerRegister.VERSION_1_4);
        }
    }

    @Test
    void adminQueueBasesCanBeWrittenInHalves() {
        try (TestHost host = TestHost.of(threaded)) {
            host.device.writeRegister32(ControllerRegister.ASQ, 0x1000);
            host.device.writeRegister32(ControllerRegister.ASQ + 4, 0x2);
            host.device.writeRegister32(ControllerRegister.ACQ + 4, 0x3);
            host.device.writeRegister32(ControllerRegister.ACQ, 0x5000);
            assertThat(host.device.readRegister64(ControllerRegister.ASQ)).isEqualTo(0x2_0000_1000L);
            assertThat(host.device.readRegister64(ControllerRegister.ACQ)).isEqualTo(0x3_0000_5000L);
        }
    }

    @Test
    void registersBeforeAttachReadCapabilitiesAndIgnoreWrites() {
        try (dev.dbbuf.device.ReferenceDevice device = dev.dbbuf.device.ReferenceDevice.create(
            dev.dbbuf.device.ReferenceDeviceOptions.of(DeviceConfiguration.defaults().withThreaded(threaded)))) {
            assertThat(Capabilities.decode(device.readRegister64(ControllerRegister.CAP)).maxQueueDepth())
                .isEqualTo(65536);
            device.writeRegister32(ControllerRegister.CC, 1);
            assertThat(device.readRegister32(ControllerRegister.CSTS)).isZero();
            assertThat(device.runOnce()).isFalse();
        }
    }
}
