package dev.dbbuf.tck.device;

import dev.dbbuf.probe.ProbeQueue;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.memory.StoreMode;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.nvme.IoCommands;
import dev.dbbuf.spec.nvme.IoOpcode;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.verdict.FailureMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opentest4j.AssertionFailedError;

/**
 * {@code DataPath} moves data through a queue with Writes and Reads whose data pointers are PRP lists (three pages)
 * or PRP1 plus PRP2 (two pages), and checks that every command ran exactly once with its own data.
 *
 * <p>Each range of logical blocks is written again in every generation with a pattern naming the range and the
 * generation, so an old entry run a second time puts an old generation's data back, and a command never run leaves
 * the previous one; Flush alone changes nothing a host could look at.
 *
 * <p>A device whose namespace does not keep data (a VMM's null block backend reads zeroes) is recognised by one Write
 * and Read before the doorbell buffers are configured; the data are then not compared, and only the completions
 * (each command exactly once, successful) are checked.
 */
final class DataPath {

    private static final int BLOCK = 512;
    private static final int RANGES = 8;
    /** The generation number of the calibration data, never used by {@link #generation}. */
    private static final int CALIBRATION = 200;

    private final ProbeHost probe;
    private ProbeQueue queue;
    private final Requirement requirement;
    private final long pageSize;
    private final List<Buffer> out = new ArrayList<>();
    private final List<Buffer> in = new ArrayList<>();
    private boolean keepsData = true;
    private boolean accounting = true;

    DataPath(final ProbeHost probe, final ProbeQueue queue, final Requirement requirement) {
        this.probe = probe;
        this.queue = queue;
        this.requirement = requirement;
        this.pageSize = 4096;
        for (int range = 0; range < RANGES; range++) {
            out.add(buffer(RegionKind.DATA_OUT, blocks(range)));
            in.add(buffer(RegionKind.DATA_IN, blocks(range)));
        }
    }

    /**
     * Writes and reads range 0 once on the queue pair in use (rung by MMIO: call it before Doorbell Buffer Config) to
     * learn whether the namespace keeps data.
     *
     * @return true if it does, and the data will be compared
     */
    boolean calibrate() {
        fill(out.get(0), 0, CALIBRATION);
        run(List.of(command(IoOpcode.WRITE, 0, out.get(0))), "Write", CALIBRATION);
        run(List.of(command(IoOpcode.READ, 0, in.get(0))), "Read", CALIBRATION);
        final byte[] actual = new byte[BLOCK];
        probe.hostView().readBytes(in.get(0).region().address(), actual, 0, BLOCK);
        keepsData = matches(actual, 0, 0, CALIBRATION);
        return keepsData;
    }

    /**
     * Moves the data and counts the completions, checking neither data nor which command each completion names: for
     * a test that looks at where the device writes, leaving what it runs to DBC-EVT-008.
     */
    void transfersOnly() {
        keepsData = false;
        accounting = false;
    }

    /**
     * Moves the data path to another queue pair, e.g. one created after Doorbell Buffer Config.
     *
     * @param next the queue pair
     */
    void moveTo(final ProbeQueue next) {
        queue = next;
    }

    /**
     * Writes every range with a generation's pattern, in two submissions without a wait between them, then reads
     * every range back and compares.
     *
     * @param generation the generation, from 1
     */
    void generation(final int generation) {
        final List<SubmissionQueueEntry> writes = new ArrayList<>();
        for (int range = 0; range < RANGES; range++) {
            fill(out.get(range), range, generation);
            writes.add(command(IoOpcode.WRITE, range, out.get(range)));
        }
        run(writes, "Write", generation);
        final List<SubmissionQueueEntry> reads = new ArrayList<>();
        for (int range = 0; range < RANGES; range++) {
            reads.add(command(IoOpcode.READ, range, in.get(range)));
        }
        run(reads, "Read", generation);
        for (int range = 0; range < RANGES && keepsData; range++) {
            compare(range, generation);
        }
    }

