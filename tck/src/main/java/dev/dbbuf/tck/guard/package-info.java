/**
 * Guards around plug-in calls: every call into an implementation under test runs with a time limit, so a plug-in
 * that hangs or throws gets a FAIL verdict saying what it did and the run goes on.
 */
@NullMarked
package dev.dbbuf.tck.guard;

import org.jspecify.annotations.NullMarked;
