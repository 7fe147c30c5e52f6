package dev.isthmus.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code isthmus cdecl} run in-process: text and JSON output, options, errors and exit codes. */
class CdeclCommandTest {
    static final String DECLARATIONS = """
            struct packet { char tag; int length; unsigned flags : 3; unsigned : 0; unsigned char kind : 4;
                            union { int i; float f; }; struct { short a, b; } pair; double value; };
            typedef struct { int x, y; } point_t;
            typedef struct packet packet_t;
            enum color { RED, GREEN = 5, BLUE };
            struct opaque;
            typedef long word;
            """;

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    static Run run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = IsthmusCli.execute(args, new PrintWriter(out), new PrintWriter(err),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        return new Run(status, out.toString(), err.toString());
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void text_forAStructWithBitfieldsAndHoles_readsLikePahole() throws Exception {
        Run r = run("", "cdecl", "--abi", "sysv-x86_64", "--only", "^struct packet$", write("p.h", DECLARATIONS).toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("struct packet {\n    char tag;"), r.out());
        assertTrue(r.out().contains("/* XXX 3 bytes hole, try to pack */"), r.out());
        assertTrue(r.out().contains("unsigned int flags : 3;"), r.out());
        assertTrue(r.out().contains("/*     8:0     4 */"), r.out());
        assertTrue(r.out().contains("} pair;"), r.out());
        assertTrue(r.out().contains("/* size: 32, cachelines: 1, members: 7 */\n    /* align: 8 */\n"), r.out());
    }

    @Test
    void json_hasTheDocumentedShape() throws Exception {
        Run r = run("", "cdecl", "--json", "--abi", "sysv-x86_64", write("p.h", DECLARATIONS).toString());
        assertEquals(0, r.status(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("sysv-x86_64", root.get("abi").asText());
        JsonNode packet = root.get("types").get(0);
        assertEquals("struct packet", packet.get("name").asText());
        assertEquals("struct", packet.get("kind").asText());
        assertEquals(32, packet.get("size").asInt());
        assertEquals(8, packet.get("align").asInt());
        JsonNode fields = packet.get("fields");
        assertEquals("tag", fields.get(0).get("name").asText());
        assertEquals("char", fields.get(0).get("type").asText());
        assertEquals(4, fields.get(1).get("offset").asInt());
        assertEquals(64, fields.get(2).get("bitOffset").asInt());
        assertEquals(3, fields.get(2).get("bitWidth").asInt());
        JsonNode anonymous = fields.get(5);
        assertTrue(anonymous.get("name").isNull());
        assertEquals("f", anonymous.get("fields").get(1).get("name").asText());
        assertEquals(16, anonymous.get("fields").get(1).get("offset").asInt(), "offsets count from the outermost struct");
        // pahole's holes: 3 bytes after tag, 29 bits after flags, 4 bits and 3 bytes after kind.
        assertEquals("[{\"offset\":1,\"size\":3},{\"offset\":13,\"size\":3}]", packet.get("holes").toString());
        assertEquals("[{\"bitOffset\":67,\"bits\":29},{\"bitOffset\":100,\"bits\":4}]", packet.get("bitHoles").toString());
        assertEquals(0, packet.get("padding").asInt());
        assertEquals(0, packet.get("bitPadding").asInt());
        assertEquals(1, packet.get("cachelines").asInt());
        assertFalse(anonymous.has("holes"), "an anonymous union's members leave no holes between them");
        JsonNode names = root.get("types");
        assertEquals("point_t", names.get(1).get("name").asText());
        assertFalse(names.get(1).has("typedefOf"));
        assertEquals("struct packet", names.get(2).get("typedefOf").asText());
        assertEquals("enum color", names.get(3).get("name").asText());
        assertEquals(6, names.get(3).get("constants").get(2).get("value").asInt());
        assertEquals("struct opaque", names.get(4).get("name").asText());
        assertFalse(names.get(4).get("complete").asBoolean());
        assertEquals(5, names.size(), "typedefs of non-record types are not reported");
    }

    @Test
    void abi_win64_isLlp64() throws Exception {
        Run r = run("struct s { long a; long double b; };", "cdecl", "--json", "--abi", "win64");
        JsonNode s = new ObjectMapper().readTree(r.out()).get("types").get(0);
        assertEquals(16, s.get("size").asInt(), r.out());
        assertEquals(8, s.get("fields").get(1).get("offset").asInt());
    }

    @Test
    void preprocess_passesIncludeDirectoriesAndDefinitions() throws Exception {
        Path include = Files.createDirectories(dir.resolve("inc"));
        Files.writeString(include.resolve("inner.h"), "struct inner { WIDTH_TYPE v[COUNT]; };\n");
        Path header = write("outer.h", "#include <inner.h>\n#include <stdint.h>\nstruct outer { struct inner i; uint8_t tail; };\n");
        Run r = run("", "cdecl", "--json", "--preprocess", "-I", include.toString(), "-D", "COUNT=3",
                "-DWIDTH_TYPE=short", "--only", "^struct (inner|outer)$", header.toString());
        assertEquals(0, r.status(), r.err());
        JsonNode types = new ObjectMapper().readTree(r.out()).get("types");
        assertEquals(2, types.size(), r.out());
        assertEquals(6, types.get(0).get("size").asInt());
        assertEquals(8, types.get(1).get("size").asInt());
    }

    @Test
    void standardInput_isReadWithoutFiles() {
        Run r = run("struct s { char c; double d; };", "cdecl");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("double d;"), r.out());
    }

    @Test
    void cErrors_printPositionsAndExitWith1() throws Exception {
        Path bad = write("bad.h", "struct ok { int x; };\nint y\nint z;\nfoo_t w;\n");
        Run r = run("", "cdecl", bad.toString());
        assertEquals(1, r.status());
        assertEquals(bad + ":3:1: error: expected ';' after declaration near 'int'\n"
                + bad + ":4:1: error: unknown type name 'foo_t' near 'foo_t'\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void missingFile_exitsWith3AndNoStackTrace() {
        Run r = run("", "cdecl", dir.resolve("nope.h").toString());
        assertEquals(3, r.status());
        assertEquals("isthmus: cannot read '" + dir.resolve("nope.h") + "': no such file\n", r.err());
    }

    @Test
    void preprocessorFailure_exitsWith3WithCcsMessage() throws Exception {
        Run r = run("", "cdecl", "--preprocess", write("x.h", "#include <no_such_header_here.h>\n").toString());
        assertEquals(3, r.status());
        assertTrue(r.err().contains("no_such_header_here.h"), r.err());
    }

    @Test
    void usageErrors_exitWith2() {
        assertEquals(2, run("", "cdecl", "--no-such-option").status());
        Run badAbi = run("", "cdecl", "--abi", "vax");
        assertEquals(2, badAbi.status());
        assertTrue(badAbi.err().contains("unknown ABI 'vax'"), badAbi.err());
        assertEquals(2, run("", "cdecl", "--only", "(").status());
        assertEquals(2, run("").status());
    }

    @Test
    void typedefNames_areShownAsWritten_layoutUnchanged() throws Exception {
        String text = "typedef unsigned long size_t; typedef long long off_t64;\n"
                + "struct buf { const size_t n; off_t64 len, *lens[2]; size_t (*f)(unsigned long); unsigned long raw;"
                + " int (*g)(const size_t, off_t64 *); };\n";
        Run r = run(text, "cdecl", "--abi", "sysv-x86_64");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("    const size_t n;  "), r.out());
        assertTrue(r.out().contains("    off_t64 len;  "), r.out());
        assertTrue(r.out().contains("    off_t64 *lens[2];  "), r.out());
        assertTrue(r.out().contains("    size_t (*f)(unsigned long);  "), "a parameter keeps its own spelling:\n" + r.out());
        assertTrue(r.out().contains("    unsigned long raw;  "), "the same type spelled without the typedef:\n" + r.out());
        assertTrue(r.out().contains("    int (*g)(size_t, off_t64 *);  "), "parameters keep their typedefs, as pahole shows them:\n"
                + r.out());
        JsonNode fields = new ObjectMapper().readTree(run(text, "cdecl", "--json").out()).get("types").get(0).get("fields");
        assertEquals("const size_t", fields.get(0).get("type").asText());
        assertEquals("off_t64 *[2]", fields.get(2).get("type").asText());
        assertEquals(16, fields.get(2).get("offset").asInt());
        assertEquals("unsigned long", fields.get(4).get("type").asText());
    }

    @Test
    void bitPositions_textIsJsonsOffsetUnitBitAndSize() throws Exception {
        Run text = run("", "cdecl", "--abi", "sysv-x86_64", "--only", "^struct packet$", write("p.h", DECLARATIONS).toString());
        Run json = run("", "cdecl", "--json", "--abi", "sysv-x86_64", "--only", "^struct packet$", dir.resolve("p.h").toString());
        JsonNode fields = new ObjectMapper().readTree(json.out()).get("types").get(0).get("fields");
        int bitfields = 0;
        for (JsonNode field : fields) {
            if (field.has("bitWidth") && !field.get("name").isNull()) {
                long offset = field.get("offset").asLong();
                long unitBit = field.get("unitBitOffset").asLong();
                assertEquals(field.get("bitOffset").asLong(), 8 * offset + unitBit);
                String comment = String.format("/* %5d:%-2d %4d */", offset, unitBit, field.get("size").asLong());
                assertTrue(text.out().contains(field.get("name").asText() + " : " + field.get("bitWidth").asInt() + ";"), text.out());
                assertTrue(text.out().contains(comment), comment + " in\n" + text.out());
                bitfields++;
            }
        }
        assertEquals(2, bitfields);
    }

    @Test
    void onlyFrom_keepsTheTypesOfTheNamedHeader() throws Exception {
        Path header = write("mine.h", "#include <time.h>\nstruct mine { struct tm when; int n; };\ntypedef struct mine mine_t;\n");
        for (String wanted : List.of(header.toString(), "mine.h")) {
            Run r = run("", "cdecl", "--json", "--preprocess", "--only-from", wanted, header.toString());
            assertEquals(0, r.status(), r.err());
            List<String> names = new ArrayList<>();
            new ObjectMapper().readTree(r.out()).get("types").forEach(t -> names.add(t.get("name").asText()));
            assertEquals(List.of("struct mine", "mine_t"), names, wanted);
        }
        Run all = run("", "cdecl", "--json", "--preprocess", header.toString());
        assertTrue(all.out().contains("\"struct tm\""), "without --only-from, time.h's types are listed");
        Run none = run("", "cdecl", "--json", "--preprocess", "--only-from", "other.h", header.toString());
        assertEquals("{\"abi\": \"" + new ObjectMapper().readTree(none.out()).get("abi").asText() + "\", \"types\": []}\n", none.out());
    }

    @Test
    void include_withoutPreprocess_saysToUseIt() {
        Run r = run("struct a { int x; };\n  #  include <stdio.h>\n#ifdef X\n#endif\n", "cdecl");
        assertEquals(1, r.status());
        assertEquals("<stdin>:2:6: error: '#include' needs the C preprocessor: run again with --preprocess near 'include'\n"
                + "<stdin>:3:2: error: '#ifdef' needs the C preprocessor: run again with --preprocess near 'ifdef'\n"
                + "<stdin>:4:2: error: '#endif' needs the C preprocessor: run again with --preprocess near 'endif'\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void define_usedInADeclaration_worksWithoutPreprocess() throws Exception {
        Run r = run("#define NAME_LEN 12\n#define COUNT (NAME_LEN / 4 + 1)\nstruct rec { char name[NAME_LEN]; int v[COUNT]; };\n",
                "cdecl", "--json", "--abi", "sysv-x86_64");
        assertEquals(0, r.status(), r.err());
        JsonNode rec = new ObjectMapper().readTree(r.out()).get("types").get(0);
        assertEquals(28, rec.get("size").asInt(), "char[12] then int[4], as cc lays them out");
        assertEquals("int [4]", rec.get("fields").get(1).get("type").asText());
    }

    @Test
    void help_listsEveryExitStatus_inOneWrapping() {
        Run r = run("", "cdecl", "--help");
        assertEquals(0, r.status());
        for (ExitCode code : ExitCode.values()) {
            assertTrue(r.out().contains("\n  " + code.status() + " "), code + " in\n" + r.out());
        }
        for (String line : r.out().lines().toList()) {
            assertTrue(line.length() <= 80, "wrapped once, to 80 columns: " + line);
        }
        assertTrue(r.out().contains("(and every typedef\nnaming one) in C declarations"), "the description is one paragraph:\n" + r.out());
    }
}
