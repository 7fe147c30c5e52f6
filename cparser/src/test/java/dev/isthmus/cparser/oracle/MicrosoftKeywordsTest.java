package dev.isthmus.cparser.oracle;

import dev.isthmus.cparser.CScope;
import dev.isthmus.cparser.Declaration;
import dev.isthmus.cparser.abi.Abi;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Microsoft's keywords in declarations read for Win64, as Windows headers write them
 * (MinGW-w64's, with Win64's predefined macros): the sized integer types {@code __int8} to
 * {@code __int64} (signed or not), {@code __declspec}, {@code __cdecl} and {@code __forceinline}.
 * The records using them are laid out as clang for {@code x86_64-pc-windows-msvc} lays them
 * out; for the other ABIs, as for GCC, the names are ordinary identifiers.
 */
class MicrosoftKeywordsTest {
    private static final String HEADER = """
            typedef unsigned __int64 u64;
            typedef __int64 i64;
            typedef __int32 i32;
            typedef unsigned __int16 u16;
            typedef __int8 i8;
            struct sized { i8 a; u64 b; u16 c; i32 d; unsigned __int8 e; __int64 f; char g; };
            __declspec(dllimport) int __cdecl take(i64 value, u16 *out);
            __forceinline int twice(int x) { return 2 * x; }
            typedef void (__stdcall *callback)(void *);
            """;

    @Test
    void win64Declarations_withMicrosoftKeywords_areLaidOutAsClangDoes() throws Exception {
        Abi win64 = Abi.byName("win64").orElseThrow();
        CScope scope = CScope.create(win64);
        scope.declare(HEADER, "msvc.h");
        List<String> problems = LayoutCheck.compare(CompilerOracle.forAbi(win64), HEADER,
                List.of(new LayoutCheck.Named("struct sized", scope.parseType("struct sized"))));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertEquals(8, win64.sizeOf(scope.parseType("u64")));
        assertEquals(1, win64.sizeOf(scope.parseType("i8")));
        Declaration.Function take = scope.declarations().stream().filter(d -> d instanceof Declaration.Function f
                && f.name().equals("take")).map(Declaration.Function.class::cast).findFirst().orElseThrow();
        assertEquals("int (long long, unsigned short *)", dev.isthmus.cparser.type.TypeRenderer.render(take.type()));
    }

    @Test
    void otherAbis_readTheNamesAsIdentifiers() {
        CScope scope = CScope.create(Abi.byName("sysv-x86_64").orElseThrow());
        scope.declare("typedef int __int64; __int64 counter(void);", "gnu.h");
        assertEquals(4, Abi.byName("sysv-x86_64").orElseThrow().sizeOf(scope.parseType("__int64")));
    }
}
