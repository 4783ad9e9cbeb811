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
import static dev.dbbuf.spec.requirement.Basis.INTEROP;
import static dev.dbbuf.spec.requirement.Basis.ROBUSTNESS;
import static dev.dbbuf.spec.requirement.Basis.SPEC;
import static dev.dbbuf.spec.requirement.Basis.SPEC_ANNEX;
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
 * <p>Each rule has a {@link Basis} (what it stands on), a {@link Level} the basis allows, a rationale saying why it
 * has that level, and the keys of the entries of {@code spec/SOURCES.md} it rests on. Identifiers
 * ({@code DBC-<area>-<nnn>}) are stable: a rule that changes meaning gets a new identifier and the old one is retired,
 * never reused.
 */
@API(status = STABLE, since = "0.1")
public enum Requirement {

    // ---- COMMAND ----------------------------------------------------------------------------------------------------
    DBC_CMD_001(MUST, DEVICE, COMMAND, SPEC,
        "Identify Controller OACS bit 8 is set if and only if the controller supports Doorbell Buffer Config.",
        "OACS value in Identify; whether 0x7C is accepted when the bit is clear.",
        "The OACS field defines bit 8 as set exactly when the command is supported.",
        "NVMe-2.2-5.1.13", "NVMe-2.0-5.8"),
    DBC_CMD_002(MUST, DEVICE, COMMAND, SPEC,
        "A controller without Doorbell Buffer Config completes opcode 0x7C with Invalid Command Opcode.",
        "admin opcode dispatch; the unsupported-opcode default.",
        "An unsupported admin opcode completes with the generic status Invalid Command Opcode.",
        "NVMe-2.2-4.2.3", "NVMe-2.2-5.1.13"),
    DBC_CMD_003(MUST, DEVICE, COMMAND, SPEC,
        "Doorbell Buffer Config with two distinct buffers aligned to the memory page size completes successfully.",
        "alignment check against CC.MPS (not a fixed 4 KiB); the table-size check.",
        "The command section names invalid buffer addresses as its only error; page-aligned, distinct buffers of a "
            + "controller whose table fits are valid.",
        "NVMe-2.0-5.8", "NVMe-2.1-5.2.5"),
    DBC_CMD_004(MUST, DEVICE, COMMAND, SPEC,
        "A Shadow Doorbell buffer address (PRP1) not aligned to the memory page size is rejected with Invalid Field "
            + "in Command and the configuration is not applied.",
        "alignment mask uses 4 KiB << CC.MPS; rejection leaves the previous doorbell mode in force.",
        "PRP1 shall be memory page aligned and an invalid buffer address shall complete with Invalid Field in "
            + "Command.",
        "NVMe-2.0-5.8", "NVMe-2.1-5.2.5"),
    DBC_CMD_005(MUST, DEVICE, COMMAND, SPEC,
        "An EventIdx buffer address (PRP2) not aligned to the memory page size is rejected with Invalid Field in "
            + "Command and the configuration is not applied.",
        "PRP2 is checked as well as PRP1.",
        "PRP2 shall be memory page aligned and an invalid buffer address shall complete with Invalid Field in "
            + "Command.",
        "NVMe-2.0-5.8", "NVMe-2.1-5.2.5"),
    DBC_CMD_006(MUST, DEVICE, COMMAND, SPEC,
        "Doorbell Buffer Config is rejected with Invalid Field in Command when the doorbell table for the "
            + "controller's queues does not fit in one memory page.",
        "(2 * maxQid + 2) * (4 << DSTRD) against 4 KiB << CC.MPS.",
        "Re-judged: the command section says the controller shall ensure (4 << CAP.DSTRD) * (max(NSQA, NCQA) + 1) "
            + "fits in a memory page, which counts one stride per queue identifier, while its own layout figure "
            + "places two entries (SQ tail, CQ head) per identifier up to y; the kit checks the size the layout "
            + "needs, (2y + 2) * (4 << CAP.DSTRD), since a controller meeting only the smaller formula would address "
            + "CQ entries past the page, and a controller that cannot ensure the fit has only the command's error "
            + "status left to refuse it.",
        "NVMe-2.0-5.8", "NVMe-2.1-5.2.5"),
    DBC_CMD_007(SHOULD, DEVICE, COMMAND, INTEROP,
        "Doorbell Buffer Config with the same address for both buffers is rejected with Invalid Field in Command.",
        "PRP1 == PRP2 would make the controller's EventIdx stores overwrite the host's shadow values.",
        "Re-judged: only SPDK's vfio-user device rejects it and QEMU accepts it; the specification gives the two "
            + "buffers different writers but does not call an equal pair invalid, so the rule is advisory.",
        "spdk-vfio-user", "NVMe-2.0-5.8", "dbbuf-tck-qemu-7.2"),
    DBC_CMD_008(MUST, DEVICE, COMMAND, SPEC,
        "A second Doorbell Buffer Config re-points the controller to the new buffers; the old ones are no longer read "
            + "or written.",
        "state kept per queue still pointing at the first buffers.",
        "PRP1 and PRP2 specify the buffers; after a successful command the buffers in use are the ones it names, and "
            + "the specification does not forbid sending it again.",
        "NVMe-2.0-5.8"),
    DBC_CMD_009(Level.INTEROP, HOST, COMMAND, SPEC_ANNEX,
        "The host sends Doorbell Buffer Config only to a controller that sets OACS bit 8.",
        "OACS parsed from the right offset (256) and bit (8).",
        "The annex lets the host enable shadow doorbells if the controller supports the command, which OACS bit 8 "
            + "states; Linux and SPDK allocate the buffers only when the bit is set.",
        "NVMe-2.0-AnnexB", "NVMe-2.2-5.1.13", "linux-f9f38e33389c"),
    DBC_CMD_010(MUST, HOST, COMMAND, SPEC,
        "The host's Doorbell Buffer Config names two distinct, page-aligned, one-page buffers with PRPs and leaves "
            + "every reserved field zero.",
        "buffer allocation alignment uses CC.MPS; NSID, CDW10-15 and PSDT are zero.",
        "Each buffer shall be one memory page, page aligned; reserved fields are cleared by their writer; the two "
            + "buffers have different writers (host, controller), which one page cannot be.",
        "NVMe-2.0-5.8", "NVMe-2.1-5.2.5", "NVMe-2.2-1.4"),
    DBC_CMD_011(MUST, DEVICE, COMMAND, SPEC,
        "A buffer address the controller cannot access (outside the host memory it may reach) is rejected with "
            + "Invalid Field in Command.",
        "only alignment checked; the buffers mapped lazily on first use.",
        "The command section calls for Invalid Field in Command for invalid buffer addresses, not only misaligned "
            + "ones.",
        "NVMe-2.0-5.8", "NVMe-2.1-5.2.5"),

