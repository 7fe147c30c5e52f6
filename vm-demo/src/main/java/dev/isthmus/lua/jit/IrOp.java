package dev.isthmus.lua.jit;

/**
 * The operations of the trace IR. Operands are IR references (indexes of earlier
 * instructions); {@code aux} carries a constant, a register, a class or a method handle.
 * An operation is <em>pure</em> when its result depends only on its operands (so a copy in the
 * loop body whose operands are loop-invariant is the pre-roll's instruction itself: hoisted);
 * a <em>guard</em> leaves the trace through its snapshot when its condition fails; a
 * <em>call</em> may run arbitrary code and raise an error, which leaves the trace through its
 * snapshot as the state before the instruction.
 */
enum IrOp {
    /** A number constant ({@code aux} a Double). */
    KNUM(Kind.PURE),
    /** An int constant ({@code aux} an Integer). */
    KINT(Kind.PURE),
    /** A constant Lua value ({@code aux}, null for nil). */
    KREF(Kind.PURE),
    /** Register {@code aux}'s value at trace entry, guarded to be a number. */
    SLOADN(Kind.GUARD),
    /** Register {@code aux}'s value at trace entry, guarded to be of class {@code aux2} (null: nil). */
    SLOADR(Kind.GUARD),
    /** Register {@code aux}'s value now, after an inner loop ran on the frame ({@link #LOOPCALL}), guarded to be a number. */
    RLOADN(Kind.GUARD_STATE),
    /** Register {@code aux}'s value now, after an inner loop ran on the frame, guarded to be of class {@code aux2}. */
    RLOADR(Kind.GUARD_STATE),
    /** Register {@code aux}'s value at trace entry, whatever it is (a number boxed). */
    SLOADV(Kind.PURE),
    ADD(Kind.PURE), SUB(Kind.PURE), MUL(Kind.PURE), DIV(Kind.PURE), MOD(Kind.PURE), POW(Kind.PURE), NEG(Kind.PURE),
    /** A number as a Lua value. */
    BOX(Kind.PURE),
    /** A Lua value guarded to be a number, as a double. */
    UNBOX(Kind.GUARD),
    /** A Lua value guarded to be of exact class {@code aux2} (null: nil); its result is the value. */
    GCLASS(Kind.GUARD),
    /** A Lua value guarded not to be nil. */
    GNOTNIL(Kind.GUARD),
    /** A Lua value guarded to be the constant {@code aux}. */
    GSAME(Kind.GUARD),
    /**
     * The trace's closure guarded to be {@code aux}, the only closure its function has had when
     * recorded: its never-assigned upvalues are then constants of the trace.
     */
    GCLOSURE(Kind.GUARD),
    /** Numbers compared, guarded to give the outcome the recording saw ({@code aux} a {@link Compare}). */
    GCMP(Kind.GUARD),
    /** A Lua value guarded truthy ({@code aux} TRUE) or falsy ({@code aux} FALSE). */
    GTRUTH(Kind.GUARD),
    /** {@code not v}: a Boolean. */
    NOT(Kind.PURE),
    /** A table guarded to have no metatable (read each time: a call may set one). */
    GNOMETA(Kind.GUARD_STATE),
    /** Table {@code a} guarded to have metatable {@code aux} (read each time: a call may set another). */
    GMETA(Kind.GUARD_STATE),
    /**
     * The closure whose globals are read ({@code aux2}: an inlined function's, else the trace's)
     * guarded to have the environment {@code aux} still ({@code setfenv} may give it another).
     */
    GENV(Kind.GUARD_STATE),
    /** The metatable strings share guarded to be table {@code aux} still ({@code debug.setmetatable} may replace it). */
    GSMETA(Kind.GUARD_STATE),
    /**
     * Table {@code a} guarded not to hold the string key {@code aux} (a hash lookup, made each
     * time: any store may add it), so that reading it goes to the metatable's {@code __index}.
     */
    GABSENT(Kind.GUARD_READ),
    /**
     * Before a never-assigned upvalue's value taken as a constant: leaves, at the instruction
     * reading it, once the debug library has rewritten a variable ({@code aux} the engine's
     * check, a mutable call site's handle: free in compiled code until then).
     */
    GFIXED(Kind.GUARD_STATE),
    /**
     * A number guarded to be an integer of magnitude below 2^48 ({@link BitNarrowing}'s bound),
     * as an int: its low 32 bits, which is what {@code tobit} gives for it.
     */
    INTOF(Kind.GUARD),
    /** {@code t[n]} of a table without metatable, number key. */
    TGETN(Kind.STATE),
    /** {@code t[k]} of a table without metatable, any key. */
    TGETV(Kind.STATE),
    /** {@code t[n]} of a table without metatable, number key, guarded to be a number: its value unboxed. */
    TLOADN(Kind.GUARD_READ),
    /**
     * {@code t[k]} of a table without metatable for the constant string key {@code aux}, read
     * at the hash slot {@code aux2} where the recording found it: leaves the trace when the slot
     * holds another key (another table shape, or the table rehashed). Typed NUM, it is guarded
     * to be a number, read unboxed.
     */
    HGETK(Kind.GUARD_READ),
    /** {@code t[k] = b} raw, the constant key {@code aux} at slot {@code aux2} as {@link #HGETK} finds it; a number {@code b} stored unboxed. */
    HSETK(Kind.GUARD_READ),
    /** {@code t[n] = v} raw (a = table, b = key, c = value). */
    TSETN(Kind.CALL),
    /** {@code t[k] = v} raw. */
    TSETV(Kind.CALL),
    /** {@code #t} of a table, {@code #s} of a string (its class guarded before). */
    LEN(Kind.STATE),
    /** A new empty table ({@code aux} an int[] of the sizes). */
    TNEW(Kind.STATE),
    /**
     * A new table ({@code aux} the sizes, as {@link #TNEW}) that the trace never makes: it does
     * not escape, its fields are the {@link #SSET}s on it ({@link AllocationSinking}), and an exit
     * that writes it makes it then, with the fields stored before that exit.
     */
    SNEW(Kind.STATE),
    /** Field {@code aux} (a constant key) of the sunk table {@code a} set to {@code b}: no code, what an exit making the table stores. */
    SSET(Kind.STATE),
    /** Global {@code aux}. */
    GGET(Kind.CALL),
    /** Global {@code aux} = a. */
    GSET(Kind.CALL),
    /**
     * Upvalue {@code aux}. Typed NUM, it is guarded to be a number and read unboxed (so it has
     * a snapshot, though it is no guard of kind: {@link TraceRecorder#isNumberUpvalueRead}).
     */
    UGET(Kind.STATE),
    /**
     * Upvalue {@code aux} ({@link OpenUpvalue}) of the inlined closure {@code aux2} guarded to be
     * still open on the loop frame's register it names, which stands for the upvalue in the trace.
     */
    UOPEN(Kind.GUARD_STATE),
    /** Upvalue {@code aux} = a; a number {@code a} stored unboxed. */
    USET(Kind.STATE),
    /** {@code a[b]} with every metamethod. */
    INDEX(Kind.CALL),
    /** {@code a[b] = c} with every metamethod. */
    SETINDEX(Kind.CALL),
    /** Arithmetic on Lua values ({@code aux} the {@code Arith} ordinal): coercions, metamethods. */
    ARITHV(Kind.CALL),
    /** Comparison of Lua values by {@code aux} ({@link Compare} EQ, LT or LE), a Boolean; metamethods. */
    CMPV(Kind.CALL),
    /** {@code #v} with metamethods. */
    LENV(Kind.CALL),
    /** A native call on numbers: {@code aux} the {@code NumericCallable}, {@code args} the operands (ints where it takes them, {@link NativeCallOperands}). */
    CALLN(Kind.CALL),
    /**
     * Right after a {@link #CALLN}: leaves, with the call's result in place, when C called back
     * into Lua during it ({@code CallbackCount}), so that what the trace assumed of Lua's state
     * across the native call still holds when it goes on.
     */
    GCALLBACK(Kind.GUARD_READ),
    /**
     * A library function's numeric form on numbers {@code args} ({@code aux} the handle,
     * {@code aux2} the name): pure arithmetic, so folded, shared and hoisted like an ADD.
     */
    FNUM(Kind.PURE),
    /**
     * A bit operation on 32-bit integers {@code args} ({@code aux} its {@code IntUnaryOperator}
     * or {@code IntBinaryOperator}, {@code aux2} the name): {@code bit.band} and the others on
     * integers, with no conversion from numbers and back between two of them.
     */
    FINT(Kind.PURE),
    /**
     * String {@code a} guarded to have bytes {@code b} (a number) to {@code b + aux - 1}, the
     * range a {@code string.byte} call reads ({@link #SBYTE}). Strings do not change: pure.
     */
    GBYTES(Kind.GUARD),
    /** Byte {@code b + aux} (from 1) of string {@code a}, as a number, inside a {@link #GBYTES} range. */
    SBYTE(Kind.PURE),
    /** LuaJIT's {@code tobit} of number {@code a}: the 32-bit integer a bit operation takes. */
    TOBIT(Kind.PURE),
    /** {@code next(a, b)} of a table without metatable: its next entry, or null at the end. */
    NEXT(Kind.CALL),
    /** The key of the entry {@code a}. */
    ENTRYKEY(Kind.PURE),
    /** The value of the entry {@code a}. */
    ENTRYVALUE(Kind.PURE),
    /** {@code args[0] .. args[1] .. ...} of registers from {@code aux} on: strings, or metamethods. */
    CONCAT(Kind.CALL),
    /**
     * An inner loop run by its own compiled trace ({@code aux} the {@code CompiledLoop}): the
     * frame written back first (the snapshot), the inner trace run on it, and the outer trace
     * left where the inner one stopped unless that is {@code aux2} (the pc after the loop the
     * recording saw). Registers are read again from the frame afterwards.
     */
    LOOPCALL(Kind.CALL),
    /**
     * A call of the Lua closure {@code a} (a recursion, not recorded inline) with arguments
     * {@code args}, placed with it in the frame from register {@code aux} on, where its
     * {@code aux2} results land, for register reloads ({@link #RLOADN}, {@link #RLOADR}) to read.
     */
    CALLL(Kind.CALL),
    /** A call of the function {@code a} on Lua values {@code args}: its first result. */
    CALLV(Kind.CALL),
    /** A call of the function {@code a} on Lua values {@code args}: all its results, an {@code Object[]} that {@link #RESULT} reads. */
    CALLM(Kind.CALL),
    /** Result {@code aux} (an Integer) of the results {@code a} of a {@link #CALLM}: nil past the last. */
    RESULT(Kind.PURE),
    /** A cdata value guarded to have ctype {@code aux} (interned: one identity compare). */
    GCTYPE(Kind.GUARD),
    /** The address where the memory of the cdata object {@code a} starts (a long; its segment never changes). */
    CADDR(Kind.PURE),
    /** The size in bytes of the memory of the cdata object {@code a} (a long). */
    CSIZE(Kind.PURE),
    /**
     * The address of element {@code c} (an int or a number, converted as indexing converts it)
     * of {@code aux2} bytes in the memory at address {@code a} of {@code b} bytes, guarded to be
     * wholly inside it: every access into the element needs no other check.
     */
    CELEM(Kind.GUARD),
    /**
     * The address of element {@code b} (an int or a number) of {@code aux2} bytes that the
     * cdata pointer {@code a} points to, guarded to be one the interpreter would access (not
     * NULL, mappable, inside the object the pointer is known to point into).
     */
    PELEM(Kind.GUARD),
    /**
     * A view of element {@code b} of the cdata array {@code a} ({@code aux} its type, {@code aux2}
     * its size): never allocated in the loop; made only where a value is needed (an exit's
     * snapshot, a call), as the interpreter would have made it.
     */
    CVIEW(Kind.PURE),
    /**
     * The pointer cdata {@code ffi.cast} makes of the pointer cdata {@code a} for the pointer
     * type {@code aux} (the same address and anchor, another type): {@link #PELEM} reads through
     * {@code a} itself, so a cast only read through is never made in the trace; exits make it
     * where they write it back. Made once, where the cast is, when an instruction takes it as a
     * value (a call's argument, a store, a PHI), so that it is one object as in the interpreter.
     */
    PCAST(Kind.PURE),
    /**
     * A number scalar read at address {@code a} plus {@code aux2} bytes ({@code aux} the
     * {@code CScalar}): memory a {@link #CELEM} or the cdata's ctype has shown to be inside the
     * object, which the trace keeps alive while it runs.
     */
    CLOAD(Kind.STATE),
    /** Number {@code b} stored as {@link #CLOAD} reads. */
    CSTORE(Kind.STATE),
    /** A 64-bit integer constant ({@code aux} a Long) of kind {@code aux2} ({@link Int64Kind}): {@code 1LL}, {@code 2ULL}. */
    KI64(Kind.PURE),
    /** A Lua value guarded to be a 64-bit integer cdata of kind {@code aux2}: its bits, as a long. */
    I64UNBOX(Kind.GUARD),
    /** The 64-bit integer {@code a} of kind {@code aux2} as a Lua value: a new cdata, made only where the value escapes. */
    I64BOX(Kind.PURE),
    /** Number {@code a} as a 64-bit integer of kind {@code aux2}, as LuaJIT converts it ({@code 1.5 + 0LL}: truncated). */
    I64FROMNUM(Kind.PURE),
    /**
     * 64-bit integer arithmetic {@code aux} ({@code "add"}, {@code "sub"}, {@code "mul"},
     * {@code "div"}, {@code "mod"}, {@code "pow"}; {@code "unm"} of {@code a} alone) on longs,
     * with LuaJIT's results for kind {@code aux2}: wrapping, signed or unsigned division.
     */
    I64ARITH(Kind.PURE),
    /** 64-bit integers compared, signed or unsigned as kind {@code aux2} says, guarded to give the outcome {@code aux} the recording saw. */
    I64CMP(Kind.GUARD),
    /**
     * A number guarded to be an int {@link NarrowedLoops} can count with (a numeric {@code for}
     * loop's index or step): integral, not -0, within its range.
     */
    TOINT(Kind.GUARD),
    /**
     * The int a loop index is compared with, from the number limit {@code a} and the int step
     * {@code b}, guarded to have the direction {@code aux} ({@code LE} counting up, {@code GE}
     * down) and to be within the range where adding the step cannot overflow.
     */
    LIMIT(Kind.GUARD),
    /** Ints added (never overflowing: the operands are within {@link NarrowedLoops}' range). */
    IADD(Kind.PURE),
    /**
     * Ints added, both within {@link NarrowedLoops}' range (so the int sum is exact), guarded to
     * be within that range too: an index plus an offset held in a variable, {@code v[i + k]}, as
     * {@link TraceRecorder} narrows it (LuaJIT's narrowing of index arithmetic).
     */
    IADDR(Kind.GUARD),
    /** An int as a number. */
    TONUM(Kind.PURE),
    /**
     * At the end of the loop body: leaves through its snapshot, at the loop instruction with
     * the values the next iteration starts from, when an interrupt is pending
     * ({@code PendingInterrupts}); free while none is. (At the top of the body, its exit kept
     * C2 from optimizing the loop: 1.2 ns more per iteration of a struct loop.)
     */
    GINTR(Kind.GUARD_STATE),
    /**
     * At the loop head: register {@code aux}'s value carried around the loop, {@code a} on
     * entering the loop (from the pre-roll), {@code b} on each back edge (from the body).
     */
    PHI(Kind.STATE),
    /**
     * The end of a side trace that came back to its root trace's loop instruction: the frame
     * written back (the snapshot), then the root's entry registers given the values {@code args}
     * (in the order of its register loads, {@link TraceTree#entryLoads}) and the root run again
     * from its first instruction after those loads.
     */
    LINK(Kind.STATE),
    /**
     * The end of a side trace at instruction {@code aux}: the frame written back (the snapshot)
     * and the interpreter going on there. When {@code aux2} is true, {@code aux} is the loop
     * instruction of another loop with a trace, which the interpreter enters at once; when
     * false, the side trace came to its function's return.
     */
    LEAVE(Kind.STATE);

