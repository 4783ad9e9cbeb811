package dev.dbbuf.adapter.nativeabi;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.nvme.Status;
import dev.dbbuf.spec.spi.ProviderException;
import dev.dbbuf.spec.spi.driver.IoCompletion;
import dev.dbbuf.spec.spi.driver.IoRequest;
import dev.dbbuf.spec.spi.driver.QueuePair;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * {@code NativeQueuePair} is a queue pair of a {@link NativeDriver}, named by its qid towards the library. The kit
 * names each request by a tag the library hands back with its completion, so the completion carries the very
 * request instance that was submitted.
 *
 * <pre>
 * struct dbbuf_tck_io_request, 48 bytes:
 *   [0,8) tag   [8,12) opcode   [12,16) nsid   [16,24) slba   [24,28) blocks   [28,32) reserved
 *   [32,40) buffer   [40,48) buffer_length
 * struct dbbuf_tck_io_completion, 16 bytes:
 *   [0,8) tag   [8,12) status   [12,16) reserved
 * </pre>
 */
@API(status = INTERNAL, since = "0.1")
final class NativeQueuePair implements QueuePair {

    private static final long REQUEST_SIZE = 48;
    private static final long COMPLETION_SIZE = 16;
    private static final int FLUSH = 0x00;
    private static final int WRITE = 0x01;
    private static final int READ = 0x02;

    private final NativeDriver driver;
    private final int qid;
    private final int depth;
    private final MemorySegment requests;
    private final MemorySegment completions;
    private final Map<Long, IoRequest> pending = new HashMap<>();
    private long nextTag = 1;

    NativeQueuePair(final NativeDriver driver, final int qid, final int depth, final Arena arena) {
        this.driver = driver;
        this.qid = qid;
        this.depth = depth;
        this.requests = arena.allocate(REQUEST_SIZE * depth, 8);
        this.completions = arena.allocate(COMPLETION_SIZE * depth, 8);
    }

    @Override
    public int qid() {
        return qid;
    }

    @Override
    public int depth() {
        return depth;
    }

    @Override
    public void submit(final List<IoRequest> batch) {
        if (batch.size() > capacity() - pending.size()) {
            throw new IllegalStateException("batch does not fit: qid=%d size=%d outstanding=%d capacity=%d"
                .formatted(qid, batch.size(), pending.size(), capacity()));
        }
        final long[] tags = new long[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            tags[i] = nextTag++;
            write(requests.asSlice(REQUEST_SIZE * i, REQUEST_SIZE), tags[i], batch.get(i));
        }
        driver.submit(this, requests, batch.size());
        for (int i = 0; i < batch.size(); i++) {
            pending.put(tags[i], batch.get(i));
        }
    }

    @Override
    public List<IoCompletion> poll() {
        final int count = driver.poll(this, completions, depth);
        if (count == 0) {
            return List.of();
        }
        final List<IoCompletion> done = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            final long tag = completions.get(JAVA_LONG, COMPLETION_SIZE * i);
            final IoRequest request = pending.remove(tag);
            if (request == null) {
                throw new ProviderException("dbbuf_tck_driver_poll(qid=%d) returned a completion with tag %d, which"
                    .formatted(qid, tag) + " names no request outstanding on this pair (completed twice, or a tag"
                    + " the kit never gave)", null);
            }
            done.add(new IoCompletion(request, Status.decode(completions.get(JAVA_INT, COMPLETION_SIZE * i + 8))));
        }
        return done;
    }

    @Override
    public int outstanding() {
        return driver.outstanding(this);
    }

    /** The controller was reset: requests outstanding then are abandoned, as the SPI says. */
    void abandonOutstanding() {
        pending.clear();
    }

    private static void write(final MemorySegment struct, final long tag, final IoRequest request) {
        struct.fill((byte) 0);
        struct.set(JAVA_LONG, 0, tag);
        struct.set(JAVA_INT, 12, request.nsid());
        switch (request) {
            case IoRequest.Flush flush -> struct.set(JAVA_INT, 8, FLUSH);
            case IoRequest.Write write -> {
                struct.set(JAVA_INT, 8, WRITE);
                struct.set(JAVA_LONG, 16, write.lba());
                struct.set(JAVA_INT, 24, write.blocks());
                struct.set(JAVA_LONG, 32, write.buffer().address());
                struct.set(JAVA_LONG, 40, write.buffer().length());
            }
            case IoRequest.Read read -> {
                struct.set(JAVA_INT, 8, READ);
                struct.set(JAVA_LONG, 16, read.lba());
                struct.set(JAVA_INT, 24, read.blocks());
                struct.set(JAVA_LONG, 32, read.buffer().address());
                struct.set(JAVA_LONG, 40, read.buffer().length());
            }
        }
    }

    @Override
    public String toString() {
        return "native queue pair qid=" + qid + " depth=" + depth;
    }
}