    // ---- LAYOUT -----------------------------------------------------------------------------------------------------
    DBC_LAY_001(MUST, BOTH, LAYOUT, SPEC,
        "SQ y's tail entry is at byte offset 2y * (4 << CAP.DSTRD) in both buffers.",
        "the stride: 4 << DSTRD, not 4, and the same in both buffers.",
        "The command's layout figure gives these offsets for both buffers.",
        "NVMe-2.0-5.8", "NVMe-2.1-5.2.5"),
    DBC_LAY_002(MUST, BOTH, LAYOUT, SPEC,
        "CQ y's head entry is at byte offset (2y + 1) * (4 << CAP.DSTRD) in both buffers.",
        "CQ entries are interleaved with SQ entries, as in BAR0.",
        "The command's layout figure gives these offsets for both buffers.",
        "NVMe-2.0-5.8", "NVMe-2.1-5.2.5"),
    DBC_LAY_003(MUST, BOTH, LAYOUT, SPEC,
        "Shadow and EventIdx entries are 32-bit little-endian values whose low 16 bits carry the queue index.",
        "host or controller byte order used instead of little-endian; visible with depths above 256.",
        "Entries are doorbell values in host memory, which the specification lays out little-endian; Linux and QEMU "
            + "both shipped host byte order and fixed it.",
        "NVMe-2.0-5.8", "NVMe-2.2-1.4", "linux-b5f96cb719d8", "qemu-2fda0726e514"),
    DBC_LAY_004(MUST, HOST, LAYOUT, SPEC,
        "The buffers the host gives the controller hold the entries of every queue the host uses, up to the highest "
            + "queue identifier.",
        "buffer size computed from a queue count that changes at run time.",
        "The layout figure places every queue's entries in the page the host supplies; an entry outside it lies in "
            + "memory the host never gave.",
        "NVMe-2.0-5.8", "NVMe-2.1-5.2.5"),
    DBC_LAY_005(MUST, HOST, LAYOUT, SPEC,
        "Every value the host stores in a shadow entry is a queue index below that queue's depth.",
        "free-running counters stored without reducing modulo the depth.",
        "A shadow entry stands for the doorbell value the host would write, and a doorbell value at or above the "
            + "queue size is an invalid doorbell write.",
        "NVMe-2.0-AnnexB", "NVMe-2.0a-Fig144"),

