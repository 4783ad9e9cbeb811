/**
 * Conformance reports: the matrix of requirements against every implementation a kit run judged, from the kit's
 * verdict files.
 */
@NullMarked
package dev.dbbuf.reports;

import org.jspecify.annotations.NullMarked;
