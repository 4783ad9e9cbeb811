/**
 * Controller lifecycle of the reference driver: bring-up (disable, admin queue, enable, Identify, Number of Queues),
 * controller registers, reset and recovery of the queues.
 */
@NullMarked
package dev.dbbuf.driver.lifecycle;

import org.jspecify.annotations.NullMarked;