    // ---- EVENTIDX ---------------------------------------------------------------------------------------------------
    DBC_EVT_001(Level.INTEROP, HOST, EVENTIDX, SPEC_ANNEX,
        "An EventIdx decision answers 'ring' whenever the update moves the doorbell past EventIdx: old <= ev < new, "
            + "circularly modulo the queue depth.",
        "comparison without wrap-around; 16-bit arithmetic assuming a power-of-two depth; off-by-one at ev == old.",
        "The annex states the rule (with queue wrap) in informative text since 2.0; 1.3 had it in a normative "
            + "section. Breaking it loses doorbells against every controller that relies on EventIdx, so it fails a "
            + "run like a MUST.",
        "NVMe-2.0-AnnexB", "NVMe-1.3-5.7", "linux-f9f38e33389c"),
    DBC_EVT_002(SHOULD, HOST, EVENTIDX, SPEC_ANNEX,
        "An EventIdx decision answers 'ring' only when the rule requires it (each extra ring costs an MMIO trap).",
        "the specification's example form rings once more than required when ev == new; allowed but not minimal.",
        "Re-judged, kept advisory: the annex requires a ring when an update crosses EventIdx and never forbids "
            + "others, and its own example algorithm rings once more (when EventIdx equals the new value); an extra "
            + "ring costs one trap and loses nothing, so this is the only rule the example does not meet, by design.",
        "NVMe-2.0-AnnexB"),
    DBC_EVT_003(Level.INTEROP, HOST, EVENTIDX, SPEC_ANNEX,
        "The host writes the MMIO doorbell whenever its shadow update moves the doorbell past the controller's "
            + "EventIdx, checked at every single update.",
        "old value taken from a private copy that drifted from the shadow entry; decision made before the store.",
        "The annex's rule applies to every update of a shadow entry; a missed ring is a lost doorbell.",
        "NVMe-2.0-AnnexB", "linux-f9f38e33389c"),
    DBC_EVT_004(Level.INTEROP, HOST, EVENTIDX, SPEC_ANNEX,
        "No single doorbell update advances the index by a whole queue depth or more.",
        "a batch or completion sweep of depth entries makes old == new, which the rule cannot see.",
        "The annex's comparison sees an update only through old and new modulo the depth; the queue model (a queue is "
            + "full one entry before it wraps) bounds a legal update to depth - 1.",
        "NVMe-2.0-AnnexB", "NVMe-2.2-3.3.1"),
    DBC_EVT_005(Level.INTEROP, HOST, EVENTIDX, INTEROP,
        "A host keeps working (no error, no lost doorbell against a polling controller) when EventIdx is at or above "
            + "the queue depth, such as a poll-mode 0xFFFFFFFF.",
        "range assertion on EventIdx; arithmetic that overflows with ev >= depth.",
        "SPDK's vfio-user device writes 0xFFFFFFFF in poll mode; a host that rejects or mis-computes such a value "
            + "breaks against it.",
        "spdk-vfio-user", "linux-f9f38e33389c"),
    DBC_EVT_006(Level.INTEROP, DEVICE, EVENTIDX, SPEC_ANNEX,
        "The controller writes the SQ EventIdx entry of every submission queue it serves from the shadow buffer.",
        "EventIdx only written for some queues, or only after an MMIO write.",
        "The controller may update EventIdx at any time, and it is the only writer; a host following the annex rings "
            + "only when an update crosses it, so a controller that never writes it is not heard.",
        "NVMe-2.0-AnnexB", "NVMe-2.0-5.8", "qemu-3f7fe8de3d49"),
    DBC_EVT_007(Level.INTEROP, DEVICE, EVENTIDX, SPEC_ANNEX,
        "The controller writes the CQ EventIdx entry of every completion queue it serves, so a host that updates the "
            + "CQ head only in the shadow buffer is heard.",
        "CQ EventIdx never written (QEMU 7.1/7.2.0): a full CQ then hangs.",
        "As for submission queues; QEMU shipped without it and fixed it after full completion queues hung guests.",
        "NVMe-2.0-AnnexB", "qemu-fa5db2aa168b"),
    DBC_EVT_008(Level.INTEROP, DEVICE, EVENTIDX, SPEC_ANNEX,
        "With a host that rings only when the rule requires, every submitted command completes, including when a "
            + "completion queue is smaller than the number of outstanding commands.",
        "EventIdx published before the controller stops looking; CQ head changes not observed while the CQ is full.",
        "A host that applies the annex exactly is the one every controller must serve; QEMU's missing CQ EventIdx "
            + "hung exactly such hosts.",
        "NVMe-2.0-AnnexB", "qemu-fa5db2aa168b"),
    DBC_EVT_009(MUST, DEVICE, EVENTIDX, SPEC,
        "The controller honours MMIO doorbell writes at all times, also while shadow doorbells are active.",
        "MMIO value ignored when a shadow buffer is configured; extra MMIO writes are always legal.",
        "The doorbell properties stay defined while shadow doorbells are active, and the annex makes an MMIO write "
            + "the host's way to wake the controller.",
        "NVMe-PCIe-1.1", "NVMe-2.0-AnnexB"),
    DBC_EVT_010(Level.INTEROP, DEVICE, EVENTIDX, SPEC_ANNEX,
        "An EventIdx value the controller writes is below the queue depth unless the controller keeps polling that "
            + "queue.",
        "uninitialised or sentinel EventIdx left for a queue the controller does not poll.",
        "Re-judged from SHOULD: no shadow value (always below the depth) can cross an EventIdx at or above it, so a "
            + "host applying the annex exactly never rings again; only a controller that polls may ask for that "
            + "(SPDK's poll mode does), any other loses doorbells.",
        "NVMe-2.0-AnnexB", "spdk-vfio-user"),

