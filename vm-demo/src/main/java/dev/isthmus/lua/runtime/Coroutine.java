package dev.isthmus.lua.runtime;

import java.util.function.Function;

/**
 * A Lua coroutine, with a Java stack of its own ({@link CoroutineCarrier}): only one of a
 * coroutine and its resumer runs at any time, {@code resume} hands control over and waits,
 * {@code yield} hands it back. Yielding from any depth therefore works (across
 * {@code pcall}, metamethods and Java library functions, which Lua 5.1 itself forbids but
 * LuaJIT allows), and a program that never creates a coroutine pays nothing.
 */
public final class Coroutine {
    /** What {@code coroutine.status} reports. */
    public enum Status {
        SUSPENDED("suspended"), RUNNING("running"), NORMAL("normal"), DEAD("dead");

        private final LuaString luaName;

        Status(String name) {
            this.luaName = LuaString.of(name);
        }

        public LuaString luaName() {
            return luaName;
        }
    }

    private final Function<Object[], Object[]> body;
    private final CoroutineCarrier carrier;
    private Status status = Status.SUSPENDED;
    /**
     * How many callbacks from C run on this coroutine. Public for the spun method of a callback
     * (the interpreter's {@code CallbackMethod}), which counts in bytecode: a call of
     * {@link #enterCallback} there is inlined or not by the method's profile.
     */
    public int callbackDepth;
    private Object[] transfer;
    private LuaError failure;
    /** An {@code os.exit} inside the coroutine, carried to the resumer's thread. */
    private LuaExit exit;
    private boolean finished;
    /** The interpreter's per-coroutine state (its Lua stack), owned by the interpreter. */
    private Object executionState;
    /**
     * The thread's environment (Lua 5.1's global table of a thread): what {@code getfenv(0)}
     * answers, what chunks loaded while it runs get as their globals, where library functions
     * such as {@code print} look globals up. A new coroutine takes its creator's.
     */
    private LuaTable environment;

    /** A coroutine whose body runs {@code body} with the first resume's arguments. */
    public Coroutine(Function<Object[], Object[]> body) {
        this.body = body;
        this.carrier = CoroutineCarrier.create(this::run);
    }

    private Coroutine() {
        this.body = null;
        this.carrier = null;
    }

    /** How coroutines switch in this JVM: "continuations" or "threads" ({@link CoroutineCarrier}). */
    public static String carrierKind() {
        return CoroutineCarrier.kind();
    }

    /** The main coroutine of a Lua state: already running, never resumed. */
    public static Coroutine main() {
        Coroutine c = new Coroutine();
        c.status = Status.RUNNING;
        return c;
    }

    /**
     * Marks a Lua function called from C as running on this coroutine (and its end): a yield
     * then would cross the C frames below it, which LuaJIT refuses and a continuation cannot
     * do, so {@link #isInsideCallback()} makes yield an error whichever carrier runs it.
     */
    public void enterCallback() {
        CallbackCount.enter();
        callbackDepth++;
    }

    public void exitCallback() {
        callbackDepth--;
    }

    public boolean isInsideCallback() {
        return callbackDepth > 0;
    }

    public Status status() {
        return status;
    }

    public void setStatus(Status status) {
        this.status = status;
    }

    public LuaTable environment() {
        return environment;
    }

    public void setEnvironment(LuaTable environment) {
        this.environment = environment;
    }

    public Object executionState() {
        return executionState;
    }

    public void setExecutionState(Object state) {
        this.executionState = state;
    }

    /**
     * Runs the coroutine until it yields, returns or fails. Returns what it yielded or
     * returned; throws the {@link LuaError} it failed with. The caller checked the status.
     */
    public Object[] resume(Object[] arguments) {
        status = Status.RUNNING;
        transfer = arguments;
        carrier.switchToCoroutine();
        Object[] result = transfer;
        transfer = null;
        if (finished) {
            status = Status.DEAD;
            if (exit != null) {
                throw exit;
            }
            if (failure != null) {
                LuaError e = failure;
                failure = null;
                throw e;
            }
        } else {
            status = Status.SUSPENDED;
        }
        return result;
    }

    /** Called on the coroutine's own thread: hands {@code values} to the resumer and waits for the next resume's arguments. */
    public Object[] yield(Object[] values) {
        transfer = values;
        carrier.switchToResumer();
        Object[] arguments = transfer;
        transfer = null;
        return arguments;
    }

    private void run() {
        try {
            transfer = body.apply(transfer);
        } catch (LuaError e) {
            failure = e;
            transfer = LuaFunction.NONE;
        } catch (LuaExit e) {
            exit = e;
            transfer = LuaFunction.NONE;
        } catch (StackOverflowError e) {
            failure = new LuaError("stack overflow");
            transfer = LuaFunction.NONE;
        } catch (RuntimeException | Error e) {
            failure = new LuaError("internal error in coroutine: " + e);
            transfer = LuaFunction.NONE;
        }
        finished = true;
        carrier.finish();
    }
}
