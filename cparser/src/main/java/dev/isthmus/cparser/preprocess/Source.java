package dev.isthmus.cparser.preprocess;

import java.nio.file.Path;
import java.util.List;

/**
 * A file being read: its tokens and the place in them, where it was found (the index in
 * the search chain, for {@code #include_next}; -1 when found relative to its includer or
 * by path), and what {@code #line} has made of its name and line numbers.
 */
final class Source {
    final List<PpToken> tokens;
    final Path path;
    final String name;
    final int chainIndex;
    final int conditionalDepth;
    final boolean producesOutput;
    boolean system;
    int index;
    String presumedName;
    int lineDelta;

    Source(List<PpToken> tokens, Path path, String name, int chainIndex, boolean system, int conditionalDepth,
           boolean producesOutput) {
        this.tokens = tokens;
        this.path = path;
        this.name = name;
        this.chainIndex = chainIndex;
        this.system = system;
        this.conditionalDepth = conditionalDepth;
        this.producesOutput = producesOutput;
        // The tokens' own file name, when equal, so presumed() compares one instance with itself.
        this.presumedName = !tokens.isEmpty() && tokens.getFirst().file().equals(name) ? tokens.getFirst().file() : name;
    }

    PpToken current() {
        return tokens.get(index);
    }

    /** The current token with {@code #line}'s changes applied. */
    PpToken presumed(PpToken t) {
        if (lineDelta == 0 && presumedName.equals(t.file())) {
            return t;
        }
        return new PpToken(t.kind(), t.text(), presumedName, t.line() + lineDelta, t.column(), t.space(), t.startsLine(),
                t.hideSet());
    }

    /** The directory part of the name, as GCC builds the names of files included relative to this one. */
    String directoryName() {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash + 1);
    }
}