    // ---- ORDERING ---------------------------------------------------------------------------------------------------
    DBC_ORD_001(Level.INTEROP, HOST, ORDERING, ROBUSTNESS,
        "The host has a full barrier between storing a shadow value and loading EventIdx.",
        "a release or write barrier instead of a full one: store-buffering lets both sides read stale values.",
        "The annex lets the controller read shadow entries and write EventIdx at any time, which makes the two sides "
            + "a store-buffering pair; Linux and SPDK added the full barrier after lost doorbells.",
        "linux-dbbuf-mb", "spdk-gerrit-468188", "NVMe-2.0-AnnexB"),
    DBC_ORD_002(Level.INTEROP, HOST, ORDERING, ROBUSTNESS,
        "The host makes submission queue entries visible before the shadow tail that covers them.",
        "no write barrier before the shadow store: the controller reads a stale entry.",
        "A tail publishes the entries below it, as the queue model has it for MMIO doorbells; SPDK on GCE saw "
            + "duplicate completions and hangs without the write barrier, and Linux has had it since the "
            + "introduction.",
        "spdk-issue-1828", "linux-f9f38e33389c", "NVMe-2.2-3.3.1"),
    DBC_ORD_003(Level.INTEROP, DEVICE, ORDERING, ROBUSTNESS,
        "The controller has a full barrier between storing EventIdx and re-loading the shadow value, and keeps "
            + "processing if the value moved.",
        "EventIdx written after the re-read, or without a full barrier.",
        "The controller's half of the store-buffering pair: SPDK's vfio-user device and openvmm re-check the shadow "
            + "value after a full fence.",
        "spdk-vfio-user", "openvmm-pr-1582"),
    DBC_ORD_004(Level.INTEROP, DEVICE, ORDERING, ROBUSTNESS,
        "The controller makes a completion entry fully visible before its phase tag.",
        "status and phase written first, or together with a plain store before the rest of the entry.",
        "The phase tag tells the host an entry is new, so the rest of the entry must be there when it flips; an "
            + "emulated controller has to order its stores as a device's writes are ordered.",
        "NVMe-2.2-4.2.4", "spdk-issue-2323"),
    DBC_ORD_005(Level.INTEROP, DEVICE, ORDERING, ROBUSTNESS,
        "The controller reads submission queue entries only after acquiring the tail value that covers them.",
        "entries prefetched before the shadow tail load, or the load not an acquire.",
        "The controller's half of the tail publication; reading an entry before the tail that covers it sees a stale "
            + "command.",
        "NVMe-2.2-3.3.1", "spdk-issue-1828"),