    private void run(final List<SubmissionQueueEntry> commands, final String kind, final int generation) {
        final Map<Integer, Integer> outstanding = new HashMap<>();
        final int half = commands.size() / 2;
        for (final List<SubmissionQueueEntry> part : List.of(commands.subList(0, half),
            commands.subList(half, commands.size()))) {
            for (int k = 0; k < part.size(); k++) {
                outstanding.put((queue.nextCid() + k) & 0xFFFF, commands.indexOf(part.get(k)));
            }
            probe.submit(queue, part);
        }
        final List<CompletionQueueEntry> completions = probe.reap(queue, commands.size());
        for (final CompletionQueueEntry done : accounting ? completions : List.<CompletionQueueEntry>of()) {
            final Integer range = outstanding.remove(done.cid());
            final String where = "qid=" + queue.qid() + " depth=" + queue.sqDepth() + ", " + kind + "s of generation "
                + generation + ", outstanding CIDs " + outstanding.keySet().stream().sorted().limit(8).toList();
            if (range == null) {
                fail("CQ" + queue.qid() + " completion of CID " + done.cid(), "one completion per submitted command",
                    "a completion for a command not outstanding (an entry run twice, or one the host never "
                        + "submitted)", where);
            }
            if (!done.status().isSuccess()) {
                fail("CQ" + queue.qid() + " " + kind + " of range " + range, "success", done.status(), where);
            }
        }
    }

    private void compare(final int range, final int generation) {
        final Buffer buffer = in.get(range);
        final byte[] actual = new byte[buffer.length()];
        probe.hostView().readBytes(buffer.region().address(), actual, 0, actual.length);
        for (int block = 0; block < buffer.length() / BLOCK; block++) {
            final int offset = block * BLOCK;
            if (!matches(actual, offset, range, generation)) {
                final int seenRange = actual[offset] & 0xFF;
                final int seenGeneration = actual[offset + 1] & 0xFF;
                fail("range " + range + " block " + block + " read back", "generation " + generation + "'s data",
                    seenGeneration == 0 ? "never written" : "range " + seenRange + " generation " + seenGeneration
                        + "'s data" + (seenGeneration < generation ? " (an older Write ran after the newer one, "
                        + "or the newer one never ran)" : ""), "qid=" + queue.qid() + " LBA " + (lba(range) + block));
            }
        }
    }

    private SubmissionQueueEntry command(final IoOpcode opcode, final int range, final Buffer buffer) {
        return IoCommands.transfer(opcode, 1, lba(range), blocks(range), buffer.region().address(), buffer.prp2());
    }

    private void fill(final Buffer buffer, final int range, final int generation) {
        final byte[] bytes = new byte[buffer.length()];
        for (int offset = 0; offset < bytes.length; offset += BLOCK) {
            pattern(bytes, offset, range, generation);
        }
        probe.hostView().writeBytes(buffer.region().address(), bytes, 0, bytes.length);
    }

    private static void pattern(final byte[] bytes, final int offset, final int range, final int generation) {
        bytes[offset] = (byte) range;
        bytes[offset + 1] = (byte) generation;
        for (int k = 2; k < BLOCK; k++) {
            bytes[offset + k] = (byte) (range * 7 + generation * 31 + k);
        }
    }

    private static boolean matches(final byte[] actual, final int offset, final int range, final int generation) {
        final byte[] expected = new byte[BLOCK];
        pattern(expected, 0, range, generation);
        for (int k = 0; k < BLOCK; k++) {
            if (actual[offset + k] != expected[k]) {
                return false;
            }
        }
        return true;
    }

    /** Even ranges span three pages (PRP list), odd ones two (PRP2 the second page). */
    private static int blocks(final int range) {
        return range % 2 == 0 ? 24 : 16;
    }

    private static long lba(final int range) {
        return range * 24L;
    }

    private Buffer buffer(final RegionKind kind, final int blocks) {
        final int length = blocks * BLOCK;
        final Region data = probe.allocator().allocate(kind, length, pageSize);
        final int pages = (int) ((length + pageSize - 1) / pageSize);
        if (pages <= 2) {
            return new Buffer(data, length, data.address() + pageSize);
        }
        final Region list = probe.allocator().allocate(RegionKind.PRP_LIST, (pages - 1) * 8L, pageSize);
        for (int page = 1; page < pages; page++) {
            // plain: published with the command by the release store of the tail
            probe.hostView().writeU64(list.address() + (page - 1) * 8L, data.address() + page * pageSize,
                StoreMode.PLAIN);
        }
        return new Buffer(data, length, list.address());
    }

    private void fail(final String subject, final Object expected, final Object actual, final String where) {
        throw new AssertionFailedError(FailureMessage.of(requirement, subject, expected, actual, where));
    }

    private record Buffer(Region region, int length, long prp2) {
    }
}
