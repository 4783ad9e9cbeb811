/**
 * How the controller runs: the controller that dispatches register writes and controller passes, the queue service loop, and the threaded I/O loop.
 */
@NullMarked
package dev.dbbuf.device.execution;

import org.jspecify.annotations.NullMarked;
