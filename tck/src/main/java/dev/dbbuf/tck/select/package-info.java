/**
 * Plug-in selection: which side a verification class tests, which provider is under test
 * ({@code -Dtck.device}, {@code -Dtck.driver}, {@code -Dtck.eventidx}) and what the reports say about it.
 */
@NullMarked
package dev.dbbuf.tck.select;

import org.jspecify.annotations.NullMarked;
