package dev.isthmus.lua.ctypes;

import dev.isthmus.ffi.ctypes.ArgumentError;
import dev.isthmus.ffi.ctypes.CDLL;
import dev.isthmus.ffi.ctypes.CFuncType;
import dev.isthmus.ffi.ctypes.CFunction;
import dev.isthmus.ffi.ctypes.CTypeSpec;
import dev.isthmus.ffi.ctypes.CTypes;
import dev.isthmus.ffi.ctypes.CharBuffer;
import dev.isthmus.ffi.ctypes.SimpleType;
import dev.isthmus.ffi.ctypes.SimpleValue;
import dev.isthmus.ffi.ctypes.StructType;
import dev.isthmus.ffi.ctypes.Structure;
import dev.isthmus.lua.interp.LuaRuntime;
import dev.isthmus.lua.runtime.Arguments;
import dev.isthmus.lua.runtime.JavaFunction;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaFunction;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.LuaTable;
import dev.isthmus.lua.runtime.LuaType;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code ctypes} module: Python's ctypes API in Lua, over ffi-core's reflective path,
 * so one script can make the same native call both ways and time them:
 *
 * <pre>{@code
 * local ctypes = require 'ctypes'
 * local libc = ctypes.CDLL('c')      -- or 'libc.so.6', a path, or nil for the process
 * local strlen = libc.strlen
 * strlen.argtypes = { ctypes.c_char_p }
 * strlen.restype = ctypes.c_size_t
 * local Point = ctypes.Structure('Point', { {'x', ctypes.c_int}, {'y', ctypes.c_int} })
 * }</pre>
 *
 * Every call marshals per call through reflection and {@code invokeWithArguments}, as
 * ctypes does: this is the honest baseline, not the fast path.
 */
public final class CtypesLibrary {
    private final LuaTable libraryMeta = new LuaTable();
    private final LuaTable functionMeta = new LuaTable();
    private final LuaTable typeMeta = new LuaTable();
    private final LuaTable simpleMeta = new LuaTable();
    private final LuaTable structMeta = new LuaTable();
    private final LuaTable bufferMeta = new LuaTable();
    private final LuaTable opaqueMeta = new LuaTable();
    private final Map<CFunction, LuaTable> functionAttributes = new HashMap<>();
    /** Callbacks live as long as the state: C may keep their pointers. */
    private final Arena callbackArena = Arena.ofAuto();
    private final List<Object> callbacks = new ArrayList<>();

    private CtypesLibrary() {
    }

