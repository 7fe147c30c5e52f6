package dev.isthmus.lua.lib;

import dev.isthmus.lua.bytecode.Prototype;
import dev.isthmus.lua.interp.CallStack;
import dev.isthmus.lua.interp.FrameInspection;
import dev.isthmus.lua.interp.LuaClosure;
import dev.isthmus.lua.interp.LuaRuntime;
import dev.isthmus.lua.interp.Traceback;
import dev.isthmus.lua.runtime.Arguments;
import dev.isthmus.lua.runtime.Coroutine;
import dev.isthmus.lua.runtime.JavaFunction;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaFunction;
import dev.isthmus.lua.runtime.LuaObject;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.NumberCoercion;
import dev.isthmus.lua.runtime.LuaTable;
import dev.isthmus.lua.runtime.LuaType;

/**
 * Lua's debug library as LuaJIT has it: {@code traceback}, {@code getinfo} for functions
 * and levels, locals and upvalues by number, metatables of any value (a type's shared one
 * for numbers, strings, booleans, nil, functions and coroutines), the registry, and the
 * {@code debug()} prompt. Levels count Lua frames only, and a frame's position is its
 * running call (see {@link FrameInspection}). Hooks are accepted and never called: the
 * interpreter has no per-instruction hook for scripts.
 */
public final class DebugLibrary {
    private final LuaRuntime runtime;
    private final LuaTable registry = new LuaTable();
    /** {@code debug.getinfo} itself: level 0 of a stack seen from inside it. */
    private LuaFunction getinfo;

    private DebugLibrary(LuaRuntime runtime) {
        this.runtime = runtime;
    }

    public static LuaTable install(LuaRuntime runtime, java.io.InputStream stdin) {
        DebugLibrary lib = new DebugLibrary(runtime);
        LuaTable t = new LibraryTable()
                .add("traceback", lib::traceback)
                .add("getinfo", lib::getinfo)
                .add("getlocal", lib::getlocal)
                .add("setlocal", lib::setlocal)
                .add("getupvalue", args -> upvalue(args, false))
                .add("setupvalue", lib::setupvalue)
                .add("upvalueid", DebugLibrary::upvalueid)
                .add("upvaluejoin", lib::upvaluejoin)
                .add("getmetatable", args -> new Object[] {runtime.semantics().metatable(args.length > 0 ? args[0] : null)})
                .add("setmetatable", lib::setmetatable)
                .add("getregistry", args -> new Object[] {lib.registry})
                .add("getfenv", lib::getfenv)
                .add("setfenv", lib::setfenv)
                .add("sethook", args -> LuaFunction.NONE)
                .add("gethook", args -> new Object[] {null})
                .add("debug", args -> DebugPrompt.run(runtime, stdin))
                .table();
        lib.getinfo = (LuaFunction) t.get(LuaString.of("getinfo"));
        runtime.globals().put(LuaString.of("debug"), t);
        return t;
    }

    /**
     * {@code traceback([thread,] [message [, level]])}: the message, then the stack from
     * {@code level} (1, the caller, by default; 0, the Java function it is in, for another
     * coroutine). A message that is not a string or number, given, is returned as it is.
     */
    private Object[] traceback(Object[] args) {
        DebugSubject subject = DebugSubject.of(runtime, args);
        int first = subject.first();
        Object message = args.length > first ? args[first] : null;
        int level = new Arguments("traceback", args).optInt(first + 1, subject.isOtherThread() ? 0 : 1);
        boolean isText = message instanceof LuaString || message instanceof Double;
        if (!isText && args.length > first) {
            return new Object[] {message};
        }
        StringBuilder out = new StringBuilder();
        if (message != null) {
            out.append(ValueText.plain(message)).append('\n');
        }
        out.append("stack traceback:");
        for (String line : Traceback.lines(subject.stack(), subject.isCoroutine(), level)) {
            out.append("\n\t").append(line);
        }
        return new Object[] {LuaString.of(out.toString())};
    }

