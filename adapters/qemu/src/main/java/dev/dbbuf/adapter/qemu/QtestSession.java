package dev.dbbuf.adapter.qemu;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * {@code QtestSession} speaks QEMU's qtest text protocol: port I/O, guest-physical loads and stores of 1, 2, 4 and 8
 * bytes, and bulk transfers.
 *
 * <p>QEMU aborts on a malformed line (a zero size, an unparsable number), taking every later test with it, so each
 * method validates its arguments and throws {@link IllegalArgumentException} before anything is sent. Numbers go out
 * as unsigned hexadecimal.
 *
 * <pre>
 *  command                          reply
 *  inb|inw|inl PORT                 OK 0xVALUE
 *  outb|outw|outl PORT VALUE        OK
 *  readb|readw|readl|readq ADDR     OK 0x%016x
 *  writeb|writew|writel|writeq ADDR VALUE   OK
 *  b64read ADDR SIZE                OK BASE64        (SIZE &gt; 0)
 *  b64write ADDR SIZE BASE64        OK               (SIZE &gt; 0)
 *  memset ADDR SIZE BYTE            OK               (SIZE &gt; 0)
 * </pre>
 */
final class QtestSession implements AutoCloseable {

    /** Largest transfer sent in one line: keeps each line well inside a pipe buffer and QEMU's line buffer. */
    static final int MAX_TRANSFER = 32 * 1024;
    /** Largest x86 I/O port. */
    static final int MAX_PORT = 0xFFFF;

    /** The access widths of the load and store commands. */
    enum Width {
        /** One byte. */
        BYTE("b", 1),
        /** Two bytes. */
        WORD("w", 2),
        /** Four bytes. */
        LONG("l", 4),
        /** Eight bytes. */
        QUAD("q", 8);

        private final String suffix;
        private final int bytes;

        Width(final String suffix, final int bytes) {
            this.suffix = suffix;
            this.bytes = bytes;
        }

        int bytes() {
            return bytes;
        }

        long mask() {
            return bytes == 8 ? -1L : (1L << (8 * bytes)) - 1;
        }
    }

    private final LineChannel channel;

    /**
     * Binds the protocol to a channel.
     *
     * @param channel the line channel to QEMU's qtest server
     */
    QtestSession(final LineChannel channel) {
        this.channel = channel;
    }

    /**
     * Reads an I/O port.
     *
     * @param width BYTE, WORD or LONG
     * @param port  0..0xFFFF
     * @return the value, zero-extended
     */
    long in(final Width width, final int port) {
        checkPort(width, port);
        return value("in" + width.suffix + " 0x" + Integer.toHexString(port));
    }

    /**
     * Writes an I/O port.
     *
     * @param width BYTE, WORD or LONG
     * @param port  0..0xFFFF
     * @param value low bits of the width are sent
     */
    void out(final Width width, final int port, final long value) {
        checkPort(width, port);
        ok("out%s 0x%x 0x%x".formatted(width.suffix, port, value & width.mask()));
    }

    /**
     * Loads from guest-physical memory (or MMIO).
     *
     * @param width   access width
     * @param address guest-physical address
     * @return the value, zero-extended, in guest (little-endian) byte order interpreted as a number
     */
    long read(final Width width, final long address) {
        checkRange(address, width.bytes);
        return value("read%s 0x%x".formatted(width.suffix, address));
    }

    /**
     * Stores to guest-physical memory (or MMIO).
     *
     * @param width   access width
     * @param address guest-physical address
     * @param value   low bits of the width are stored
     */
    void write(final Width width, final long address, final long value) {
        checkRange(address, width.bytes);
        ok("write%s 0x%x 0x%x".formatted(width.suffix, address, value & width.mask()));
    }

    /**
     * Copies bytes out of guest memory, in lines of at most {@link #MAX_TRANSFER} bytes.
     *
     * @param address first byte
     * @param dst     destination
     * @param offset  first index in {@code dst}
     * @param length  bytes; 0 sends nothing
     */
    void readBytes(final long address, final byte[] dst, final int offset, final int length) {
        Objects.checkFromIndexSize(offset, length, dst.length);
        checkRange(address, length);
        for (int done = 0; done < length; ) {
            final int chunk = Math.min(MAX_TRANSFER, length - done);
            final String reply = ok("b64read 0x%x 0x%x".formatted(address + done, chunk));
            final byte[] bytes = decode(reply, chunk);
            System.arraycopy(bytes, 0, dst, offset + done, chunk);
            done += chunk;
        }
    }

