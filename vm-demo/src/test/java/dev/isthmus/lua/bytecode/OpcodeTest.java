package dev.isthmus.lua.bytecode;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OpcodeTest {
    @Test
    void opConstants_matchOpcodeOrdinals_oneForEach() throws ReflectiveOperationException {
        for (Opcode op : Opcode.values()) {
            Field constant = Op.class.getField(op.name());
            assertEquals(op.ordinal(), constant.getInt(null), op.name());
        }
        assertEquals(Opcode.values().length, Op.class.getFields().length, "Op has a constant for each opcode and no more");
    }
}
