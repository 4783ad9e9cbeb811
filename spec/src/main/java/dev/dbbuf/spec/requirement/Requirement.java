package dev.dbbuf.spec.requirement;

import static dev.dbbuf.spec.requirement.Area.ADMIN_QUEUE;
import static dev.dbbuf.spec.requirement.Area.COMMAND;
import static dev.dbbuf.spec.requirement.Area.EVENTIDX;
import static dev.dbbuf.spec.requirement.Area.FALLBACK;
import static dev.dbbuf.spec.requirement.Area.ISOLATION;
import static dev.dbbuf.spec.requirement.Area.LAYOUT;
import static dev.dbbuf.spec.requirement.Area.LIFECYCLE;
import static dev.dbbuf.spec.requirement.Area.ORDERING;
import static dev.dbbuf.spec.requirement.Area.RESET;
import static dev.dbbuf.spec.requirement.Level.INTEROP;
import static dev.dbbuf.spec.requirement.Level.MUST;
import static dev.dbbuf.spec.requirement.Level.SHOULD;
import static dev.dbbuf.spec.requirement.Side.BOTH;
import static dev.dbbuf.spec.requirement.Side.DEVICE;
import static dev.dbbuf.spec.requirement.Side.HOST;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * {@code Requirement} is the catalogue: one constant per testable rule, the single source of truth for the kit's
 * tests, reports and {@code spec/README.md}.
 *
 * <p>Identifiers ({@code DBC-<area>-<nnn>}) are stable: a rule that changes meaning gets a new identifier and the old
 * one is retired, never reused.
 */
@API(status = STABLE, since = "0.1")
public enum Requirement {

    // ---- COMMAND -------------------------------------------------------------------------------------------------
    DBC_CMD_001(MUST, DEVICE, COMMAND,
        "Identify Controller OACS bit 8 is set if and only if the controller supports Doorbell Buffer Config.",
        "OACS value in Identify; whether 0x7C is accepted when the bit is clear.",
        facts(2)),
    DBC_CMD_002(MUST, DEVICE, COMMAND,
        "A controller without Doorbell Buffer Config completes opcode 0x7C with Invalid Command Opcode.",
        "admin opcode dispatch; the unsupported-opcode default.",
        facts(2)),
    DBC_CMD_003(MUST, DEVICE, COMMAND,
        "Doorbell Buffer Config with two distinct buffers aligned to the memory page size completes successfully.",
        "alignment check against CC.MPS (not a fixed 4 KiB); the table-size check.",
        facts(2)),
    DBC_CMD_004(MUST, DEVICE, COMMAND,
        "A Shadow Doorbell buffer address (PRP1) not aligned to the memory page size is rejected with Invalid Field "
            + "in Command and the configuration is not applied.",
        "alignment mask uses 4 KiB << CC.MPS; rejection leaves the previous doorbell mode in force.",
        facts(2)),
    DBC_CMD_005(MUST, DEVICE, COMMAND,
        "An EventIdx buffer address (PRP2) not aligned to the memory page size is rejected with Invalid Field in "
            + "Command and the configuration is not applied.",
        "PRP2 is checked as well as PRP1.",
        facts(2)),
    DBC_CMD_006(MUST, DEVICE, COMMAND,
        "Doorbell Buffer Config is rejected with Invalid Field in Command when the doorbell table for the "
            + "controller's queues does not fit in one memory page.",
        "(2 * maxQid + 2) * (4 << DSTRD) against 4 KiB << CC.MPS.",
        facts(2)),
    DBC_CMD_007(SHOULD, DEVICE, COMMAND,
        "Doorbell Buffer Config with the same address for both buffers is rejected with Invalid Field in Command.",
        "PRP1 == PRP2 would make the controller's EventIdx stores overwrite the host's shadow values.",
        facts(2)),
    DBC_CMD_008(MUST, DEVICE, COMMAND,
        "A second Doorbell Buffer Config re-points the controller to the new buffers; the old ones are no longer "
            + "read or written.",
        "state kept per queue still pointing at the first buffers.",
        facts(2)),
    DBC_CMD_009(MUST, HOST, COMMAND,
        "The host sends Doorbell Buffer Config only to a controller that sets OACS bit 8.",
        "OACS parsed from the right offset (256) and bit (8).",
        facts(2), facts(6)),
    DBC_CMD_010(MUST, HOST, COMMAND,
        "The host's Doorbell Buffer Config names two distinct, page-aligned, one-page buffers with PRPs and leaves "
            + "every reserved field zero.",
        "buffer allocation alignment uses CC.MPS; NSID, CDW10-15 and PSDT are zero.",
        facts(2)),