    /**
     * {@code getinfo([thread,] level | f [, what])}: the fields {@code what} asks for ("flnSu" by
     * default). Levels count Java functions' frames as LuaJIT counts its C frames
     * ({@link CallStack#levels}).
     */
    private Object[] getinfo(Object[] args) {
        Arguments a = new Arguments("getinfo", args);
        DebugSubject subject = DebugSubject.of(runtime, args);
        int first = subject.first();
        Object target = a.get(first);
        String what = a.optString(first + 1, LuaString.of("flnSu")).toString();
        CallStack stack = subject.stack();
        CallStack.Level level = null;
        if (!(target instanceof LuaFunction)) {
            if (!(target instanceof Double) && !(target instanceof LuaString s && NumberCoercion.parse(s) != null)) {
                throw a.bad(first, "function or level expected");
            }
            int number = a.checkIntViaInteger(first);
            if (number == 0 && !subject.isOtherThread()) {
                // Level 0 is the running function, getinfo itself (a C function to LuaJIT).
                return new Object[] {describeItself(checkOptions(a, first + 1, what))};
            }
            level = subject.level(number);
            if (level == null) {
                return new Object[] {null};
            }
            target = level.isJava() ? calledFunction(stack, level.luaLevel()) : stack.at(level.luaLevel());
        }
        what = checkOptions(a, first + 1, what);
        boolean isLuaLevel = level != null && !level.isJava();
        LuaTable info = new LuaTable();
        if (what.indexOf('S') >= 0) {
            source(info, target);
        }
        if (what.indexOf('l') >= 0) {
            info.put(LuaString.of("currentline"), isLuaLevel ? (double) FrameInspection.currentLine(stack, level.luaLevel()) : -1.0);
        }
        if (what.indexOf('u') >= 0) {
            info.put(LuaString.of("nups"), target instanceof LuaClosure c ? (double) c.upvalueCount() : 0.0);
        }
        if (what.indexOf('n') >= 0 && level != null) {
            FrameInspection.CallName name = level.isJava() ? FrameInspection.javaCallName(stack, level.luaLevel())
                    : FrameInspection.callName(stack, level.luaLevel());
            info.put(LuaString.of("name"), name.name() == null ? null : LuaString.of(name.name()));
            info.put(LuaString.of("namewhat"), LuaString.of(name.namewhat()));
        }
        if (what.indexOf('f') >= 0) {
            info.put(LuaString.of("func"), target);
        }
        if (what.indexOf('L') >= 0 && target instanceof LuaClosure c) {
            LuaTable lines = new LuaTable();
            for (int line : c.prototype().lines()) {
                lines.put((double) line, Boolean.TRUE);
            }
            info.put(LuaString.of("activelines"), lines);
        }
        return new Object[] {info};
    }

    /** {@code getinfo(0, what)}: getinfo itself, named as the innermost Lua frame calls it, if it does. */
    private LuaTable describeItself(String what) {
        CallStack stack = runtime.callStack();
        LuaTable info = new LuaTable();
        if (what.indexOf('S') >= 0) {
            source(info, getinfo);
        }
        if (what.indexOf('l') >= 0) {
            info.put(LuaString.of("currentline"), -1.0);
        }
        if (what.indexOf('u') >= 0) {
            info.put(LuaString.of("nups"), 0.0);
        }
        if (what.indexOf('n') >= 0) {
            FrameInspection.CallName name = FrameInspection.mayBeCalledByInnermostFrame(stack, getinfo)
                    ? FrameInspection.javaCallName(stack, 1) : new FrameInspection.CallName(null, "");
            info.put(LuaString.of("name"), name.name() == null ? null : LuaString.of(name.name()));
            info.put(LuaString.of("namewhat"), LuaString.of(name.namewhat()));
        }
        if (what.indexOf('f') >= 0) {
            info.put(LuaString.of("func"), getinfo);
        }
        return info;
    }

    /**
     * The option letters as lua_getinfo reads them, a C string (so up to the first NUL byte):
     * any letter but {@code SlnufL} is an error, checked once the level is known to exist.
     */
    private static String checkOptions(Arguments a, int index, String what) {
        int nul = what.indexOf('\0');
        String options = nul < 0 ? what : what.substring(0, nul);
        for (int i = 0; i < options.length(); i++) {
            if ("SlnufL".indexOf(options.charAt(i)) < 0) {
                throw a.bad(index, "invalid option");
            }
        }
        return options;
    }

    /** The Java function the Lua frame {@code callerLevel} is calling, or null (the host below the bottom frame). */
    private static Object calledFunction(CallStack stack, int callerLevel) {
        if (callerLevel > stack.depth()) {
            return null;
        }
        Prototype p = stack.at(callerLevel).prototype();
        return stack.registerAt(callerLevel, p.code()[stack.callPcAt(callerLevel) * 4 + 1]);
    }

