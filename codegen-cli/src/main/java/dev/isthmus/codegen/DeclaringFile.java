package dev.isthmus.codegen;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code --only-from}: keeps the types declared in the named files. A type's file is the one
 * its position names, which after {@code cc -E} is the header a line marker names
 * ({@code # 23 "/usr/include/zlib.h"}). A name with a directory must be that file; a bare
 * file name ({@code zlib.h}) matches that file in any directory.
 */
final class DeclaringFile {
    private final List<String> files;

    DeclaringFile(List<String> files) {
        this.files = List.copyOf(files);
    }

    boolean matches(LayoutEntry entry) {
        return files.isEmpty() || files.stream().anyMatch(wanted -> isSameFile(entry.position().file(), wanted));
    }

    private static boolean isSameFile(String declaredIn, String wanted) {
        try {
            Path declared = Path.of(declaredIn).toAbsolutePath().normalize();
            Path target = Path.of(wanted);
            if (target.getNameCount() == 1 && !target.isAbsolute()) {
                Path name = declared.getFileName();
                return name != null && name.toString().equals(wanted);
            }
            return declared.equals(target.toAbsolutePath().normalize());
        } catch (InvalidPathException e) {
            // "<stdin>" and the like are not paths; only an identical spelling matches them.
            return declaredIn.equals(wanted);
        }
    }
}
