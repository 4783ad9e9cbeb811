/**
 * Where each doorbell lives: in BAR0, in the Shadow Doorbell buffer and in the EventIdx buffer (one layout for all
 * three), and the page rules the two buffers obey.
 */
@NullMarked
package dev.dbbuf.spec.layout;

import org.jspecify.annotations.NullMarked;
