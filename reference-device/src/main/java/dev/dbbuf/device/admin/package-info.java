/**
 * Admin command set: one handler per command family, and the dispatcher that routes opcodes to them.
 */
@NullMarked
package dev.dbbuf.device.admin;

import org.jspecify.annotations.NullMarked;
