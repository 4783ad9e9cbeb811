package dev.dbbuf.spec.spi.driver;

import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.spec.nvme.Status;
import org.apiguardian.api.API;

/**
 * {@code IoCompletion} reports the end of one {@link IoRequest}.
 *
 * @param request the request, the same instance that was submitted
 * @param status  the completion status
 */
@API(status = STABLE, since = "0.1")
public record IoCompletion(IoRequest request, Status status) {
}
