package dev.dbbuf.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.driver.io.BlockIo;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a test wrote and had acknowledged, block by block, so that every block can be read back and compared.
 */
final class BlockModel {

    private final int blockSize;
    private final Map<Long, byte[]> blocks = new TreeMap<>();

    BlockModel(final int blockSize) {
        this.blockSize = blockSize;
    }

    /** Writes {@code count} blocks from {@code lba} with a pattern naming the LBA and the round, records them. */
    void write(final BlockIo io, final long lba, final int count, final int round) {
        final byte[] data = new byte[count * blockSize];
        for (int b = 0; b < count; b++) {
            for (int i = 0; i < blockSize; i++) {
                data[b * blockSize + i] = (byte) ((lba + b) * 31 + round * 7 + i);
            }
        }
        io.write(lba, data);
        for (int b = 0; b < count; b++) {
            final byte[] block = new byte[blockSize];
            System.arraycopy(data, b * blockSize, block, 0, blockSize);
            blocks.put(lba + b, block);
        }
    }

    /** Reads every recorded block back, one command per block, and compares. */
    void verify(final BlockIo io) {
        for (final Map.Entry<Long, byte[]> entry : blocks.entrySet()) {
            assertThat(io.read(entry.getKey(), 1)).as("block lba=%d", entry.getKey()).isEqualTo(entry.getValue());
        }
    }

    int size() {
        return blocks.size();
    }
}
