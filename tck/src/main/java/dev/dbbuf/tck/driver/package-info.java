/**
 * The driver suite: a probe device (any device provider, the reference device by default) behind an observer that
 * checks, at every shadow doorbell store of the driver under test, whether the EventIdx rule required an MMIO write
 * and whether one followed, and snoops the admin commands the driver sends.
 */
@NullMarked
package dev.dbbuf.tck.driver;

import org.jspecify.annotations.NullMarked;
