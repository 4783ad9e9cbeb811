/**
 * A command-line measurement of exploration speed; a measurement, not a test.
 */
@NullMarked
package dev.dbbuf.ordering.bench;

import org.jspecify.annotations.NullMarked;
