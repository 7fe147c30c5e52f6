package dev.isthmus.ffi.ctypes;

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
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * ctypes' {@code CFUNCTYPE(restype, *argtypes)}: a function pointer type. {@link #wrap}
 * makes a callback from a Java handler, as calling the type on a Python function does.
 * A handler that throws returns zero to C; the exception is printed, as ctypes prints an
 * exception raised in a callback and carries on.
 */
public final class CFuncType implements CTypeSpec {
    private static final MethodHandle DISPATCH;

    static {
        try {
            DISPATCH = MethodHandles.lookup().findStatic(CFuncType.class, "dispatch",
                    MethodType.methodType(Object.class, CFuncType.class, Function.class, Object[].class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Optional<CTypeSpec> restype;
    private final List<CTypeSpec> argtypes;

    CFuncType(Optional<CTypeSpec> restype, List<CTypeSpec> argtypes) {
        this.restype = restype;
        this.argtypes = List.copyOf(argtypes);
    }

    @Override
    public String name() {
        return "CFunctionType";
    }

    @Override
    public MemoryLayout layout() {
        return ValueLayout.ADDRESS;
    }

    FunctionDescriptor descriptor() {
        MemoryLayout[] parameters = argtypes.stream().map(CTypeSpec::layout).toArray(MemoryLayout[]::new);
        return restype.map(r -> FunctionDescriptor.of(r.layout(), parameters)).orElseGet(() -> FunctionDescriptor.ofVoid(parameters));
    }

    /** A callback calling {@code handler}; it lives until {@code arena} closes. */
    public MemorySegment wrap(Function<Object[], Object> handler, Arena arena) {
        FunctionDescriptor descriptor = descriptor();
        MethodHandle target = MethodHandles.insertArguments(DISPATCH, 0, this, handler)
                .asCollector(Object[].class, argtypes.size())
                .asType(descriptor.toMethodType());
        return Linker.nativeLinker().upcallStub(target, descriptor, arena);
    }

    private static Object dispatch(CFuncType type, Function<Object[], Object> handler, Object[] carriers) {
        try {
            Object[] arguments = new Object[carriers.length];
            for (int i = 0; i < carriers.length; i++) {
                arguments[i] = type.argtypes.get(i).toJava(carriers[i]);
            }
            Object result = handler.apply(arguments);
            return type.restype.map(r -> r.fromParam(result, (size, alignment) -> {
                throw new IllegalArgumentException("a callback cannot return a string: the copy would dangle");
            })).orElse(null);
        } catch (Throwable t) {
            System.err.println("Exception ignored on calling ctypes callback function: " + t);
            return type.restype.map(r -> r.layout() instanceof ValueLayout v ? zero(v) : null).orElse(null);
        }
    }

    private static Object zero(ValueLayout layout) {
        return switch (layout) {
            case ValueLayout.OfBoolean b -> false;
            case ValueLayout.OfByte b -> (byte) 0;
            case ValueLayout.OfShort s -> (short) 0;
            case ValueLayout.OfInt i -> 0;
            case ValueLayout.OfLong l -> 0L;
            case ValueLayout.OfFloat f -> 0f;
            case ValueLayout.OfDouble d -> 0d;
            case ValueLayout.OfChar c -> (char) 0;
            case java.lang.foreign.AddressLayout a -> MemorySegment.NULL;
        };
    }

    @Override
    public Object fromParam(Object value, SegmentAllocator temporaries) {
        return switch (value) {
            case null -> MemorySegment.NULL;
            case MemorySegment m -> m;
            default -> throw new IllegalArgumentException("expected CFunctionType instance instead of "
                    + value.getClass().getSimpleName());
        };
    }

    @Override
    public Object toJava(Object carrier) {
        return carrier;
    }
}
