package dev.dbbuf.adapter.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.memory.SegmentHostMemory;
import dev.dbbuf.spec.nvme.AdminCommands;
import dev.dbbuf.spec.nvme.Capabilities;
import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.nvme.IdentifyController;
import dev.dbbuf.spec.spi.AdminQueueStyle;
import dev.dbbuf.spec.spi.device.DeviceCapabilities;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.EventIdxPolicy;
import dev.dbbuf.spec.spi.device.ExecutionModel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Bring-up of QEMU's controller through the adapter: registers, Identify, guest RAM, process lifecycle. */
class BringUpQemuTest {

    @Test
    void bringUp_enablesAndReportsTheRealCapabilitiesNotTheRequestedOnes() {
        final DeviceConfiguration request = DeviceConfiguration.defaults().withDstrd(2).withMaxQueueDepth(256);
        try (NvmeTestHost host = NvmeTestHost.start(request)) {
            final Capabilities cap = host.cap;
            assertThat(cap.dstrd()).as("CAP.DSTRD (request of 2 ignored)").isZero();
            assertThat(cap.mqes()).as("CAP.MQES (request of 255 ignored)").isEqualTo(0x7FF);
            assertThat(host.device.readRegister32(ControllerRegister.VS)).isEqualTo(ControllerRegister.VERSION_1_4);
            final DeviceCapabilities declared = host.device.capabilities();
            assertThat(declared.doorbellBufferConfig()).isTrue();
            assertThat(declared.eventIdxPolicy()).isEqualTo(EventIdxPolicy.EVENT_DRIVEN);
            assertThat(declared.adminQueueStyles()).containsExactlyInAnyOrder(AdminQueueStyle.values());
            assertThat(declared.subsystemReset()).as("declared = CAP.NSSRS").isEqualTo(cap.nssrs()).isFalse();
            assertThat(host.device.executionModel()).isInstanceOf(ExecutionModel.Autonomous.class);
        }
    }

    @Test
    void identifyController_reportsQemuVendorAndDoorbellBufferConfigInOacs() {
        try (NvmeTestHost host = NvmeTestHost.start()) {
            final Region data = host.allocator.allocate(RegionKind.DATA_IN, IdentifyController.SIZE, NvmeTestHost.PAGE);
            host.adminOk(AdminCommands.identify(IdentifyController.CNS, 0, data.address()));
            // plain: read after the completion was acquired
            final int vid = host.memory.readU16(data.address() + IdentifyController.VID_OFFSET, LoadMode.PLAIN);
            final int oacs = host.memory.readU16(data.address() + IdentifyController.OACS_OFFSET, LoadMode.PLAIN);
            assertThat(vid).as("VID").isEqualTo(MachineSetup.NVME_VENDOR);
            assertThat(oacs).as("OACS").isEqualTo(0x010A);
            assertThat(IdentifyController.supportsDoorbellBufferConfig(oacs)).isTrue();
        }
    }

    @Test
    void guestRamBelowOneMegabyteIsRamForTheControllersDma() {
        try (NvmeTestHost host = NvmeTestHost.start()) {
            final Region low = host.allocator.allocate(RegionKind.DATA_IN, 1 << 20, NvmeTestHost.PAGE);
            for (final long page : new long[] {0xA0000, 0xC0000, 0xE0000, 0xFF000}) {
                assertThat(low.contains(page, NvmeTestHost.PAGE)).as("allocation covers 0x%x", page).isTrue();
                host.memory.fill(page, NvmeTestHost.PAGE, 0xA5);
                host.adminOk(AdminCommands.identify(IdentifyController.CNS, 0, page));
                // plain: read after the completion was acquired
                assertThat(host.memory.readU16(page + IdentifyController.VID_OFFSET, LoadMode.PLAIN))
                    .as("VID DMAed to 0x%x", page).isEqualTo(MachineSetup.NVME_VENDOR);
            }
        }
    }

    @Test
    void registersOutsideBar0ReadZeroAndIgnoreWritesWithoutReachingQemu() {
        try (NvmeTestHost host = NvmeTestHost.start()) {
            final QemuDevice device = (QemuDevice) host.device;
            assertThat(device.bar0Size()).isGreaterThanOrEqualTo(0x2000);
            final int beyond = (int) device.bar0Size();
            device.writeRegister32(beyond, -1);
            device.writeRegister64(-8, -1L);
            assertThat(device.readRegister32(beyond)).isZero();
            assertThat(device.readRegister32(-4)).isZero();
            assertThat(device.readRegister64(beyond - 4)).isZero();
            assertThat(device.readRegister32(ControllerRegister.CSTS) & 1).as("still ready").isEqualTo(1);
        }
    }

    @Test
    void attach_refusesMemoryThatCannotBeAViewOfGuestRam() {
        try (NvmeTestHost host = NvmeTestHost.start(); SegmentHostMemory other = new SegmentHostMemory(1 << 20)) {
            assertThatThrownBy(() -> host.device.attach(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("QEMU DMAs into its own guest RAM");
        }
    }

    @Test
    void close_stopsQemu() throws InterruptedException {
        QemuAvailability.assumeQemu();
        final QemuDevice device = (QemuDevice) new QemuDeviceProvider().create(DeviceConfiguration.defaults());
        final Process process = device.process();
        assertThat(process.isAlive()).isTrue();
        final int registered = ProcessReaper.live();
        device.close();
        assertThat(process.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessReaper.live()).as("unregistered from the shutdown hook").isEqualTo(registered - 1);
        device.close();
        assertThatThrownBy(() -> device.readRegister32(ControllerRegister.CSTS))
            .isInstanceOf(QemuException.class).hasMessageContaining("channel closed");
    }

    @Test
    void deadQemu_givesAnExceptionNamingTheCommandAndExitStatus() throws InterruptedException {
        QemuAvailability.assumeQemu();
        try (QemuDevice device = (QemuDevice) new QemuDeviceProvider().create(DeviceConfiguration.defaults())) {
            device.process().destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            assertThatThrownBy(() -> device.readRegister32(ControllerRegister.CSTS))
                .isInstanceOf(QemuException.class)
                .hasMessageContaining("readl 0xe000001c")
                .hasMessageContaining("exited with status")
                .hasMessageContaining("stderr tail");
        }
    }

    @Test
    void stoppedQemu_timesOutWithAClearMessageInsteadOfHanging() throws Exception {
        QemuAvailability.assumeQemu();
        System.setProperty(QemuDeviceProvider.REPLY_TIMEOUT_PROPERTY, "300");
        final QemuDevice device;
        try {
            device = (QemuDevice) new QemuDeviceProvider().create(DeviceConfiguration.defaults());
        } finally {
            System.clearProperty(QemuDeviceProvider.REPLY_TIMEOUT_PROPERTY);
        }
        try (device) {
            final Process stop = new ProcessBuilder("kill", "-STOP", Long.toString(device.process().pid())).start();
            assertThat(stop.waitFor(5, TimeUnit.SECONDS)).isTrue();
            final long start = System.nanoTime();
            assertThatThrownBy(() -> device.readRegister64(ControllerRegister.CAP))
                .isInstanceOf(QemuException.class)
                .hasMessageContaining("did not answer within the reply timeout: timeout=300ms")
                .hasMessageContaining("state=running");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThatThrownBy(() -> device.readRegister32(ControllerRegister.VS))
                .isInstanceOf(QemuException.class).hasMessageContaining("unusable after an earlier failure");
            new ProcessBuilder("kill", "-CONT", Long.toString(device.process().pid())).start().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
