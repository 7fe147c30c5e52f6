package dev.isthmus.lua.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * The locals and upvalues of each function open around the parser's position, kept to
 * refuse what LuaJIT's one-pass parser refuses where it refuses it (lj_parse.c
 * {@code var_new}, {@code var_lookup_uv}, {@code err_limit}): a 201st active local (hidden
 * for-loop control variables and parameters count) or a 61st upvalue, each reported on the
 * line of the token after the name that crossed the limit, as "main function has more than
 * 200 local variables" or "function at line 3 has more than 60 upvalues". The compiler
 * resolves names again for code; this only counts them.
 */
final class LexicalScopes {
    /** LuaJIT's LJ_MAX_LOCVAR: active locals per function. */
    private static final int MAX_LOCALS = 200;
    /** LuaJIT's LJ_MAX_UPVAL: upvalues per function. */
    private static final int MAX_UPVALUES = 60;

    private final String chunkName;
    private Function innermost;

    /** One function: where it is defined (0 for the main chunk), its active locals and upvalue names. */
    private static final class Function {
        final Function enclosing;
        final int lineDefined;
        final List<String> activeLocals = new ArrayList<>();
        final List<String> upvalues = new ArrayList<>();

        Function(Function enclosing, int lineDefined) {
            this.enclosing = enclosing;
            this.lineDefined = lineDefined;
        }
    }

    LexicalScopes(String chunkName) {
        this.chunkName = chunkName;
    }

    void enterFunction(int lineDefined) {
        innermost = new Function(innermost, lineDefined);
    }

    void leaveFunction() {
        innermost = innermost.enclosing;
    }

    /** How many locals are active: a block's start, to {@link #endBlock} at its end. */
    int blockStart() {
        return innermost.activeLocals.size();
    }

    void endBlock(int start) {
        List<String> locals = innermost.activeLocals;
        locals.subList(start, locals.size()).clear();
    }

    /**
     * Checks room for the {@code pending}-th (from 0) local of a declaration whose earlier
     * names are not active yet, as LuaJIT checks each name as it reads it; {@code line} is
     * the line of the token after the name.
     */
    void checkLocal(int pending, int line) {
        if (innermost.activeLocals.size() + pending >= MAX_LOCALS) {
            throw limitError(innermost, MAX_LOCALS, "local variables", line);
        }
    }

    /** Makes {@code names} active locals (checked before by {@link #checkLocal}). */
    void activate(List<String> names) {
        innermost.activeLocals.addAll(names);
    }

    /**
     * Resolves a name read in the innermost function, adding it as an upvalue to each
     * function between the one declaring it and this one (outermost first, as LuaJIT's
     * recursive lookup does); a global adds nothing.
     */
    void resolve(String name, int line) {
        resolveIn(innermost, name, line);
    }

    private boolean resolveIn(Function f, String name, int line) {
        if (f == null) {
            return false;
        }
        if (f.activeLocals.lastIndexOf(name) >= 0) {
            return true;
        }
        if (f.upvalues.contains(name)) {
            return true;
        }
        if (!resolveIn(f.enclosing, name, line)) {
            return false;
        }
        if (f.upvalues.size() >= MAX_UPVALUES) {
            throw limitError(f, MAX_UPVALUES, "upvalues", line);
        }
        f.upvalues.add(name);
        return true;
    }

    /**
     * Checks the targets of an assignment: LuaJIT parses them recursively and allows the
     * syntax level plus the targets so far below 200 (LJ_MAX_XLEVEL).
     */
    void checkAssignmentTargets(int level, int targetsSoFar, int line, int maxLevels) {
        if (level + targetsSoFar >= maxLevels) {
            throw limitError(innermost, maxLevels, "variable names", line);
        }
    }

    private LuaSyntaxError limitError(Function f, int limit, String what, int line) {
        String message = f.lineDefined == 0
                ? "main function has more than " + limit + " " + what
                : "function at line " + f.lineDefined + " has more than " + limit + " " + what;
        return new LuaSyntaxError(chunkName, line, message, null);
    }
}
