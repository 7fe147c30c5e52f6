package dev.isthmus.tests;

import dev.isthmus.codegen.IsthmusCli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #13: {@code isthmus bind --lang lua} writes a module for LuaJIT's {@code ffi} that
 * Isthmus's Lua VM and LuaJIT both load and call the same way: zlib's compress/uncompress
 * round trip and a stream through the deflateInit macro, and native-test-libs' structs by value, bitfields and callbacks (a struct with
 * bitfields of 64-bit types, which LuaJIT's ffi cannot declare, keeps its size and alignment). Each script
 * runs on both, and both must print what is expected.
 */
class BindLuaModuleTest {

    @TempDir
    Path dir;

    @Test
    void zlibModule_roundTripsThroughCompress_onIsthmusAndLuajit() throws Exception {
        bind("-l", "z", "/usr/include/zlib.h");
        runOnBoth("""
                local zlib = require("zlib")
                local ffi = require("ffi")
                local input = string.rep("isthmus bind --lang lua! ", 40)
                local packed = ffi.new("unsigned char[?]", zlib.compressBound(#input))
                local packedLength = ffi.new("unsigned long[1]", zlib.compressBound(#input))
                print(zlib.compress(packed, packedLength, input, #input) == zlib.Z_OK)
                local out = ffi.new("unsigned char[?]", #input)
                local outLength = ffi.new("unsigned long[1]", #input)
                print(zlib.uncompress(out, outLength, packed, packedLength[0]), ffi.string(out, outLength[0]) == input)
                print(ffi.string(zlib.zlibVersion()) == zlib.ZLIB_VERSION, ffi.sizeof("z_stream"), zlib.Z_BEST_COMPRESSION)
                -- deflateInit is a macro calling deflateInit_: a function of the module.
                local stream = ffi.new("z_stream")
                print(zlib.deflateInit(stream, zlib.Z_DEFAULT_COMPRESSION))
                local streamed = ffi.new("unsigned char[?]", 4096)
                stream.next_in, stream.avail_in = ffi.cast("unsigned char *", input), #input
                stream.next_out, stream.avail_out = streamed, 4096
                print(zlib.deflate(stream, zlib.Z_FINISH) == zlib.Z_STREAM_END, stream.total_out == packedLength[0], zlib.deflateEnd(stream))
                """, "true\n0\ttrue\ntrue\t112\t9\n0\ntrue\ttrue\t0\n");
    }

    @Test
    void nativeTestLibsModule_passesStructsBitfieldsAndCallbacks_onIsthmusAndLuajit() throws Exception {
        Path headers = Path.of(System.getProperty("isthmus.nativeHeaders"));
        Path library = Path.of(System.getProperty("isthmus.testlibs"), "libisthmustest.so");
        bind("--header-class", "ittest", "-l", library.toString(), headers.resolve("nested.h").toString(),
                headers.resolve("bitfields.h").toString(), headers.resolve("callbacks.h").toString());
        runOnBoth("""
                local it = require("ittest")
                local ffi = require("ffi")
                local rect = ffi.new("struct it_rect", { { 1, 2 }, { 4, 7 } })
                local moved = it.it_rect_offset(rect, 10, 20)
                print(tonumber(it.it_rect_area(rect)), moved.tl.x, moved.br.y)
                local packed = ffi.new("struct it_bf_packed")
                packed.x, packed.y, packed.z = 2, 0xFFFFF, 9
                print(it.it_bfp_get_x(packed), it.it_bfp_get_y(packed), it.it_bfp_get_z(packed), ffi.sizeof(packed))
                it.it_bfp_set_y(packed, 12345)
                print(packed.x, packed.y, packed.z, ffi.sizeof("struct it_bf"), ffi.alignof("struct it_bf"))
                local pack2 = ffi.new("struct it_pack2")
                print(ffi.sizeof(pack2), ffi.offsetof("struct it_pack2", "d"), ffi.sizeof("struct it_packed"))
                local add = ffi.cast("it_int_binop", function(a, b) return a * 10 + b end)
                print(it.it_call_int_binop(add, 4, 2))
                add:free()
                """, "15\t11\t27\n2\t1048575\t9\t4\n2\t12345\t9\t16\t8\n16\t6\t15\n42\n");
    }

