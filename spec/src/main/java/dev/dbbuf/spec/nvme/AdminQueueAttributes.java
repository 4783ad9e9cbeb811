package dev.dbbuf.spec.nvme;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code AdminQueueAttributes} is the AQA register: admin queue sizes, 0's based, 12 bits each.
 *
 * <pre>
 *  bits  0-11 ASQS  admin submission queue size, 0's based
 *  bits 16-27 ACQS  admin completion queue size, 0's based
 * </pre>
 *
 * @param submissionQueueDepth admin SQ depth, 2..4096
 * @param completionQueueDepth admin CQ depth, 2..4096
 */
@API(status = STABLE, since = "0.1")
public record AdminQueueAttributes(int submissionQueueDepth, int completionQueueDepth) {

    /**
     * Decodes an AQA value.
     *
     * @param aqa the 32-bit register value
     * @return the depths (1's based)
     */
    public static AdminQueueAttributes decode(final int aqa) {
        return new AdminQueueAttributes((aqa & 0xFFF) + 1, ((aqa >>> 16) & 0xFFF) + 1);
    }

    /**
     * Encodes this value.
     *
     * @return the 32-bit register value
     * @throws IllegalArgumentException if a depth is outside 2..4096
     */
    public int encode() {
        if (submissionQueueDepth < 2 || submissionQueueDepth > 4096 || completionQueueDepth < 2
            || completionQueueDepth > 4096) {
            throw new IllegalArgumentException("admin queue depths must be 2..4096: sq=%d cq=%d"
                .formatted(submissionQueueDepth, completionQueueDepth));
        }
        return (submissionQueueDepth - 1) | (completionQueueDepth - 1) << 16;
    }
}
