package dev.isthmus.lua.runtime;

import java.lang.invoke.MethodHandle;
import java.util.function.Supplier;

/** A Lua function implemented in Java: a library function such as {@code print} or {@code string.find}. */
public final class JavaFunction extends LuaFunction {
    /** The function's behaviour: arguments in, results out. */
    @FunctionalInterface
    public interface Body {
        Object[] call(Object[] arguments);
    }

    private final String name;
    private final Body body;
    /**
     * The environment {@code debug.setfenv} gave the function, or null until then. Kept only
     * to be read back: a Java function looks globals up in the running thread's environment.
     */
    private LuaTable environment;

    /**
     * Library functions whose behaviour a trace compiler implements itself: the iterators of
     * {@code pairs} and {@code ipairs}, which are pure (the same arguments give the same results),
     * so a compiled loop may run them inline and an exit may leave the step to the interpreter.
     */
    public enum Iterator {
        /** {@code next}: the next key and value of a table, raw. */
        NEXT,
        /** The function {@code ipairs} returns: element {@code i + 1} and its index, or nil. */
        IPAIRS_STEP
    }

    private Iterator iterator;

    /**
     * The body of a call for one result with the arguments left in the caller's registers
     * ({@link SingleResultCallable#callForOneResult}): what a function called on hot paths
     * (ffi.cast in a callback) gives to skip the argument and result arrays of {@link Body}.
     * It must behave as the body does, first result only.
     */
    @FunctionalInterface
    public interface OneResultBody {
        Object call(Object[] registers, int from, int count);
    }

    private SingleResultCallable oneResultForm;

    /**
     * What {@code pairs} and {@code ipairs} return for a table {@code t}: {@code iterator, t,
     * control}, whatever its metatable (LuaJIT, built without its Lua 5.2 extensions, has no
     * {@code __pairs} or {@code __ipairs}). A trace takes those values as they are instead of
     * calling the function.
     */
    public record IteratorFactory(JavaFunction iterator, Object control) {
    }

    private IteratorFactory iteratorFactory;

    /** The {@link IteratorFactory} this function is, or null. */
    public IteratorFactory iteratorFactory() {
        return iteratorFactory;
    }

    /** Marks this function as a factory of {@code iterator}: for a table, it must return exactly {@code iterator, table, control}. */
    public JavaFunction asIteratorFactory(JavaFunction iterator, Object control) {
        this.iteratorFactory = new IteratorFactory(iterator, control);
        return this;
    }

    /** Which {@link Iterator} this function is, or null. */
    public Iterator iterator() {
        return iterator;
    }

    /** Marks this function as {@code kind}: it must behave exactly as that iterator does. */
    public JavaFunction asIterator(Iterator kind) {
        this.iterator = kind;
        return this;
    }

    /** Gives the function a {@link #oneResultForm} running {@code oneResult}. */
    public JavaFunction withOneResultBody(OneResultBody oneResult) {
        this.oneResultForm = new SingleResultCallable() {
            @Override
            public Object callForOneResult(Object[] registers, int from, int count) {
                try {
                    return oneResult.call(registers, from, count);
                } catch (LuaError | LuaExit e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw LuaError.fromJava(e);
                }
            }

            @Override
            public Object[] call(Object[] arguments) {
                return JavaFunction.this.call(arguments);
            }
        };
        return this;
    }

    /**
     * The function as a {@link SingleResultCallable}, for an interpreter's call wanting one
     * result, or null when it has no {@link OneResultBody}. (JavaFunction itself is no
     * {@link LuaCallable}: interpreters call functions and callables differently.)
     */
    public SingleResultCallable oneResultForm() {
        return oneResultForm;
    }

    /**
     * Makes the {@link #numericForm}, or null. A handle is made on first request, by a trace
     * recorder: binding one costs the JVM a fraction of a millisecond, and a Lua state's
     * libraries have some fifty such functions that a short script never compiles.
     */
    private final Supplier<MethodHandle> numericFormMaker;
    private MethodHandle numericForm;

    public JavaFunction(String name, Body body) {
        this(name, body, null);
    }

    /** A function that also has a {@link #numericForm}, which {@code numericForm} makes when first asked. */
    public JavaFunction(String name, Body body, Supplier<MethodHandle> numericForm) {
        this(name, body, numericForm, false);
    }

