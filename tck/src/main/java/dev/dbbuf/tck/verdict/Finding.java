package dev.dbbuf.tck.verdict;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.spec.requirement.Requirement;
import org.apiguardian.api.API;

/**
 * {@code Finding} is one rule violation an observer of the kit recorded while a test ran, e.g. DBC-LAY-003 for a
 * shadow doorbell stored big-endian, in the kit's {@link FailureMessage} format.
 *
 * @param requirement the rule broken
 * @param message     what was seen, e.g. "DBC-LAY-003: SQ1 tail shadow @0x0008 expected=5 actual=83886080 (...)"
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record Finding(Requirement requirement, String message) {
}