    private static void source(LuaTable info, Object f) {
        if (f instanceof LuaClosure c) {
            Prototype p = c.prototype();
            info.put(LuaString.of("source"), LuaString.of("@" + p.chunkName()));
            info.put(LuaString.of("short_src"), LuaString.of(p.chunkName()));
            info.put(LuaString.of("linedefined"), (double) p.lineDefined());
            info.put(LuaString.of("lastlinedefined"), (double) p.lastLineDefined());
            info.put(LuaString.of("what"), LuaString.of(p.lineDefined() == 0 ? "main" : "Lua"));
        } else {
            info.put(LuaString.of("source"), LuaString.of("=[C]"));
            info.put(LuaString.of("short_src"), LuaString.of("[C]"));
            info.put(LuaString.of("linedefined"), -1.0);
            info.put(LuaString.of("lastlinedefined"), -1.0);
            info.put(LuaString.of("what"), LuaString.of("C"));
        }
    }

    /**
     * {@code getlocal([thread,] level, n)}: the name and value of a frame's nth active local, or past
     * them, of a register below the callee of its running call, named "(*temporary)" as
     * LuaJIT names such slots; a Java function's frame shows none, except level 0, the
     * running getlocal, whose slots are its arguments. {@code getlocal(f, n)}: a
     * parameter's name.
     */
    private Object[] getlocal(Object[] args) {
        Arguments a = new Arguments("getlocal", args);
        DebugSubject subject = DebugSubject.of(runtime, args);
        int first = subject.first();
        int n = a.checkInt(first + 1);
        if (a.get(first) instanceof LuaFunction f) {
            Prototype.LocalVariable v = f instanceof LuaClosure c ? FrameInspection.parameter(c, n) : null;
            return new Object[] {v == null ? null : LuaString.of(v.name())};
        }
        if (subject.isLevelZero(a)) {
            return n >= 1 && n <= args.length ? new Object[] {TEMPORARY, args[n - 1]} : new Object[] {null};
        }
        CallStack.Level level = subject.checkLevel(a);
        CallStack stack = subject.stack();
        Prototype.LocalVariable v = level.isJava() ? null : FrameInspection.local(stack, level.luaLevel(), n);
        if (v != null) {
            return new Object[] {LuaString.of(v.name()), stack.registerAt(level.luaLevel(), v.register())};
        }
        if (isTemporary(stack, level, n)) {
            return new Object[] {TEMPORARY, stack.registerAt(level.luaLevel(), n - 1)};
        }
        return new Object[] {null};
    }

    private static final LuaString TEMPORARY = LuaString.of("(*temporary)");

    private Object[] setlocal(Object[] args) {
        Arguments a = new Arguments("setlocal", args);
        DebugSubject subject = DebugSubject.of(runtime, args);
        int first = subject.first();
        if (subject.isLevelZero(a)) {
            a.checkAny(first + 2);
            int n = a.checkInt(first + 1);
            // LuaJIT's setlocal pushes a copy of the value before setting: one slot more than its arguments.
            return new Object[] {n >= 1 && n <= args.length + 1 ? TEMPORARY : null};
        }
        CallStack.Level level = subject.checkLevel(a);
        a.checkAny(first + 2);
        int n = a.checkInt(first + 1);
        CallStack stack = subject.stack();
        Prototype.LocalVariable v = level.isJava() ? null : FrameInspection.local(stack, level.luaLevel(), n);
        if (v != null) {
            runtime.variablesRewritten();
            stack.setRegisterAt(level.luaLevel(), v.register(), a.get(first + 2));
            return new Object[] {LuaString.of(v.name())};
        }
        if (isTemporary(stack, level, n)) {
            stack.setRegisterAt(level.luaLevel(), n - 1, a.get(first + 2));
            return new Object[] {TEMPORARY};
        }
        return new Object[] {null};
    }

    /** Whether local {@code n} of a Lua level past its active locals is one of its temporaries. */
    private static boolean isTemporary(CallStack stack, CallStack.Level level, int n) {
        return !level.isJava() && n >= 1 && n <= FrameInspection.registersBelowCallee(stack, level.luaLevel());
    }

    private Object[] setupvalue(Object[] args) {
        Object[] name = upvalue(args, true);
        if (name.length > 0) {
            runtime.variablesRewritten();
        }
        return name;
    }