    // ---- LIFECYCLE --------------------------------------------------------------------------------------------------
    DBC_LIF_001(Level.INTEROP, DEVICE, LIFECYCLE, SPEC_ANNEX,
        "I/O queues that exist when Doorbell Buffer Config completes use the shadow buffers from then on.",
        "only queues created after the command are attached.",
        "After completion the host submits through the shadow entries of its queues, and Linux sends the command "
            + "after creating its I/O queues.",
        "NVMe-2.0-AnnexB", "linux-f9f38e33389c", "qemu-3f7fe8de3d49"),
    DBC_LIF_002(Level.INTEROP, DEVICE, LIFECYCLE, SPEC_ANNEX,
        "I/O queues created after Doorbell Buffer Config use the shadow buffers.",
        "only queues existing at the command are attached.",
        "The layout covers every queue identifier up to y, and SPDK creates its queues after the command.",
        "NVMe-2.0-AnnexB", "NVMe-2.0-5.8", "spdk-host-dbbuf"),
    DBC_LIF_003(Level.INTEROP, HOST, LIFECYCLE, ROBUSTNESS,
        "A queue's shadow entries are zero before the host creates it, including a qid re-created after deletion.",
        "slots not zeroed when a queue pair is freed: a re-created qid starts from stale values.",
        "A new queue starts at index 0, so a stale shadow value is a wrong old value for the first update; SPDK "
            + "zeroes the slots of a deleted queue since hangs on GCE.",
        "spdk-issue-1795", "spdk-host-delete-qpair", "linux-58847f12fe78"),
    DBC_LIF_004(Level.INTEROP, DEVICE, LIFECYCLE, SPEC_ANNEX,
        "Deleting and re-creating a queue identifier while shadow doorbells are active gives a working queue that "
            + "carries no state from its predecessor.",
        "per-queue EventIdx or consumed-tail state kept across deletion.",
        "Re-judged, the controller's duty: EventIdx is written by the controller alone, and a host following the "
            + "annex trusts it, so an EventIdx left from the deleted queue (QEMU 7.2 leaves 11 and never polls) is a "
            + "promise the controller does not keep; SPDK's host zeroes the slots to work around such controllers, "
            + "and the kit's probe does not.",
        "NVMe-2.0-5.8", "NVMe-2.0-AnnexB", "spdk-issue-1795", "dbbuf-tck-qemu-7.2"),
    DBC_LIF_005(Level.INTEROP, HOST, LIFECYCLE, SPEC_ANNEX,
        "The host uses shadow doorbells only after Doorbell Buffer Config completed successfully.",
        "shadow-only updates sent before the controller accepted the buffers: they are never heard.",
        "The annex switches the host to shadow entries after the completion of the command.",
        "NVMe-2.0-AnnexB", "linux-0f0d2c876c96"),
    DBC_LIF_006(Level.INTEROP, BOTH, LIFECYCLE, SPEC_ANNEX,
        "Queues of every depth from 2 to 65536, including odd and prime depths, work with shadow doorbells.",
        "power-of-two assumptions in index arithmetic; 16-bit overflow at depth 65536.",
        "The annex computes modulo the queue depth, and the queue model allows any depth from 2 to 65536.",
        "NVMe-2.0-AnnexB", "NVMe-2.2-3.3.1"),

