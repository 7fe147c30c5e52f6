package dev.isthmus.cparser.preprocess;

import java.util.List;

/**
 * Recognises a file's include guard: the whole file is {@code #ifndef X} (or
 * {@code #if !defined X}) ... {@code #endif} with nothing outside. Such a file is not read
 * again while {@code X} is defined, which changes nothing in the output (GCC's
 * multiple-include optimisation) and saves most of the work on system headers.
 *
 * <p>As GCC does, the guard is noticed while the file is first read ({@link Directives}):
 * its first directive, with no token before it, opens the guard's group, no {@code #elif}
 * or {@code #else} continues that group, and the {@code #endif} closing it is followed by
 * the end of the file. The file's text is not looked at again for it.
 */
final class IncludeGuards {
    private IncludeGuards() {
    }

    /**
     * The macro a directive line (its name and the rest, without the {@code #}) tests as an
     * include guard does, {@code ifndef X} or {@code if !defined X} or
     * {@code if !defined(X)} and nothing more; otherwise null.
     */
    static String guardNamed(List<PpToken> line) {
        PpToken name = line.getFirst();
        if (name.is("ifndef")) {
            return line.size() == 2 && line.get(1).isIdentifier() ? line.get(1).text() : null;
        }
        if (!name.is("if") || line.size() < 4 || !line.get(1).is("!") || !line.get(2).is("defined")) {
            return null;
        }
        if (line.size() == 4) {
            return line.get(3).isIdentifier() ? line.get(3).text() : null;
        }
        boolean parenthesised = line.size() == 6 && line.get(3).is("(") && line.get(4).isIdentifier() && line.get(5).is(")");
        return parenthesised ? line.get(4).text() : null;
    }
}
