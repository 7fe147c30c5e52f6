package dev.isthmus.cparser.parse;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenFactory;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;

import java.util.ArrayDeque;
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
    /**
     * Each spelling's type once known, by open addressing: the preprocessor hands over one
     * instance per spelling, found here by its cached hash and compared by reference first, with
     * no boxed type or map node per lookup (one a token). Sized for the distinct spellings of a
     * set of system headers' output, a few thousand, and grown at half full.
     */
    private String[] spellings = new String[8192];
    private int[] types = new int[8192];
    private int spellingCount;
    /**
     * The batch being filled, an array rather than a list: each token passes through it and
     * then through {@link #current} on the other side, and a call through {@code List} is one
     * C1 cannot inline (it has many implementations), two such calls a token.
     */
    private Token[] batch = new Token[BATCH];
    private int batchSize;
    private int endLine = 1;
    private int endColumn;
    private int endOffset;
    // Shared, under this object's lock.
    private final ArrayDeque<Token[]> batches = new ArrayDeque<>();
    private boolean ended;
    private boolean abandoned;
    // Reader's side.
    private Token[] current = new Token[0];
    private int next;
    private Token eof;

    public TokenFeed(String sourceName) {
        this.sourceName = sourceName;
    }

    /** A token of the text at a 1-based line, 0-based column and offset. */
    public void token(String text, int line, int column, int offset) {
        int mask = spellings.length - 1;
        int slot = spread(text.hashCode()) & mask;
        for (String s = spellings[slot]; s != null; s = spellings[slot]) {
            if (s == text || s.equals(text)) {
                int type = types[slot];
                if (type != SKIPPED) {
                    add(type, Token.DEFAULT_CHANNEL, text, line, column, offset);
                }
                return;
            }
            slot = (slot + 1) & mask;
        }
        firstToken(text, line, column, offset);
    }

    /** A spelling not handed over before: typed (once), or split when the lexer reads it as several tokens. */
    private void firstToken(String text, int line, int column, int offset) {
        Integer type = classify(text);
        if (type == null) {
            split(text, line, column, offset);
            return;
        }
        remember(text, type);
        if (type != SKIPPED) {
            add(type, Token.DEFAULT_CHANNEL, text, line, column, offset);
        }
    }

    private void remember(String text, int type) {
        if (++spellingCount * 2 > spellings.length) {
            String[] oldSpellings = spellings;
            int[] oldTypes = types;
            spellings = new String[oldSpellings.length * 2];
            types = new int[spellings.length];
            for (int i = 0; i < oldSpellings.length; i++) {
                if (oldSpellings[i] != null) {
                    insert(oldSpellings[i], oldTypes[i]);
                }
            }
        }
        insert(text, type);
    }

    /** Spreads the high bits of a hash into the low ones, which short spellings leave alike. */
    private static int spread(int hash) {
        return hash ^ (hash >>> 16) ^ (hash >>> 7);
    }

    private void insert(String text, int type) {
        int mask = spellings.length - 1;
        int slot = spread(text.hashCode()) & mask;
        while (spellings[slot] != null) {
            slot = (slot + 1) & mask;
        }
        spellings[slot] = text;
        types[slot] = type;
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
        batch[batchSize++] = token;
        if (batchSize == BATCH) {
            hand(false);
        }
    }

    private synchronized void hand(boolean last) {
        if (batchSize > 0) {
            batches.add(batchSize == BATCH ? batch : java.util.Arrays.copyOf(batch, batchSize));
            batch = new Token[BATCH];
            batchSize = 0;
        }
        ended |= last;
        notifyAll();
    }

    @Override
    public Token nextToken() {
        if (next == current.length) {
            Token[] more = waitForBatch();
            if (more == null) {
                return endOfFile();
            }
            current = more;
            next = 0;
        }
        return current[next++];
    }

    private synchronized Token[] waitForBatch() {
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
        return next == 0 ? 1 : current[next - 1].getLine();
    }

    @Override
    public int getCharPositionInLine() {
        return next == 0 ? 0 : current[next - 1].getCharPositionInLine();
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
