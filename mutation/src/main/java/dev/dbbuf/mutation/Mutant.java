package dev.dbbuf.mutation;

/**
 * {@code Mutant} is one mutation PIT made and what became of it.
 *
 * @param mutatedClass the binary name of the mutated class, e.g. dev.dbbuf.device.dbbuf.ShadowSlot
 * @param method       the mutated method
 * @param line         its source line
 * @param description  PIT's description of the mutation, e.g. "negated conditional"
 * @param source       the trimmed source line, which identifies the mutant when lines move
 * @param status       PIT's status: KILLED, SURVIVED, NO_COVERAGE, TIMED_OUT ...
 * @param detected     whether a test failed on it (killed, timed out, memory error)
 */
record Mutant(String mutatedClass, String method, int line, String description, String source, String status,
              boolean detected) {

    /** The class name without its package, as the equivalents file writes it. */
    String simpleClass() {
        return mutatedClass.substring(mutatedClass.lastIndexOf('.') + 1);
    }

    /** The top-level class, for the table. */
    String owner() {
        final int nested = mutatedClass.indexOf('$');
        return nested < 0 ? mutatedClass : mutatedClass.substring(0, nested);
    }

    /** Whether any suite ran the mutated line. */
    boolean covered() {
        return !"NO_COVERAGE".equals(status);
    }

    /** The line of the equivalents file that would list this mutant, without the reason. */
    String entry() {
        return "%s | %s | %d | %s | %s | %s".formatted(simpleClass(), method, line, description, source, status);
    }
}