    // ---- FALLBACK ---------------------------------------------------------------------------------------------------
    DBC_FBK_001(Level.INTEROP, HOST, FALLBACK, SPEC_ANNEX,
        "Against a controller without OACS bit 8, the host uses MMIO doorbells for every queue.",
        "shadow path chosen from configuration rather than from Identify.",
        "Shadow doorbells exist only where the controller supports the command; elsewhere the doorbell properties are "
            + "the only doorbells.",
        "NVMe-2.0-AnnexB", "NVMe-2.2-5.1.13"),
    DBC_FBK_002(Level.INTEROP, HOST, FALLBACK, ROBUSTNESS,
        "When Doorbell Buffer Config fails, every later doorbell update of every queue is an MMIO write.",
        "queues created before the failure keep their shadow pointers and skip MMIO writes.",
        "A controller that rejected the buffers reads none of them; Linux kept shadow pointers after a failed command "
            + "until 5.10.",
        "linux-0f0d2c876c96", "NVMe-2.0-AnnexB"),
    DBC_FBK_003(Level.INTEROP, HOST, FALLBACK, ROBUSTNESS,
        "When Doorbell Buffer Config fails, the host never touches the buffers it offered again.",
        "buffers freed but still written through stale per-queue pointers.",
        "The same Linux defect wrote freed buffers through stale per-queue pointers.",
        "linux-0f0d2c876c96"),
    DBC_FBK_004(Level.INTEROP, HOST, FALLBACK, ROBUSTNESS,
        "The failure path works with the maximum number of queues the controller grants.",
        "off-by-one over the queue array when clearing per-queue shadow pointers.",
        "The failure path clears per-queue state over the whole queue array, where an off-by-one reaches past it.",
        "linux-0f0d2c876c96"),
    DBC_FBK_005(Level.INTEROP, HOST, FALLBACK, ROBUSTNESS,
        "After the host frees its doorbell buffers (teardown, shutdown), nothing touches them again.",
        "a queue pair still pointing at buffers the controller teardown freed.",
        "SPDK's host guards its clearing of a deleted queue's slots with the controller's buffer pointer, since a "
            + "queue pair may outlive the buffers.",
        "spdk-host-delete-qpair"),

