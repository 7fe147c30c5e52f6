package dev.isthmus.cparser.preprocess;

/**
 * The names of the macros a token came out of, which it may not expand again (C11
 * 6.10.3.4p2, in the form of Dave Prosser's algorithm). Immutable; sets are tiny (the
 * nesting depth of macro expansions), so a linked list is the cheapest representation.
 */
final class HideSet {
    static final HideSet EMPTY = new HideSet(null, null);

    private final String name;
    private final HideSet rest;

    private HideSet(String name, HideSet rest) {
        this.name = name;
        this.rest = rest;
    }

    boolean contains(String macro) {
        for (HideSet s = this; s.name != null; s = s.rest) {
            if (s.name.equals(macro)) {
                return true;
            }
        }
        return false;
    }

    HideSet with(String macro) {
        return contains(macro) ? this : new HideSet(macro, this);
    }

    HideSet union(HideSet other) {
        // Most tokens come from the file with no hide set, or meet an empty one.
        if (other == EMPTY) {
            return this;
        }
        if (this == EMPTY) {
            return other;
        }
        HideSet result = this;
        for (HideSet s = other; s.name != null; s = s.rest) {
            result = result.with(s.name);
        }
        return result;
    }

    HideSet intersection(HideSet other) {
        HideSet result = EMPTY;
        for (HideSet s = this; s.name != null; s = s.rest) {
            if (other.contains(s.name)) {
                result = result.with(s.name);
            }
        }
        return result;
    }
}
