package org.groupchat.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeFrameAllocatorTest {
    private final SafeFrameAllocator allocator = SafeFrameAllocator.forLimit(256 * 1024);

    @Test
    void framesWithinTheLimitGetTheirSize() {
        assertThat(allocator.allocate(0).size()).isZero();
        assertThat(allocator.allocate(1_000).size()).isEqualTo(1_000);
        assertThat(allocator.allocate(256 * 1024).size()).isEqualTo(256 * 1024);
    }

    @Test
    void sizesOnlyANegative64BitLengthCanProduceBecomeEmptyFrames() {
        assertThat(allocator.allocate(-1).size()).as("2^64-1 cast to int").isZero();
        assertThat(allocator.allocate(Integer.MIN_VALUE).size()).isZero();
        assertThat(allocator.allocate(Integer.MAX_VALUE).size())
                .as("0x800000007FFFFFFF cast to int")
                .isZero();
        assertThat(allocator.allocate(256 * 1024 + 1).size()).isZero();
    }
}