    /**
     * Copies bytes into guest memory, in lines of at most {@link #MAX_TRANSFER} bytes.
     *
     * @param address first byte
     * @param src     source
     * @param offset  first index in {@code src}
     * @param length  bytes; 0 sends nothing
     */
    void writeBytes(final long address, final byte[] src, final int offset, final int length) {
        Objects.checkFromIndexSize(offset, length, src.length);
        checkRange(address, length);
        final Base64.Encoder encoder = Base64.getEncoder();
        for (int done = 0; done < length; ) {
            final int chunk = Math.min(MAX_TRANSFER, length - done);
            final byte[] part = Arrays.copyOfRange(src, offset + done, offset + done + chunk);
            ok("b64write 0x%x 0x%x %s".formatted(address + done, chunk, encoder.encodeToString(part)));
            done += chunk;
        }
    }

    /**
     * Sets guest memory to one byte value, in commands of at most {@link #MAX_TRANSFER} bytes (QEMU allocates a
     * buffer of the command's size).
     *
     * @param address first byte
     * @param length  bytes; 0 sends nothing
     * @param value   low 8 bits are stored
     */
    void fill(final long address, final long length, final int value) {
        checkRange(address, length);
        for (long done = 0; done < length; ) {
            final long chunk = Math.min(MAX_TRANSFER, length - done);
            ok("memset 0x%x 0x%x 0x%x".formatted(address + done, chunk, value & 0xFF));
            done += chunk;
        }
    }

    /**
     * The tail of QEMU's standard error.
     *
     * @return the last characters, on one line
     */
    String diagnostics() {
        return channel.diagnostics();
    }

    @Override
    public void close() {
        channel.close();
    }

    private String ok(final String command) {
        final String reply = channel.exchange(command);
        if (!reply.equals("OK") && !reply.startsWith("OK ")) {
            throw new QemuException("QEMU refused a qtest command: command='%s' reply='%s' stderr tail: %s"
                .formatted(command.length() > 80 ? command.substring(0, 80) + "..." : command, reply,
                    channel.diagnostics()), null);
        }
        return reply;
    }

    private long value(final String command) {
        final String reply = ok(command);
        final String token = reply.length() > 3 ? reply.substring(3).strip() : "";
        if (!token.startsWith("0x") || token.length() < 3 || token.length() > 18) {
            throw new QemuException("a qtest value reply must be OK 0x<hex>: command='%s' reply='%s'"
                .formatted(command, reply), null);
        }
        try {
            return Long.parseUnsignedLong(token.substring(2), 16);
        } catch (final NumberFormatException e) {
            throw new QemuException("a qtest value reply must be OK 0x<hex>: command='%s' reply='%s'"
                .formatted(command, reply), e);
        }
    }

    private static byte[] decode(final String reply, final int expected) {
        final String text = reply.length() > 3 ? reply.substring(3).strip() : "";
        final byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (final IllegalArgumentException e) {
            throw new QemuException("a b64read reply must be OK <base64>: reply=" + reply, e);
        }
        if (bytes.length != expected) {
            throw new QemuException("a b64read reply must carry the bytes asked for: expected=%d actual=%d"
                .formatted(expected, bytes.length), null);
        }
        return bytes;
    }

    private static void checkPort(final Width width, final int port) {
        if (width == Width.QUAD || port < 0 || port > MAX_PORT - width.bytes + 1) {
            throw new IllegalArgumentException("an I/O port access must be 1, 2 or 4 bytes inside 0..0xffff: width=%d port=0x%x"
                .formatted(width.bytes, port));
        }
    }

    private static void checkRange(final long address, final long length) {
        if (address < 0 || length < 0 || address > Long.MAX_VALUE - length) {
            throw new IllegalArgumentException("a guest-physical range must be non-negative and not overflow: address=0x%x length=%d"
                .formatted(address, length));
        }
    }
}
