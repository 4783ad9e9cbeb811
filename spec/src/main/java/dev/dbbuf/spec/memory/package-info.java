/**
 * Guest-physical memory shared by a host driver and an NVMe controller, with explicit access modes.
 *
 * <p>Every shared-memory access of a device or driver under test goes through {@link dev.dbbuf.spec.memory.HostMemory},
 * so that the kit can substitute recording, permission-enforcing and weak-memory-simulating implementations.
 *
 * <h2>Access modes and how they pair</h2>
 * Every multi-byte load names a {@link dev.dbbuf.spec.memory.LoadMode} and every multi-byte store a
 * {@link dev.dbbuf.spec.memory.StoreMode}, in the vocabulary of {@link java.lang.invoke.VarHandle}; a load cannot be
 * given release semantics, nor a store acquire semantics, because the types have no such constant. Stand-alone
 * barriers are {@link dev.dbbuf.spec.memory.HostMemory#fence(dev.dbbuf.spec.memory.Fence)}. One side's store pairs
 * with the other side's load as in the Java memory model and Agrona's {@code AtomicBuffer}:
 * <table>
 *   <caption>Which store mode a load mode pairs with</caption>
 *   <tr><th>store</th><th>load</th><th>use</th></tr>
 *   <tr><td>RELEASE</td><td>ACQUIRE</td><td>publish entries, then an index or phase bit that covers them</td></tr>
 *   <tr><td>VOLATILE</td><td>VOLATILE</td><td>store-then-load across agents (or use {@code Fence.FULL})</td></tr>
 *   <tr><td>OPAQUE</td><td>OPAQUE</td><td>a value polled by another agent with no data behind it</td></tr>
 *   <tr><td>PLAIN</td><td>PLAIN</td><td>data published by a later release, or private memory</td></tr>
 * </table>
 * An unmatched pair is either a data race or wasted ordering. A comment at an ordered access names the access on
 * the other side that it pairs with.
 *
 * <p>Store-buffering (the shadow-doorbell pattern: store mine, then load yours) is <em>not</em> prevented by
 * release/acquire; it needs {@link dev.dbbuf.spec.memory.Fence#FULL} between the store and the load, or volatile on
 * both.
 *
 * <h2>Alignment and bounds</h2>
 * An access in any mode but {@code PLAIN} must be naturally aligned (2 bytes for u16, 4 for u32, 8 for u64); every
 * access must lie inside {@code [0, capacity())}. Every implementation checks both with
 * {@link dev.dbbuf.spec.memory.MemoryBounds} before touching memory.
 */
@NullMarked
package dev.dbbuf.spec.memory;

import org.jspecify.annotations.NullMarked;
