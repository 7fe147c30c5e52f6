package dev.isthmus.lua.buffer;

import dev.isthmus.lua.ffi.FfiLibrary;
import dev.isthmus.lua.interp.LuaRuntime;
import dev.isthmus.lua.interp.LuaSemantics;
import dev.isthmus.lua.lib.StringFormat;
import dev.isthmus.lua.runtime.Arguments;
import dev.isthmus.lua.runtime.JavaFunction;
import dev.isthmus.lua.runtime.LuaArgumentError;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.LuaTable;
import dev.isthmus.lua.runtime.LuaType;
import dev.isthmus.lua.runtime.NumberCoercion;
import dev.isthmus.lua.runtime.StringLike;

import java.lang.foreign.MemorySegment;

/**
 * LuaJIT 2.1's string buffer library ({@code require "string.buffer"}, {@code lib_buffer.c}):
 * {@code buffer.new}, {@code encode} and {@code decode}, and the buffer methods, which are
 * also the buffers' metatable (its {@code __index} is itself, its {@code __metatable} the
 * string "buffer"). Methods that return nothing else return the buffer, for chaining.
 * Arguments are checked as LuaJIT checks them: lengths are integers in [0, 0x7fffff00],
 * numbers or 64-bit cdata but not strings, truncated as a C cast of the double truncates.
 */
public final class BufferLibrary {
    private static final LuaString TOSTRING = LuaString.of("__tostring");

    private final LuaRuntime runtime;
    private final FfiLibrary ffi;
    private final LuaTable methods = new LuaTable();
    /** The scratch buffer {@code buffer.encode} writes into (LuaJIT borrows its global temporary buffer). */
    private final LuaBuffer scratch;

    private BufferLibrary(LuaRuntime runtime, FfiLibrary ffi) {
        this.runtime = runtime;
        this.ffi = ffi;
        this.scratch = new LuaBuffer(methods, Dictionaries.NONE);
    }

    /** The module table {@code require "string.buffer"} returns. */
    public static LuaTable install(LuaRuntime runtime, FfiLibrary ffi) {
        BufferLibrary lib = new BufferLibrary(runtime, ffi);
        JavaFunction tostring = new JavaFunction("__tostring", args -> one(lib.self(args).contents()));
        lib.method("free", (b, a) -> b.free())
                .method("reset", (b, a) -> b.reset())
                .method("skip", (b, a) -> b.skip(lib.checkLength(a, 1)))
                .method("set", lib::set)
                .method("put", lib::put)
                .add("putf", lib::putf)
                .method("putcdata", lib::putcdata)
                .method("commit", (b, a) -> {
                    if (!b.commit(lib.checkLength(a, 1))) {
                        throw a.bad(1, "number out of range");
                    }
                })
                .method("encode", (b, a) -> Serializer.encode(b, a.checkAny(1), ffi))
                .add("get", lib::get)
                .add("ref", args -> {
                    LuaBuffer b = lib.self(args);
                    return new Object[] {ffi.bytePointer(b.memory().address() + b.readOffset(), b.anchor()), (double) b.length()};
                })
                .add("reserve", args -> {
                    LuaBuffer b = lib.self(args);
                    long at = b.makeRoom(lib.checkLength(new Arguments("reserve", args), 1));
                    return new Object[] {ffi.bytePointer(b.memory().address() + at, b.anchor()), (double) (b.capacity() - at)};
                })
                .add("decode", args -> {
                    LuaBuffer b = lib.self(args);
                    Serializer.Reader r = Serializer.decode(b.memory(), b.readOffset(), b.writeOffset(), b.dictionaries(), ffi);
                    b.readTo(r.at());
                    return one(r.value());
                })
                .add("__gc", args -> {
                    lib.self(args).free();
                    return new Object[0];
                })
                .add("__len", args -> one((double) lib.self(args).length()));
        lib.methods.put(TOSTRING, tostring);
        lib.methods.put(LuaString.of("tostring"), tostring);
        lib.methods.put(LuaString.of("__index"), lib.methods);
        lib.methods.put(LuaString.of("__metatable"), LuaString.of("buffer"));
        LuaTable module = new LuaTable();
        module.put(LuaString.of("new"), new JavaFunction("new", lib::newBuffer));
        module.put(LuaString.of("encode"), new JavaFunction("encode", args -> {
            Object value = new Arguments("encode", args).checkAny(0);
            // Its memory is kept for the next encoding, as LuaJIT keeps its temporary buffer's.
            lib.scratch.reset();
            Serializer.encode(lib.scratch, value, ffi);
            return one(lib.scratch.contents());
        }));
        module.put(LuaString.of("decode"), new JavaFunction("decode", args -> {
            LuaString s = checkStringOnly(new Arguments("decode", args), 0);
            Serializer.Reader r = Serializer.decode(MemorySegment.ofArray(s.bytes()), 0, s.length(), Dictionaries.NONE, ffi);
            if (r.at() != s.length()) {
                throw new LuaError("left-over data in buffer");
            }
            return one(r.value());
        }));
        return module;
    }

