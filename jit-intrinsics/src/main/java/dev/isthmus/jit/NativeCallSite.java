package dev.isthmus.jit;

import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.EnumType;
import dev.isthmus.cparser.type.Primitive;
import dev.isthmus.ffi.NativeFunction;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An {@code invokedynamic} call site for VMs that interpret: {@code (NativeFunction f,
 * Object a1, ..., Object an)Object} calls {@code f} with boxed arguments and returns what
 * {@link NativeFunction#invoke} returns, but links itself to the exact handle for the
 * argument shapes it sees. A shape is the function and each argument's class; for each new
 * one (up to {@link #POLYMORPHIC_LIMIT}) the site puts a guard in front of its target that
 * tests the shape and goes straight to the function's capturing handle with the argument
 * unboxed and converted ({@link ArgumentFilters}). Past the limit the site goes megamorphic:
 * every call takes the generic {@code invoke}. Shapes that have no exact form (variadic or
 * struct-returning functions, arguments such as strings or cdata that need the conversion
 * table's temporaries) are cached as guards leading to the generic path.
 *
 * <p>Results and errors are {@code invoke}'s in every state: the fast form converts exactly
 * as the table does, captures errno and rethrows callback exceptions the same way.
 */
public final class NativeCallSite extends MutableCallSite {
    /** How many shapes a site caches before it calls everything generically. */
    public static final int POLYMORPHIC_LIMIT = 4;

    private static final Handle BOOTSTRAP = new Handle(Opcodes.H_INVOKESTATIC, "dev/isthmus/jit/NativeCallSite", "bootstrap",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/CallSite;",
            false);
    private static final MethodHandle MISS;
    private static final MethodHandle GENERIC;
    private static final MethodHandle RESULT_OF;
    private static final MethodHandle IS_SAME;
    private static final MethodHandle HAS_CLASS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MISS = lookup.findVirtual(NativeCallSite.class, "miss",
                    MethodType.methodType(Object.class, NativeFunction.class, Object[].class));
            GENERIC = lookup.findVirtual(NativeFunction.class, "invoke", MethodType.methodType(Object.class, Object[].class));
            RESULT_OF = lookup.findVirtual(NativeFunction.class, "resultOf", MethodType.methodType(Object.class, Object.class));
            IS_SAME = lookup.findStatic(NativeCallSite.class, "isSame",
                    MethodType.methodType(boolean.class, Object.class, Object.class));
            HAS_CLASS = lookup.findStatic(NativeCallSite.class, "hasClass",
                    MethodType.methodType(boolean.class, Class.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int argumentCount;
    private final MethodHandle generic;
    private int shapes;

    private NativeCallSite(MethodType type) {
        super(type);
        this.argumentCount = type.parameterCount() - 1;
        this.generic = GENERIC.asCollector(Object[].class, argumentCount).asType(type);
        setTarget(MISS.bindTo(this).asCollector(Object[].class, argumentCount).asType(type));
    }

    /**
     * The bootstrap: {@code type} must be {@code (NativeFunction, Object, ..., Object)Object};
     * the name is free (a VM may name the call site after what it calls).
     */
    public static CallSite bootstrap(MethodHandles.Lookup caller, String name, MethodType type) {
        return of(type);
    }

    /** A new site of {@code type} (as {@link #bootstrap} checks it), for use without bytecode: call its {@code dynamicInvoker()}. */
    public static NativeCallSite of(MethodType type) {
        boolean isValid = type.parameterCount() >= 1 && type.parameterType(0) == NativeFunction.class
                && type.returnType() == Object.class
                && type.parameterList().subList(1, type.parameterCount()).stream().allMatch(p -> p == Object.class);
        if (!isValid) {
            throw new IllegalArgumentException("a native call site has type (NativeFunction, Object...)Object, not " + type);
        }
        return new NativeCallSite(type);
    }

    /** Emits the call: the function and {@code argumentCount} boxed arguments pushed -> the Object result. */
    public static void emitInvoke(MethodVisitor mv, String name, int argumentCount) {
        MethodType type = MethodType.genericMethodType(argumentCount).insertParameterTypes(0, NativeFunction.class);
        mv.visitInvokeDynamicInsn(name, type.toMethodDescriptorString(), BOOTSTRAP);
    }

    /** How many argument shapes the site has linked (more than the limit: it has gone megamorphic). */
    public synchronized int shapeCount() {
        return shapes;
    }

    /** A call no guard accepted: links its shape (or goes megamorphic), then makes the call generically. */
    private Object miss(NativeFunction function, Object[] arguments) {
        synchronized (this) {
            if (shapes < POLYMORPHIC_LIMIT) {
                MethodHandle fast = exactForm(function, arguments).orElse(generic);
                setTarget(MethodHandles.guardWithTest(shapeTest(function, arguments), fast, getTarget()));
            } else {
                setTarget(generic);
            }
            shapes++;
        }
        return function.invoke(arguments);
    }

    /** (NativeFunction, Object...)boolean: the same function, and each argument of the same class (or null again). */
    private MethodHandle shapeTest(NativeFunction function, Object[] arguments) {
        MethodHandle test = MethodHandles.dropArguments(IS_SAME.bindTo(function), 1, type().parameterList().subList(1, argumentCount + 1))
                .asType(type().changeReturnType(boolean.class));
        for (int i = 0; i < argumentCount; i++) {
            Class<?> argumentClass = arguments[i] == null ? null : arguments[i].getClass();
            MethodHandle argumentTest = MethodHandles.dropArguments(
                    MethodHandles.dropArguments(HAS_CLASS.bindTo(argumentClass), 0, type().parameterList().subList(0, i + 1)),
                    i + 2, type().parameterList().subList(i + 2, argumentCount + 1));
            test = MethodHandles.guardWithTest(test, argumentTest, MethodHandles.dropArguments(
                    MethodHandles.constant(boolean.class, false), 0, type().parameterList()));
        }
        return test;
    }

    /** The function's handle as declared ({@code callingHandle()}) behind the conversions of these argument classes, when every one has an exact form. */
    private Optional<MethodHandle> exactForm(NativeFunction function, Object[] arguments) {
        if (function.type().isVariadic() || function.descriptor().returnLayout().filter(l -> !(l instanceof ValueLayout)).isPresent()) {
            return Optional.empty();
        }
        MethodHandle handle = function.callingHandle();
        if (handle.type().parameterCount() != arguments.length) {
            return Optional.empty();
        }
        List<MemoryLayout> layouts = function.descriptor().argumentLayouts();
        MethodHandle[] filters = new MethodHandle[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] == null) {
                return Optional.empty();
            }
            boolean isPointer = layouts.get(i) instanceof AddressLayout;
            boolean isUnsigned64 = isUnsigned64(function.type().parameterTypes().get(i));
            Optional<MethodHandle> filter = ArgumentFilters.of(arguments[i].getClass(), handle.type().parameterType(i), isPointer, isUnsigned64);
            if (filter.isEmpty()) {
                return Optional.empty();
            }
            filters[i] = filter.get();
        }
        MethodHandle converted = MethodHandles.filterArguments(handle, 0, filters);
        MethodHandle boxed = converted.type().returnType() == void.class
                ? converted.asType(converted.type().changeReturnType(Object.class))
                : MethodHandles.filterReturnValue(converted.asType(converted.type().changeReturnType(Object.class)),
                        RESULT_OF.bindTo(function));
        return Optional.of(MethodHandles.dropArguments(boxed, 0, NativeFunction.class).asType(type()));
    }

    /** Whether a parameter is a 64-bit unsigned integer (or an enum stored as one), which a double converts to exactly up to 2^64. */
    private static boolean isUnsigned64(CType parameter) {
        CType plain = CType.unqualified(parameter);
        if (plain instanceof EnumType e && e.isComplete()) {
            plain = e.body().underlyingType();
        }
        return plain == Primitive.UNSIGNED_LONG_LONG || plain == Primitive.UNSIGNED_LONG;
    }

    private static boolean isSame(Object expected, Object actual) {
        return expected == actual;
    }

    private static boolean hasClass(Class<?> expected, Object argument) {
        return expected == null ? argument == null : argument != null && argument.getClass() == expected;
    }

    @Override
    public String toString() {
        return "NativeCallSite" + Arrays.asList(type()) + " with " + shapeCount() + " shapes";
    }
}
