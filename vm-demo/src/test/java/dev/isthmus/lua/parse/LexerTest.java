package dev.isthmus.lua.parse;

import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaString;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Token values and lexical errors, with the values and messages LuaJIT 2.1 gives. */
class LexerTest {
    private static List<Token> tokens(String source) {
        Lexer lexer = new Lexer(source.getBytes(StandardCharsets.ISO_8859_1), "t");
        List<Token> out = new ArrayList<>();
        for (Token t = lexer.next(); t.kind() != TokenKind.EOF; t = lexer.next()) {
            out.add(t);
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "3|3.0", "3.5|3.5", ".5|0.5", "5.|5.0", "1e3|1000.0", "1E-2|0.01", "0x10|16.0", "0xA.8p1|21.0",
        "0x.1p4|1.0", "0X1P-1|0.5", "9007199254740993|9.007199254740992E15"})
    void next_numberLiteral_hasItsDoubleValue(String source, double expected) {
        Token t = tokens(source).getFirst();
        assertEquals(TokenKind.NUMBER, t.kind());
        assertEquals(expected, (Double) t.value());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1LL|1|false", "1ULL|1|true", "0x10LL|16|false", "0xffffffffffffffffULL|-1|true", "18446744073709551615ull|-1|true"})
    void next_int64Literal_wrapsModulo2To64(String source, long bits, boolean isUnsigned) {
        Token t = tokens(source).getFirst();
        assertEquals(TokenKind.INT64, t.kind());
        assertEquals(bits, (Long) t.value());
        assertEquals(isUnsigned, t.isUnsigned());
    }

    static Stream<Arguments> strings() {
        return Stream.of(
                Arguments.of("'a\\tb'", new int[] {97, 9, 98}),
                Arguments.of("'\\65\\066'", new int[] {65, 66}),
                Arguments.of("'\\x41\\x7a'", new int[] {65, 122}),
                Arguments.of("'a\\z   \n  b'", new int[] {97, 98}),
                Arguments.of("'\\u{48}\\u{e9}'", new int[] {72, 195, 169}),
                Arguments.of("'\\u{10FFFF}'", new int[] {244, 143, 191, 191}),
                Arguments.of("[[\nx]]", new int[] {120}),
                Arguments.of("[==[a]]b]==]", new int[] {97, 93, 93, 98}),
                Arguments.of("'\\0'", new int[] {0}),
                Arguments.of("\"it's\"", new int[] {105, 116, 39, 115}),
                Arguments.of("'a\\\nb'", new int[] {97, 10, 98}));
    }

    @ParameterizedTest
    @MethodSource("strings")
    void next_stringLiteral_hasItsBytes(String source, int[] expected) {
        Token t = tokens(source).getFirst();
        assertEquals(TokenKind.STRING, t.kind());
        byte[] bytes = new byte[expected.length];
        for (int i = 0; i < expected.length; i++) {
            bytes[i] = (byte) expected[i];
        }
        assertArrayEquals(bytes, ((LuaString) t.value()).bytes());
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("x = 'abc", "t:1: unfinished string near '<eof>'"),
                Arguments.of("x = 'abc\ny'", "t:1: unfinished string near ''abc'"),
                Arguments.of("x = 3..2", "t:1: malformed number near '3..2'"),
                Arguments.of("x = \"ab\\q\"", "t:1: invalid escape sequence near '\"ab'"),
                Arguments.of("x = \"ab\\300\"", "t:1: invalid escape sequence near '\"ab'"),
                Arguments.of("x = [==[abc", "t:1: unfinished long string near '<eof>'"),
                Arguments.of("x = 1e", "t:1: malformed number near '1e'"),
                Arguments.of("x = ~1", "t:1: unexpected symbol near '~'"));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void next_badInput_raisesLuajitsMessage(String source, String message) {
        LuaError e = assertThrows(LuaError.class, () -> tokens(source));
        assertEquals(message, e.getMessage());
    }

    static Stream<Arguments> skipped() {
        return Stream.of(Arguments.of("-- comment\nx", "x"), Arguments.of("--[[ long\ncomment ]] y", "y"),
                Arguments.of("#!/usr/bin/lua\nz", "z"), Arguments.of("--[==[ ]] ]==] w", "w"));
    }

    @ParameterizedTest
    @MethodSource("skipped")
    void next_commentsAndShebang_areSkipped(String source, String name) {
        assertEquals(name, tokens(source).getFirst().text());
    }
}
