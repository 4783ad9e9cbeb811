/**
 * I/O queue pairs of the reference driver: queue memory, submission with command identifier tracking, completion
 * sweeps with their head updates, and the log of completions no correct controller posts.
 */
@NullMarked
package dev.dbbuf.driver.queues;

import org.jspecify.annotations.NullMarked;
