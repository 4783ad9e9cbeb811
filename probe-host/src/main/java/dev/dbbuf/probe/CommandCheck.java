package dev.dbbuf.probe;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import org.apiguardian.api.API;

/**
 * {@code CommandCheck} is what a probe host does with an admin command it needs (Create or Delete I/O queue) that
 * did not succeed: the kit fails the requirement under test, a unit test fails its assertion, the ordering set-up
 * stops with the status.
 */
@API(status = INTERNAL, since = "0.1")
@FunctionalInterface
public interface CommandCheck {

    /**
     * Throws unless the command succeeded.
     *
     * @param what the command, e.g. "Create I/O CQ 1"
     * @param done its completion
     */
    void expectSuccess(String what, CompletionQueueEntry done);
}
