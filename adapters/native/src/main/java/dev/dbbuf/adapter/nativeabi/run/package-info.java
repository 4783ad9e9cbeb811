/**
 * The runner that judges a native library in a JVM of its own: it starts the kit's suite for one side in a child
 * JVM, and when the library crashes that JVM, turns the crash into the library's FAIL and runs the suite again
 * without the crashing call.
 */
@NullMarked
package dev.dbbuf.adapter.nativeabi.run;

import org.jspecify.annotations.NullMarked;
