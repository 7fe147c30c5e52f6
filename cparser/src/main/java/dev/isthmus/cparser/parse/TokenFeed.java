package dev.isthmus.cparser.parse;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenFactory;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parser's tokens handed over by a preprocessor as it writes its output, so the text
 * is not lexed a second time: each token comes with the place the lexer would find it in
 * that text (line, column, offset), and the parser sees the same token stream as if
 * {@link CDeclarationsLexer} had read the text (the preprocessor's oracle test compares
 * them for every header it checks). A token's type is the lexer's for its spelling, asked
 * once per spelling; a spelling the lexer skips ({@code __extension__}) is dropped, and
 * one it splits is handed over as its pieces. Directive lines (line markers,
 * {@code #pragma}, {@code #define}) are {@code DIRECTIVE} tokens on their channel, as the
 * lexer makes them; a line marker's token also carries the file and line it gives
 * ({@link LineMarkerToken}), which the parser then need not read back out of its text.
 *
 * <p>One thread writes ({@link #token}, {@link #directive}, then {@link #end} or
 * {@link #abandon}); another reads it as a {@link TokenSource}, waiting for tokens not yet
 * written. Tokens pass in batches, so the two rarely meet.
 */
public final class TokenFeed implements TokenSource {
    private static final int BATCH = 512;
    private static final int SKIPPED = LexerLiterals.SKIPPED;

    private final String sourceName;
    // Writer's side.
    /** Made by the writing thread on first use: its class's set-up then overlaps the parser's. */
    private CDeclarationsLexer classifier;
    /** Sized for the distinct spellings of a set of system headers' output, a few thousand. */
    private final Map<String, Integer> typeBySpelling = new HashMap<>(8192);
    private List<Token> batch = new ArrayList<>(BATCH);
    private int endLine = 1;
    private int endColumn;
    private int endOffset;
    // Shared, under this object's lock.
    private final ArrayDeque<List<Token>> batches = new ArrayDeque<>();
    private boolean ended;
    private boolean abandoned;
    // Reader's side.
    private List<Token> current = List.of();
    private int next;
    private Token eof;

    public TokenFeed(String sourceName) {
        this.sourceName = sourceName;
    }

    /** A token of the text at a 1-based line, 0-based column and offset. */
    public void token(String text, int line, int column, int offset) {
        Integer known = typeBySpelling.get(text);
        if (known == null) {
            known = classify(text);
            if (known == null) {
                split(text, line, column, offset);
                return;
            }
            typeBySpelling.put(text, known);
        }
        if (known != SKIPPED) {
            add(known, Token.DEFAULT_CHANNEL, text, line, column, offset);
        }
    }

    /** A directive line's text (without its line break), at the start of a line. */
    public void directive(String text, int line, int offset) {
        add(CDeclarationsLexer.DIRECTIVE, 2, text, line, 0, offset);
    }

    /**
     * A line marker's text ({@code # 42 "file.h"}), at the start of a line, with what it
     * says: the next line is {@code nextLine} of {@code file}. The parser takes the two from
     * the token ({@link LineMarkerToken}) instead of reading them back out of the text.
     */
    public void lineMarker(String text, int line, int offset, int nextLine, String file) {
        batched(new LineMarkerToken(text, line, offset, nextLine, file));
    }

    /** The end of the text: where the lexer would put its end-of-file token. */
    public void end(int line, int column, int offset) {
        endLine = line;
        endColumn = column;
        endOffset = offset;
        hand(true);
    }

    /** The writer failed: the reader fails too, instead of waiting. */
    public synchronized void abandon() {
        abandoned = true;
        notifyAll();
    }

    /**
     * The lexer's type for a spelling that is one default-channel token or skipped; null for
     * anything else. Keywords, punctuators and names are answered by {@link LexerLiterals}; the
     * lexer reads the rest (numbers, strings, characters).
     */
    private Integer classify(String text) {
        Optional<Integer> plain = LexerLiterals.typeOf(text);
        if (plain.isPresent()) {
            return plain.get();
        }
        if (classifier == null) {
            classifier = new CDeclarationsLexer(CharStreams.fromString(text));
            classifier.removeErrorListeners();
        } else {
            classifier.setInputStream(CharStreams.fromString(text));
        }
        Token first = classifier.nextToken();
        if (first.getType() == Token.EOF) {
            return SKIPPED;
        }
        if (first.getChannel() != Token.DEFAULT_CHANNEL || first.getStopIndex() != text.length() - 1) {
            return null;
        }
        return first.getType();
    }

    /** A spelling the lexer reads as several tokens, or as one off the default channel: handed over as it reads them. */
    private void split(String text, int line, int column, int offset) {
        classifier.setInputStream(CharStreams.fromString(text));
        for (Token t = classifier.nextToken(); t.getType() != Token.EOF; t = classifier.nextToken()) {
            add(t.getType(), t.getChannel(), t.getText(), line, column + t.getStartIndex(), offset + t.getStartIndex());
        }
    }

    private void add(int type, int channel, String text, int line, int column, int offset) {
        batched(new FedToken(type, channel, text, line, column, offset));
    }

    private void batched(Token token) {
        batch.add(token);
        if (batch.size() == BATCH) {
            hand(false);
        }
    }

    private synchronized void hand(boolean last) {
        if (!batch.isEmpty()) {
            batches.add(batch);
            batch = new ArrayList<>(BATCH);
        }
        ended |= last;
        notifyAll();
    }

    @Override
    public Token nextToken() {
        if (next == current.size()) {
            List<Token> more = waitForBatch();
            if (more == null) {
                return endOfFile();
            }
            current = more;
            next = 0;
        }
        return current.get(next++);
    }

    private synchronized List<Token> waitForBatch() {
        while (batches.isEmpty() && !ended && !abandoned) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the preprocessor", e);
            }
        }
        if (abandoned) {
            throw new FeedAbandonedException();
        }
        return batches.poll();
    }

    private Token endOfFile() {
        if (eof == null) {
            CommonToken token = new CommonToken(Token.EOF, "<EOF>");
            token.setLine(endLine);
            token.setCharPositionInLine(endColumn);
            token.setStartIndex(endOffset);
            token.setStopIndex(endOffset - 1);
            eof = token;
        }
        return eof;
    }

    /** Thrown to the reading thread when the writer gave up; whoever started both reports the writer's failure. */
    public static final class FeedAbandonedException extends RuntimeException {
        FeedAbandonedException() {
            super("the preprocessor failed", null, false, false);
        }
    }

    @Override
    public int getLine() {
        return current.isEmpty() || next == 0 ? 1 : current.get(next - 1).getLine();
    }

    @Override
    public int getCharPositionInLine() {
        return current.isEmpty() || next == 0 ? 0 : current.get(next - 1).getCharPositionInLine();
    }

    @Override
    public CharStream getInputStream() {
        return null;
    }

    @Override
    public String getSourceName() {
        return sourceName;
    }

    @Override
    public void setTokenFactory(TokenFactory<?> factory) {
        // Tokens are made here, not by a factory.
    }

    @Override
    public TokenFactory<?> getTokenFactory() {
        return CommonTokenFactory.DEFAULT;
    }
}
