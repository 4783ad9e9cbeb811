package dev.dbbuf.ordering;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code OutcomeTable} lists every outcome a scenario expects, with a catch-all FORBIDDEN for anything else.
 *
 * @param listed         graded outcomes
 * @param otherwiseWhy   why any unlisted outcome is forbidden
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record OutcomeTable(List<OutcomeSpec> listed, String otherwiseWhy) {

    /**
     * Copies the list.
     */
    public OutcomeTable {
        listed = List.copyOf(listed);
    }

    /**
     * Grades an outcome.
     *
     * @param id the outcome
     * @return its listed grade, or the catch-all FORBIDDEN
     */
    public OutcomeSpec grade(final String id) {
        for (final OutcomeSpec spec : listed) {
            if (spec.id().equals(id)) {
                return spec;
            }
        }
        return new OutcomeSpec(id, Grade.FORBIDDEN, otherwiseWhy);
    }
}
