package dev.isthmus.lua.lib;

import dev.isthmus.lua.bytecode.ChunkDump;
import dev.isthmus.lua.interp.CallStack;
import dev.isthmus.lua.interp.LuaClosure;
import dev.isthmus.lua.interp.LuaRuntime;
import dev.isthmus.lua.interp.LuaSemantics;
import dev.isthmus.lua.interp.MessageHandler;
import dev.isthmus.lua.runtime.Arguments;
import dev.isthmus.lua.runtime.JavaFunction;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaExit;
import dev.isthmus.lua.runtime.LuaFunction;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.LuaTable;
import dev.isthmus.lua.runtime.StringLike;
import dev.isthmus.lua.runtime.LuaType;
import dev.isthmus.lua.runtime.NumberCoercion;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Lua's base library (Lua 5.1 manual 5.1), with LuaJIT's extensions ({@code xpcall} arguments, {@code load} of strings). */
public final class BaseLibrary {
    private static final LuaString METATABLE = LuaString.of("__metatable");
    private static final LuaString GC = LuaString.of("__gc");
    private static final LuaString TOSTRING = LuaString.of("tostring");
    private final LuaRuntime runtime;
    private final LuaSemantics semantics;
    private final JavaFunction next;
    private final JavaFunction ipairsIterator;
    /** The {@code tostring} installed here: {@code print} converts directly while the thread's globals still hold it. */
    private Object builtinTostring;
    /** The {@code error} installed here: how {@link #error} finds the call that called it. */
    private Object errorFunction;
    /** The {@code load} installed here, for the position of its reader's misuse. */
    private Object loadFunction;
    private static final LuaString NOT_ENOUGH_MEMORY = LuaString.of("not enough memory");

    private BaseLibrary(LuaRuntime runtime) {
        this.runtime = runtime;
        this.semantics = runtime.semantics();
        this.next = new JavaFunction("next", this::next).asIterator(JavaFunction.Iterator.NEXT);
        this.ipairsIterator = new JavaFunction("ipairs_aux", this::ipairsStep).asIterator(JavaFunction.Iterator.IPAIRS_STEP);
    }

    public static void install(LuaRuntime runtime) {
        BaseLibrary lib = new BaseLibrary(runtime);
        LuaTable g = runtime.globals();
        new LibraryTable(g)
                .add("print", lib::print)
                .addValueFunction("type", args -> LibraryTable.results(LuaType.of(new Arguments("type", args).checkAny(0)).luaString()))
                .addValueFunction("tostring", args -> LibraryTable.results(ValueText.tostring(runtime, new Arguments("tostring", args).checkAny(0))))
                .addValueFunction("tonumber", lib::tonumber)
                .set("pairs", new JavaFunction("pairs", lib::pairs).asIteratorFactory(lib.next, null))
                .set("ipairs", new JavaFunction("ipairs", lib::ipairs).asIteratorFactory(lib.ipairsIterator, 0.0))
                .add("select", lib::select)
                .add("rawget", args -> {
                    Arguments a = new Arguments("rawget", args);
                    return LibraryTable.results(a.checkTable(0).get(a.checkAny(1)));
                })
                .add("rawset", lib::rawset)
                .add("rawequal", args -> LibraryTable.results(rawEqual(new Arguments("rawequal", args))))
                .add("setmetatable", lib::setmetatable)
                .add("getmetatable", lib::getmetatable)
                .add("assert", lib::assertion)
                .add("error", lib::error)
                .add("pcall", lib::pcall)
                .add("xpcall", lib::xpcall)
                .add("unpack", lib::unpack)
                .add("loadstring", lib::loadstring)
                .add("load", lib::load)
                .add("loadfile", lib::loadfile)
                .add("dofile", lib::dofile)
                .add("setfenv", lib::setfenv)
                .add("getfenv", lib::getfenv)
                .add("collectgarbage", lib::collectgarbage)
                .add("gcinfo", args -> LibraryTable.results(Math.floor(lib.kilobytesInUse())))
                .add("newproxy", lib::newproxy)
                .set("_G", g)
                .set("_VERSION", LuaString.of("Lua 5.1"));
        g.put(LuaString.of("next"), lib.next);
        lib.builtinTostring = g.get(TOSTRING);
        lib.errorFunction = g.get(LuaString.of("error"));
        lib.loadFunction = g.get(LuaString.of("load"));
    }

