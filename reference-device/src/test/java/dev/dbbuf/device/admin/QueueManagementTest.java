package dev.dbbuf.device.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.device.host.TestHost;
import dev.dbbuf.probe.ProbeQueue;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.nvme.AdminCommands;
import dev.dbbuf.spec.nvme.AdminOpcode;
import dev.dbbuf.spec.nvme.IoCommands;
import dev.dbbuf.spec.nvme.QueueCommands;
import dev.dbbuf.spec.nvme.Status;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ParameterizedClass(name = "threaded={0}")
@ValueSource(booleans = {false, true})
class QueueManagementTest {

    @Parameter
    boolean threaded;

    private static final int MAX_QUEUES = 4;
    private static final int MAX_DEPTH = 256;

    private TestHost host() {
        return TestHost.enabled(DeviceConfiguration.defaults().withThreaded(threaded).withMaxIoQueues(MAX_QUEUES).withMaxQueueDepth(MAX_DEPTH));
    }

    @ParameterizedTest(name = "qid={0}")
    @ValueSource(ints = {0, MAX_QUEUES + 1, 0xFFFF})
    void createWithAnInvalidQueueIdentifierFails(final int qid) {
        try (TestHost host = host()) {
            final Region memory = queueMemory(host);
            assertThat(host.admin(AdminCommands.createIoCompletionQueue(qid, 16, memory.address())).status())
                .isEqualTo(Status.INVALID_QUEUE_IDENTIFIER);
            host.createQueuePair(1, 16);
            assertThat(host.admin(AdminCommands.createIoSubmissionQueue(qid, 16, memory.address(), 1)).status())
                .isEqualTo(Status.INVALID_QUEUE_IDENTIFIER);
        }
    }

    @Test
    void createOfAnExistingQueueIsAnInvalidQueueIdentifier() {
        try (TestHost host = host()) {
            host.createQueuePair(1, 16);
            final Region memory = queueMemory(host);
            assertThat(host.admin(AdminCommands.createIoCompletionQueue(1, 16, memory.address())).status())
                .isEqualTo(Status.INVALID_QUEUE_IDENTIFIER);
            assertThat(host.admin(AdminCommands.createIoSubmissionQueue(1, 16, memory.address(), 1)).status())
                .isEqualTo(Status.INVALID_QUEUE_IDENTIFIER);
        }
    }

    @ParameterizedTest(name = "depth={0}")
    @ValueSource(ints = {1, MAX_DEPTH + 1, 65536})
    void createWithAnInvalidSizeFails(final int depth) {
        try (TestHost host = host()) {
            final Region memory = host.allocator.allocate(RegionKind.COMPLETION_QUEUE, 65536L * 64, 4096);
            assertThat(host.admin(AdminCommands.createIoCompletionQueue(1, depth, memory.address())).status())
                .isEqualTo(Status.INVALID_QUEUE_SIZE);
            assertThat(host.admin(AdminCommands.createIoCompletionQueue(1, 16, memory.address())).status())
                .isEqualTo(Status.SUCCESS);
            assertThat(host.admin(AdminCommands.createIoSubmissionQueue(1, depth, memory.address() + 8192, 1))
                .status()).isEqualTo(Status.INVALID_QUEUE_SIZE);
        }
    }

    @ParameterizedTest(name = "cqid={0}")
    @ValueSource(ints = {0, 2, MAX_QUEUES + 1})
    void createSubmissionQueueForAMissingCompletionQueueFails(final int cqid) {
        try (TestHost host = host()) {
            final Region memory = queueMemory(host);
            TestHost.expectSuccess(host.admin(AdminCommands.createIoCompletionQueue(1, 16, memory.address())));
            assertThat(host.admin(AdminCommands.createIoSubmissionQueue(1, 16, memory.address() + 4096, cqid))
                .status()).isEqualTo(Status.COMPLETION_QUEUE_INVALID);
        }
    }

    @Test
    void nonContiguousQueuesAreInvalidFieldsBecauseCapCqrIsSet() {
        try (TestHost host = host()) {
            final Region memory = queueMemory(host);
            assertThat(host.admin(SubmissionQueueEntry.of(AdminOpcode.CREATE_IO_CQ.code(), 0, memory.address(), 0)
                .withDwords(QueueCommands.queueDword10(1, 16), 0, 0)).status()).isEqualTo(Status.INVALID_FIELD);
        }
    }

