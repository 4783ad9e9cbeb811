package dev.dbbuf.tck.driver;

import dev.dbbuf.spec.spi.driver.DriverProvider;

/** A faulty driver provider of the kit's proofs, known by the name its proof selects. */
public abstract class NamedDriverProvider implements DriverProvider {

    private final String name;

    protected NamedDriverProvider(final String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }
}
