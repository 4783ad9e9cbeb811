/**
 * Kit memory: a page allocator that knows every region's kind and poisons freed pages, and agent views of host
 * memory that record who touched what and every protocol violation (a controller writing host-owned memory, anyone
 * touching freed pages), checked at the end of each test rather than thrown in the device's thread.
 */
@NullMarked
package dev.dbbuf.tck.memory;

import org.jspecify.annotations.NullMarked;