    /**
     * Function-like macros whose body is a constant expression are functions of the module
     * computing as C does: integer types of every width and signedness (wrapping, unsigned
     * 64-bit division and comparison, shifts bringing in zeros or sign bits), character and
     * octal constants, the header's constants (a 64-bit unsigned one among them), conditionals,
     * {@code float} and {@code double} arithmetic and casts between the two kinds (such a
     * macro's parameters are {@code double}s, as its Java method's are), and members of the one
     * struct that has them read from a cdata or a pointer. Each macro for several arguments
     * against what a program compiled by {@code cc} prints.
     */
    @Test
    void constantMacros_areFunctionsComputingAsCcDoes_onIsthmusAndLuajit() throws Exception {
        Path header = Files.writeString(dir.resolve("macros.h"), """
                #define M_BIG 0xFFFFFFFFFFFFFFF0ULL
                #define M_F 1.25f
                #define M_STEP 5
                #define M_MIN(p, q) ((p) <= (q) ? (p) : (q))
                #define M_BETWEEN(v, lo, hi) (((v) >= (lo)) + ((v) <= (hi)) * 2)
                #define M_ODD_OR_BIG(v) ((v) % 2 != 0 || (v) > 1000)
                #define M_NEITHER(p, q) (!(p) && (q) != 3)
                #define M_LOW_BYTE(v) ((unsigned char) (v) + 1)
                #define M_SHORT(v) ((signed short) (v) - 1)
                #define M_UINT(v) ((unsigned int) (v) >> 3)
                #define M_CHARS(v) ((v) + '\\t' - 'A')
                #define M_PERMS(v) ((v) | 0644)
                #define M_STEPPED(v) ((v) * -M_STEP / 3)
                #define M_WRAP(x) ((unsigned)(x) * 65537u)
                #define M_U64(x) ((unsigned long long)(x) / 3 + M_BIG % 1000)
                #define M_U64_LESS(a, b) ((unsigned long long)(a) < (unsigned long long)(b))
                #define M_SHIFTS(x) ((unsigned long long)(x) << 40 >> 3)
                #define M_SIGNED_SHIFT(x) ((x) >> 2)
                #define M_NOT(x) (~(x) ^ 0x0F)
                #define M_BIG_PLUS(x) (M_BIG + (x))
                #define M_HALF(x) ((x) * 2.5)
                #define M_FLOAT(x) ((x) * M_F + 0.1f)
                #define M_TRUNCATE(x) ((long long) ((x) * 1.5))
                #define M_AS_FLOAT(x) ((float) (x) / 3)
                struct sample { unsigned char small; short s; unsigned u; long long big; unsigned long long ubig; float f; double d; _Bool flag; };
                #define M_SMALL_SUM(p) ((p).small + (p).s)
                #define M_U_TIMES(p) ((p).u * 3)
                #define M_BIG_HALF(p) ((p)->big / 2)
                #define M_UBIG_SEVENTH(p) ((p)->ubig / 7)
                #define M_MIXED(p) ((p).f * 2 + (p).d)
                #define M_FLAG(p) ((p).flag + 1)
                """);
        long[][] arguments = {{5, 9, 7}, {-3, 2, 1}, {300, -1, 0}, {70000, 70000, 64}, {1, 0, -70000}, {4096, 1, 1},
                {-9000000000L, 3, 5}};
        String[][] integerMacros = {{"M_MIN", "2"}, {"M_BETWEEN", "3"}, {"M_ODD_OR_BIG", "1"}, {"M_NEITHER", "2"}, {"M_LOW_BYTE", "1"},
                {"M_SHORT", "1"}, {"M_UINT", "1"}, {"M_CHARS", "1"}, {"M_PERMS", "1"}, {"M_STEPPED", "1"}, {"M_WRAP", "1"},
                {"M_U64", "1"}, {"M_U64_LESS", "2"}, {"M_SHIFTS", "1"}, {"M_SIGNED_SHIFT", "1"}, {"M_NOT", "1"},
                {"M_BIG_PLUS", "1"}, {"M_TRUNCATE", "1"}};
        String[][] floatingMacros = {{"M_HALF", "1"}, {"M_FLOAT", "1"}, {"M_AS_FLOAT", "1"}};
        StringBuilder c = new StringBuilder("#include <stdio.h>\n#include \"macros.h\"\nint main(void) {\n");
        StringBuilder lua = new StringBuilder("""
                local m = require("macros")
                local ffi = require("ffi")
                -- An integer result (a number, or a cdata beyond 2^53) as C prints its 64 bits unsigned.
                local function integer(v)
                  print((tostring(ffi.cast("uint64_t", ffi.cast("int64_t", v))):gsub("ULL$", "")))
                end
                local function floating(v)
                  print(string.format("%.17g", v))
                end
                """);
        for (long[] args : arguments) {
            for (String[][] group : List.of(integerMacros, floatingMacros)) {
                boolean isInteger = group == integerMacros;
                for (String[] call : group) {
                    List<String> cArguments = new ArrayList<>();
                    List<String> luaArguments = new ArrayList<>();
                    for (int i = 0; i < Integer.parseInt(call[1]); i++) {
                        // A macro computing in floating point takes doubles, as its Java method does.
                        cArguments.add(isInteger ? "(long long) " + args[i] + "LL" : "(double) " + args[i]);
                        luaArguments.add(Long.toString(args[i]));
                    }
                    String cCall = call[0] + "(" + String.join(", ", cArguments) + ")";
                    c.append(isInteger ? "  printf(\"%llu\\n\", (unsigned long long) " + cCall + ");\n"
                            : "  printf(\"%.17g\\n\", (double) " + cCall + ");\n");
                    lua.append(isInteger ? "integer(" : "floating(").append("m.").append(call[0]).append('(')
                            .append(String.join(", ", luaArguments)).append("))\n");
                }
            }
        }
        // Macros reading members take the one struct with them: a cdata of it in Lua, or a pointer to one.
        c.append("  struct sample s = { 200, -7, 0xF0000000u, -9, 0xFFFFFFFFFFFFFFF0ull, 1.25f, 0.1, 1 };\n");
        lua.append("local s = ffi.new(\"struct sample\", { 200, -7, 0xF0000000, -9, 0xFFFFFFFFFFFFFFF0ULL, 1.25, 0.1, true })\n")
                .append("local p = ffi.cast(\"struct sample *\", s)\n");
        for (String call : List.of("M_SMALL_SUM(s)", "M_U_TIMES(s)", "M_BIG_HALF(&s)", "M_UBIG_SEVENTH(&s)", "M_FLAG(s)")) {
            c.append("  printf(\"%llu\\n\", (unsigned long long) ").append(call).append(");\n");
            lua.append("integer(m.").append(call.replace("&s", "p")).append(")\n");
        }
        c.append("  printf(\"%.17g\\n\", (double) M_MIXED(s));\n");
        lua.append("floating(m.M_MIXED(s))\n");
        c.append("  return 0;\n}\n");
        String expected = ccOutput(c.toString());
        String report = bind("-l", "c", header.toString());
        assertTrue(!report.contains("not bound"), report);
        runOnBoth(lua.toString(), expected);
    }

