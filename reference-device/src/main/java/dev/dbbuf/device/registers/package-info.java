/**
 * The controller's BAR0 register file: CAP, VS, CC, CSTS, AQA, ASQ, ACQ, and how each is read.
 */
@NullMarked
package dev.dbbuf.device.registers;

import org.jspecify.annotations.NullMarked;