    // ---- LAYOUT --------------------------------------------------------------------------------------------------
    DBC_LAY_001(MUST, BOTH, LAYOUT,
        "SQ y's tail entry is at byte offset 2y * (4 << CAP.DSTRD) in both buffers.",
        "the stride: 4 << DSTRD, not 4, and the same in both buffers.",
        facts(3)),
    DBC_LAY_002(MUST, BOTH, LAYOUT,
        "CQ y's head entry is at byte offset (2y + 1) * (4 << CAP.DSTRD) in both buffers.",
        "CQ entries are interleaved with SQ entries, as in BAR0.",
        facts(3)),
    DBC_LAY_003(MUST, BOTH, LAYOUT,
        "Shadow and EventIdx entries are 32-bit little-endian values whose low 16 bits carry the queue index.",
        "host or controller byte order used instead of little-endian; visible with depths above 256.",
        facts(3), bug(2)),
    DBC_LAY_004(MUST, HOST, LAYOUT,
        "The buffers the host gives the controller hold the entries of every queue the host uses, up to the highest "
            + "queue identifier.",
        "buffer size computed from a queue count that changes at run time.",
        facts(3), bug(7)),
    DBC_LAY_005(MUST, HOST, LAYOUT,
        "Every value the host stores in a shadow entry is a queue index below that queue's depth.",
        "free-running counters stored without reducing modulo the depth.",
        facts(3)),

    // ---- EVENTIDX ------------------------------------------------------------------------------------------------
    DBC_EVT_001(MUST, HOST, EVENTIDX,
        "An EventIdx decision answers 'ring' whenever the update moves the doorbell past EventIdx: old <= ev < new, "
            + "circularly modulo the queue depth.",
        "comparison without wrap-around; 16-bit arithmetic assuming a power-of-two depth; off-by-one at ev == old.",
        facts(4)),
    DBC_EVT_002(SHOULD, HOST, EVENTIDX,
        "An EventIdx decision answers 'ring' only when the rule requires it (each extra ring costs an MMIO trap).",
        "the specification's example form rings once more than required when ev == new; allowed but not minimal.",
        facts(4)),
    DBC_EVT_003(MUST, HOST, EVENTIDX,
        "The host writes the MMIO doorbell whenever its shadow update moves the doorbell past the controller's "
            + "EventIdx, checked at every single update.",
        "old value taken from a private copy that drifted from the shadow entry; decision made before the store.",
        facts(4)),
    DBC_EVT_004(MUST, HOST, EVENTIDX,
        "No single doorbell update advances the index by a whole queue depth or more.",
        "a batch or completion sweep of depth entries makes old == new, which the rule cannot see.",
        facts(4)),
    DBC_EVT_005(INTEROP, HOST, EVENTIDX,
        "A host keeps working (no error, no lost doorbell against a polling controller) when EventIdx is at or "
            + "above the queue depth, such as a poll-mode 0xFFFFFFFF.",
        "range assertion on EventIdx; arithmetic that overflows with ev >= depth.",
        facts(4), facts(6)),
    DBC_EVT_006(MUST, DEVICE, EVENTIDX,
        "The controller writes the SQ EventIdx entry of every submission queue it serves from the shadow buffer.",
        "EventIdx only written for some queues, or only after an MMIO write.",
        facts(4)),
    DBC_EVT_007(MUST, DEVICE, EVENTIDX,
        "The controller writes the CQ EventIdx entry of every completion queue it serves, so a host that updates the "
            + "CQ head only in the shadow buffer is heard.",
        "CQ EventIdx never written (QEMU 7.1/7.2.0): a full CQ then hangs.",
        facts(4), bug(8)),
    DBC_EVT_008(MUST, DEVICE, EVENTIDX,
        "With a host that rings only when the rule requires, every submitted command completes, including when a "
            + "completion queue is smaller than the number of outstanding commands.",
        "EventIdx published before the controller stops looking; CQ head changes not observed while the CQ is full.",
        facts(4), bug(8)),
    DBC_EVT_009(MUST, DEVICE, EVENTIDX,
        "The controller honours MMIO doorbell writes at all times, also while shadow doorbells are active.",
        "MMIO value ignored when a shadow buffer is configured; extra MMIO writes are always legal.",
        facts(4)),
    DBC_EVT_010(SHOULD, DEVICE, EVENTIDX,
        "An EventIdx value the controller writes is below the queue depth unless the controller keeps polling that "
            + "queue.",
        "uninitialised or sentinel EventIdx left for a queue the controller does not poll.",
        facts(4)),

