package dev.isthmus.lua.interp;

import dev.isthmus.lua.bytecode.Prototype;
import dev.isthmus.lua.runtime.LuaFunction;
import dev.isthmus.lua.runtime.LuaTable;

/** A Lua function value: a prototype with its captured upvalues and its environment table ({@code setfenv}). */
public final class LuaClosure extends LuaFunction {
    final Prototype prototype;
    final Upvalue[] upvalues;
    LuaTable environment;
    private final Interpreter interpreter;

    LuaClosure(Prototype prototype, Upvalue[] upvalues, LuaTable environment, Interpreter interpreter) {
        this.prototype = prototype;
        prototype.closures().made();
        this.upvalues = upvalues;
        this.environment = environment;
        this.interpreter = interpreter;
    }

    Interpreter interpreter() {
        return interpreter;
    }

    public Prototype prototype() {
        return prototype;
    }

    public LuaTable environment() {
        return environment;
    }

    public void setEnvironment(LuaTable environment) {
        this.environment = environment;
    }

    @Override
    public Object[] call(Object[] arguments) {
        return interpreter.call(this, arguments);
    }

    @Override
    public Object callForFirstResult(Object[] arguments) {
        return interpreter.callForFirstResult(this, arguments);
    }

    @Override
    public Object callbackResultOf(int count, Object first, double firstNumber, Object second, double secondNumber) {
        return interpreter.callbackResultOf(this, count, first, firstNumber, second, secondNumber);
    }

    @Override
    public double numberResult() {
        return interpreter.numberResult();
    }

    @Override
    public String name() {
        return prototype.name();
    }

    /** How many upvalues this closure captured ({@code debug.getupvalue}'s range). */
    public int upvalueCount() {
        return upvalues.length;
    }

    /** The value of upvalue {@code index} (0-based). */
    public Object upvalue(int index) {
        return upvalues[index].get();
    }

    public void setUpvalue(int index, Object value) {
        upvalues[index].set(value);
    }

    /** The identity of upvalue {@code index} (0-based), the same for closures sharing the variable ({@code debug.upvalueid}). */
    public Object upvalueIdentity(int index) {
        return upvalues[index];
    }

    /** Makes upvalue {@code index} the variable {@code other}'s upvalue {@code otherIndex} is ({@code debug.upvaluejoin}). */
    public void joinUpvalue(int index, LuaClosure other, int otherIndex) {
        upvalues[index] = other.upvalues[otherIndex];
    }
}
