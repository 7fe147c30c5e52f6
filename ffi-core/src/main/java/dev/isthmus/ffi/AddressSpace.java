package dev.isthmus.ffi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Addresses at which no memory can ever be mapped in this process, so that reading,
 * writing or calling there is known to fault: a fault in native memory is no Java
 * exception but the end of the JVM, so a language runtime checks these first and raises
 * an error instead. Everything else is as unchecked as in C (a freed or never-allocated
 * address inside the mappable range may still fault).
 *
 * <p>Never mapped: the lowest 64 KiB, or more when the kernel's {@code vm.mmap_min_addr}
 * says so (64 KiB is Linux's usual setting; a lower one serves programs such as Wine that
 * map low memory on purpose, which no program using this library does); addresses with the top
 * bit set (the kernel's half on x86-64 and AArch64); and the addresses above user space:
 * from 2^47 on x86-64 (4-level paging; a kernel with 5-level paging maps higher only for a
 * mmap that asks for it), from 2^52 on AArch64 up to the top byte, which may carry a tag.
 */
public final class AddressSpace {
    private static final long LOWEST_MAPPABLE = lowestMappable();
    private static final boolean IS_AARCH64 = System.getProperty("os.arch").equals("aarch64");
    private static final long FIRST_ABOVE_USER = IS_AARCH64 ? 1L << 52 : 1L << 47;
    /** Where AArch64's tagged addresses begin (top-byte-ignore); x86-64 has none. */
    private static final long FIRST_TAGGED = IS_AARCH64 ? 1L << 56 : Long.MAX_VALUE;

    private AddressSpace() {
    }

    /** Whether no memory can be at {@code address}: NULL and the other addresses described above. */
    public static boolean isNeverMapped(long address) {
        // Signed: an address with the top bit set is below LOWEST_MAPPABLE too.
        return address < LOWEST_MAPPABLE || address >= FIRST_ABOVE_USER && (address < FIRST_TAGGED || !IS_AARCH64);
    }

    /** Whether some byte of {@code [address, address + byteSize)} can never be mapped. */
    public static boolean isNeverMapped(long address, long byteSize) {
        if (!IS_AARCH64 && byteSize > 0 && byteSize <= FIRST_ABOVE_USER - LOWEST_MAPPABLE) {
            // Mappable: LOWEST_MAPPABLE <= address and address + byteSize <= FIRST_ABOVE_USER,
            // one unsigned comparison (an address below the lowest wraps around to the top).
            // The checks below are four comparisons, each on the path of every pointer access
            // a trace makes, where the size is a constant.
            return Long.compareUnsigned(address - LOWEST_MAPPABLE, FIRST_ABOVE_USER - LOWEST_MAPPABLE - byteSize) > 0;
        }
        if (byteSize <= 0) {
            return isNeverMapped(address);
        }
        long last = address + (byteSize - 1);
        return isNeverMapped(address) || isNeverMapped(last) || last < address;
    }

    private static long lowestMappable() {
        try {
            long value = Long.parseLong(Files.readString(Path.of("/proc/sys/vm/mmap_min_addr")).trim());
            return Math.max(value, 1L << 16);
        } catch (IOException | NumberFormatException | SecurityException e) {
            return 1L << 16;
        }
    }
}
