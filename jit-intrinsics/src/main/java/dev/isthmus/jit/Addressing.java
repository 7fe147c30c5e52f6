package dev.isthmus.jit;

/**
 * How emitted code designates the memory it reads or writes: the operands a
 * {@link MemoryAccess} load or store expects beneath the value.
 */
public enum Addressing {
    /**
     * A raw address, one {@code long}: what a pointer's value is, so pointer arithmetic is
     * {@code long} arithmetic, nothing is allocated, and traces keep pointers in long locals.
     * Unchecked like C: emit {@link Guards} for what can be checked (never-mapped addresses
     * such as NULL, an index within a known extent).
     */
    ADDRESS("J"),
    /**
     * A {@link java.lang.foreign.MemorySegment} and a {@code long} offset in it: for memory
     * whose segment the VM holds (a GC-owned or arena-allocated object). The FFM API checks
     * bounds and liveness on each access and throws instead of touching freed memory.
     */
    SEGMENT("Ljava/lang/foreign/MemorySegment;J");

    private final String descriptorPrefix;

    Addressing(String descriptorPrefix) {
        this.descriptorPrefix = descriptorPrefix;
    }

    /** The parameters the accessors take before the value: {@code J} or {@code MemorySegment, J}. */
    String descriptorPrefix() {
        return descriptorPrefix;
    }
}