    public static LuaTable install(LuaRuntime runtime) {
        CtypesLibrary lib = new CtypesLibrary();
        lib.fillMetatables();
        LuaTable t = new LuaTable();
        Object[][] simple = {
            {"c_bool", CTypes.c_bool}, {"c_char", CTypes.c_char}, {"c_byte", CTypes.c_byte}, {"c_ubyte", CTypes.c_ubyte},
            {"c_short", CTypes.c_short}, {"c_ushort", CTypes.c_ushort}, {"c_int", CTypes.c_int}, {"c_uint", CTypes.c_uint},
            {"c_long", CTypes.c_long}, {"c_ulong", CTypes.c_ulong}, {"c_longlong", CTypes.c_longlong},
            {"c_ulonglong", CTypes.c_ulonglong}, {"c_size_t", CTypes.c_size_t}, {"c_ssize_t", CTypes.c_ssize_t},
            {"c_int32", CTypes.c_int32}, {"c_int64", CTypes.c_int64}, {"c_float", CTypes.c_float},
            {"c_double", CTypes.c_double}, {"c_char_p", CTypes.c_char_p}, {"c_void_p", CTypes.c_void_p}};
        for (Object[] entry : simple) {
            t.put(LuaString.of((String) entry[0]), lib.wrap(entry[1]));
        }
        // ctypes.CDLL(nil) is Python's CDLL(None): the process (the program, libc and libm).
        lib.add(t, "CDLL", args -> new Object[] {lib.wrap(lib.openLibrary(args.length == 0 || args[0] == null ? null
                : new Arguments("CDLL", args).checkString(0).toString()))});
        lib.add(t, "Structure", lib::structure);
        lib.add(t, "POINTER", args -> new Object[] {lib.wrap(CTypes.POINTER(lib.spec(args, 0, "POINTER")))});
        lib.add(t, "byref", args -> {
            try {
                return new Object[] {lib.wrap(CTypes.byref(lib.unwrap(args.length > 0 ? args[0] : null)))};
            } catch (IllegalArgumentException e) {
                throw new LuaError("TypeError: " + e.getMessage());
            }
        });
        lib.add(t, "CFUNCTYPE", args -> {
            CTypeSpec restype = args.length > 0 && args[0] != null ? lib.spec(args, 0, "CFUNCTYPE") : null;
            CTypeSpec[] argtypes = new CTypeSpec[Math.max(0, args.length - 1)];
            for (int i = 1; i < args.length; i++) {
                argtypes[i - 1] = lib.spec(args, i, "CFUNCTYPE");
            }
            return new Object[] {lib.wrap(CTypes.CFUNCTYPE(restype, argtypes))};
        });
        lib.add(t, "create_string_buffer", args -> {
            Object init = args.length > 0 ? args[0] : null;
            CharBuffer buffer = switch (init) {
                case LuaString s -> {
                    CharBuffer b = CTypes.create_string_buffer(args.length > 1 && args[1] instanceof Double n ? (long) (double) n : s.length() + 1L);
                    MemorySegment.copy(s.bytes(), 0, bufferSegment(b), java.lang.foreign.ValueLayout.JAVA_BYTE, 0, s.length());
                    yield b;
                }
                case Double n -> CTypes.create_string_buffer((long) (double) n);
                default -> throw new LuaError("bad argument #1 to 'create_string_buffer' (string or number expected)");
            };
            return new Object[] {lib.wrap(buffer)};
        });
        lib.add(t, "sizeof", args -> {
            Object v = lib.unwrap(args.length > 0 ? args[0] : null);
            return new Object[] {(double) switch (v) {
                case CTypeSpec s -> CTypes.sizeof(s);
                case SimpleValue s -> CTypes.sizeof(s.type());
                case Structure s -> CTypes.sizeof(s.structType());
                case CharBuffer b -> b.size();
                default -> throw new LuaError("TypeError: this type has no size");
            }};
        });
        return t;
    }

    private static MemorySegment bufferSegment(CharBuffer b) {
        return CTypes.byref(b).segment();
    }

    private void add(LuaTable t, String name, JavaFunction.Body body) {
        t.put(LuaString.of(name), new JavaFunction(name, body));
    }

    private CDLL openLibrary(String name) {
        try {
            return new CDLL(name);
        } catch (IllegalArgumentException e) {
            throw new LuaError("OSError: " + e.getMessage());
        }
    }

    CtypesValue wrap(Object java) {
        LuaTable mt = switch (java) {
            case CDLL d -> libraryMeta;
            case CFunction f -> functionMeta;
            case CTypeSpec s -> typeMeta;
            case SimpleValue v -> simpleMeta;
            case Structure s -> structMeta;
            case CharBuffer b -> bufferMeta;
            default -> opaqueMeta;
        };
        return new CtypesValue(java, mt);
    }

    private Object unwrap(Object lua) {
        return lua instanceof CtypesValue v ? v.java() : lua;
    }

    private CTypeSpec spec(Object[] args, int index, String function) {
        if (index < args.length && args[index] instanceof CtypesValue v && v.java() instanceof CTypeSpec s) {
            return s;
        }
        throw new LuaError("bad argument #" + (index + 1) + " to '" + function + "' (ctypes type expected, got "
                + (index < args.length ? LuaType.of(args[index]).luaName() : "no value") + ")");
    }

    /** A Lua value as the Java value the ctypes path takes: integers as Long, strings as bytes, wrappers unwrapped. */
    Object toJava(Object lua) {
        return switch (lua) {
            case null -> null;
            case Double d -> d == Math.rint(d) && Math.abs(d) < 9.2e18 ? (Object) (long) (double) d : d;
            case Boolean b -> b;
            case LuaString s -> s.bytes();
            case CtypesValue v when v.java() instanceof CFunction -> throw new LuaError("ArgumentError: pass a CFUNCTYPE callback, not a foreign function");
            case CtypesValue v -> v.java();
            default -> throw new LuaError("ArgumentError: don't know how to convert a " + LuaType.of(lua).luaName());
        };
    }

