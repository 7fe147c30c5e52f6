package dev.isthmus.lua.bytecode;

import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaString;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code string.dump}'s binary chunks: a prototype tree written as bytes and read back, so
 * {@code loadstring(string.dump(f))} gives a function of the same code. The format is this
 * VM's own (LuaJIT's bytecode is not ours to run); like LuaJIT's it starts with ESC, which is
 * how {@code load} tells a binary chunk from source. Stripping drops local and operand names.
 */
public final class ChunkDump {
    private static final byte[] SIGNATURE = {0x1b, 'I', 's', 't', 'h', 'm', 'u', 's', 1};
    private static final int NUMBER = 0;
    private static final int STRING = 1;
    private static final int INT64 = 2;
    private static final int IMAGINARY = 3;

    /** More registers than any function the compiler makes has (it stops at 250). */
    private static final int MAX_FRAME_SIZE = 256;

    private ChunkDump() {
    }

    /** Whether {@code source} is a binary chunk rather than Lua source text. */
    public static boolean isBinary(byte[] source) {
        return source.length > 0 && source[0] == 0x1b;
    }

    public static byte[] dump(Prototype p, boolean strip, CdataLiterals literals) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(SIGNATURE);
            write(out, p, strip, literals);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The prototype a binary chunk holds; a chunk not made by this VM, or damaged, is LuaJIT's
     * error for foreign or malformed bytecode, named after {@code chunkName}. The code itself is
     * checked no further: a damaged chunk that reads may fail when it runs, as a Lua error.
     */
    public static Prototype undump(byte[] chunk, String chunkName, CdataLiterals literals) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(chunk))) {
            byte[] signature = new byte[SIGNATURE.length];
            in.readFully(signature);
            if (!java.util.Arrays.equals(signature, SIGNATURE)) {
                throw new LuaError(chunkName + ": cannot load incompatible bytecode");
            }
            Prototype p = read(in, literals);
            if (in.available() != 0) {
                throw malformed();
            }
            return p;
        } catch (MalformedChunk | IOException | RuntimeException e) {
            if (e instanceof LuaError lua) {
                throw lua;
            }
            throw new LuaError(chunkName + ": cannot load malformed bytecode");
        }
    }

    /** What reading a damaged chunk finds; {@link #undump} words it. */
    private static final class MalformedChunk extends Exception {
        MalformedChunk() {
            super(null, null, false, false);
        }
    }

    private static MalformedChunk malformed() {
        return new MalformedChunk();
    }

    private static void write(DataOutputStream out, Prototype p, boolean strip, CdataLiterals literals) throws IOException {
        out.writeUTF(p.chunkName());
        out.writeUTF(p.name() == null ? "" : p.name());
        out.writeInt(p.lineDefined());
        out.writeInt(p.lastLineDefined());
        out.writeInt(p.parameterCount());
        out.writeBoolean(p.isVararg());
        out.writeInt(p.frameSize());
        writeInts(out, p.code());
        writeInts(out, p.lines());
        out.writeInt(p.constants().length);
        for (Object k : p.constants()) {
            writeConstant(out, k, literals);
        }
        out.writeInt(p.prototypes().size());
        for (Prototype child : p.prototypes()) {
            write(out, child, strip, literals);
        }
        out.writeInt(p.upvalues().size());
        for (Prototype.UpvalueSource u : p.upvalues()) {
            out.writeBoolean(u.fromParentRegister());
            out.writeInt(u.index());
        }
        List<String> upvalueNames = strip ? List.of() : p.upvalueNames();
        out.writeInt(upvalueNames.size());
        for (String name : upvalueNames) {
            out.writeUTF(name);
        }
        List<Prototype.LocalVariable> locals = strip ? List.of() : p.locals();
        out.writeInt(locals.size());
        for (Prototype.LocalVariable l : locals) {
            out.writeUTF(l.name());
            out.writeInt(l.register());
            out.writeInt(l.startPc());
            out.writeInt(l.endPc());
        }
        Map<Integer, String> names = strip ? Map.of() : p.operandNames();
        out.writeInt(names.size());
        for (Map.Entry<Integer, String> e : names.entrySet()) {
            out.writeInt(e.getKey());
            out.writeUTF(e.getValue());
        }
        out.writeInt(p.instructionCount());
    }

    private static void writeConstant(DataOutputStream out, Object k, CdataLiterals literals) throws IOException {
        if (k instanceof Double d) {
            out.writeByte(NUMBER);
            out.writeDouble(d);
        } else if (k instanceof LuaString s) {
            out.writeByte(STRING);
            out.writeInt(s.length());
            out.write(s.bytes());
        } else if (literals.literalOf(k) instanceof CdataLiterals.Literal l) {
            out.writeByte(l.isImaginary() ? IMAGINARY : INT64);
            out.writeLong(l.bits());
            out.writeBoolean(l.isUnsigned());
        } else {
            throw new LuaError("unable to dump given function");
        }
    }

    private static Prototype read(DataInputStream in, CdataLiterals literals) throws IOException, MalformedChunk {
        String chunkName = in.readUTF();
        String name = in.readUTF();
        int lineDefined = in.readInt();
        int lastLineDefined = in.readInt();
        int parameterCount = in.readInt();
        boolean isVararg = in.readBoolean();
        int frameSize = in.readInt();
        int[] code = readInts(in);
        int[] lines = readInts(in);
        Object[] constants = new Object[count(in)];
        for (int i = 0; i < constants.length; i++) {
            constants[i] = switch (in.readByte()) {
                case NUMBER -> in.readDouble();
                case STRING -> {
                    byte[] b = new byte[count(in)];
                    in.readFully(b);
                    yield LuaString.wrap(b);
                }
                case INT64 -> literals.int64(in.readLong(), in.readBoolean());
                case IMAGINARY -> {
                    double im = Double.longBitsToDouble(in.readLong());
                    in.readBoolean();
                    yield literals.imaginary(im);
                }
                default -> throw malformed();
            };
        }
        List<Prototype> prototypes = new ArrayList<>();
        for (int i = count(in); i > 0; i--) {
            prototypes.add(read(in, literals));
        }
        List<Prototype.UpvalueSource> upvalues = new ArrayList<>();
        for (int i = count(in); i > 0; i--) {
            upvalues.add(new Prototype.UpvalueSource(in.readBoolean(), in.readInt()));
        }
        List<String> upvalueNames = new ArrayList<>();
        for (int i = count(in); i > 0; i--) {
            upvalueNames.add(in.readUTF());
        }
        List<Prototype.LocalVariable> locals = new ArrayList<>();
        for (int i = count(in); i > 0; i--) {
            locals.add(new Prototype.LocalVariable(in.readUTF(), in.readInt(), in.readInt(), in.readInt()));
        }
        Map<Integer, String> operandNames = new HashMap<>();
        for (int i = count(in); i > 0; i--) {
            operandNames.put(in.readInt(), in.readUTF());
        }
        int loops = in.readInt();
        if (loops != code.length / 4 || code.length % 4 != 0 || lines.length != code.length / 4
                || frameSize < 0 || frameSize > MAX_FRAME_SIZE || parameterCount < 0 || parameterCount > frameSize) {
            throw malformed();
        }
        return new Prototype(chunkName, name.isEmpty() ? null : name, lineDefined, lastLineDefined, parameterCount, isVararg,
                frameSize, code, lines, constants, prototypes, upvalues, upvalueNames, locals, operandNames);
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int v : values) {
            out.writeInt(v);
        }
    }

    private static int[] readInts(DataInputStream in) throws IOException, MalformedChunk {
        int[] values = new int[count(in)];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readInt();
        }
        return values;
    }

    /** A length from the chunk, refused when negative or beyond what the chunk can hold. */
    private static int count(DataInputStream in) throws IOException, MalformedChunk {
        int n = in.readInt();
        if (n < 0 || n > in.available() + 1) {
            throw malformed();
        }
        return n;
    }
}
