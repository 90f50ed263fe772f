package io.flowgate.domain.flow.language.json;

/** Text that is not JSON as RFC 8259 defines it, or that exceeds the parser's limits. */
public final class JsonSyntaxException extends RuntimeException {

    private final int line;
    private final int column;

    JsonSyntaxException(String problem, int line, int column) {
        super(problem + " at line " + line + ", column " + column, null, false, false);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