    /** A Java value from the ctypes path as a Lua value. */
    Object toLua(Object java) {
        return switch (java) {
            case null -> null;
            case Integer i -> (double) i;
            case Long l -> (double) l;
            case Short s -> (double) s;
            case Byte b -> (double) b;
            case Float f -> (double) f;
            case Double d -> d;
            case Boolean b -> b;
            case String s -> LuaString.of(s);
            case byte[] b -> LuaString.wrap(b);
            default -> wrap(java);
        };
    }

    private Object[] structure(Object[] args) {
        Arguments a = new Arguments("Structure", args);
        String name = a.checkString(0).toString();
        LuaTable fields = a.checkTable(1);
        List<CTypes.Member> members = new ArrayList<>();
        for (int i = 1; fields.get(i) != null; i++) {
            if (!(fields.get(i) instanceof LuaTable entry) || !(entry.get(1) instanceof LuaString fieldName)
                    || !(entry.get(2) instanceof CtypesValue v) || !(v.java() instanceof CTypeSpec type)) {
                throw new LuaError("TypeError: _fields_ must be a sequence of {name, ctype} pairs");
            }
            members.add(CTypes.member(fieldName.toString(), type));
        }
        return new Object[] {wrap(CTypes.struct(name, members))};
    }

    private void fillMetatables() {
        put(libraryMeta, "__index", args -> {
            CDLL library = (CDLL) unwrap(args[0]);
            String name = new Arguments("__index", args).checkString(1).toString();
            try {
                return new Object[] {wrap(library.get(name))};
            } catch (IllegalArgumentException e) {
                throw new LuaError("AttributeError: " + e.getMessage());
            }
        });
        put(libraryMeta, "__tostring", args -> new Object[] {LuaString.of(unwrap(args[0]).toString())});
        put(functionMeta, "__index", args -> {
            CFunction f = (CFunction) unwrap(args[0]);
            return new Object[] {functionAttributes.computeIfAbsent(f, k -> new LuaTable()).get(args[1])};
        });
        put(functionMeta, "__newindex", this::setFunctionAttribute);
        put(functionMeta, "__call", this::callFunction);
        put(functionMeta, "__tostring", args -> new Object[] {LuaString.of(unwrap(args[0]).toString())});
        put(typeMeta, "__call", this::instantiate);
        put(typeMeta, "__tostring", args -> new Object[] {LuaString.of("<class 'ctypes." + ((CTypeSpec) unwrap(args[0])).name() + "'>")});
        put(simpleMeta, "__index", args -> {
            SimpleValue v = (SimpleValue) unwrap(args[0]);
            if (args[1] instanceof LuaString s && s.toString().equals("value")) {
                return new Object[] {toLua(v.value())};
            }
            throw new LuaError("AttributeError: '" + v.type().name() + "' object has no attribute '" + args[1] + "'");
        });
        put(simpleMeta, "__newindex", args -> {
            SimpleValue v = (SimpleValue) unwrap(args[0]);
            convertErrors(() -> v.setValue(toJava(args[2])));
            return LuaFunction.NONE;
        });
        put(simpleMeta, "__tostring", args -> new Object[] {LuaString.of(unwrap(args[0]).toString())});
        put(structMeta, "__index", args -> {
            Structure s = (Structure) unwrap(args[0]);
            String field = new Arguments("__index", args).checkString(1).toString();
            Object[] out = new Object[1];
            convertErrors(() -> out[0] = toLua(s.get(field)));
            return out;
        });
        put(structMeta, "__newindex", args -> {
            Structure s = (Structure) unwrap(args[0]);
            String field = new Arguments("__newindex", args).checkString(1).toString();
            convertErrors(() -> s.set(field, toJava(args[2])));
            return LuaFunction.NONE;
        });
        put(structMeta, "__tostring", args -> new Object[] {LuaString.of("<" + ((Structure) unwrap(args[0])).structType().name() + " object>")});
        put(bufferMeta, "__index", args -> {
            CharBuffer b = (CharBuffer) unwrap(args[0]);
            String attribute = new Arguments("__index", args).checkString(1).toString();
            return switch (attribute) {
                case "value" -> {
                    byte[] raw = b.raw();
                    int n = 0;
                    while (n < raw.length && raw[n] != 0) {
                        n++;
                    }
                    yield new Object[] {LuaString.wrap(java.util.Arrays.copyOf(raw, n))};
                }
                case "raw" -> new Object[] {LuaString.wrap(b.raw())};
                default -> throw new LuaError("AttributeError: 'c_char_Array' object has no attribute '" + attribute + "'");
            };
        });
        put(bufferMeta, "__len", args -> new Object[] {(double) ((CharBuffer) unwrap(args[0])).size()});
        put(opaqueMeta, "__tostring", args -> new Object[] {LuaString.of(String.valueOf(unwrap(args[0])))});
    }

