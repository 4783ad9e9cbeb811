/**
 * The report: reads JMH's JSON result and the conformance timing, writes a Markdown table, a JSON summary and an
 * SVG plot, each target stated met or not met.
 */
@NullMarked
package dev.dbbuf.benchmarks.report;

import org.jspecify.annotations.NullMarked;
