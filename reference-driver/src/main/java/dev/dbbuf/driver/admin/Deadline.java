package dev.dbbuf.driver.admin;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.spec.spi.driver.ControllerPort;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * {@code Deadline} bounds one wait for the controller, on the port's clock, so that no wait of the host can hang.
 *
 * @param port    the controller, whose {@link ControllerPort#nanoTime()} is the clock
 * @param endNano the port time at which the wait gives up
 * @param timeout the timeout the deadline was made from, for messages
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Deadline(ControllerPort port, long endNano, Duration timeout) {

    /**
     * A deadline {@code timeout} from now.
     *
     * @param port    the controller
     * @param timeout how long to wait at most
     * @return the deadline
     */
    public static Deadline after(final ControllerPort port, final Duration timeout) {
        return new Deadline(port, port.nanoTime() + timeout.toNanos(), timeout);
    }

    /**
     * Whether the time is up.
     *
     * @return true once the port clock reached the end
     */
    public boolean expired() {
        return port.nanoTime() - endNano >= 0;
    }
}