    // ---- RESET ------------------------------------------------------------------------------------------------------
    DBC_RST_001(Level.INTEROP, DEVICE, RESET, INTEROP,
        "After a Controller Level Reset the controller forgets the buffers: it does not read or write them until a "
            + "new Doorbell Buffer Config, and honours MMIO doorbells meanwhile.",
        "doorbell buffer state kept across CC.EN 1 -> 0.",
        "The command section does not say what a reset does to the buffers; every host on record re-sends the command "
            + "after a reset (Linux re-zeroes and re-sends, SPDK's device frees its mapping on CC.EN = 0), so a "
            + "controller that keeps the old pages writes memory the host may have reused.",
        "NVMe-2.2-3.7", "linux-58847f12fe78", "spdk-vfio-user", "dbbuf-tck-qemu-7.2"),
    DBC_RST_002(Level.INTEROP, HOST, RESET, SPEC_ANNEX,
        "After a controller reset the host sends Doorbell Buffer Config again before using shadow doorbells, or falls "
            + "back to MMIO.",
        "doorbell mode restored from before the reset without re-sending 0x7C.",
        "The annex starts shadow doorbells at the completion of the command, and no command has completed since the "
            + "reset.",
        "NVMe-2.0-AnnexB", "linux-58847f12fe78"),
    DBC_RST_003(Level.INTEROP, HOST, RESET, ROBUSTNESS,
        "After a controller reset the host zeroes the buffers (or uses fresh ones) before re-sending the command, "
            + "never relying on values from before the reset.",
        "stale shadow and EventIdx values: old=700, ev=699, new=1 does not ring.",
        "Re-judged and kept: ringing the MMIO doorbell on each first update would repair the host's own decision, but "
            + "the controller may read a shadow entry at any time, and a stale tail left in a re-offered page makes "
            + "it fetch entries the host never submitted; Linux's fix zeroes both pages at every reset.",
        "linux-58847f12fe78"),
    DBC_RST_004(Level.INTEROP, DEVICE, RESET, INTEROP,
        "After a reset and a new Doorbell Buffer Config, the controller uses only the new buffers.",
        "old buffer addresses cached per queue.",
        "As for DBC-RST-001: hosts re-send the command with new or re-zeroed pages after every reset.",
        "linux-58847f12fe78", "NVMe-2.0-5.8"),
    DBC_RST_005(Level.INTEROP, DEVICE, RESET, INTEROP,
        "After an NVM Subsystem Reset the controller forgets the buffers, as after a Controller Level Reset.",
        "buffer state kept by a reset path other than CC.EN.",
        "An NVM Subsystem Reset resets every controller of the subsystem; hosts recover from it as from a controller "
            + "reset, re-sending the command.",
        "NVMe-2.2-3.7", "linux-58847f12fe78"),
    DBC_RST_006(Level.INTEROP, DEVICE, RESET, INTEROP,
        "After a Function Level Reset or a conventional PCI reset the controller forgets the buffers.",
        "buffer state kept by a reset path other than CC.EN.",
        "These resets include a Controller Level Reset of the function; a controller that keeps the pages writes "
            + "memory the host may have reused.",
        "NVMe-2.2-3.7"),

    // ---- ADMIN QUEUE ------------------------------------------------------------------------------------------------
    DBC_ADM_001(Level.INTEROP, DEVICE, ADMIN_QUEUE, INTEROP,
        "The controller serves a host that rings the admin queue only through MMIO while shadow doorbells are active "
            + "(Linux, SPDK).",
        "admin tail taken from the shadow entry only.",
        "Linux and SPDK never shadow the admin queue, although the annex and the layout include it.",
        "linux-f9f38e33389c", "spdk-issue-2147"),
    DBC_ADM_002(Level.INTEROP, DEVICE, ADMIN_QUEUE, SPEC_ANNEX,
        "The controller serves a host that shadows the admin queue and rings it by the EventIdx rule (specification, "
            + "libvfn).",
        "admin queue excluded from shadow processing or EventIdx publication.",
        "The layout gives queue 0 entries and the annex makes the host use the shadow entries of its queues; libvfn "
            + "does so.",
        "NVMe-2.0-5.8", "NVMe-2.0-AnnexB", "libvfn-quirk-broken-dbbuf", "spdk-issue-2147"),
    DBC_ADM_003(Level.INTEROP, HOST, ADMIN_QUEUE, INTEROP,
        "The host rings the admin queue in the style it declares: MMIO for every update, or shadowed by the EventIdx "
            + "rule.",
        "a mix: some admin updates shadow-only against a declared MMIO style.",
        "Both styles exist (Linux and SPDK: MMIO; libvfn: shadowed); a host that mixes them leaves admin commands "
            + "unheard by a controller serving the other style.",
        "spdk-issue-2147", "libvfn-quirk-broken-dbbuf", "linux-f9f38e33389c"),

