/**
 * The host side of the SPI: a driver under test, given the kit's controller port and host memory.
 *
 * <p>What the kit's driver suite does with a driver, so that an implementer need not read kit code:
 * <ul>
 *   <li>It sends only Flush commands ({@link dev.dbbuf.spec.spi.driver.IoRequest.Flush}, namespace 1) through
 *       {@link dev.dbbuf.spec.spi.driver.QueuePair#submit}, in batches of 1 up to the pair's capacity, and polls until
 *       every one completed; Read and Write are not sent by the driver suite.</li>
 *   <li>The controller behind the port is a stepped probe device (the reference device unless {@code tck.device} names
 *       another): it runs only while the driver waits ({@link dev.dbbuf.spec.spi.driver.ControllerPort#idle()}), so
 *       nothing the device does can come between a driver's shadow store and its EventIdx load.</li>
 *   <li>The probe device is adversarial about EventIdx: as the driver stores a shadow value {@code old -> new} it may
 *       publish any position a legal controller may, behind {@code old}, at {@code old}, between, {@code new - 1},
 *       {@code new}, ahead by one or far ahead, across index 0, or the poll-mode 0xFFFFFFFF, one position per test or
 *       chosen per update from the run's seed in generated scenarios. Each update is judged against the EventIdx the
 *       driver then loads from its slot through the {@link dev.dbbuf.spec.spi.driver.HostContext#memory() memory it
 *       was given} (or the value in memory if it loads none); only a ring the rule requires and the driver did not
 *       make fails (DBC-EVT-003), extra rings never do. An update the driver did not ring for is delivered to the
 *       probe device by the kit, as a polling controller would see it, so a driver is never stalled by the kit.</li>
 *   <li>Queues go up to the depth the driver declares in {@link dev.dbbuf.spec.spi.driver.DriverCapabilities}
 *       (65536 at most) and are wrapped past index 0, also at that depth.</li>
 *   <li>Every allocation goes through the given allocator; a freed region is poisoned, and freeing a doorbell buffer
 *       while the controller is still enabled and configured with it is a DBC-FBK-005 failure at the moment of the
 *       free, whether or not anything touches it later.</li>
 *   <li>The driver suite always steps the probe device (a threaded device is asked to run stepped), so a driver's
 *       failure replays from the printed seed as long as the driver itself is single-threaded; a driver that uses
 *       threads of its own makes the replay timing-dependent.</li>
 * </ul>
 */
@NullMarked
package dev.dbbuf.spec.spi.driver;

import org.jspecify.annotations.NullMarked;