    // ---- ORDERING ------------------------------------------------------------------------------------------------
    DBC_ORD_001(MUST, HOST, ORDERING,
        "The host has a full barrier between storing a shadow value and loading EventIdx.",
        "a release or write barrier instead of a full one: store-buffering lets both sides read stale values.",
        facts(5), bug(1)),
    DBC_ORD_002(MUST, HOST, ORDERING,
        "The host makes submission queue entries visible before the shadow tail that covers them.",
        "no write barrier before the shadow store: the controller reads a stale entry.",
        facts(5), bug(13)),
    DBC_ORD_003(MUST, DEVICE, ORDERING,
        "The controller has a full barrier between storing EventIdx and re-loading the shadow value, and keeps "
            + "processing if the value moved.",
        "EventIdx written after the re-read, or without a full barrier.",
        facts(5), bug(11)),
    DBC_ORD_004(MUST, DEVICE, ORDERING,
        "The controller makes a completion entry fully visible before its phase tag.",
        "status and phase written first, or together with a plain store before the rest of the entry.",
        facts(5), bug(15)),
    DBC_ORD_005(MUST, DEVICE, ORDERING,
        "The controller reads submission queue entries only after acquiring the tail value that covers them.",
        "entries prefetched before the shadow tail load, or the load not an acquire.",
        facts(5)),

    // ---- LIFECYCLE -----------------------------------------------------------------------------------------------
    DBC_LIF_001(MUST, DEVICE, LIFECYCLE,
        "I/O queues that exist when Doorbell Buffer Config completes use the shadow buffers from then on.",
        "only queues created after the command are attached.",
        facts(2), facts(6)),
    DBC_LIF_002(MUST, DEVICE, LIFECYCLE,
        "I/O queues created after Doorbell Buffer Config use the shadow buffers.",
        "only queues existing at the command are attached.",
        facts(2), facts(6)),
    DBC_LIF_003(MUST, HOST, LIFECYCLE,
        "A queue's shadow entries are zero before the host creates it, including a qid re-created after deletion.",
        "slots not zeroed when a queue pair is freed: a re-created qid starts from stale values.",
        bug(12)),
    DBC_LIF_004(MUST, DEVICE, LIFECYCLE,
        "Deleting and re-creating a queue identifier while shadow doorbells are active gives a working queue that "
            + "carries no state from its predecessor.",
        "per-queue EventIdx or consumed-tail state kept across deletion.",
        facts(6), bug(12)),
    DBC_LIF_005(MUST, HOST, LIFECYCLE,
        "The host uses shadow doorbells only after Doorbell Buffer Config completed successfully.",
        "shadow-only updates sent before the controller accepted the buffers: they are never heard.",
        facts(4), facts(6)),
    DBC_LIF_006(MUST, BOTH, LIFECYCLE,
        "Queues of every depth from 2 to 65536, including odd and prime depths, work with shadow doorbells.",
        "power-of-two assumptions in index arithmetic; 16-bit overflow at depth 65536.",
        facts(3), facts(4)),

    // ---- FALLBACK ------------------------------------------------------------------------------------------------
    DBC_FBK_001(MUST, HOST, FALLBACK,
        "Against a controller without OACS bit 8, the host uses MMIO doorbells for every queue.",
        "shadow path chosen from configuration rather than from Identify.",
        facts(6)),
    DBC_FBK_002(MUST, HOST, FALLBACK,
        "When Doorbell Buffer Config fails, every later doorbell update of every queue is an MMIO write.",
        "queues created before the failure keep their shadow pointers and skip MMIO writes.",
        facts(6), bug(5)),
    DBC_FBK_003(MUST, HOST, FALLBACK,
        "When Doorbell Buffer Config fails, the host never touches the buffers it offered again.",
        "buffers freed but still written through stale per-queue pointers.",
        facts(6), bug(5)),
    DBC_FBK_004(MUST, HOST, FALLBACK,
        "The failure path works with the maximum number of queues the controller grants.",
        "off-by-one over the queue array when clearing per-queue shadow pointers.",
        bug(6)),
    DBC_FBK_005(MUST, HOST, FALLBACK,
        "After the host frees its doorbell buffers (teardown, shutdown), nothing touches them again.",
        "a queue pair still pointing at buffers the controller teardown freed.",
        bug(16)),

    // ---- RESET ---------------------------------------------------------------------------------------------------
    DBC_RST_001(MUST, DEVICE, RESET,
        "After a Controller Level Reset the controller forgets the buffers: it does not read or write them until a "
            + "new Doorbell Buffer Config, and honours MMIO doorbells meanwhile.",
        "doorbell buffer state kept across CC.EN 1 -> 0.",
        facts(2), bug(9)),
    DBC_RST_002(MUST, HOST, RESET,
        "After a controller reset the host sends Doorbell Buffer Config again before using shadow doorbells, or "
            + "falls back to MMIO.",
        "doorbell mode restored from before the reset without re-sending 0x7C.",
        facts(6), bug(3)),
    DBC_RST_003(MUST, HOST, RESET,
        "After a controller reset the host zeroes the buffers (or uses fresh ones) before re-sending the command, "
            + "never relying on values from before the reset.",
        "stale shadow and EventIdx values: old=700, ev=699, new=1 does not ring.",
        facts(6), bug(4)),
    DBC_RST_004(MUST, DEVICE, RESET,
        "After a reset and a new Doorbell Buffer Config, the controller uses only the new buffers.",
        "old buffer addresses cached per queue.",
        facts(2), bug(9)),