    /** {@code getupvalue(f, n)} and {@code setupvalue(f, n, v)}: the nth upvalue's name, and its value when read. */
    private static Object[] upvalue(Object[] args, boolean isSet) {
        Arguments a = new Arguments(isSet ? "setupvalue" : "getupvalue", args);
        a.checkFunction(0);
        int n = a.checkInt(1);
        if (!(a.get(0) instanceof LuaClosure c) || n < 1 || n > c.upvalueCount()) {
            return LuaFunction.NONE;
        }
        LuaString name = LuaString.of(c.prototype().upvalueNames().get(n - 1));
        if (isSet) {
            c.setUpvalue(n - 1, a.get(2));
            return new Object[] {name};
        }
        return new Object[] {name, c.upvalue(n - 1)};
    }

    /**
     * {@code upvalueid(f, n)} (Lua 5.2's function, which LuaJIT 2.1 has): a userdata that is
     * equal for two closures exactly when their upvalues are one variable.
     */
    private static Object[] upvalueid(Object[] args) {
        Arguments a = new Arguments("upvalueid", args);
        a.checkFunction(0);
        int n = a.checkInt(1);
        // A Java function has no upvalues to name (LuaJIT's C functions may have some).
        if (!(a.get(0) instanceof LuaClosure c) || n < 1 || n > c.upvalueCount()) {
            throw a.bad(1, "index out of range");
        }
        return new Object[] {c.upvalueIdentity(n - 1)};
    }

    /** {@code upvaluejoin(f1, n1, f2, n2)}: makes {@code f1}'s upvalue {@code n1} refer to {@code f2}'s upvalue {@code n2}. */
    private Object[] upvaluejoin(Object[] args) {
        Arguments a = new Arguments("upvaluejoin", args);
        LuaClosure target = checkUpvalueOwner(a, 0);
        int targetIndex = checkUpvalueIndex(a, 1, target);
        LuaClosure source = checkUpvalueOwner(a, 2);
        int sourceIndex = checkUpvalueIndex(a, 3, source);
        runtime.variablesRewritten();
        target.joinUpvalue(targetIndex, source, sourceIndex);
        return LuaFunction.NONE;
    }

    private static LuaClosure checkUpvalueOwner(Arguments a, int index) {
        a.checkFunction(index);
        if (!(a.get(index) instanceof LuaClosure c)) {
            throw a.bad(index, "Lua function expected");
        }
        return c;
    }

    /** The 0-based upvalue index argument {@code index} gives for {@code owner}. */
    private static int checkUpvalueIndex(Arguments a, int index, LuaClosure owner) {
        int n = a.checkInt(index);
        if (n < 1 || n > owner.upvalueCount()) {
            throw a.bad(index, "index out of range");
        }
        return n - 1;
    }

    /** {@code getfenv(o)}: the environment of a function, a coroutine or a userdata; other values have none (nil). */
    private Object[] getfenv(Object[] args) {
        Object o = new Arguments("getfenv", args).checkAny(0);
        return new Object[] {switch (o) {
            case LuaClosure c -> c.environment();
            case JavaFunction f -> f.environment() != null ? f.environment() : runtime.globals();
            case Coroutine c -> c.environment();
            case UserdataProxy u -> u.environment();
            case null, default -> null;
        }};
    }

    /** {@code setfenv(o, t)}: sets what {@link #getfenv} reads and returns {@code o}. */
    private Object[] setfenv(Object[] args) {
        Arguments a = new Arguments("setfenv", args);
        LuaTable env = a.checkTable(1);
        switch (a.get(0)) {
            case LuaClosure c -> c.setEnvironment(env);
            case JavaFunction f -> f.setEnvironment(env);
            case Coroutine c -> c.setEnvironment(env);
            case UserdataProxy u -> u.setEnvironment(env);
            case null, default -> throw new LuaError("'setfenv' cannot change environment of given object");
        }
        return new Object[] {a.get(0)};
    }

    private Object[] setmetatable(Object[] args) {
        Object value = args.length > 0 ? args[0] : null;
        Object meta = args.length > 1 ? args[1] : null;
        if (meta != null && !(meta instanceof LuaTable)) {
            throw new Arguments("setmetatable", args).typeError(1, "nil or table");
        }
        switch (value) {
            case LuaTable table -> table.setMetatable((LuaTable) meta);
            case UserdataProxy proxy -> proxy.setMetatable((LuaTable) meta);
            case LuaObject cdata -> {
                // A cdata's metatable belongs to its ctype (ffi.metatype).
            }
            case null, default -> runtime.setTypeMetatable(LuaType.of(value), (LuaTable) meta);
        }
        return new Object[] {Boolean.TRUE};
    }
}
