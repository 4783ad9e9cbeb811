/**
 * I/O on top of the driver's queue pairs: the SPI's queue pairs (NVM Read, Write, Flush with PRPs) and a blocking block
 * API that polls for completions.
 */
@NullMarked
package dev.dbbuf.driver.io;

import org.jspecify.annotations.NullMarked;