    // ---- ADMIN QUEUE ---------------------------------------------------------------------------------------------
    DBC_ADM_001(INTEROP, DEVICE, ADMIN_QUEUE,
        "The controller serves a host that rings the admin queue only through MMIO while shadow doorbells are "
            + "active (Linux, SPDK).",
        "admin tail taken from the shadow entry only.",
        facts(6), bug(10)),
    DBC_ADM_002(MUST, DEVICE, ADMIN_QUEUE,
        "The controller serves a host that shadows the admin queue and rings it by the EventIdx rule "
            + "(specification, libvfn).",
        "admin queue excluded from shadow processing or EventIdx publication.",
        facts(6), bug(10)),
    DBC_ADM_003(MUST, HOST, ADMIN_QUEUE,
        "The host rings the admin queue in the style it declares: MMIO for every update, or shadowed by the "
            + "EventIdx rule.",
        "a mix: some admin updates shadow-only against a declared MMIO style.",
        facts(6), bug(10)),

    // ---- ISOLATION -----------------------------------------------------------------------------------------------
    DBC_ISO_001(MUST, DEVICE, ISOLATION,
        "The controller never writes the Shadow Doorbell buffer.",
        "current tail and head copied into the shadow buffer at configuration time.",
        facts(2), facts(6)),
    DBC_ISO_002(MUST, DEVICE, ISOLATION,
        "The controller writes host memory only where the protocol lets it: completion queues, the EventIdx buffer "
            + "and buffers it transfers data into.",
        "stray DMA: EventIdx written at a wrong stride, completions past the queue end.",
        facts(2)),
    DBC_ISO_003(MUST, DEVICE, ISOLATION,
        "A shadow doorbell value at or above the queue depth does not crash the controller or make it process "
            + "entries without end.",
        "shadow tail used unchecked as a loop bound.",
        facts(6), bug(14)),
    DBC_ISO_004(SHOULD, DEVICE, ISOLATION,
        "A doorbell value at or above the queue depth raises the Invalid Doorbell Write Value asynchronous event "
            + "when one is outstanding.",
        "no asynchronous event support, or the value silently ignored.",
        facts(6), bug(14)),
    DBC_ISO_005(MUST, HOST, ISOLATION,
        "The host never writes the EventIdx buffer after handing it to the controller.",
        "re-zeroing the EventIdx buffer while the controller still owns it.",
        facts(2));

    private final Level level;
    private final Side side;
    private final Area area;
    private final String statement;
    private final String ifFailsCheck;
    private final List<Source> sources;

    Requirement(final Level level, final Side side, final Area area, final String statement,
                final String ifFailsCheck, final Source... sources) {
        this.level = level;
        this.side = side;
        this.area = area;
        this.statement = statement;
        this.ifFailsCheck = ifFailsCheck;
        this.sources = List.of(sources);
    }

    /**
     * The stable identifier.
     *
     * @return e.g. "DBC-CMD-004"
     */
    public String id() {
        return name().replace('_', '-');
    }

    /**
     * How binding the rule is.
     *
     * @return the level
     */
    public Level level() {
        return level;
    }

    /**
     * Which implementation the rule binds.
     *
     * @return the side
     */
    public Side side() {
        return side;
    }

    /**
     * The protocol area.
     *
     * @return the area
     */
    public Area area() {
        return area;
    }

    /**
     * The rule, in one sentence.
     *
     * @return the statement
     */
    public String statement() {
        return statement;
    }

    /**
     * Likely causes of a failure, for failure messages and reports.
     *
     * @return one sentence listing what to check
     */
    public String ifFailsCheck() {
        return ifFailsCheck;
    }

    /**
     * Where the rule comes from.
     *
     * @return facts sections and bug-record rows
     */
    public List<Source> sources() {
        return sources;
    }

    /**
     * Looks up an identifier.
     *
     * @param id e.g. "DBC-CMD-004"
     * @return the requirement, or empty if unknown
     */
    public static Optional<Requirement> byId(final String id) {
        return Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * Whether this rule binds a given side of a conformance run.
     *
     * @param tested the side under test (DEVICE or HOST)
     * @return true if the rule's side is that side or BOTH
     */
    public boolean binds(final Side tested) {
        return side == tested || side == BOTH;
    }

    private static Source facts(final int section) {
        return new Source.FactsSection(section);
    }

    private static Source bug(final int row) {
        return new Source.BugRecord(row);
    }
}
