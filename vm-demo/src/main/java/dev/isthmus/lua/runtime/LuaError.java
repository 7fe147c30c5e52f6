package dev.isthmus.lua.runtime;

/**
 * A Lua error in flight: raised by {@code error}, by a failed operation, or by a library,
 * caught by {@code pcall}. Carries any Lua value. No Java stack trace is recorded: Lua
 * errors are control flow.
 *
 * <p>A string message may still be waiting for its {@code chunk:line:} prefix: its
 * {@linkplain #positionLevel() position level} says which Lua frame adds it, counting the
 * frame that called the failing function as 1, as {@code error}'s level argument does
 * (Lua 5.1 manual, {@code error}). The interpreter adds the prefix when the error passes a
 * call instruction at that level.
 */
public class LuaError extends RuntimeException {
    private final transient Object value;
    private int positionLevel;
    private final java.util.List<String> frames = new java.util.ArrayList<>(4);
    /** Frames offered to {@link #addFrame}, kept or cut. */
    private int framesOffered;
    /** Whether an xpcall's message handler has run for this error (where it was raised), and what it returned. */
    private boolean isHandled;
    private transient Object handlerResult;

    /** An error with {@code value} as it is, no position added. */
    public LuaError(Object value) {
        super(null, null, false, false);
        this.value = value;
    }

    /** A message to be prefixed with the position of the Lua code that called the failing function or operation. */
    public LuaError(String message) {
        this(LuaString.of(message));
        this.positionLevel = 1;
    }

    /** {@code error(value, level)}: strings and numbers get the position of the frame at {@code level}; level 0, none. */
    public static LuaError atLevel(Object value, int level) {
        LuaError e = new LuaError(value);
        if (value instanceof LuaString || value instanceof Double) {
            e.positionLevel = Math.max(0, level);
        }
        return e;
    }

    public Object value() {
        return value;
    }

    public int positionLevel() {
        return positionLevel;
    }

    public void decrementPositionLevel() {
        positionLevel--;
    }

    /** This error with its message prefixed by {@code where} ({@code chunk:line: }), positioned. */
    public LuaError withMessagePrefix(String where) {
        // Numbers are spelled as tostring spells them (error(42) gives "chunk:1: 42").
        LuaString text = value instanceof Double d ? NumberCoercion.toLuaString(d) : (LuaString) value;
        LuaError e = new LuaError(LuaString.of(where).concat(text));
        e.positionLevel = 0;
        e.frames.addAll(frames);
        e.framesOffered = framesOffered;
        e.isHandled = isHandled;
        e.handlerResult = handlerResult;
        return e;
    }

    /** Takes this error's position as final without a prefix: the frame that would add it is outside the protected call that catches it. */
    public void dropPosition() {
        positionLevel = 0;
    }

    public boolean isHandled() {
        return isHandled;
    }

    /** The first result of the message handler that ran for this error; see {@link #isHandled()}. */
    public Object handlerResult() {
        return handlerResult;
    }

    public void setHandlerResult(Object result) {
        isHandled = true;
        handlerResult = result;
    }

    /** Records one Lua frame the error passed through, innermost first: {@code chunk:line: in function 'f'}. */
    public void addFrame(String frame) {
        framesOffered++;
        // Like Lua's tracebacks, long ones are cut: the innermost frames say the most.
        if (frames.size() < 22) {
            frames.add(frame);
        }
    }

    /**
     * Names the frame recorded last, a Lua function's, as the call site it failed at names
     * that function ({@code in function 'f'} for {@code f()}, {@code t.f()} or {@code t:f()}),
     * as LuaJIT's tracebacks do; a frame the cut dropped stays unnamed.
     */
    public void nameLastFrame(String name) {
        if (framesOffered != frames.size() || frames.isEmpty()) {
            return;
        }
        String last = frames.getLast();
        int at = last.lastIndexOf(" in function <");
        if (at >= 0) {
            frames.set(frames.size() - 1, last.substring(0, at) + " in function '" + name + "'");
        }
    }

    /** The frames the error left, innermost first, for the standalone interpreter's "stack traceback:". */
    public java.util.List<String> frames() {
        return java.util.List.copyOf(frames);
    }


    /**
     * A Java exception thrown by a library function that is not a Lua error (a NULL or
     * closed segment, an index or arithmetic overflow) as the Lua error it stands for, to
     * be positioned like any error the function raises: a script sees a message it can
     * catch with {@code pcall}, never a Java exception.
     */
    public static LuaError fromJava(RuntimeException e) {
        if (e instanceof LuaError lua) {
            return lua;
        }
        String message = e.getMessage();
        return new LuaError(switch (e) {
            case IndexOutOfBoundsException i -> "index out of bounds";
            case NullPointerException n -> message != null ? message : "attempt to use a NULL pointer";
            case IllegalStateException s when message != null && message.contains("closed") -> "attempt to use freed memory";
            default -> message != null ? message : e.getClass().getSimpleName();
        });
    }

    @Override
    public String getMessage() {
        return value instanceof LuaString || value instanceof Double ? String.valueOf(value) : LuaType.of(value).luaName() + " error object";
    }
}
