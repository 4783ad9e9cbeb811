package dev.dbbuf.tck.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.requirement.Requirement;
import org.apiguardian.api.API;

/**
 * {@code FailureMessage} is the one format of every kit failure:
 * {@code "DBC-EVT-001: <subject> expected=<..> actual=<..> (<where>). Check: <ifFailsCheck>"}.
 *
 * <p>The subject names what was observed, {@code where} gives the queue, hex offset, input or replay information
 * that locates it, and the closing hint is the requirement's {@link Requirement#ifFailsCheck()}.
 */
@API(status = INTERNAL, since = "0.1")
public final class FailureMessage {

    private FailureMessage() {
    }

    /**
     * Formats a failed expectation.
     *
     * @param requirement the requirement violated
     * @param subject     what was observed, e.g. "SQ1 tail shadow @0x0008"
     * @param expected    what the rule demands
     * @param actual      what the implementation did
     * @param where       locating facts (qid, offset, input, seed); empty to omit
     * @return the message
     */
    public static String of(final Requirement requirement, final String subject, final Object expected,
                            final Object actual, final String where) {
        final String location = where.isEmpty() ? "" : " (" + where + ")";
        return "%s: %s expected=%s actual=%s%s. Check: %s"
            .formatted(requirement.id(), subject, expected, actual, location, requirement.ifFailsCheck());
    }

    /**
     * Adds a note to a formatted message, before its closing hint, so the hint stays last.
     *
     * @param message a message from {@link #of}
     * @param note    e.g. "[3 such accesses]"
     * @return the message with the note
     */
    public static String withNote(final String message, final String note) {
        final int hint = message.indexOf(". Check: ");
        return hint < 0 ? message + " " + note : message.substring(0, hint) + " " + note + message.substring(hint);
    }

    /**
     * Formats a hex offset the way every message shows one.
     *
     * @param offset a byte offset or address
     * @return e.g. "0x0008"
     */
    public static String hex(final long offset) {
        return "0x%04x".formatted(offset);
    }
}