    @Test
    void interruptVectorsOtherThanZeroAreInvalid() {
        try (TestHost host = host()) {
            final Region memory = queueMemory(host);
            assertThat(host.admin(SubmissionQueueEntry.of(AdminOpcode.CREATE_IO_CQ.code(), 0, memory.address(), 0)
                .withDwords(QueueCommands.queueDword10(1, 16), QueueCommands.createCqDword11(true, 3), 0)).status())
                .isEqualTo(Status.INVALID_INTERRUPT_VECTOR);
            assertThat(host.admin(SubmissionQueueEntry.of(AdminOpcode.CREATE_IO_CQ.code(), 0, memory.address(), 0)
                .withDwords(QueueCommands.queueDword10(1, 16), QueueCommands.createCqDword11(true, 0), 0)).status())
                .isEqualTo(Status.SUCCESS);
        }
    }

    @Test
    void misalignedOrOutOfMemoryBasesFail() {
        try (TestHost host = host()) {
            final Region memory = queueMemory(host);
            assertThat(host.admin(AdminCommands.createIoCompletionQueue(1, 16, memory.address() + 16)).status())
                .isEqualTo(Status.INVALID_PRP_OFFSET);
            assertThat(host.admin(AdminCommands.createIoCompletionQueue(1, 16, TestHost.MEMORY_BYTES))
                .status()).isEqualTo(Status.INVALID_FIELD);
            assertThat(host.admin(AdminCommands.createIoCompletionQueue(1, 16, memory.address())).status())
                .isEqualTo(Status.SUCCESS);
            assertThat(host.admin(AdminCommands.createIoSubmissionQueue(1, 16, memory.address() + 4096 + 64, 1))
                .status()).isEqualTo(Status.INVALID_PRP_OFFSET);
            assertThat(host.admin(AdminCommands.createIoSubmissionQueue(1, 128, TestHost.MEMORY_BYTES - 4096, 1))
                .status()).isEqualTo(Status.INVALID_FIELD);
        }
    }

    @Test
    void deletingAnAbsentOrAdminQueueIsAnInvalidQueueIdentifier() {
        try (TestHost host = host()) {
            for (final int qid : new int[] {0, 1, MAX_QUEUES + 1}) {
                assertThat(host.admin(AdminCommands.deleteIoSubmissionQueue(qid)).status())
                    .isEqualTo(Status.INVALID_QUEUE_IDENTIFIER);
                assertThat(host.admin(AdminCommands.deleteIoCompletionQueue(qid)).status())
                    .isEqualTo(Status.INVALID_QUEUE_IDENTIFIER);
            }
        }
    }

    @Test
    void aCompletionQueueInUseCannotBeDeletedUntilItsSubmissionQueuesAre() {
        try (TestHost host = host()) {
            final ProbeQueue queue = host.createQueuePair(1, 16);
            final Region second = queueMemory(host);
            TestHost.expectSuccess(host.admin(AdminCommands.createIoSubmissionQueue(2, 16, second.address(), 1)));
            TestHost.expectSuccess(host.execute(queue, IoCommands.flush(1)));
            assertThat(host.admin(AdminCommands.deleteIoCompletionQueue(1)).status())
                .isEqualTo(Status.INVALID_QUEUE_DELETION);
            TestHost.expectSuccess(host.admin(AdminCommands.deleteIoSubmissionQueue(1)));
            assertThat(host.admin(AdminCommands.deleteIoCompletionQueue(1)).status())
                .isEqualTo(Status.INVALID_QUEUE_DELETION);
            TestHost.expectSuccess(host.admin(AdminCommands.deleteIoSubmissionQueue(2)));
            TestHost.expectSuccess(host.admin(AdminCommands.deleteIoCompletionQueue(1)));
        }
    }

    @Test
    void aDeletedQueueIdentifierCanBeCreatedAgainAndWorks() {
        try (TestHost host = host()) {
            host.createQueuePair(3, 16);
            TestHost.expectSuccess(host.admin(AdminCommands.deleteIoSubmissionQueue(3)));
            TestHost.expectSuccess(host.admin(AdminCommands.deleteIoCompletionQueue(3)));
            final ProbeQueue again = host.createQueuePair(3, 32);
            for (int i = 0; i < 40; i++) {
                assertThat(host.execute(again, IoCommands.flush(1)).status()).isEqualTo(Status.SUCCESS);
            }
        }
    }

    @Test
    void ioCommandsCompleteWithTheirQueueAndHead() {
        try (TestHost host = host()) {
            final ProbeQueue queue = host.createQueuePair(2, 8);
            for (int i = 0; i < 20; i++) {
                final var completion = host.execute(queue, IoCommands.flush(1));
                assertThat(completion.sqId()).isEqualTo(2);
                assertThat(completion.sqHead()).isEqualTo(queue.submissions().tail());
            }
        }
    }

    private static Region queueMemory(final TestHost host) {
        return host.allocator.allocate(RegionKind.SUBMISSION_QUEUE, 4 * 4096, 4096);
    }
}
