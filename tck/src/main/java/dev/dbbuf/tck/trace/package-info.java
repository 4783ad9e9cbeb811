/**
 * Traceability: the JUnit extension that records, per kit test, the requirement, the implementation under test, the
 * seed and the outcome, and writes the verdict files at the end of a run.
 */
@NullMarked
package dev.dbbuf.tck.trace;

import org.jspecify.annotations.NullMarked;
