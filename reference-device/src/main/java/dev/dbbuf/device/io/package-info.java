/**
 * NVM command set: the RAM-backed namespace, PRP walking, and Read, Write and Flush.
 */
@NullMarked
package dev.dbbuf.device.io;

import org.jspecify.annotations.NullMarked;