    /**
     * {@code print}: each value through the {@code tostring} the running thread's globals hold
     * (looked up as Lua 5.1's {@code print} does, metamethods included), which must give a
     * string or a number.
     */
    private Object[] print(Object[] args) {
        LuaTable env = runtime.threadEnvironment();
        Object tostring = env.get(TOSTRING);
        if (tostring == null && env.metatable() != null) {
            tostring = semantics.index(env, TOSTRING);
        }
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                line.write('\t');
            }
            Object text = tostring == builtinTostring ? ValueText.tostring(runtime, args[i]) : callTostring(tostring, args[i]);
            line.writeBytes(switch (text) {
                case LuaString s -> s.bytes();
                case Double d -> NumberCoercion.toLuaString(d).bytes();
                case null, default -> throw new LuaError("'tostring' must return a string to 'print'");
            });
        }
        line.write('\n');
        // Not flushed: the stream buffers as C's stdout would (written through to a terminal).
        runtime.out().writeBytes(line.toByteArray());
        return LuaFunction.NONE;
    }

    /** A {@code tostring} other than the builtin one, called from inside {@code print}: a value that cannot be called is named by type only. */
    private Object callTostring(Object tostring, Object value) {
        try {
            return LuaSemantics.first(semantics.call(tostring, new Object[] {value}));
        } catch (LuaSemantics.OperandError e) {
            throw new LuaError(e.value());
        }
    }

    private Object[] tonumber(Object[] args) {
        Arguments a = new Arguments("tonumber", args);
        Object v = a.checkAny(0);
        if (a.get(1) == null) {
            if (v instanceof Double) {
                return LibraryTable.results(v);
            }
            if (v instanceof dev.isthmus.lua.runtime.LuaObject) {
                return LibraryTable.results(runtime.cdataToNumber(v));
            }
            return LibraryTable.results(v instanceof LuaString s ? NumberCoercion.parse(s) : null);
        }
        int base = a.checkInt(1);
        if (base == 10) {
            // Base 10 is the ordinary conversion (LuaJIT), fractions and exponents included: nil for what is no number.
            return LibraryTable.results(v instanceof Double ? v : v instanceof LuaString s ? NumberCoercion.parse(s) : null);
        }
        if (!(v instanceof LuaString) && !(v instanceof Double)) {
            // LuaJIT reads the number's text before it looks at the base.
            throw a.typeError(0, "string");
        }
        if (base < 2 || base > 36) {
            throw a.bad(1, "base out of range");
        }
        String text = a.checkString(0).toLatin1().strip();
        boolean negative = text.startsWith("-");
        if (negative) {
            text = text.substring(1);
        }
        if (text.isEmpty()) {
            return LibraryTable.results((Object) null);
        }
        double value = 0;
        for (char ch : text.toCharArray()) {
            int digit = Character.digit(ch, base);
            if (digit < 0 || ch > 127) {
                return LibraryTable.results((Object) null);
            }
            value = value * base + digit;
        }
        return LibraryTable.results(negative ? -value : value);
    }

    private Object[] pairs(Object[] args) {
        Arguments a = new Arguments("pairs", args);
        a.checkAny(0);
        return LibraryTable.results(next, a.checkTable(0), null);
    }

    private Object[] next(Object[] args) {
        LuaTable t = new Arguments("next", args).checkTable(0);
        LuaTable.Entry e = t.next(args.length > 1 ? args[1] : null);
        return e == null ? LibraryTable.results((Object) null) : LibraryTable.results(e.key(), e.value());
    }

    private Object[] ipairs(Object[] args) {
        Arguments a = new Arguments("ipairs", args);
        Object t = a.checkAny(0);
        // LuaJIT's ipairs takes a table, or a cdata (whose metatype may index it); nothing else.
        if (!(t instanceof LuaTable) && LuaType.of(t) != LuaType.CDATA) {
            throw a.typeError(0, "table");
        }
        return LibraryTable.results(ipairsIterator, t, 0.0);
    }

    /** LuaJIT's ipairs indexes with metamethods, so any indexable value iterates. */
    private Object[] ipairsStep(Object[] args) {
        int i = (int) (double) (Double) args[1] + 1;
        Object v = args[0] instanceof LuaTable t && t.metatable() == null ? t.get(i) : semantics.index(args[0], (double) i);
        return v == null ? LibraryTable.results((Object) null) : LibraryTable.results((double) i, v);
    }

    private Object[] select(Object[] args) {
        Arguments a = new Arguments("select", args);
        if (a.get(0) instanceof LuaString s && s.length() == 1 && s.byteAt(0) == '#') {
            return LibraryTable.results((double) (args.length - 1));
        }
        int n = a.checkInt(0);
        if (n < 0) {
            n = args.length + n;
            if (n < 1) {
                throw a.bad(0, "index out of range");
            }
        } else if (n == 0) {
            throw a.bad(0, "index out of range");
        }
        return n >= args.length ? LuaFunction.NONE : Arrays.copyOfRange(args, n, args.length);
    }

    private Object[] rawset(Object[] args) {
        Arguments a = new Arguments("rawset", args);
        LuaTable t = a.checkTable(0);
        a.checkAny(1);
        a.checkAny(2);
        LuaSemantics.rawSet(t, args[1], args[2]);
        return LibraryTable.results(t);
    }

    private static boolean rawEqual(Arguments a) {
        Object x = a.checkAny(0);
        Object y = a.checkAny(1);
        return x == y || x instanceof Double dx && y instanceof Double dy && dx.doubleValue() == dy.doubleValue()
                || x instanceof LuaString sx && sx.equals(y) || x instanceof Boolean bx && bx.equals(y);
    }

    private Object[] setmetatable(Object[] args) {
        Arguments a = new Arguments("setmetatable", args);
        LuaTable t = a.checkTable(0);
        Object mt = a.get(1);
        // LuaJIT's message names no actual type here (LJ_ERR_NOTABN), unlike other type errors.
        if ((mt != null && !(mt instanceof LuaTable)) || !a.isPresent(1)) {
            throw a.bad(1, "nil or table expected");
        }
        if (t.metatable() != null && t.metatable().get(METATABLE) != null) {
            throw new LuaError("cannot change a protected metatable");
        }
        t.setMetatable((LuaTable) mt);
        Object mode = mt == null ? null : ((LuaTable) mt).get(LuaString.of("__mode"));
        String kinds = mode instanceof LuaString s ? s.toString() : "";
        t.setWeakMode(kinds.indexOf('k') >= 0, kinds.indexOf('v') >= 0);
        return LibraryTable.results(t);
    }

    private Object[] getmetatable(Object[] args) {
        LuaTable mt = semantics.metatable(new Arguments("getmetatable", args).checkAny(0));
        if (mt == null) {
            return LibraryTable.results((Object) null);
        }
        Object protectedValue = mt.get(METATABLE);
        return LibraryTable.results(protectedValue != null ? protectedValue : mt);
    }

    private Object[] assertion(Object[] args) {
        Arguments a = new Arguments("assert", args);
        if (LuaType.isFalsy(a.checkAny(0))) {
            if (args.length > 1) {
                // LuaJIT raises the message like error(message): strings and numbers get the caller's position.
                throw LuaError.atLevel(args[1], 1);
            }
            throw new LuaError("assertion failed!");
        }
        return args;
    }

    /** {@code error(value [, level])}: a string or number gets the position of the function at {@code level}, as LuaJIT counts levels. */
    private Object[] error(Object[] args) {
        Arguments a = new Arguments("error", args);
        int level = a.optInt(1, 1);
        Object value = a.get(0);
        if (value instanceof LuaString || value instanceof Double) {
            String where = dev.isthmus.lua.interp.FrameInspection.where(runtime.callStack(), level,
                    runtime.currentCoroutine() != runtime.mainCoroutine(), errorFunction);
            if (!where.isEmpty()) {
                value = LuaString.of(where).concat(ValueText.plain(value));
            }
        }
        throw new LuaError(value);
    }

    private Object[] pcall(Object[] args) {
        Arguments a = new Arguments("pcall", args);
        Object f = a.checkAny(0);
        CallStack stack = runtime.callStack();
        CallStack.ProtectedCall call = stack.enterProtectedCall(null);
        try {
            return LibraryTable.succeeded(semantics.call(f, Arrays.copyOfRange(args, 1, args.length)));
        } catch (LuaError e) {
            return LibraryTable.results(Boolean.FALSE, e.value());
        } catch (StackOverflowError e) {
            return LibraryTable.results(Boolean.FALSE, LuaString.of("stack overflow"));
        } catch (LuaExit e) {
            throw e;
        } catch (RuntimeException e) {
            // A Java failure no frame turned into a Lua error yet is one here: never past pcall.
            return LibraryTable.results(Boolean.FALSE, LuaError.fromJava(e).value());
        } catch (OutOfMemoryError e) {
            // LuaJIT's allocation failure is an error pcall catches; what failed to fit is garbage now.
            return LibraryTable.results(Boolean.FALSE, NOT_ENOUGH_MEMORY);
        } finally {
            stack.leaveProtectedCall(call);
        }
    }

    /**
     * {@code xpcall(f, handler, ...)}: {@code pcall} whose error value is what the message
     * handler makes of it, the handler run where the error was raised ({@link MessageHandler}).
     */
    private Object[] xpcall(Object[] args) {
        Arguments a = new Arguments("xpcall", args);
        Object f = a.checkAny(0);
        LuaFunction handler = a.checkFunction(1);
        CallStack stack = runtime.callStack();
        CallStack.ProtectedCall call = stack.enterProtectedCall(handler);
        try {
            return LibraryTable.succeeded(semantics.call(f, args.length > 2 ? Arrays.copyOfRange(args, 2, args.length) : LuaFunction.NONE));
        } catch (LuaError e) {
            return LibraryTable.results(Boolean.FALSE, MessageHandler.resultFor(stack, call, e));
        } catch (StackOverflowError e) {
            return LibraryTable.results(Boolean.FALSE, MessageHandler.resultFor(stack, call, new LuaError((Object) LuaString.of("stack overflow"))));
        } catch (LuaExit e) {
            throw e;
        } catch (RuntimeException e) {
            return LibraryTable.results(Boolean.FALSE, MessageHandler.resultFor(stack, call, LuaError.fromJava(e)));
        } catch (OutOfMemoryError e) {
            return LibraryTable.results(Boolean.FALSE, MessageHandler.resultFor(stack, call, new LuaError((Object) NOT_ENOUGH_MEMORY)));
        } finally {
            stack.leaveProtectedCall(call);
        }
    }

    private Object[] unpack(Object[] args) {
        Arguments a = new Arguments("unpack", args);
        LuaTable t = a.checkTable(0);
        int from = a.optInt(1, 1);
        int to = a.get(2) == null ? t.length() : a.checkInt(2);
        if (from > to) {
            return LuaFunction.NONE;
        }
        long n = (long) to - from + 1;
        if (n >= 8_000_000) {
            throw new LuaError("too many results to unpack");
        }
        Object[] out = new Object[(int) n];
        for (int i = 0; i < n; i++) {
            out[i] = t.get(from + i);
        }
        return out;
    }

    private Object[] loadstring(Object[] args) {
        Arguments a = new Arguments("loadstring", args);
        LuaString source = a.checkString(0);
        LuaString chunkName = a.optString(1, source);
        return compile(source.bytes(), chunkDisplayName(chunkName, a.get(1) == null));
    }

    /** {@code load(f or string, chunkname)}: a function argument is called for pieces until it returns nil or "". */
    private Object[] load(Object[] args) {
        Arguments a = new Arguments("load", args);
        Object source = a.get(0);
        if (source instanceof LuaString s) {
            return compile(s.bytes(), chunkDisplayName(a.optString(1, s), a.get(1) == null));
        }
        if (source instanceof StringLike b) {
            // LuaJIT names a buffer's chunk "" when no name is given: buffers are not NUL-terminated.
            return compile(b.contents().bytes(), chunkDisplayName(a.optString(1, LuaString.EMPTY), false));
        }
        LuaFunction reader = a.checkFunction(0);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        while (true) {
            Object piece;
            try {
                piece = LuaSemantics.first(reader.call(LuaFunction.NONE));
            } catch (LuaError e) {
                // LuaJIT's lua_load catches the reader's error too: load returns nil and its value.
                return LibraryTable.results(null, e.value());
            }
            if (piece == null || piece instanceof LuaString s && s.length() == 0) {
                break;
            }
            // A number is a piece too: the reader's result is read with lua_tolstring.
            LuaString s = LuaSemantics.toLuaString(piece);
            if (s == null) {
                // LuaJIT raises this inside lua_load, so the message names load's caller.
                String where = dev.isthmus.lua.interp.FrameInspection.where(runtime.callStack(), 1,
                        runtime.currentCoroutine() != runtime.mainCoroutine(), loadFunction);
                return LibraryTable.results(null, LuaString.of(where + "reader function must return a string"));
            }
            text.writeBytes(s.bytes());
        }
        LuaString chunkName = a.optString(1, LuaString.of("=(load)"));
        return compile(text.toByteArray(), chunkDisplayName(chunkName, false));
    }

    private Object[] compile(byte[] source, String chunkName) {
        try {
            return LibraryTable.results(runtime.load(source, chunkName));
        } catch (LuaError e) {
            return LibraryTable.results(null, e.value());
        }
    }

    /**
     * How a chunk is named in messages (LuaJIT's {@code lj_debug_shortname}): {@code =name}
     * and {@code @file} as given, source text as {@code [string "first line..."]}.
     */
    static String chunkDisplayName(LuaString name, boolean isSourceText) {
        String s = name.toLatin1();
        if (isSourceText && ChunkDump.isBinary(name.bytes())) {
            // LuaJIT's name for a binary chunk loaded without a name.
            return "(binary)";
        }
        if (!isSourceText && (s.startsWith("=") || s.startsWith("@"))) {
            return s.substring(1);
        }
        int len = 0;
        while (len < s.length() && len < 60 - 12 && s.charAt(len) >= ' ') {
            len++;
        }
        if (len < s.length()) {
            return "[string \"" + s.substring(0, Math.min(len, 60 - 15)) + "...\"]";
        }
        return "[string \"" + s + "\"]";
    }

    private Object[] loadfile(Object[] args) {
        Arguments a = new Arguments("loadfile", args);
        String path = CFileName.of(a.checkString(0));
        try {
            Path file = CFileName.path(path);
            if (Files.isDirectory(file)) {
                // fopen opens a directory for reading; the read fails (EISDIR).
                return LibraryTable.results(null, LuaString.of("cannot read " + path + ": Is a directory"));
            }
            byte[] source = Files.readAllBytes(file);
            return compile(source, path);
        } catch (IOException e) {
            // LuaJIT appends strerror(errno), as io.open does.
            return LibraryTable.results(null, LuaString.of("cannot open " + path + ": " + reason(e)));
        }
    }

    /** The C library's wording for why a file could not be opened. */
    private static String reason(IOException e) {
        return switch (e) {
            case java.nio.file.NoSuchFileException missing -> "No such file or directory";
            case java.nio.file.AccessDeniedException denied -> "Permission denied";
            default -> "Input/output error";
        };
    }

    private Object[] dofile(Object[] args) {
        Object[] loaded = loadfile(args);
        if (loaded[0] == null) {
            throw new LuaError(loaded[1]);
        }
        return ((LuaFunction) loaded[0]).call(LuaFunction.NONE);
    }

    /** {@code setfenv(f | level, t)}: level 0 is the running thread's environment; a Java function has none to change. */
    private Object[] setfenv(Object[] args) {
        Arguments a = new Arguments("setfenv", args);
        LuaTable env = a.checkTable(1);
        Object target = a.get(0);
        if (!(target instanceof LuaFunction)) {
            int level = a.checkInt(0);
            if (level == 0) {
                runtime.currentCoroutine().setEnvironment(env);
                return LuaFunction.NONE;
            }
            target = functionAtLevel(a, level);
        }
        if (target instanceof LuaClosure c) {
            c.setEnvironment(env);
            return LibraryTable.results(c);
        }
        throw new LuaError("'setfenv' cannot change environment of given object");
    }

    /** {@code getfenv(f | level)}: a Lua function's environment; for a Java function, or level 0, the running thread's. */
    private Object[] getfenv(Object[] args) {
        Arguments a = new Arguments("getfenv", args);
        Object target = a.get(0);
        if (!(target instanceof LuaFunction)) {
            int level = a.optInt(0, 1);
            target = level == 0 ? null : functionAtLevel(a, level);
        }
        return LibraryTable.results(target instanceof LuaClosure c ? c.environment() : runtime.threadEnvironment());
    }

    /** The Lua function at stack level {@code level} (1 = the caller), or null for a Java function's; past the stack, LuaJIT's "invalid level". */
    private LuaClosure functionAtLevel(Arguments a, int level) {
        CallStack stack = runtime.callStack();
        CallStack.Level at = stack.level(level, runtime.currentCoroutine() != runtime.mainCoroutine());
        if (at == null) {
            throw a.bad(0, "invalid level");
        }
        return at.isJava() ? null : stack.at(at.luaLevel());
    }

    /** The heap in use ({@link HeapInUse}), standing in for Lua's allocated memory in collectgarbage("count") and gcinfo. */
    private double kilobytesInUse() {
        return HeapInUse.bytes() / 1024.0;
    }

    /**
     * {@code newproxy(false | true | proxy)}: a userdata without a metatable, with a new empty
     * one, or sharing another proxy's (LuaJIT keeps this Lua 5.1 function).
     */
    private Object[] newproxy(Object[] args) {
        Arguments a = new Arguments("newproxy", args);
        Object how = a.get(0);
        if (how == null || how == Boolean.FALSE) {
            return LibraryTable.results(new UserdataProxy(null, runtime.threadEnvironment()));
        }
        if (how == Boolean.TRUE) {
            return LibraryTable.results(new UserdataProxy(new LuaTable(), runtime.threadEnvironment()));
        }
        if (how instanceof UserdataProxy other && other.metatable() != null) {
            return LibraryTable.results(new UserdataProxy(other.metatable(), runtime.threadEnvironment()));
        }
        throw a.bad(0, "boolean or proxy expected");
    }

    /** What {@code collectgarbage} was told: Lua's defaults, a pause of 200% and a step multiplier of 200. */
    private int collectorPause = 200;
    private int collectorStepMultiplier = 200;
    private boolean isCollectorRunning = true;

    /** Kilobytes of collector work the "step" calls since the last finished cycle have done. */
    private double stepWorkKilobytes;

    /**
     * {@code collectgarbage("step", kilobytes)}: whether the step finished a cycle, as LuaJIT
     * answers. LuaJIT's step works through about {@code kilobytes} (at least its basic 1 KB
     * step) times the step multiplier, and finishes a cycle once that work has covered the
     * heap; so a step at least as large as the heap, or a negative one, which LuaJIT reads as
     * unbounded, finishes one, and repeated small steps finish one eventually (a step
     * multiplier of 0 or less is unbounded too). Here the work is counted the same way, and the
     * finished cycle is a full collection with its finalizers.
     */
    private boolean collectorStep(double kilobytes) {
        boolean isUnbounded = kilobytes < 0 || collectorStepMultiplier <= 0;
        stepWorkKilobytes += isUnbounded ? Double.POSITIVE_INFINITY
                : Math.max(1, Math.floor(kilobytes)) * collectorStepMultiplier / 100.0;
        if (stepWorkKilobytes < kilobytesInUse()) {
            return false;
        }
        runtime.collectGarbage();
        stepWorkKilobytes = 0;
        return true;
    }

    private Object[] collectgarbage(Object[] args) {
        Arguments a = new Arguments("collectgarbage", args);
        String option = a.optString(0, LuaString.of("collect")).toString();
        return switch (option) {
            case "count" -> LibraryTable.results(kilobytesInUse());
            case "collect" -> {
                runtime.collectGarbage();
                yield LibraryTable.results(0.0);
            }
            case "step" -> LibraryTable.results(collectorStep(a.optNumber(1, 0)));
            case "stop", "restart" -> {
                // The JVM's collector cannot be stopped; the flag is what "isrunning" reports, as LuaJIT's is.
                isCollectorRunning = option.equals("restart");
                yield LibraryTable.results(0.0);
            }
            case "isrunning" -> LibraryTable.results(isCollectorRunning);
            case "setpause", "setstepmul" -> {
                // Lua's tuning values, kept and given back (the previous one) as LuaJIT does; the
                // JVM's collector paces itself, so they change nothing else.
                int value = a.optInt(1, 0);
                int previous = option.equals("setpause") ? collectorPause : collectorStepMultiplier;
                if (option.equals("setpause")) {
                    collectorPause = value;
                } else {
                    collectorStepMultiplier = value;
                }
                yield LibraryTable.results((double) previous);
            }
            default -> throw a.bad(0, "invalid option '" + option + "'");
        };
    }
}
