package dev.isthmus.cparser.preprocess;

import dev.isthmus.cparser.CScope;
import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.layout.FieldLayout;
import dev.isthmus.cparser.layout.StructLayout;
import dev.isthmus.cparser.oracle.HeaderLayouts;
import dev.isthmus.cparser.oracle.LayoutCheck;
import dev.isthmus.cparser.parse.CDeclarationsLexer;
import dev.isthmus.cparser.parse.TokenFeed;
import dev.isthmus.cparser.type.RecordType;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #13's oracle for the built-in preprocessor: for every system header the layout
 * tests use (plain and with {@code _GNU_SOURCE}), OpenSSL's, libcurl's, libpng's and
 * libxml2's main headers, and every native-test-libs header, the
 * tokens it produces are {@code cc -E -P}'s, token for token (whitespace aside); and the
 * scope parsed from its text (line markers and {@code #define} lines kept) has the same
 * records with the same layouts as the scope parsed from {@code cc -E -dD}'s text.
 */
class PreprocessorOracleTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.isthmus.cparser.oracle.HeaderLayouts#systemHeaders")
    void systemHeader_tokensAndLayouts_matchCc(String header) throws Exception {
        String program = "#include <" + header + ">\n";
        for (List<String> defines : List.of(List.<String>of(), List.of("_GNU_SOURCE"))) {
            checkAgainstCc(program, List.of(), defines);
        }
    }

    /** The third-party headers the launcher installs for the tests (OpenSSL, libcurl, libpng, libxml2). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"openssl/ssl.h", "openssl/evp.h", "curl/curl.h", "png.h", "libxml/parser.h", "libxml/xpath.h"})
    void thirdPartyHeader_tokensAndLayouts_matchCc(String header) throws Exception {
        checkAgainstCc("#include <" + header + ">\n", List.of(Path.of("/usr/include/libxml2")), List.of());
    }

    @Test
    void nativeTestLibsHeaders_tokensAndLayouts_matchCc() throws Exception {
        Path dir = Path.of(System.getProperty("isthmus.nativeHeaders"));
        List<Path> headers;
        try (Stream<Path> files = Files.list(dir)) {
            headers = files.filter(p -> p.toString().endsWith(".h")).sorted().toList();
        }
        assertTrue(headers.size() >= 3, "native-test-libs headers in " + dir);
        for (Path header : headers) {
            checkAgainstCc("#include \"" + header.getFileName() + "\"\n", List.of(dir), List.of());
        }
    }

    static void checkAgainstCc(String program, List<Path> includes, List<String> defines) throws Exception {
        List<String> flags = new ArrayList<>();
        includes.forEach(dir -> flags.add("-I" + dir));
        defines.forEach(d -> flags.add("-D" + d));
        String what = program.strip() + " " + flags;
        PreprocessorOptions options = PreprocessorOptions.host(Abi.host()).withIncludeDirectories(includes)
                .withDefinitions(defines, List.of());

        List<String> expected = tokens(ccPreprocess(program, concat(flags, List.of("-P"))));
        List<String> actual = tokens(CPreprocessor.create(options).preprocessWithoutLineMarkers(program, "input.c").text());
        assertTokensEqual(expected, actual, what);

        String ours = CPreprocessor.create(options.keepingDefinitions(true)).preprocess(program, "input.c").text();
        String theirs = ccPreprocess(program, concat(flags, List.of("-dD")));
        Map<String, String> expectedLayouts = layouts(theirs);
        assertEquals(expectedLayouts, layouts(ours), what + ": layouts");

        // The tokens handed to the parser as they are written are those the lexer reads in the text.
        TokenFeed feed = new TokenFeed("input.c");
        String fedText = CPreprocessor.create(options.keepingDefinitions(true)).preprocess(program, "input.c", feed).text();
        assertEquals(lexed(fedText), fed(feed), what + ": tokens handed to the parser");

        // Preprocessing and parsing in step (the parser taking the tokens as they are written)
        // gives the same text and the same layouts.
        CScope inStep = CScope.create(Abi.host());
        String inStepText = CPreprocessor.create(options.keepingDefinitions(true)).preprocessAndDeclare(program, "input.c", inStep).text();
        assertEquals(ours, inStepText, what + ": text preprocessed in step with the parse");
        assertEquals(expectedLayouts, layouts(inStep), what + ": layouts parsed in step with the preprocessor");
        // Each declaration is placed where the text's line markers place it, though the parser
        // in step takes the markers' files and lines from the feed, not from their text.
        CScope fromText = CScope.create(Abi.host());
        fromText.declare(ours, "input.c");
        assertEquals(positions(fromText), positions(inStep), what + ": declarations' positions parsed in step");
    }

    /** Each declaration's name and file:line:column, in order. */
    private static List<String> positions(CScope scope) {
        return scope.declarations().stream().map(d -> d.name() + " " + d.position()).toList();
    }

    static String ccPreprocess(String program, List<String> flags) throws Exception {
        return HeaderLayouts.preprocess(program, flags);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The preprocessing tokens of text, line markers dropped. */
    static List<String> tokens(String text) {
        List<String> result = new ArrayList<>();
        List<PpToken> all = PpLexer.tokenize(text, "t");
        for (int i = 0; i < all.size(); i++) {
            PpToken t = all.get(i);
            if (t.startsLine() && t.is("#") && i + 1 < all.size() && all.get(i + 1).kind() == PpToken.Kind.NUMBER
                    && !all.get(i + 1).startsLine()) {
                while (i + 1 < all.size() && !all.get(i + 1).startsLine()) {
                    i++;
                }
                continue;
            }
            if (!t.isEnd()) {
                result.add(t.text());
            }
        }
        return result;
    }

    static void assertTokensEqual(List<String> expected, List<String> actual, String what) {
        int n = Math.min(expected.size(), actual.size());
        for (int i = 0; i < n; i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                throw new AssertionError(what + ": token " + i + " differs\n  cc -E -P: ..." + window(expected, i)
                        + "\n  ours:     ..." + window(actual, i));
            }
        }
        assertEquals(expected.size(), actual.size(), what + ": token count (tail of the longer: "
                + window(expected.size() > n ? expected : actual, n) + ")");
    }

    private static String window(List<String> tokens, int at) {
        return String.join(" ", tokens.subList(Math.max(0, at - 12), Math.min(tokens.size(), at + 12)));
    }

    /** Every token the parser's lexer reads in text, with its place, as a line of text. */
    private static List<String> lexed(String text) {
        CDeclarationsLexer lexer = new CDeclarationsLexer(CharStreams.fromString(text));
        List<String> tokens = new ArrayList<>();
        for (Token t = lexer.nextToken(); ; t = lexer.nextToken()) {
            tokens.add(describe(t));
            if (t.getType() == Token.EOF) {
                return tokens;
            }
        }
    }

    private static List<String> fed(TokenFeed feed) {
        List<String> tokens = new ArrayList<>();
        for (Token t = feed.nextToken(); ; t = feed.nextToken()) {
            tokens.add(describe(t));
            if (t.getType() == Token.EOF) {
                return tokens;
            }
        }
    }

    private static String describe(Token t) {
        return t.getType() + "/" + t.getChannel() + " " + t.getLine() + ":" + t.getCharPositionInLine() + " " + t.getStartIndex()
                + "-" + t.getStopIndex() + " " + (t.getType() == Token.EOF ? "" : t.getText());
    }

    /** Each complete named record's size, alignment and members' offsets and bit positions. */
    private static Map<String, String> layouts(String text) {
        CScope scope = CScope.create(Abi.host());
        scope.declare(text, "input.c");
        return layouts(scope);
    }

    private static Map<String, String> layouts(CScope scope) {
        Map<String, String> result = new TreeMap<>();
        for (LayoutCheck.Named named : HeaderLayouts.namedRecords(scope)) {
            LayoutCheck.recordOf(named.type()).ifPresent(record -> result.put(named.spelling(), describe(scope, record)));
        }
        return result;
    }

    private static String describe(CScope scope, RecordType record) {
        StructLayout layout = scope.abi().layoutOf(record);
        StringBuilder s = new StringBuilder().append(layout.byteSize()).append('/').append(layout.byteAlignment());
        for (FieldLayout f : layout.fields()) {
            s.append(' ').append(f.name().orElse("?")).append('@').append(f.byteOffset());
            f.bitField().ifPresent(b -> s.append(':').append(b));
        }
        return s.toString();
    }
}
