package com.example.acme;

import dev.dbbuf.spec.spi.eventidx.EventIdxDecision;
import dev.dbbuf.spec.spi.eventidx.EventIdxProvider;

/**
 * Acme's host driver decides "must I ring the MMIO doorbell?" with virtio's 16-bit comparison; this provider hands
 * that function to the kit.
 */
public final class AcmeEventIdxProvider implements EventIdxProvider {

    @Override
    public String name() {
        return "acme";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public String description() {
        return "Acme driver's EventIdx check, (u16)(new - ev - 1) < (u16)(new - old)";
    }

    @Override
    public EventIdxDecision decision() {
        return (oldValue, newValue, eventIdx, depth) -> ((newValue - eventIdx - 1) & 0xFFFF) < ((newValue - oldValue) & 0xFFFF);
    }
}
