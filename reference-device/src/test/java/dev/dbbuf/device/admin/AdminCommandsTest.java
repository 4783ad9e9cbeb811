package dev.dbbuf.device.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.device.host.TestHost;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.nvme.AdminCommands;
import dev.dbbuf.spec.nvme.AdminOpcode;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.nvme.IdentifyController;
import dev.dbbuf.spec.nvme.IdentifyNamespace;
import dev.dbbuf.spec.nvme.QueueCommands;
import dev.dbbuf.spec.nvme.Status;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ParameterizedClass(name = "threaded={0}")
@ValueSource(booleans = {false, true})
class AdminCommandsTest {

    @Parameter
    boolean threaded;

    @ParameterizedTest(name = "doorbellBufferConfig={0}")
    @ValueSource(booleans = {true, false})
    void identifyControllerDescribesTheController(final boolean dbbuf) {
        try (TestHost host = TestHost.enabled(DeviceConfiguration.defaults().withThreaded(threaded).withDoorbellBufferConfig(dbbuf))) {
            final Region page = page(host);
            TestHost.expectSuccess(host.admin(AdminCommands.identify(IdentifyController.CNS, 0, page.address())));
            final int oacs = host.memory.readU16(page.address() + IdentifyController.OACS_OFFSET, LoadMode.PLAIN);
            assertThat(IdentifyController.supportsDoorbellBufferConfig(oacs)).isEqualTo(dbbuf);
            assertThat(ascii(host, page.address() + IdentifyController.SN_OFFSET, IdentifyController.SN_LENGTH))
                .startsWith(IdentifyHandler.SERIAL);
            assertThat(host.memory.readU8(page.address() + IdentifyController.AERL_OFFSET))
                .isEqualTo(AsyncEventRequests.LIMIT - 1);
            assertThat(host.memory.readU8(page.address() + IdentifyController.SQES_OFFSET)).isEqualTo(0x66);
            assertThat(host.memory.readU8(page.address() + IdentifyController.CQES_OFFSET)).isEqualTo(0x44);
            assertThat(host.memory.readU32(page.address() + IdentifyController.NN_OFFSET, LoadMode.PLAIN))
                .isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "blockSize={0}")
    @ValueSource(ints = {512, 4096})
    void identifyNamespaceReportsTheGeometry(final int blockSize) {
        try (TestHost host = TestHost.enabled(DeviceConfiguration.defaults().withThreaded(threaded).withNamespace(777, blockSize))) {
            final Region page = page(host);
            TestHost.expectSuccess(host.admin(AdminCommands.identify(IdentifyNamespace.CNS, 1, page.address())));
            assertThat(host.memory.readU64(page.address() + IdentifyNamespace.NSZE_OFFSET, LoadMode.PLAIN))
                .isEqualTo(777);
            assertThat(host.memory.readU64(page.address() + IdentifyNamespace.NCAP_OFFSET, LoadMode.PLAIN))
                .isEqualTo(777);
            assertThat(1 << host.memory.readU8(page.address() + IdentifyNamespace.LBAF0_OFFSET
                + IdentifyNamespace.LBADS_IN_LBAF)).isEqualTo(blockSize);
        }
    }

    @Test
    void activeNamespaceListHoldsNamespaceOneAboveTheGivenNsid() {
        try (TestHost host = TestHost.enabled(DeviceConfiguration.defaults().withThreaded(threaded))) {
            final Region page = page(host);
            host.memory.fill(page.address(), 4096, 0xEE);
            TestHost.expectSuccess(host.admin(
                AdminCommands.identify(IdentifyNamespace.CNS_ACTIVE_LIST, 0, page.address())));
            assertThat(host.memory.readU32(page.address(), LoadMode.PLAIN)).isEqualTo(1);
            assertThat(host.memory.readU32(page.address() + 4, LoadMode.PLAIN)).isZero();
            TestHost.expectSuccess(host.admin(
                AdminCommands.identify(IdentifyNamespace.CNS_ACTIVE_LIST, 1, page.address())));
            assertThat(host.memory.readU32(page.address(), LoadMode.PLAIN)).isZero();
            assertThat(host.admin(AdminCommands.identify(IdentifyNamespace.CNS_ACTIVE_LIST, 0xFFFFFFFE,
                page.address())).status()).isEqualTo(Status.INVALID_NAMESPACE);
        }
    }

    @Test
    void identifyRejectsUnknownCnsAndNamespaces() {
        try (TestHost host = TestHost.enabled(DeviceConfiguration.defaults().withThreaded(threaded))) {
            final Region page = page(host);
            assertThat(host.admin(AdminCommands.identify(0x55, 0, page.address())).status())
                .isEqualTo(Status.INVALID_FIELD);
            assertThat(host.admin(AdminCommands.identify(IdentifyNamespace.CNS, 2, page.address())).status())
                .isEqualTo(Status.INVALID_NAMESPACE);
            assertThat(host.admin(AdminCommands.identify(IdentifyNamespace.CNS, 0, page.address())).status())
                .isEqualTo(Status.INVALID_NAMESPACE);
        }
    }

    @Test
    void identifyDataFollowsPrp1OffsetAndPrp2() {
        try (TestHost host = TestHost.enabled(DeviceConfiguration.defaults().withThreaded(threaded))) {
            final Region first = page(host);
            final Region second = page(host);
            final long prp1 = first.address() + 4096 - 8;
            TestHost.expectSuccess(host.admin(
                SubmissionQueueEntry.of(AdminOpcode.IDENTIFY.code(), 0, prp1, second.address())
                    .withDwords(IdentifyController.CNS, 0, 0)));
            // bytes [4, 24) of the structure hold the serial number: bytes 4..7 in the first page, 8.. in the second
            final byte[] serial = new byte[4];
            host.memory.readBytes(prp1 + 4, serial, 0, 4);
            assertThat(new String(serial, StandardCharsets.US_ASCII)).isEqualTo(IdentifyHandler.SERIAL.substring(0, 4));
            assertThat(ascii(host, second.address(), 8)).isEqualTo(IdentifyHandler.SERIAL.substring(4, 12));
        }
    }

    @Test
    void identifyToMemoryOutsideHostMemoryIsADataTransferError() {
        try (TestHost host = TestHost.enabled(DeviceConfiguration.defaults().withThreaded(threaded))) {
            assertThat(host.admin(AdminCommands.identify(IdentifyController.CNS, 0, TestHost.MEMORY_BYTES)).status())
                .isEqualTo(Status.DATA_TRANSFER_ERROR);
        }
    }

    @Test
    void numberOfQueuesGrantsTheConfiguredMaximum() {
        try (TestHost host = TestHost.enabled(DeviceConfiguration.defaults().withThreaded(threaded).withMaxIoQueues(7))) {
            final CompletionQueueEntry set = host.admin(AdminCommands.setNumberOfQueues(64, 2));
            assertThat(set.status()).isEqualTo(Status.SUCCESS);
            assertThat(QueueCommands.submissionQueues(set.dw0())).isEqualTo(7);
            assertThat(QueueCommands.completionQueues(set.dw0())).isEqualTo(7);
            final CompletionQueueEntry get = host.admin(AdminCommands.getNumberOfQueues());
            assertThat(get.dw0()).isEqualTo(set.dw0());
            assertThat(host.admin(AdminCommands.setNumberOfQueues(65536, 1)).status()).isEqualTo(Status.INVALID_FIELD);
            assertThat(host.admin(AdminCommands.setNumberOfQueues(1, 65536)).status()).isEqualTo(Status.INVALID_FIELD);
        }
    }

    @Test
    void unknownFeaturesAreInvalidFields() {
        try (TestHost host = TestHost.enabled(DeviceConfiguration.defaults().withThreaded(threaded))) {
            assertThat(host.admin(SubmissionQueueEntry.of(AdminOpcode.SET_FEATURES.code(), 0, 0, 0)
                .withDwords(0x02, 0, 0)).status()).isEqualTo(Status.INVALID_FIELD);
            assertThat(host.admin(SubmissionQueueEntry.of(AdminOpcode.GET_FEATURES.code(), 0, 0, 0)
                .withDwords(0x0B, 0, 0)).status()).isEqualTo(Status.INVALID_FIELD);
        }
    }

    @ParameterizedTest(name = "opcode=0x{0}")
    @ValueSource(ints = {0x02, 0x03, 0x10, 0x7F, 0x80, 0xC0, 0xFF})
    void unsupportedOpcodesAreInvalidCommandOpcodes(final int opcode) {
        try (TestHost host = TestHost.enabled(DeviceConfiguration.defaults().withThreaded(threaded))) {
            final CompletionQueueEntry completion = host.admin(SubmissionQueueEntry.of(opcode, 0, 0, 0));
            assertThat(completion.status()).isEqualTo(Status.INVALID_COMMAND_OPCODE);
            assertThat(completion.status().dnr()).isTrue();
        }
    }

    @Test
    void abortAnswersNotAborted() {
        try (TestHost host = TestHost.enabled(DeviceConfiguration.defaults().withThreaded(threaded))) {
            final CompletionQueueEntry completion = host.admin(SubmissionQueueEntry.of(AdminOpcode.ABORT.code(), 0, 0, 0)
                .withDwords(1 | 5 << 16, 0, 0));
            assertThat(completion.status()).isEqualTo(Status.SUCCESS);
            assertThat(completion.dw0() & 1).isEqualTo(1);
        }
    }

    @Test
    void asyncEventRequestsWaitAndTheFifthExceedsTheLimit() {
        try (TestHost host = TestHost.enabled(DeviceConfiguration.defaults().withThreaded(threaded))) {
            for (int i = 0; i < AsyncEventRequests.LIMIT; i++) {
                host.submit(host.admin(), AdminCommands.asyncEventRequest());
            }
            assertThat(host.poll(host.admin(), Duration.ofMillis(10))).isNull();
            final CompletionQueueEntry fifth = host.admin(AdminCommands.asyncEventRequest());
            assertThat(fifth.status()).isEqualTo(Status.ASYNC_EVENT_LIMIT_EXCEEDED);
            assertThat(host.device.counters().commandsProcessed()).isEqualTo(AsyncEventRequests.LIMIT + 1);
        }
    }

    private static Region page(final TestHost host) {
        return host.allocator.allocate(RegionKind.DATA_IN, 4096, 4096);
    }

    private static String ascii(final TestHost host, final long address, final int length) {
        final byte[] bytes = new byte[length];
        host.memory.readBytes(address, bytes, 0, length);
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
