/**
 * The admin queue of the reference driver: submitting admin commands, waiting for them within a deadline, naming
 * them in errors, and what Identify told the driver about the controller.
 */
@NullMarked
package dev.dbbuf.driver.admin;

import org.jspecify.annotations.NullMarked;
