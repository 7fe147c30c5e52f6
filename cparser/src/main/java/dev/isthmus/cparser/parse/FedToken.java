package dev.isthmus.cparser.parse;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.WritableToken;

/**
 * A token handed over by a preprocessor ({@link TokenFeed}): its type, text, channel and
 * place in the preprocessed text, all given when it is made. Lighter than ANTLR's
 * {@code CommonToken} (no token source or stop index stored, no setters called one by one),
 * since a set of system headers hands over tens of thousands, each made on a cold start. Its
 * type may still change ({@link TypedefNameClassifier} tells typedef names from others), and
 * the token stream numbers it; like the {@code CommonToken}s made from text alone before, it
 * has no token source or input stream.
 */
final class FedToken implements WritableToken {
    private String text;
    private int type;
    private int line;
    private int column;
    private int channel;
    private final int startIndex;
    private int tokenIndex = -1;

    FedToken(int type, int channel, String text, int line, int column, int startIndex) {
        this.type = type;
        this.channel = channel;
        this.text = text;
        this.line = line;
        this.column = column;
        this.startIndex = startIndex;
    }

    @Override
    public String getText() {
        return text;
    }

    @Override
    public int getType() {
        return type;
    }

    @Override
    public int getLine() {
        return line;
    }

    @Override
    public int getCharPositionInLine() {
        return column;
    }

    @Override
    public int getChannel() {
        return channel;
    }

    @Override
    public int getTokenIndex() {
        return tokenIndex;
    }

    @Override
    public int getStartIndex() {
        return startIndex;
    }

    /** The offset of its last character: the text is the input's, so it ends where its length says. */
    @Override
    public int getStopIndex() {
        return startIndex + text.length() - 1;
    }

    @Override
    public TokenSource getTokenSource() {
        return null;
    }

    @Override
    public CharStream getInputStream() {
        return null;
    }

    @Override
    public void setText(String text) {
        this.text = text;
    }

    @Override
    public void setType(int type) {
        this.type = type;
    }

    @Override
    public void setLine(int line) {
        this.line = line;
    }

    @Override
    public void setCharPositionInLine(int position) {
        this.column = position;
    }

    @Override
    public void setChannel(int channel) {
        this.channel = channel;
    }

    @Override
    public void setTokenIndex(int index) {
        this.tokenIndex = index;
    }

    /** As {@code CommonToken} shows itself, for diagnostics and debugging. */
    @Override
    public String toString() {
        return "[@" + tokenIndex + "," + startIndex + ":" + getStopIndex() + "='" + text + "',<" + type + ">"
                + (channel > 0 ? ",channel=" + channel : "") + "," + line + ":" + column + "]";
    }
}
