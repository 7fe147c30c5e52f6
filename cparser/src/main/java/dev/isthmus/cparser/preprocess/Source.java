package dev.isthmus.cparser.preprocess;

import java.nio.file.Path;

/**
 * A file being read: its tokens, lexed as they are reached, and the place in them, where it
 * was found (the index in the search chain, for {@code #include_next}; -1 when found
 * relative to its includer or by path), and what {@code #line} has made of its name and
 * line numbers. A group that is not taken is passed over without making its tokens
 * ({@link #skipRestOfLine}): about half of what system headers hold is in such groups.
 */
final class Source {
    private final PpLexer lexer;
    /**
     * The tokens lexed and not yet passed: token {@code base + k} is {@code window[k]} for
     * {@code k < count}. Tokens are only read at or after {@link #index}, so those before it
     * are dropped when the window fills, rather than a whole file's tokens kept in a list
     * that grows (and is copied) as it is read. Tokens of skipped lines are never made.
     */
    private PpToken[] window = new PpToken[64];
    private int base;
    private int count;
    final Path path;
    final String name;
    final int chainIndex;
    final int conditionalDepth;
    final boolean producesOutput;
    boolean system;
    int index;
    String presumedName;
    int lineDelta;
    /** Whether a directive of this file has been run. */
    boolean directiveSeen;
    /**
     * The include guard being recognised ({@code #ifndef X} as the file's first directive
     * with nothing before it) and the conditional it opened; null once the file is known
     * not to be guarded that way ({@link IncludeGuards}).
     */
    String guardCandidate;
    PreprocessRun.Conditional guardConditional;
    /** The guard, once its {@code #endif} turned out to end the file. */
    String guard;

    Source(PpLexer lexer, Path path, String name, int chainIndex, boolean system, int conditionalDepth,
           boolean producesOutput) {
        this.lexer = lexer;
        this.path = path;
        this.name = name;
        this.chainIndex = chainIndex;
        this.system = system;
        this.conditionalDepth = conditionalDepth;
        this.producesOutput = producesOutput;
        // The tokens carry the lexer's file name, this very instance: presumed() compares one instance with itself.
        this.presumedName = name;
    }

    PpToken current() {
        return at(index);
    }

    /** The token {@code i} (not before {@link #index}), lexing up to it; past the end, the end. */
    PpToken at(int i) {
        while (i >= base + count) {
            if (count > 0 && window[count - 1].isEnd()) {
                return window[count - 1];
            }
            append(lexer.nextToken());
        }
        return window[i - base];
    }

    private void append(PpToken t) {
        if (count == window.length) {
            int passed = Math.min(index - base, count);
            if (passed > count / 2) {
                System.arraycopy(window, passed, window, 0, count - passed);
                java.util.Arrays.fill(window, count - passed, count, null);
                base += passed;
                count -= passed;
            } else {
                window = java.util.Arrays.copyOf(window, count * 2);
            }
        }
        window[count++] = t;
    }

    /**
     * Moves from the current token to the first token of the next line that may begin a
     * directive, making no tokens for the lines between (the current line's tokens already
     * lexed are passed over).
     */
    void skipRestOfLine() {
        index++;
        while (index < base + count) {
            PpToken t = window[index - base];
            if (t.startsLine() || t.isEnd()) {
                return;
            }
            index++;
        }
        lexer.skipToDirectiveLine();
    }

    /** The current token with {@code #line}'s changes applied. */
    PpToken presumed(PpToken t) {
        // The same instance nearly always: tested before the call to equals, which C1 does not inline.
        if (lineDelta == 0 && (presumedName == t.file() || presumedName.equals(t.file()))) {
            return t;
        }
        return new PpToken(t.kind(), t.spelling(), presumedName, t.line() + lineDelta, t.column(), t.space(), t.startsLine(),
                t.hideSet());
    }

    /** The directory part of the name, as GCC builds the names of files included relative to this one. */
    String directoryName() {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash + 1);
    }
}