    /** A method that changes the buffer and returns it. */
    private interface Mutation {
        void apply(LuaBuffer buffer, Arguments arguments);
    }

    private BufferLibrary method(String name, Mutation mutation) {
        return add(name, args -> {
            LuaBuffer b = self(args);
            mutation.apply(b, new Arguments(name, args));
            return one(b);
        });
    }

    private BufferLibrary add(String name, JavaFunction.Body body) {
        methods.put(LuaString.of(name), new JavaFunction(name, body));
        return this;
    }

    private static Object[] one(Object value) {
        return new Object[] {value};
    }

    private LuaBuffer self(Object[] args) {
        if (args.length > 0 && args[0] instanceof LuaBuffer b) {
            return b;
        }
        throw new Arguments("buffer", args).typeError(0, "buffer");
    }

    /** {@code buffer.new([size] [, options])}. */
    private Object[] newBuffer(Object[] args) {
        Arguments a = new Arguments("new", args);
        long size = 0;
        int optionsIndex = 0;
        if (a.count() > 0 && !(a.get(0) instanceof LuaTable)) {
            optionsIndex = 1;
            if (a.get(0) != null) {
                size = checkLength(a, 0);
            }
        }
        Dictionaries dictionaries = a.count() > optionsIndex ? Dictionaries.of(a.checkTable(optionsIndex)) : Dictionaries.NONE;
        LuaBuffer b = new LuaBuffer(methods, dictionaries);
        if (size > 0) {
            b.ensureCapacity(size);
        }
        return one(b);
    }

    /** {@code buf:put(...)}: strings, numbers (as tostring spells them), buffers, and what {@code __tostring} turns into one. */
    private void put(LuaBuffer b, Arguments a) {
        for (int i = 1; i < a.count(); i++) {
            Object v = a.get(i);
            boolean converted = false;
            while (true) {
                switch (v) {
                    case LuaString s -> b.append(s.bytes());
                    case Double d -> b.append(NumberCoercion.toLuaString(d).bytes());
                    case LuaBuffer other when other == b -> throw a.bad(i, "cannot put buffer into itself");
                    case LuaBuffer other -> b.append(other.memory(), other.readOffset(), other.length());
                    case null, default -> {
                        Object handler = converted ? null : runtime.semantics().metamethod(v, TOSTRING);
                        if (handler == null) {
                            throw new LuaArgumentError(i + 1, "put", "string/number/__tostring expected, got " + LuaType.of(v).luaName());
                        }
                        // Once only: what __tostring returns must be one of the others.
                        v = LuaSemantics.first(runtime.semantics().call(handler, new Object[] {v}));
                        converted = true;
                        continue;
                    }
                }
                break;
            }
        }
    }

    /** {@code buf:putf(format, ...)}: string.format's output appended; the buffer itself as a {@code %s} argument is an error. */
    private Object[] putf(Object[] args) {
        LuaBuffer b = self(args);
        Object[] arguments = args;
        for (int i = 2; i < args.length; i++) {
            if (args[i] == b) {
                if (arguments == args) {
                    arguments = args.clone();
                }
                // LuaJIT's lj_strfmt_putarg numbers this error one past the argument.
                arguments[i] = new SelfReference(b, i + 2);
            }
        }
        b.append(StringFormat.format(runtime, arguments, 1).bytes());
        return one(b);
    }

