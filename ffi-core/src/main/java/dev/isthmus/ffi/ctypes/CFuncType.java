package dev.isthmus.ffi.ctypes;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * ctypes' {@code CFUNCTYPE(restype, *argtypes)}: a function pointer type. {@link #wrap}
 * makes a callback from a Java handler, as calling the type on a Python function does.
 * A handler that throws returns zero to C; the exception is printed, as ctypes prints an
 * exception raised in a callback and carries on. A callback C calls after its arena closed
 * (where ctypes would crash) is reported the same way.
 */
public final class CFuncType implements CTypeSpec {
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

    /**
     * A callback calling {@code handler}, bound to it until {@code arena} closes; C calling
     * it after that gets zero and the call is reported, never a jump to released code
     * ({@link CallbackStub}).
     */
    public MemorySegment wrap(Function<Object[], Object> handler, Arena arena) {
        return CallbackStub.bind(this, descriptor(), handler, arena);
    }

    /** One call of a callback of this type: C's carriers to Java values, the handler, its result to the carrier. */
    Object call(Function<Object[], Object> handler, Object[] carriers) {
        Object[] arguments = new Object[carriers.length];
        for (int i = 0; i < carriers.length; i++) {
            arguments[i] = argtypes.get(i).toJava(carriers[i]);
        }
        Object result = handler.apply(arguments);
        return restype.map(r -> r.fromParam(result, (size, alignment) -> {
            throw new IllegalArgumentException("a callback cannot return a string: the copy would dangle");
        })).orElse(null);
    }

    /** What C gets from a failed call: zero of the result's carrier, a zeroed struct, or nothing. */
    Object zeroResult() {
        return restype.map(r -> r.layout() instanceof ValueLayout v ? zero(v) : (Object) Arena.ofAuto().allocate(r.layout())).orElse(null);
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