    /** A function that is {@link #valueFunction} when {@code valueFunction}. */
    public JavaFunction(String name, Body body, Supplier<MethodHandle> numericForm, boolean valueFunction) {
        this.valueFunction = valueFunction;
        this.name = name;
        this.body = body;
        this.numericFormMaker = numericForm;
        Object operator = numericForm instanceof NumericBody b ? b.operator() : null;
        this.unaryNumeric = operator instanceof java.util.function.DoubleUnaryOperator u ? u : null;
        this.binaryNumeric = operator instanceof java.util.function.DoubleBinaryOperator op ? op : null;
    }

    private final boolean valueFunction;

    /**
     * What a trace compiler may compute instead of calling the function: the library's own
     * body, for functions whose work it knows ({@code string.byte}: a body that is a
     * {@code ByteValues}, which it can read bytes of a string with).
     */
    public Body body() {
        return body;
    }

    /**
     * Whether, given only numbers, strings, booleans and nil (values it runs no metamethod of),
     * the function returns exactly one value and does nothing else but raise an error
     * ({@code string.char}, {@code string.format}, {@code tostring}): a trace compiler may then
     * call it again when it has to go back to before the call, and pass its result on as the
     * open arguments of another call.
     */
    public boolean valueFunction() {
        return valueFunction;
    }

    /** The numeric form's operator, by its number of arguments (fields: the interpreter asks on every call). */
    private final java.util.function.DoubleUnaryOperator unaryNumeric;
    private final java.util.function.DoubleBinaryOperator binaryNumeric;

    /**
     * A handle of type {@code (double, ...)double} that computes what the function returns for
     * that many number arguments, with no other effect and no error (as {@code math.sqrt} or
     * {@code bit.band} on numbers), or null. A trace compiler calls it on unboxed numbers, and
     * may compute it once when its arguments do not change, or fold it when they are constants.
     */
    public MethodHandle numericForm() {
        // Made once, so each request gets the same handle (a trace compiler may share calls of it).
        if (numericForm == null && numericFormMaker != null) {
            numericForm = numericFormMaker.get();
        }
        return numericForm;
    }

    /** What a maker of a {@link #numericForm} may also be: the operator the form applies, to call without a handle. */
    public interface NumericBody {
        /** A {@link java.util.function.DoubleUnaryOperator} or {@link java.util.function.DoubleBinaryOperator}. */
        Object operator();

        /** Whether the function on more than two numbers is the binary operator folded over them from the left. */
        boolean folds();

        /**
         * The same function on 32-bit integers, an {@link java.util.function.IntUnaryOperator}
         * or {@link java.util.function.IntBinaryOperator}, or null: for the bit operations,
         * whose numeric form converts each number with {@code tobit}, applies this, and
         * converts the result back.
         */
        default Object intOperator() {
            return null;
        }
    }

    /**
     * The function on 32-bit integers ({@link NumericBody#intOperator}), or null: a trace applies
     * it to integers it already has (a loop's index, another bit operation's result) without
     * converting them to numbers and back.
     */
    public Object intOperator() {
        return numericFormMaker instanceof NumericBody b ? b.intOperator() : null;
    }

    /** Whether, on three numbers or more, the function computes the left fold of its binary numeric form ({@code bit.band}, {@code bit.bor}, {@code bit.bxor}). */
    public boolean foldsNumericForm() {
        return numericFormMaker instanceof NumericBody b && b.folds();
    }

    /**
     * The numeric form's operator when it takes one number, or null: an interpreter calls it
     * on a number argument straight from its registers (no argument array, no boxes), which
     * must give what the function returns, as the form does.
     */
    public java.util.function.DoubleUnaryOperator unaryNumeric() {
        return unaryNumeric;
    }

    /** {@link #unaryNumeric} for two numbers. */
    public java.util.function.DoubleBinaryOperator binaryNumeric() {
        return binaryNumeric;
    }

    /** Calls the body; a Java exception it throws that is no Lua error leaves as one ({@link LuaError#fromJava}), so pcall catches it. */
    @Override
    public Object[] call(Object[] arguments) {
        try {
            return body.call(arguments);
        } catch (LuaError | LuaExit e) {
            throw e;
        } catch (RuntimeException e) {
            throw LuaError.fromJava(e);
        }
    }

    public LuaTable environment() {
        return environment;
    }

    public void setEnvironment(LuaTable environment) {
        this.environment = environment;
    }

    @Override
    public String name() {
        return name;
    }
}
