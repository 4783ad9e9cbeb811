/**
 * Native implementations through the C ABI of {@code dbbuf_tck.h}, on the Foreign Function and Memory API: the
 * library loader with its ABI check, the providers named {@code native}, and the record of the last native call
 * that turns a crash into a verdict.
 */
@NullMarked
package dev.dbbuf.adapter.nativeabi;

import org.jspecify.annotations.NullMarked;
