package dev.dbbuf.tck.trace;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.tck.select.ImplementationInfo;
import dev.dbbuf.tck.select.KitSide;
import dev.dbbuf.tck.verdict.SideReport;
import dev.dbbuf.tck.verdict.SummaryTable;
import dev.dbbuf.tck.verdict.TestRecord;
import dev.dbbuf.tck.verdict.VerdictFile;
import dev.dbbuf.tck.verdict.Verdicts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * {@code ConformanceRun} collects the records of one test-engine run and, when the engine closes it, writes one
 * verdict file per implementation tested and prints the summary table.
 *
 * <p>It lives in the root extension store, so every launcher run (including the kit's own meta-tests, which start
 * nested runs) has its own.
 *
 * <p>A requirement whose tests all passed is PASS (e.g. DBC-CMD-003); one with any failed test is FAIL; one the kit
 * cannot check is UNTESTED with its reason from {@link dev.dbbuf.tck.verdict.Untested} (e.g. DBC-ORD-001).
 */
@API(status = INTERNAL, since = "0.1")
public final class ConformanceRun implements AutoCloseable {

    /** Configuration parameter naming the directory verdict files go to. */
    public static final String DIRECTORY_SETTING = "tck.conformance.dir";
    /** Where verdict files go by default, relative to the working directory (the module directory under Maven). */
    public static final String DEFAULT_DIRECTORY = "target/conformance";

    private final long seed;
    private final Path directory;
    private final Map<KitSide, SideRun> sides = new EnumMap<>(KitSide.class);
    private final Map<String, Object> shared = new ConcurrentHashMap<>();

    ConformanceRun(final long seed, final Path directory) {
        this.seed = seed;
        this.directory = directory;
        System.out.printf("dbbuf-tck: seed=%d (replay with -Dtck.seed=%d), verdicts in %s%n", seed, seed,
            directory.toAbsolutePath());
    }

    long seed() {
        return seed;
    }

    Map<String, Object> shared() {
        return shared;
    }

    synchronized void register(final ImplementationInfo implementation) {
        sides.computeIfAbsent(implementation.side(), s -> new SideRun(implementation, System.currentTimeMillis()));
    }

    synchronized void record(final KitSide side, final TestRecord record) {
        final SideRun run = sides.get(side);
        if (run != null) {
            run.records.add(record);
            run.lastMillis = System.currentTimeMillis();
        }
    }

    /**
     * The reports so far.
     *
     * @return one per implementation tested
     */
    public synchronized List<SideReport> reports() {
        final List<SideReport> reports = new ArrayList<>();
        for (final SideRun run : sides.values()) {
            reports.add(new SideReport(run.implementation, seed, run.startMillis,
                Math.max(0, run.lastMillis - run.startMillis), Verdicts.compute(run.implementation.side(),
                List.copyOf(run.records))));
        }
        return reports;
    }

    /** Writes the verdict files and prints the summary. */
    @Override
    public void close() {
        final List<SideReport> reports = reports();
        for (final SideReport report : reports) {
            VerdictFile.write(directory, report);
        }
        System.out.print(SummaryTable.render(reports));
    }

    private static final class SideRun {
        private final ImplementationInfo implementation;
        private final long startMillis;
        private final List<TestRecord> records = new ArrayList<>();
        private long lastMillis;

        private SideRun(final ImplementationInfo implementation, final long startMillis) {
            this.implementation = implementation;
            this.startMillis = startMillis;
            this.lastMillis = startMillis;
        }
    }
}
