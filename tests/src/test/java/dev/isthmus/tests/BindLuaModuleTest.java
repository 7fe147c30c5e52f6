package dev.isthmus.tests;

import dev.isthmus.codegen.IsthmusCli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    private void bind(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = Stream.concat(Stream.of("bind", "--lang", "lua", "--output", dir.toString()), Stream.of(args))
                .toArray(String[]::new);
        int status = IsthmusCli.execute(all, new PrintWriter(out), new PrintWriter(err), new ByteArrayInputStream(new byte[0]));
        assertEquals(0, status, "isthmus bind --lang lua failed:\n" + err);
    }

    private void runOnBoth(String script, String expected) throws InterruptedException {
        String chunk = "package.path = \"" + dir + "/?.lua;\" .. package.path\n" + script;
        assertEquals(expected, LuajitChunkRun.run(chunk, "bind.lua"), "on LuaJIT");
        assertEquals(expected, IsthmusChunkRun.run(chunk, "bind.lua"), "on Isthmus");
    }
}
