/**
 * Verdicts: how test outcomes become one verdict per requirement, the UNTESTED table, the failure-message format,
 * and the JSON and console renderings.
 */
@NullMarked
package dev.dbbuf.tck.verdict;

import org.jspecify.annotations.NullMarked;
