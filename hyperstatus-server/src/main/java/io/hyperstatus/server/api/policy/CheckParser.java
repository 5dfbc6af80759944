package io.hyperstatus.server.api.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Parses check strings of oslo.policy's rule language into {@link Check} trees.
 *
 * <p>oslo.policy's language is specific to OpenStack and no maintained Java library implements it, so this is
 * a small recursive-descent parser written for it. Grammar, lowest precedence first (as in oslo.policy:
 * {@code not} binds tighter than {@code and}, which binds tighter than {@code or}):
 *
 * <pre>
 *   rule    := ""  |  or
 *   or      := and ("or" and)*
 *   and     := not ("and" not)*
 *   not     := "not" not  |  primary
 *   primary := "(" or ")"  |  check
 *   check   := "@"  |  "!"  |  kind ":" match
 * </pre>
 *
 * <p>Tokens are split as oslo.policy splits them: at white space, then opening parentheses are peeled off the
 * front of a word and closing ones off its end. That keeps {@code project_id:%(project_id)s} one word.
 * Keywords are case-insensitive. Where oslo.policy would log an unparsable rule and quietly deny, this parser
 * throws, so a mistake is reported when the rules are loaded instead of surfacing later as a 403.
 */
public final class CheckParser {
    private enum Kind { OPEN, CLOSE, AND, OR, NOT, CHECK, END }

    private record Token(Kind kind, String text, int position) {
        String describe() {
            return kind == Kind.END ? "the end of the rule" : "'" + text + "' at position " + position;
        }
    }

    private final String source;
    private final List<Token> tokens;
    private int next;

    private CheckParser(String source) {
        this.source = source;
        this.tokens = tokenize(source);
    }

    /** Parses one check string; the empty (or blank) string always passes, as in oslo.policy. */
    public static Check parse(String checkString) {
        return new CheckParser(checkString).parseRule();
    }

    private Check parseRule() {
        if (peek().kind() == Kind.END) {
            return Check.ALWAYS;
        }
        Check check = parseOr();
        Token extra = peek();
        if (extra.kind() != Kind.END) {
            throw error(extra.kind() == Kind.CLOSE ? "unbalanced " + extra.describe()
                    : "expected 'and' or 'or' but found " + extra.describe());
        }
        return check;
    }

    private Check parseOr() {
        return parseJoined(Kind.OR, Check.Joiner.OR, this::parseAnd);
    }

    private Check parseAnd() {
        return parseJoined(Kind.AND, Check.Joiner.AND, this::parseNot);
    }

    /** {@code operand (keyword operand)*}: a single operand stands for itself, several are joined. */
    private Check parseJoined(Kind keyword, Check.Joiner joiner, Supplier<Check> operand) {
        List<Check> operands = new ArrayList<>();
        operands.add(operand.get());
        while (peek().kind() == keyword) {
            next++;
            operands.add(operand.get());
        }
        return operands.size() == 1 ? operands.get(0) : new Check.Joined(joiner, operands);
    }

    private Check parseNot() {
        if (peek().kind() == Kind.NOT) {
            next++;
            return new Check.Not(parseNot());
        }
        return parsePrimary();
    }

    private Check parsePrimary() {
        Token token = tokens.get(next++);
        switch (token.kind()) {
            case OPEN -> {
                Check inner = parseOr();
                Token close = peek();
                if (close.kind() != Kind.CLOSE) {
                    throw error("missing ')' for the '(' at position " + token.position()
                            + (close.kind() == Kind.END ? "" : "; found " + close.describe()));
                }
                next++;
                return inner;
            }
            case CHECK -> {
                return check(token);
            }
            default -> throw error("expected a check but found " + token.describe());
        }
    }

    private Check check(Token token) {
        String text = token.text();
        if (text.equals("@")) {
            return Check.ALWAYS;
        }
        if (text.equals("!")) {
            return Check.NEVER;
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw error("'" + text + "' at position " + token.position()
                    + " is not a check (expected kind:match, '@' or '!')");
        }
        String kind = text.substring(0, colon);
        String match = text.substring(colon + 1);
        if (kind.isEmpty() || match.isEmpty()) {
            throw error("'" + text + "' at position " + token.position() + " needs both a kind and a match");
        }
        return switch (kind) {
            case "role" -> new Check.Role(match);
            case "rule" -> new Check.Rule(match);
            case "http", "https" -> throw error("'" + text + "' at position " + token.position()
                    + ": remote http(s) checks are not supported");
            default -> new Check.Generic(kind, match);
        };
    }

    private Token peek() {
        return tokens.get(next);
    }

    private PolicyParseException error(String reason) {
        return new PolicyParseException("cannot parse \"" + source + "\": " + reason);
    }

    private static List<Token> tokenize(String source) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            if (Character.isWhitespace(source.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < source.length() && !Character.isWhitespace(source.charAt(i))) {
                i++;
            }
            word(source, start, i, tokens);
        }
        tokens.add(new Token(Kind.END, "", source.length() + 1));
        return tokens;
    }

    /** Splits one white-space-delimited word [start, end) into leading '(', the word itself, trailing ')'. */
    private static void word(String source, int start, int end, List<Token> tokens) {
        while (start < end && source.charAt(start) == '(') {
            tokens.add(new Token(Kind.OPEN, "(", start + 1));
            start++;
        }
        int coreEnd = end;
        while (coreEnd > start && source.charAt(coreEnd - 1) == ')') {
            coreEnd--;
        }
        if (coreEnd > start) {
            String core = source.substring(start, coreEnd);
            Kind kind = switch (core.toLowerCase(Locale.ROOT)) {
                case "and" -> Kind.AND;
                case "or" -> Kind.OR;
                case "not" -> Kind.NOT;
                default -> Kind.CHECK;
            };
            tokens.add(new Token(kind, core, start + 1));
        }
        for (int p = coreEnd; p < end; p++) {
            tokens.add(new Token(Kind.CLOSE, ")", p + 1));
        }
    }
}