    // ---- ISOLATION --------------------------------------------------------------------------------------------------
    DBC_ISO_001(SHOULD, DEVICE, ISOLATION, SPEC,
        "The controller never writes the Shadow Doorbell buffer.",
        "current tail and head copied into the shadow buffer at configuration time.",
        "Re-judged from MUST: PRP1's description says the host updates the buffer but forbids nothing, and QEMU and "
            + "SPDK's vfio-user device copy the current doorbells into it while processing the command, before the "
            + "host may use it; that cannot race a host following the annex but overwrites what the host stored, so "
            + "it is advisory. A write after the command completed is the dangerous case (DBC-ISO-006).",
        "NVMe-2.0-5.8", "qemu-3f7fe8de3d49", "spdk-vfio-user"),
    DBC_ISO_002(MUST, DEVICE, ISOLATION, SPEC,
        "The controller writes host memory only where the protocol lets it: completion queues, the EventIdx buffer "
            + "and buffers it transfers data into.",
        "stray DMA: EventIdx written at a wrong stride, completions past the queue end.",
        "The specification defines each place the controller writes: completion queue entries, data buffers of "
            + "commands, and EventIdx entries at the layout's offsets.",
        "NVMe-2.0-5.8", "NVMe-2.2-3.3.1"),
    DBC_ISO_003(Level.INTEROP, DEVICE, ISOLATION, ROBUSTNESS,
        "A shadow doorbell value at or above the queue depth does not crash the controller or make it process entries "
            + "without end.",
        "shadow tail used unchecked as a loop bound.",
        "SPDK's vfio-user device looped on an unchecked tail until it validated doorbell values.",
        "spdk-issue-2171", "NVMe-2.0a-Fig144"),
    DBC_ISO_004(SHOULD, DEVICE, ISOLATION, SPEC,
        "A doorbell value at or above the queue depth raises the Invalid Doorbell Write Value asynchronous event when "
            + "one is outstanding.",
        "no asynchronous event support, or the value silently ignored.",
        "The event is specified for invalid doorbell register writes; a shadow value stands for such a write, which "
            + "SPDK reads as calling for the same event, but the specification does not say so for the shadow buffer.",
        "NVMe-2.0a-Fig144", "spdk-issue-2171"),
    DBC_ISO_005(Level.INTEROP, HOST, ISOLATION, INTEROP,
        "The host does not write the EventIdx entries of a queue that exists while the controller owns the buffers; "
            + "it may clear the entries of a queue it has deleted or not yet created.",
        "re-zeroing the EventIdx buffer while the controller still owns it.",
        "Re-judged: PRP2's description gives the buffer to the controller, and a host store over a live entry can "
            + "hide the controller's request for a doorbell; SPDK's host zeroes both entries of a queue after "
            + "deleting it, which cannot race the controller, so the rule allows it.",
        "NVMe-2.0-5.8", "spdk-host-delete-qpair"),
    DBC_ISO_006(Level.INTEROP, DEVICE, ISOLATION, ROBUSTNESS,
        "Once Doorbell Buffer Config has completed, the controller does not write a shadow entry of a queue the host "
            + "may update.",
        "doorbell values copied into the shadow buffer on MMIO writes or on queue creation.",
        "After completion the host owns the shadow entries and stores to them at any time; a controller store can "
            + "overwrite a host update that has not been acted on, which is a lost doorbell.",
        "NVMe-2.0-5.8", "NVMe-2.0-AnnexB", "openvmm-pr-1582");

    private final Level level;
    private final Side side;
    private final Area area;
    private final Basis basis;
    private final String statement;
    private final String ifFailsCheck;
    private final String rationale;
    private final List<Source> sources;

    Requirement(final Level level, final Side side, final Area area, final Basis basis, final String statement,
                final String ifFailsCheck, final String rationale, final String... sources) {
        this.level = level;
        this.side = side;
        this.area = area;
        this.basis = basis;
        this.statement = statement;
        this.ifFailsCheck = ifFailsCheck;
        this.rationale = rationale;
        this.sources = Arrays.stream(sources).map(Source::new).toList();
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
     * How binding the rule is; always one its {@linkplain #basis() basis} allows.
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
     * What the rule stands on.
     *
     * @return the basis
     */
    public Basis basis() {
        return basis;
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
     * Why the rule has its basis and level, and, for a rule the record contradicted, how it was re-judged.
     *
     * @return one or more sentences
     */
    public String rationale() {
        return rationale;
    }

    /**
     * Where the rule comes from: keys of entries of {@code spec/SOURCES.md}, the first the main one.
     *
     * @return one or more sources
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
}
