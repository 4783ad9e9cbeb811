/**
 * JMH benchmarks of the reference modules; each benchmark's Javadoc says what one operation is.
 */
@NullMarked
package dev.dbbuf.benchmarks;

import org.jspecify.annotations.NullMarked;