    /** The buffer among putf's arguments, read only when a conversion reads it: then LuaJIT's error for putting a buffer into itself. */
    private record SelfReference(LuaBuffer buffer, int argument) implements StringLike {
        @Override
        public LuaString contents() {
            throw new LuaArgumentError(argument, "putf", "cannot put buffer into itself");
        }

        @Override
        public LuaType luaType() {
            return LuaType.USERDATA;
        }

        @Override
        public LuaTable metatable() {
            return buffer.metatable();
        }
    }

    /** {@code buf:get([len|nil] [, ...])}: consumes up to each length (nil: all), one string each. */
    private Object[] get(Object[] args) {
        LuaBuffer b = self(args);
        Arguments a = new Arguments("get", args);
        int count = Math.max(a.count() - 1, 1);
        Object[] out = new Object[count];
        for (int i = 0; i < count; i++) {
            long n = a.get(i + 1) == null ? LuaBuffer.MAX_BYTES : checkLength(a, i + 1);
            out[i] = b.take(n);
        }
        b.rewindIfEmpty();
        return out;
    }

    /** {@code buf:set(str)} or {@code buf:set(cdata, len)}: reads that memory until the first write. */
    private void set(LuaBuffer b, Arguments a) {
        if (LuaType.of(a.get(1)) == LuaType.CDATA) {
            MemorySegment bytes = cdataBytes(a);
            b.share(bytes, a.get(1));
        } else {
            LuaString s = checkStringOnly(a, 1);
            b.share(s.nativeCopy().asSlice(0, s.length()), s);
        }
    }

    /** {@code buf:putcdata(cdata, len)}: appends the bytes the cdata points at. */
    private void putcdata(LuaBuffer b, Arguments a) {
        if (LuaType.of(a.get(1)) != LuaType.CDATA) {
            throw a.typeError(1, "cdata");
        }
        MemorySegment bytes = cdataBytes(a);
        b.append(bytes, 0, bytes.byteSize());
    }

    /** The memory a cdata argument (#2) points at, as long as argument #3 says. */
    private MemorySegment cdataBytes(Arguments a) {
        long address;
        try {
            address = ffi.constPointerAddress(a.get(1));
        } catch (LuaArgumentError e) {
            throw e;
        } catch (LuaError e) {
            throw a.bad(1, e.value().toString());
        }
        return ffi.readableBytes(a.get(1), address, checkLength(a, 2));
    }

    /** A string argument, numbers not converted (LuaJIT's lj_lib_checkstrx). */
    private static LuaString checkStringOnly(Arguments a, int index) {
        if (a.get(index) instanceof LuaString s) {
            return s;
        }
        throw a.typeError(index, "string");
    }

    /**
     * A length argument in [0, LJ_MAX_BUF] (LuaJIT's lj_lib_checkintrange): a number cast to
     * a 32-bit int as x86 casts (NaN and out-of-range doubles become INT_MIN), or a 64-bit
     * integer cdata; strings are not converted.
     */
    private long checkLength(Arguments a, int index) {
        Object v = a.get(index);
        boolean inRange;
        long n;
        if (v instanceof Double d) {
            double x = d;
            n = x > -2147483649.0 && x < 2147483648.0 ? (long) x : Integer.MIN_VALUE;
            inRange = n >= 0 && n <= LuaBuffer.MAX_BYTES;
        } else if (ffi.serializableNumber(v) instanceof FfiLibrary.SerializableNumber.Int64(long bits, boolean isUnsigned)) {
            n = bits;
            inRange = isUnsigned ? Long.compareUnsigned(n, LuaBuffer.MAX_BYTES) <= 0 : n >= 0 && n <= LuaBuffer.MAX_BYTES;
        } else {
            throw a.typeError(index, "number");
        }
        if (!inRange) {
            throw a.bad(index, "number out of range");
        }
        return n;
    }
}