    private static void convertErrors(Runnable action) {
        try {
            action.run();
        } catch (ArgumentError e) {
            throw new LuaError("ArgumentError: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new LuaError("TypeError: " + e.getMessage());
        }
    }

    private Object[] setFunctionAttribute(Object[] args) {
        CFunction f = (CFunction) unwrap(args[0]);
        String name = new Arguments("__newindex", args).checkString(1).toString();
        Object value = args.length > 2 ? args[2] : null;
        switch (name) {
            case "argtypes" -> {
                if (value == null) {
                    f.argtypes((CTypeSpec[]) null);
                } else {
                    LuaTable list = value instanceof LuaTable t ? t : null;
                    if (list == null) {
                        throw new LuaError("TypeError: argtypes must be a sequence of types");
                    }
                    List<CTypeSpec> specs = new ArrayList<>();
                    for (int i = 1; list.get(i) != null; i++) {
                        specs.add(spec(new Object[] {list.get(i)}, 0, "argtypes"));
                    }
                    f.argtypes(specs.toArray(CTypeSpec[]::new));
                }
            }
            case "restype" -> f.restype(value == null ? null : spec(new Object[] {value}, 0, "restype"));
            default -> { }
        }
        functionAttributes.computeIfAbsent(f, k -> new LuaTable()).put(LuaString.of(name), value);
        return LuaFunction.NONE;
    }

    private Object[] callFunction(Object[] args) {
        CFunction f = (CFunction) unwrap(args[0]);
        Object[] java = new Object[args.length - 1];
        for (int i = 1; i < args.length; i++) {
            java[i - 1] = toJava(args[i]);
        }
        Object[] out = new Object[1];
        convertErrors(() -> out[0] = toLua(f.call(java)));
        return out;
    }

    private Object[] instantiate(Object[] args) {
        Object type = unwrap(args[0]);
        return switch (type) {
            case SimpleType s -> {
                Object[] out = new Object[1];
                convertErrors(() -> out[0] = wrap(s.of(args.length > 1 ? toJava(args[1]) : null)));
                yield out;
            }
            case StructType s -> {
                Structure instance = s.instantiate();
                List<String> names = s.fieldNames();
                if (args.length - 1 > names.size()) {
                    throw new LuaError("TypeError: too many initializers");
                }
                for (int i = 1; i < args.length; i++) {
                    String field = names.get(i - 1);
                    Object value = args[i];
                    convertErrors(() -> instance.set(field, toJava(value)));
                }
                yield new Object[] {wrap(instance)};
            }
            case CFuncType c -> {
                LuaFunction handler = new Arguments("CFUNCTYPE", java.util.Arrays.copyOfRange(args, 1, args.length)).checkFunction(0);
                MemorySegment stub = c.wrap(cArgs -> {
                    dev.isthmus.lua.runtime.CallbackCount.enter();
                    Object[] luaArgs = new Object[cArgs.length];
                    for (int i = 0; i < cArgs.length; i++) {
                        luaArgs[i] = toLua(cArgs[i]);
                    }
                    Object[] results = handler.call(luaArgs);
                    return results.length == 0 ? null : toJava(results[0]);
                }, callbackArena);
                callbacks.add(handler);
                yield new Object[] {wrap(stub)};
            }
            default -> throw new LuaError("TypeError: this ctypes type cannot be instantiated");
        };
    }

    private static void put(LuaTable t, String name, JavaFunction.Body body) {
        t.put(LuaString.of(name), new JavaFunction(name, body));
    }
}
