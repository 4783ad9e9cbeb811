/**
 * The kit's settings ({@code tck.*} configuration parameters or system properties): each one's allowed range, and
 * the check that rejects a mistyped run before any test runs, so a configuration mistake never becomes a verdict.
 */
@NullMarked
package dev.dbbuf.tck.settings;

import org.jspecify.annotations.NullMarked;
