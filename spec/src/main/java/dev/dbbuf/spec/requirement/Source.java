package dev.dbbuf.spec.requirement;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code Source} is where a requirement comes from: a section of the project's facts digest
 * ({@code shared/reference/doorbell-buffer-facts.md}, which summarises the NVMe Base Specification and the known
 * implementations) or a row of its bug record.
 */
@API(status = STABLE, since = "0.1")
public sealed interface Source permits Source.FactsSection, Source.BugRecord {

    /**
     * A short reference for tables, e.g. "facts §4" or "bug #8".
     *
     * @return the reference
     */
    String reference();

    /**
     * A section of the facts digest.
     *
     * @param section section number, 1..8
     */
    record FactsSection(int section) implements Source {
        @Override
        public String reference() {
            return "facts §" + section;
        }
    }

    /**
     * A row of the bug record (facts section 7): a defect a real implementation shipped.
     *
     * @param row row number, 1..16
     */
    record BugRecord(int row) implements Source {
        @Override
        public String reference() {
            return "bug #" + row;
        }
    }
}
