package dev.dbbuf.tck.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.requirement.Requirement;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code RequirementVerdict} is the verdict on one requirement with the tests behind it.
 *
 * @param requirement the catalogue entry
 * @param verdict     the verdict
 * @param tests       the kit tests that ran for it, possibly none
 * @param message     why it failed, was blocked, partial, not applicable or untested; {@code null} for PASS
 */
@API(status = INTERNAL, since = "0.1")
public record RequirementVerdict(Requirement requirement, Verdict verdict, List<TestRecord> tests,
                                 @Nullable String message) {

    /**
     * Copies the list.
     */
    public RequirementVerdict {
        tests = List.copyOf(tests);
    }

    /**
     * What the requirement's tests checked, each fact once, in test order.
     *
     * @return e.g. ["exhaustive over depths 2..256: 11184640 inputs", "1000000 sampled inputs, depths 257..65536"]
     */
    public List<String> coverage() {
        return tests.stream().flatMap(t -> t.coverage().stream()).distinct().toList();
    }
}
