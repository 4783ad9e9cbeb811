package com.example.acme;

import dev.dbbuf.spec.spi.eventidx.EventIdxDecision;
import dev.dbbuf.spec.spi.eventidx.EventIdxProvider;

/**
 * Acme's previous driver release compared indices without wrap-around: once an update crosses index 0 it never
 * rings, and the controller waits for a doorbell that never comes. The kit must catch it (select it with
 * {@code -Dtck.eventidx=acme-legacy}).
 */
public final class AcmeLegacyEventIdxProvider implements EventIdxProvider {

    @Override
    public String name() {
        return "acme-legacy";
    }

    @Override
    public String version() {
        return "0.9.0";
    }

    @Override
    public EventIdxDecision decision() {
        return (oldValue, newValue, eventIdx, depth) -> oldValue <= eventIdx && eventIdx < newValue;
    }
}
