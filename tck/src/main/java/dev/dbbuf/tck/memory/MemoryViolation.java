package dev.dbbuf.tck.memory;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.memory.Agent;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.verdict.FailureMessage;
import org.apiguardian.api.API;

/**
 * {@code MemoryViolation} is one access the protocol forbids.
 *
 * @param requirement the rule broken
 * @param agent       who made the access
 * @param access      "write" or "read"
 * @param address     the first byte accessed
 * @param region      the region it fell in
 * @param expected    what the rule allows there
 */
@API(status = INTERNAL, since = "0.1")
public record MemoryViolation(Requirement requirement, Agent agent, String access, long address, Region region,
                              String expected) {

    /**
     * The failure message.
     *
     * @return in the kit's one format, with the hex address and offset into the region
     */
    public String message() {
        final String subject = agent.name().toLowerCase(java.util.Locale.ROOT) + " " + access + " @"
            + FailureMessage.hex(address) + " in " + region.kind() + " region @" + FailureMessage.hex(region.address());
        return FailureMessage.of(requirement, subject,
            expected, access, "offset " + FailureMessage.hex(address - region.address()));
    }
}
