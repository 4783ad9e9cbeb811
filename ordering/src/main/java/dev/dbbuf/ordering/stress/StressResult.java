package dev.dbbuf.ordering.stress;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code StressResult} counts what one real-thread stress run saw.
 *
 * @param updates           shadow tail updates the host made
 * @param mmioWrites        MMIO doorbell writes the host decided on
 * @param lostDoorbells     times the device sat idle with entries unfetched and no MMIO write pending (each one
 *                          rescued by an extra MMIO write so the run can go on)
 * @param tornPublications  entries the device fetched with content other than the host wrote
 * @param nanos             wall-clock time of the run
 * @param firstFindings     the first few findings, one line each
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record StressResult(long updates, long mmioWrites, long lostDoorbells, long tornPublications, long nanos,
                           List<String> firstFindings) {

    /**
     * Copies the list.
     */
    public StressResult {
        firstFindings = List.copyOf(firstFindings);
    }

    /**
     * Whether the run caught any defect.
     *
     * @return true if a doorbell was lost or a publication torn
     */
    public boolean caughtDefect() {
        return lostDoorbells > 0 || tornPublications > 0;
    }

    @Override
    public String toString() {
        return "%d updates, %d MMIO writes, %d lost doorbells, %d torn publications in %.0f ms%s".formatted(updates,
            mmioWrites, lostDoorbells, tornPublications, nanos / 1e6,
            firstFindings.isEmpty() ? "" : "; first: " + firstFindings.getFirst());
    }
}
