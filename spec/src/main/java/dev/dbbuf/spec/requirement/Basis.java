package dev.dbbuf.spec.requirement;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.EnumSet;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * {@code Basis} is what a requirement stands on, and so how binding it may be: only normative text of the NVM Express
 * Base Specification can make a rule {@link Level#MUST}.
 *
 * <p>The sources a requirement cites are entries of {@code spec/SOURCES.md}; the basis says which kind of source
 * carries the rule.
 */
@API(status = STABLE, since = "0.2")
public enum Basis {
    /**
     * Normative text of the Doorbell Buffer Config command section or of another normative section of the
     * specification. The level follows the text: MUST where it says "shall", SHOULD where it says "should" or only
     * assigns a role without a keyword, MAY where it says "may".
     */
    SPEC("normative text of the specification", EnumSet.of(Level.MUST, Level.SHOULD, Level.MAY)),
    /**
     * The informative annex "Updating Controller Doorbell Properties using a Shadow Doorbell Buffer" and its example
     * algorithm. An informative annex binds nothing by itself, so its rules are INTEROP where breaking them loses
     * doorbells against real implementations, SHOULD where they only cost performance.
     */
    SPEC_ANNEX("the informative annex on shadow doorbells", EnumSet.of(Level.INTEROP, Level.SHOULD, Level.MAY)),
    /**
     * What the implementations on record do and rely on where the specification is silent or ambiguous, each one
     * cited. INTEROP where a peer that breaks it hangs or corrupts memory, SHOULD where it is one implementation's
     * choice.
     */
    INTEROP("what real hosts and controllers rely on", EnumSet.of(Level.INTEROP, Level.SHOULD, Level.MAY)),
    /**
     * A lesson from the bug record: a defect an implementation shipped and fixed. INTEROP where the defect lost
     * doorbells, hung queues or touched memory it did not own; SHOULD where it only cost performance or
     * diagnostics. Never MUST: the specification does not say it.
     */
    ROBUSTNESS("a lesson from the bug record", EnumSet.of(Level.INTEROP, Level.SHOULD));

    private final String meaning;
    private final Set<Level> allowedLevels;

    Basis(final String meaning, final Set<Level> allowedLevels) {
        this.meaning = meaning;
        this.allowedLevels = Set.copyOf(allowedLevels);
    }

    /**
     * What the basis means, for the catalogue's legend.
     *
     * @return a phrase, e.g. "a lesson from the bug record"
     */
    public String meaning() {
        return meaning;
    }

    /**
     * The levels a requirement on this basis may have.
     *
     * @return an unmodifiable set, never empty
     */
    public Set<Level> allowedLevels() {
        return allowedLevels;
    }

    /**
     * Whether a requirement on this basis may have a level.
     *
     * @param level a level
     * @return true if allowed
     */
    public boolean allows(final Level level) {
        return allowedLevels.contains(level);
    }
}
