package dev.isthmus.ffi;

import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.Primitive;
import dev.isthmus.cparser.type.TypeRenderer;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A C function bound to its address and signature, callable two ways:
 * <ul>
 * <li>{@link #handle()}: the exact-typed downcall {@link MethodHandle} (for compiled code
 *     and Java power users; created once per symbol and signature). A function returning
 *     a struct or union by value takes a {@link SegmentAllocator} first, as the FFM API has it.</li>
 * <li>{@link #invoke(Object...)}: the generic path, converting arguments and the result
 *     by the conversion table ({@code docs/ffi-conversions.md}) and capturing {@code errno}
 *     for {@link Ffi#errno()}. Variadic functions are called here with C's default argument
 *     promotions ({@code float} to {@code double}, small integers to {@code int}), one
 *     handle specialised and cached per argument shape. {@link #invokeForCData} is the same
 *     call with a pointer, struct or union result typed as declared.</li>
 * </ul>
 */
public final class NativeFunction {
    private final String name;
    private final String libraryName;
    private final CType.Function type;
    private final MemorySegment address;
    private final Ffi ffi;
    private final CallOptions options;
    private final FunctionDescriptor descriptor;
    private final MethodHandle handle;
    /** {@link #callingHandle()} taking its arguments as one {@code Object[]}: the generic path's target. */
    private final SpreadInvoker spreadInvoker;
    private final boolean returnsAggregate;
    /** {@link #capturingHandle()}, made on first use (a benign race: any thread's copy is equivalent). */
    private MethodHandle capturing;
    /** {@link #callingHandle()} when the options are not the default, made on first use. */
    private MethodHandle calling;
    /** {@link #callingHandleAt()}, made on first use. */
    private MethodHandle callingAt;
    private final Map<List<MemoryLayout>, MethodHandle> variadicHandles = new ConcurrentHashMap<>();
    private final Map<List<MemoryLayout>, MethodHandle> variadicCapturingHandles = new ConcurrentHashMap<>();
    private final Map<List<MemoryLayout>, SpreadInvoker> spreadVariadicInvokers = new ConcurrentHashMap<>();

    NativeFunction(String name, String libraryName, CType.Function type, MemorySegment address, Ffi ffi, CallOptions options) {
        this.name = name;
        this.options = options;
        this.libraryName = libraryName;
        this.type = type;
        this.address = address;
        this.ffi = ffi;
        try {
            this.descriptor = ffi.layouts().descriptorOf(type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
        this.handle = type.isVariadic() ? null : downcall(descriptor);
        // Structs, unions and complex numbers come back through an allocator the handle takes first.
        this.returnsAggregate = descriptor.returnLayout().filter(java.lang.foreign.GroupLayout.class::isInstance).isPresent();
        // The generic path calls the declaration's handle: errno and callback exceptions handled inside it.
        this.spreadInvoker = type.isVariadic() ? null : spread(callingHandle());
    }

    /** Where an errno-capturing handle takes its capture-state segment: after the allocator of a struct result. */
    private int statePosition() {
        return returnsAggregate ? 1 : 0;
    }

    private static SpreadInvoker spread(MethodHandle exact) {
        int count = exact.type().parameterCount();
        return SpreadInvoker.of(exact.asSpreader(Object[].class, count).asType(SpreadInvoker.TYPE));
    }

    /** The name the function was declared with (its symbol may differ through {@code asm("name")}). */
    public String name() {
        return name;
    }

    /** The library the function was found in. */
    public String libraryName() {
        return libraryName;
    }

    /** The declared C function type: parameters, result, whether variadic. */
    public CType.Function type() {
        return type;
    }

    /** The function's entry point in its library. */
    public MemorySegment address() {
        return address;
    }

    /** The descriptor of the fixed parameters. */
    public FunctionDescriptor descriptor() {
        return descriptor;
    }

    /**
     * The exact-typed downcall handle. Throws {@link IllegalStateException} for a variadic
     * function, whose handle depends on the arguments: use {@link #variadicHandle}.
     */
    public MethodHandle handle() {
        if (handle == null) {
            throw new IllegalStateException(name + " is variadic: its handle depends on the variadic arguments' types");
        }
        return handle;
    }

    /**
     * The exact handle with {@code errno} captured: it takes a capture-state segment
     * ({@link java.lang.foreign.Linker.Option#captureStateLayout()}) before the C arguments
     * (after the allocator, for struct returns).
     */
    public MethodHandle errnoCapturingHandle() {
        if (type.isVariadic()) {
            throw new IllegalStateException(name + " is variadic: its handle depends on the variadic arguments' types");
        }
        return downcall(descriptor, ErrnoCapture.OPTION);
    }

    /**
     * The exact handle with the generic path's semantics and {@link #handle()}'s type:
     * each call captures {@code errno} for {@link Ffi#errno()} and rethrows an exception a
     * callback threw during it. For runtimes that convert their own values and call with
     * neither boxing nor argument arrays (adapt it with {@link java.lang.invoke.MethodHandles}
     * combinators). Made once and cached.
     */
    public MethodHandle capturingHandle() {
        if (type.isVariadic()) {
            throw new IllegalStateException(name + " is variadic: its handle depends on the variadic arguments' types");
        }
        MethodHandle bound = capturing;
        if (bound == null) {
            bound = ffi.errnoCapture().bindCurrentState(errnoCapturingHandle(), statePosition());
            capturing = bound;
        }
        return bound;
    }

    /** How the declaration asks to be called (its {@code isthmus:} annotations). */
    public CallOptions options() {
        return options;
    }

    /**
     * The exact handle with {@link #handle()}'s type that calls as the declaration asks
     * ({@link #options()}): what {@link #invoke} calls, and what a runtime compiling calls
     * of this function should call. {@link #capturingHandle()} for an undecorated
     * declaration; without errno capture, or critical, as its annotations say. A callback's
     * exception is rethrown after the call, except after a critical call without errno
     * capture, which cannot call back. Made once and cached.
     */
    public MethodHandle callingHandle() {
        if (options.equals(CallOptions.DEFAULT)) {
            return capturingHandle();
        }
        MethodHandle bound = calling;
        if (bound == null) {
            if (type.isVariadic()) {
                throw new IllegalStateException(name + " is variadic: its handle depends on the variadic arguments' types");
            }
            // Not the default, so critical, or without errno: the plain handle is the one already made.
            MethodHandle call = !options.isCritical() ? handle
                    : options.capturesErrno() ? downcall(descriptor, Linker.Option.critical(false), ErrnoCapture.OPTION)
                    : criticalHandle();
            // A critical call cannot call back (an upcall from one aborts the JVM), so no
            // callback's exception can be pending after it: nothing to check.
            bound = options.capturesErrno() ? ffi.errnoCapture().bindCurrentState(call, statePosition())
                    : options.isCritical() ? call : Callback.rethrowingPending(call);
            calling = bound;
        }
        return bound;
    }

    /**
     * {@link #callingHandle()} of a declaration that captures errno ({@link CallOptions#capturesErrno()}),
     * taking this thread's errno state first as the two addresses of a {@link ThreadErrno}
     * ({@code long stateAddress, long errnoAddress}, from {@link Ffi#threadErrno()} of this
     * function's {@code Ffi}, taken on the calling thread). The same call, without the
     * per-call look-up of the thread: for compiled code that takes the addresses once for
     * many calls. Made once and cached.
     */
    public MethodHandle callingHandleAt() {
        if (!options.capturesErrno()) {
            throw new IllegalStateException(name + " does not capture errno: its calling handle takes no errno state");
        }
        if (type.isVariadic()) {
            throw new IllegalStateException(name + " is variadic: its handle depends on the variadic arguments' types");
        }
        MethodHandle bound = callingAt;
        if (bound == null) {
            MethodHandle call = options.isCritical() ? downcall(descriptor, Linker.Option.critical(false), ErrnoCapture.OPTION)
                    : errnoCapturingHandle();
            bound = ffi.errnoCapture().bindAddressedState(call, statePosition());
            callingAt = bound;
        }
        return bound;
    }

    /**
     * A result in its carrier type (what {@link #handle()} returns, boxed) as the conversion
     * table's Java value: what {@link #invoke} would have returned.
     */
    public Object resultOf(Object carrier) {
        return ffi.conversion().toJava(carrier, type.returnType());
    }

    /**
     * The exact handle as a critical call ({@link java.lang.foreign.Linker.Option#critical}):
     * cheaper for short leaf functions, which must not call back into Java or block.
     */
    public MethodHandle criticalHandle() {
        return criticalHandle(false);
    }

    /**
     * {@link #criticalHandle()}, and with {@code allowHeapAccess} pointer arguments may also be
     * segments of Java arrays ({@link MemorySegment#ofArray}), passed without a copy: the
     * garbage collector cannot move them during a critical call.
     */
    public MethodHandle criticalHandle(boolean allowHeapAccess) {
        if (type.isVariadic()) {
            throw new IllegalStateException(name + " is variadic: its handle depends on the variadic arguments' types");
        }
        return downcall(descriptor, Linker.Option.critical(allowHeapAccess));
    }

    /** The exact handle of a variadic function for given variadic argument layouts, cached per shape. */
    public MethodHandle variadicHandle(List<MemoryLayout> variadicLayouts) {
        return variadicHandles.computeIfAbsent(List.copyOf(variadicLayouts), layouts -> {
            FunctionDescriptor full = descriptor.appendArgumentLayouts(layouts.toArray(MemoryLayout[]::new));
            return downcall(full, Linker.Option.firstVariadicArg(type.parameterTypes().size()), ErrnoCapture.OPTION);
        });
    }

    /**
     * The downcall handle for {@code descriptor}, its unsigned 8- and 16-bit parameters
     * zero-extended to 32 bits. The JDK passes a {@code byte} or {@code short} sign-extended
     * in its register, as a JVM value is; C compilers extend a narrow argument by its own
     * type in the caller and callees rely on it (clang does), and LuaJIT's calls do the same
     * (lj_ccall.c): a {@code uint8_t} 0x80 reaches an {@code int} parameter as 128, not -128.
     * Such a parameter is passed as an {@code int} in the same register or stack slot, and the
     * returned handle keeps the narrow Java type.
     */
    private MethodHandle downcall(FunctionDescriptor descriptor, Linker.Option... options) {
        List<MemoryLayout> arguments = new ArrayList<>(descriptor.argumentLayouts());
        List<Integer> widened = new ArrayList<>();
        for (int i = 0; i < type.parameterTypes().size(); i++) {
            if (isUnsignedNarrow(type.parameterTypes().get(i))) {
                widened.add(i);
                arguments.set(i, ValueLayout.JAVA_INT);
            }
        }
        if (widened.isEmpty()) {
            return ffi.downcall(address, descriptor, options);
        }
        FunctionDescriptor passed = descriptor.returnLayout()
                .map(r -> FunctionDescriptor.of(r, arguments.toArray(MemoryLayout[]::new)))
                .orElseGet(() -> FunctionDescriptor.ofVoid(arguments.toArray(MemoryLayout[]::new)));
        MethodHandle wide = ffi.downcall(address, passed, options);
        int leading = wide.type().parameterCount() - arguments.size();
        for (int i : widened) {
            boolean isByte = descriptor.argumentLayouts().get(i).byteSize() == 1;
            wide = MethodHandles.filterArguments(wide, leading + i, isByte ? BYTE_ZERO_EXTENSION : SHORT_ZERO_EXTENSION);
        }
        return wide;
    }

    private boolean isUnsignedNarrow(CType parameter) {
        if (!(CType.unqualified(parameter) instanceof Primitive p) || !p.isInteger() || p == Primitive.BOOL) {
            return false;
        }
        boolean isUnsigned = p.isUnsigned() || p == Primitive.CHAR && !ffi.layouts().abi().isCharSigned();
        return isUnsigned && ffi.layouts().abi().sizeOf(p) < 4;
    }

    private static final MethodHandle BYTE_ZERO_EXTENSION;
    private static final MethodHandle SHORT_ZERO_EXTENSION;

    static {
        var lookup = MethodHandles.publicLookup();
        var toInt = MethodType.methodType(int.class, byte.class);
        try {
            BYTE_ZERO_EXTENSION = lookup.findStatic(Byte.class, "toUnsignedInt", toInt);
            SHORT_ZERO_EXTENSION = lookup.findStatic(Short.class, "toUnsignedInt", toInt.changeParameterType(0, short.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * {@link #variadicHandle} with the generic path's semantics, as {@link #capturingHandle()}
     * is for fixed parameters: errno captured for {@link Ffi#errno()}, a callback's exception
     * rethrown, and no capture-state parameter (the fixed parameters, then the variadic ones,
     * passed as promoted). Cached per shape.
     */
    public MethodHandle variadicCapturingHandle(List<MemoryLayout> variadicLayouts) {
        return variadicCapturingHandles.computeIfAbsent(List.copyOf(variadicLayouts),
                layouts -> ffi.errnoCapture().bindCurrentState(variadicHandle(layouts), statePosition()));
    }

    /** Calls the function with Java values converted by the conversion table; returns the converted result. */
    public Object invoke(Object... arguments) {
        List<CType> parameters = type.parameterTypes();
        int fixed = parameters.size();
        if (type.isVariadic() ? arguments.length < fixed : arguments.length != fixed) {
            throw new IllegalArgumentException(name + ": expected " + (type.isVariadic() ? "at least " : "") + fixed
                    + " argument" + (fixed == 1 ? "" : "s") + ", got " + arguments.length);
        }
        ValueConversion conversion = ffi.conversion();
        try (CallTemporaries temporaries = new CallTemporaries()) {
            int offset = returnsAggregate ? 1 : 0;
            int variadic = arguments.length - fixed;
            Object[] values = new Object[offset + arguments.length];
            if (returnsAggregate) {
                values[0] = Arena.ofAuto();
            }
            for (int i = 0; i < fixed; i++) {
                values[offset + i] = convert(conversion, arguments[i], parameters.get(i), i, temporaries);
            }
            SpreadInvoker target = spreadInvoker;
            if (type.isVariadic()) {
                List<MemoryLayout> shape = new ArrayList<>(variadic);
                for (int i = fixed; i < arguments.length; i++) {
                    CType promoted = promotedType(arguments[i], i);
                    shape.add(ffi.layouts().layoutOf(promoted));
                    values[offset + i] = convert(conversion, arguments[i], promoted, i, temporaries);
                }
                target = spreadVariadicInvokers.computeIfAbsent(List.copyOf(shape), s -> spread(variadicCapturingHandle(s)));
            }
            Object result = target.invoke(values);
            return conversion.toJava(result, type.returnType());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(name + ": the call failed: " + t, t);
        }
    }

    /**
     * Calls as {@link #invoke} does and returns the result typed as the declaration says: a
     * pointer result as a {@link CData} of the declared pointer type ({@code struct tm *}
     * from {@code localtime_r}, whose members {@link CData#get(String)} reads through the
     * pointer), a struct or union result as a {@code CData} over its memory. A scalar or
     * {@code void} result throws {@link IllegalStateException}: {@link #invoke} returns those.
     */
    public CData invokeForCData(Object... arguments) {
        CType declared = type.returnType();
        return switch (ValueConversion.plain(declared)) {
            case CType.Pointer p -> CData.ofPointer(ffi, declared, (MemorySegment) invoke(arguments));
            case dev.isthmus.cparser.type.RecordType r -> ffi.view(declared, (MemorySegment) invoke(arguments));
            default -> throw new IllegalStateException(name + " returns '" + TypeRenderer.render(declared)
                    + "', not a pointer, struct or union: call invoke");
        };
    }

    private Object convert(ValueConversion conversion, Object value, CType parameter, int index, SegmentAllocator temporaries) {
        try {
            return conversion.toNative(value, parameter, temporaries);
        } catch (ValueConversion.ConversionException e) {
            throw new IllegalArgumentException(name + ": argument " + (index + 1) + ": " + e.getMessage()
                    + " (parameter type '" + TypeRenderer.render(parameter) + "')");
        }
    }

    /** The C type a variadic argument is passed as, after C's default argument promotions (C11 6.5.2.2p6). */
    private CType promotedType(Object value, int index) {
        return switch (value) {
            case Double d -> Primitive.DOUBLE;
            case Float f -> Primitive.DOUBLE;
            case Long l -> Primitive.LONG_LONG;
            case Integer i -> Primitive.INT;
            case Short s -> Primitive.INT;
            case Byte b -> Primitive.INT;
            case Character c -> Primitive.INT;
            case Boolean b -> Primitive.INT;
            case String s -> CType.pointerTo(CType.qualified(Primitive.CHAR, true, false, false));
            case byte[] bytes -> CType.pointerTo(Primitive.CHAR);
            case MemorySegment m -> CType.pointerTo(Primitive.VOID);
            case null -> CType.pointerTo(Primitive.VOID);
            default -> throw new IllegalArgumentException(name + ": argument " + (index + 1) + ": cannot pass "
                    + value.getClass().getName() + " as a variadic argument");
        };
    }

    @Override
    public String toString() {
        return TypeRenderer.declare(type, name) + " in " + libraryName + " at 0x" + Long.toHexString(address.address());
    }

}