    /** What a C program prints, compiled by {@code cc} with the headers written to the test's directory. */
    private String ccOutput(String program) throws Exception {
        Path source = Files.writeString(dir.resolve("program.c"), program);
        Path binary = dir.resolve("program");
        Process cc = new ProcessBuilder("cc", "-I", dir.toString(), "-o", binary.toString(), source.toString())
                .redirectErrorStream(true).start();
        String compilerOutput = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(cc.waitFor(60, TimeUnit.SECONDS) && cc.exitValue() == 0, compilerOutput);
        Process run = new ProcessBuilder(binary.toString()).redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(run.waitFor(60, TimeUnit.SECONDS) && run.exitValue() == 0, output);
        return output;
    }

    private String bind(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = Stream.concat(Stream.of("bind", "--lang", "lua", "--output", dir.toString()), Stream.of(args))
                .toArray(String[]::new);
        int status = IsthmusCli.execute(all, new PrintWriter(out), new PrintWriter(err), new ByteArrayInputStream(new byte[0]));
        assertEquals(0, status, "isthmus bind --lang lua failed:\n" + err);
        return out.toString();
    }

    private void runOnBoth(String script, String expected) throws InterruptedException {
        String chunk = "package.path = \"" + dir + "/?.lua;\" .. package.path\n" + script;
        assertEquals(expected, LuajitChunkRun.run(chunk, "bind.lua"), "on LuaJIT");
        assertEquals(expected, IsthmusChunkRun.run(chunk, "bind.lua"), "on Isthmus");
    }
}