    /**
     * PURE: a value of its operands. GUARD: a pure check that may leave. GUARD_STATE: a check
     * of mutable state, made once until something may change that state. GUARD_READ: a read
     * or write of mutable state that may leave (never shared, never hoisted). STATE: a read or
     * write of mutable state. CALL: may run Lua code or raise an error.
     */
    enum Kind {
        PURE, GUARD, GUARD_STATE, GUARD_READ, STATE, CALL
    }

    final Kind kind;

    IrOp(Kind kind) {
        this.kind = kind;
    }

    /** Whether it reads a register at trace entry. */
    boolean isRegisterLoad() {
        return this == SLOADN || this == SLOADR || this == SLOADV;
    }

    /** Whether it is a constant (made where it is first used, in a side trace). */
    boolean isConstant() {
        return this == KREF || this == KNUM || this == KINT || this == KI64;
    }

    /** Whether it reads a register's value after an inner loop ran. */
    boolean isRegisterReload() {
        return this == RLOADN || this == RLOADR;
    }

    boolean isGuard() {
        return kind == Kind.GUARD || kind == Kind.GUARD_STATE || kind == Kind.GUARD_READ;
    }

    /** Whether a copy with the same operands computes the same thing (so it can be shared or hoisted). */
    boolean isPure() {
        return kind == Kind.PURE || kind == Kind.GUARD;
    }

    /**
     * Whether it may run Lua code (a metamethod, a Java or C function that calls back), which
     * can change any table's metatable: what a {@link Kind#GUARD_STATE} guard checked before it
     * must be checked again after it.
     */
    boolean mayRunLua() {
        return switch (this) {
            // Not CALLN: a callback during it leaves the trace at the GCALLBACK after it.
            case INDEX, SETINDEX, ARITHV, CMPV, LENV, CALLV, CALLM, CALLL, GGET, GSET, CONCAT, LOOPCALL -> true;
            default -> false;
        };
    }

    /** {@link #UOPEN}'s operand: an inlined closure's upvalue {@code index}, open on the loop frame's {@code register}. */
    record OpenUpvalue(int index, int register) {
    }

    /** Whether it may run Lua code or raise an error (the trace writes the frame back on failure). */
    boolean isCall() {
        return kind == Kind.CALL;
    }
}
