package dev.isthmus.cparser.abi;

import dev.isthmus.cparser.layout.StructLayout;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.Primitive;
import dev.isthmus.cparser.type.RecordType;

import java.util.List;
import java.util.Optional;

/**
 * A C data model and its layout rules: primitive sizes and alignments, whether
 * {@code char} is signed, how structs, unions and bitfields are laid out. Layout is a
 * function of (type, ABI); nothing about a type's layout is stored in the type.
 *
 * <p>Three ABIs are supported, each named after its document: {@link SysVAmd64Abi}
 * (System V AMD64 psABI), {@link Aapcs64Abi} (AAPCS64, LP64 as on Linux) and
 * {@link Win64Abi} (Microsoft x64, LLP64). {@link #host()} picks the one this JVM runs on.
 */
public sealed interface Abi permits LayoutAbi {

    /** The name used on command lines and in JSON: {@code sysv-x86_64}, {@code aarch64}, {@code win64}. */
    String name();

    boolean isCharSigned();

    /** Size of a primitive in bytes; 1 for {@code void} as GCC's pointer arithmetic has it. */
    long sizeOf(Primitive primitive);

    long alignOf(Primitive primitive);

    long pointerByteSize();

    /** The integer type {@code sizeof} yields ({@code size_t}). */
    Primitive sizeType();

    /** The integer type of a pointer difference ({@code ptrdiff_t}). */
    Primitive pointerDifferenceType();

    /** {@code wchar_t}'s type: {@code int} on Linux, {@code unsigned short} on Windows. */
    Primitive wideCharType();

    /**
     * Size in bytes of any complete object type. Throws {@link IllegalArgumentException}
     * for incomplete types, functions and {@code T[?]}.
     */
    long sizeOf(CType type);

    /** Alignment in bytes of any complete object type. */
    long alignOf(CType type);

    /** The layout of a complete struct or union; cached per type. */
    StructLayout layoutOf(RecordType type);

    /**
     * The byte offset of a member path such as {@code a.b[3].c} inside {@code type}
     * (a struct, union or array type). Throws {@link IllegalArgumentException} naming
     * the first path element that does not exist.
     */
    long offsetOf(CType type, String path);

    /** Every supported ABI. */
    static List<Abi> all() {
        return List.of(SysVAmd64Abi.INSTANCE, Aapcs64Abi.INSTANCE, Win64Abi.INSTANCE);
    }

    /**
     * The ABI named {@code name}: {@code sysv-x86_64}, {@code aarch64} or {@code win64}, or the
     * spellings after the ABIs' documents, {@code sysv-x64} and {@code aapcs64}.
     */
    static Optional<Abi> byName(String name) {
        String canonical = switch (name) {
            case "sysv-x64" -> "sysv-x86_64";
            case "aapcs64" -> "aarch64";
            default -> name;
        };
        return all().stream().filter(abi -> abi.name().equals(canonical)).findFirst();
    }

    /**
     * The ABI of the running JVM, from {@code os.name} and {@code os.arch}. Throws
     * {@link IllegalStateException} on a platform none of the three describes.
     */
    static Abi host() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(java.util.Locale.ROOT);
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
        if (os.startsWith("windows") && x64) {
            return Win64Abi.INSTANCE;
        }
        if (x64) {
            return SysVAmd64Abi.INSTANCE;
        }
        if (arm64 && !os.startsWith("windows")) {
            return Aapcs64Abi.INSTANCE;
        }
        throw new IllegalStateException("no ABI for os.name=" + os + ", os.arch=" + arch);
    }
}
