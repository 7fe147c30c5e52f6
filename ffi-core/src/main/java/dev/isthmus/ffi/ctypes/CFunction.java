package dev.isthmus.ffi.ctypes;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A foreign function as ctypes has it: {@code argtypes} and {@code restype} are mutable
 * (restype defaults to {@code c_int}; {@code null} means {@code None}, void). Every call
 * converts each argument through its type's {@code fromParam}, builds the downcall handle
 * for the current argtypes/restype when they changed (ctypes prepares its cif likewise), and
 * calls it with {@link MethodHandle#invokeWithArguments}. Without argtypes, the types are
 * inferred from the arguments as ctypes does: integers as {@code c_int}, strings as
 * {@code c_char_p}, {@code null} as a NULL pointer, a {@code c_double(x)} as its type;
 * other values need argtypes. Arguments beyond argtypes are variadic ones ({@link #call}).
 */
public final class CFunction {
    private final String name;
    private final MemorySegment address;
    private List<CTypeSpec> argtypes;
    private Optional<CTypeSpec> restype = Optional.of(SimpleType.C_INT);
    private MethodHandle prepared;
    private List<CTypeSpec> preparedFor;
    private int preparedFixed;

    CFunction(String name, MemorySegment address) {
        this.name = name;
        this.address = address;
    }

    /** {@code argtypes = [...]}; {@code null} means {@code None}: types inferred from each call's arguments. */
    public CFunction argtypes(CTypeSpec... types) {
        this.argtypes = types == null ? null : List.of(types);
        return this;
    }

    /** {@code restype = T}; {@code null} means {@code None} (a void function). */
    public CFunction restype(CTypeSpec type) {
        this.restype = Optional.ofNullable(type);
        this.prepared = null;
        return this;
    }

    /**
     * Calls the function. With {@code argtypes} set, further arguments are allowed, as
     * Python's ctypes allows them for a variadic function ({@code printf}): each is converted
     * as it would be without {@code argtypes}, promoted as C promotes variadic arguments, and
     * passed as a variadic argument. Fewer arguments than {@code argtypes} is a
     * {@code TypeError}.
     */
    public Object call(Object... arguments) {
        List<CTypeSpec> types = argtypes != null ? argtypes : inferred(arguments, 0);
        if (arguments.length < types.size()) {
            throw new IllegalArgumentException("TypeError: this function takes at least " + types.size() + " argument"
                    + (types.size() == 1 ? "" : "s") + " (" + arguments.length + " given)");
        }
        int fixed = types.size();
        if (arguments.length > fixed) {
            List<CTypeSpec> all = new ArrayList<>(types);
            all.addAll(inferred(arguments, fixed).stream().map(CFunction::promoted).toList());
            types = all;
        }
        try (Arena temporaries = Arena.ofConfined()) {
            List<Object> values = new ArrayList<>(arguments.length + 1);
            if (restype.isPresent() && restype.get() instanceof StructType) {
                values.add(Arena.ofAuto());
            }
            for (int i = 0; i < arguments.length; i++) {
                values.add(converted(types.get(i), arguments[i], i, temporaries));
            }
            Object result = handleFor(types, fixed).invokeWithArguments(values);
            return restype.map(r -> r.toJava(result)).orElse(null);
        } catch (ArgumentError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(name + ": " + t, t);
        }
    }

    /**
     * One argument through its type's {@code from_param}. Memory whose arena was closed (a
     * freed callback, a freed buffer) is refused here as ctypes refuses a bad argument,
     * rather than by the FFM API's {@code IllegalStateException} from inside the call.
     */
    private static Object converted(CTypeSpec type, Object argument, int index, Arena temporaries) {
        Object value;
        try {
            value = type.fromParam(argument, temporaries);
        } catch (IllegalArgumentException e) {
            throw new ArgumentError("argument " + (index + 1) + ": TypeError: " + e.getMessage());
        }
        if (value instanceof MemorySegment m && !m.scope().isAlive()) {
            String what = type instanceof CFuncType ? "the callback was freed" : "the memory was freed";
            throw new ArgumentError("argument " + (index + 1) + ": ValueError: " + what + " (its arena is closed)");
        }
        return value;
    }

    private static CTypeSpec promoted(CTypeSpec type) {
        return type instanceof SimpleType simple ? simple.promoted() : type;
    }

    private MethodHandle handleFor(List<CTypeSpec> types, int fixed) {
        if (prepared == null || !types.equals(preparedFor) || fixed != preparedFixed) {
            MemoryLayout[] parameters = types.stream().map(CTypeSpec::layout).toArray(MemoryLayout[]::new);
            FunctionDescriptor descriptor = restype.map(r -> FunctionDescriptor.of(r.layout(), parameters))
                    .orElseGet(() -> FunctionDescriptor.ofVoid(parameters));
            // Extra arguments are variadic ones: the ABI passes them differently (SysV sets %al).
            prepared = fixed < types.size()
                    ? Linker.nativeLinker().downcallHandle(address, descriptor, Linker.Option.firstVariadicArg(fixed))
                    : Linker.nativeLinker().downcallHandle(address, descriptor);
            preparedFor = types;
            preparedFixed = fixed;
        }
        return prepared;
    }

    /** The types ctypes infers for the arguments from {@code from} on, when no argtypes cover them. */
    private static List<CTypeSpec> inferred(Object[] arguments, int from) {
        List<CTypeSpec> types = new ArrayList<>();
        for (int i = from; i < arguments.length; i++) {
            types.add(switch (arguments[i]) {
                case Integer n -> SimpleType.C_INT;
                case Long n -> SimpleType.C_INT;
                case Boolean b -> SimpleType.C_INT;
                case String s -> SimpleType.C_CHAR_P;
                case byte[] b -> SimpleType.C_CHAR_P;
                case CharBuffer b -> SimpleType.C_CHAR_P;
                case null -> SimpleType.C_VOID_P;
                case MemorySegment m -> SimpleType.C_VOID_P;
                case ByRef r -> SimpleType.C_VOID_P;
                case SimpleValue v -> v.type();
                case Structure s -> s.structType();
                default -> throw new ArgumentError("argument " + (i + 1) + ": TypeError: Don't know how to convert parameter "
                        + (i + 1));
            });
        }
        return types;
    }

    @Override
    public String toString() {
        return "<_FuncPtr object at 0x" + Long.toHexString(address.address()) + " (" + name + ")>";
    }
}
