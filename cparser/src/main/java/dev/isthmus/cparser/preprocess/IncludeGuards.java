package dev.isthmus.cparser.preprocess;

import java.util.List;

/**
 * Finds a file's include guard: the whole file is {@code #ifndef X} (or
 * {@code #if !defined X}) ... {@code #endif} with nothing outside. Such a file is not read
 * again while {@code X} is defined, which changes nothing in the output (GCC's
 * multiple-include optimisation) and saves most of the work on system headers.
 */
final class IncludeGuards {
    private IncludeGuards() {
    }

    /** The guard macro, or null when the file is not guarded as a whole. */
    static String guardOf(List<PpToken> tokens) {
        if (tokens.size() < 4 || !isDirectiveStart(tokens, 0)) {
            return null;
        }
        String guard;
        int i = 2;
        if (tokens.get(1).is("ifndef") && tokens.get(2).isIdentifier()) {
            guard = tokens.get(2).text();
            i = 3;
        } else if (tokens.get(1).is("if") && tokens.get(2).is("!") && tokens.size() > 5 && tokens.get(3).is("defined")) {
            int j = 4;
            boolean paren = tokens.get(j).is("(");
            if (paren) {
                j++;
            }
            if (!tokens.get(j).isIdentifier()) {
                return null;
            }
            guard = tokens.get(j).text();
            i = j + 1;
            if (paren) {
                if (!tokens.get(i).is(")")) {
                    return null;
                }
                i++;
            }
        } else {
            return null;
        }
        if (!tokens.get(i).startsLine()) {
            return null;
        }
        int depth = 1;
        for (; i < tokens.size(); i++) {
            if (!isDirectiveStart(tokens, i)) {
                continue;
            }
            String name = tokens.get(i + 1).text();
            if (name.equals("if") || name.equals("ifdef") || name.equals("ifndef")) {
                depth++;
            } else if (name.equals("endif") && --depth == 0) {
                int k = i + 2;
                while (k < tokens.size() && !tokens.get(k).startsLine()) {
                    k++;
                }
                return tokens.get(k).isEnd() ? guard : null;
            } else if (depth == 1 && (name.equals("else") || name.startsWith("elif"))) {
                return null;
            }
        }
        return null;
    }

    static boolean isDirectiveStart(List<PpToken> tokens, int i) {
        PpToken t = tokens.get(i);
        return t.startsLine() && (t.is("#") || t.is("%:")) && i + 1 < tokens.size() && !tokens.get(i + 1).startsLine()
                && tokens.get(i + 1).isIdentifier();
    }
}
