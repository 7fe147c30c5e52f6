package dev.isthmus.lua.jit;

/** The relations a comparison guard checks; each has its negation, for the branch not taken. */
enum Compare {
    LT, GE, LE, GT, EQ, NE;

    Compare negate() {
        return switch (this) {
            case LT -> GE;
            case GE -> LT;
            case LE -> GT;
            case GT -> LE;
            case EQ -> NE;
            case NE -> EQ;
        };
    }

    boolean holds(double x, double y) {
        return switch (this) {
            case LT -> x < y;
            case GE -> !(x < y);
            case LE -> x <= y;
            case GT -> !(x <= y);
            case EQ -> x == y;
            case NE -> x != y;
        };
    }
}
