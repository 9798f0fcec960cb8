package dev.ferrule.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One Rust source file as tokens with line numbers, and its comments apart. This is the "light
 * scan" the source rules read: no macro expansion, no name resolution, no types. It knows
 * enough of the lexical grammar (nested block comments, raw and byte strings, char literals
 * against lifetimes) that text inside strings and comments never looks like code.
 */
public final class RustSource {

    /** What a token is. Punctuation is one character per token: {@code ::} is two. */
    public enum Kind {
        IDENT, PUNCT, STRING, CHAR, NUMBER, LIFETIME
    }

    /**
     * @param text for strings, the contents between the quotes (escapes left as written)
     */
    public record Token(Kind kind, String text, int line) {
        boolean is(String value) {
            return kind != Kind.STRING && kind != Kind.CHAR && text.equals(value);
        }
    }

    /** A comment; {@code line} is where it starts. */
    public record Comment(String text, int line) {
    }

    /**
     * A {@code fn} item or a function written inside a macro call that looks like one.
     *
     * @param nameIndex    the index of the name token
     * @param paramsOpen   the index of the {@code (} of the parameters
     * @param bodyOpen     the index of the body's {@code {}, or -1 for a declaration without body
     * @param bodyClose    the index of the matching {@code }}, or -1
     */
    public record FnDecl(String name, int nameIndex, int paramsOpen, int paramsClose, int bodyOpen, int bodyClose) {
    }

    private final String path;
    private final List<Token> tokens;
    private final List<Comment> comments;
    private List<FnDecl> functions;
    private java.util.Map<String, List<FnDecl>> functionsByName;
    private List<int[]> testRegions;

    private RustSource(String path, List<Token> tokens, List<Comment> comments) {
        this.path = path;
        this.tokens = tokens;
        this.comments = comments;
    }

    /** @param path where the file is, relative to the crate directory, as findings show it */
    public static RustSource parse(String path, String text) {
        return new Lexer(text).run(path);
    }

    public String path() {
        return path;
    }

    public List<Token> tokens() {
        return tokens;
    }

    public List<Comment> comments() {
        return comments;
    }

    public Token token(int index) {
        return tokens.get(index);
    }

    public int size() {
        return tokens.size();
    }

    /** Whether tokens at {@code index} onwards read {@code texts} (identifiers and punctuation only). */
    public boolean matches(int index, String... texts) {
        if (index < 0 || index + texts.length > tokens.size()) {
            return false;
        }
        for (int i = 0; i < texts.length; i++) {
            if (!tokens.get(index + i).is(texts[i])) {
                return false;
            }
        }
        return true;
    }

    /** The index of the bracket that closes the one at {@code open}, or the last index if it is unbalanced. */
    public int matching(int open) {
        String opening = tokens.get(open).text();
        String closing = switch (opening) {
            case "(" -> ")";
            case "[" -> "]";
            case "{" -> "}";
            default -> throw new IllegalArgumentException("not an opening bracket: " + opening);
        };
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.is(opening)) {
                depth++;
            } else if (token.is(closing) && --depth == 0) {
                return i;
            }
        }
        return tokens.size() - 1;
    }

    /**
     * Whether a token is inside test code: an item under {@code #[cfg(test)]} (usually a
     * {@code mod tests { .. }}) or a {@code #[test]} function.
     */
    public boolean inTestCode(int index) {
        if (testRegions == null) {
            testRegions = findTestRegions();
        }
        return testRegions.stream().anyMatch(r -> r[0] <= index && index <= r[1]);
    }

    private List<int[]> findTestRegions() {
        List<int[]> regions = new ArrayList<>();
        for (int i = 0; i + 3 < tokens.size(); i++) {
            boolean cfgTest = matches(i, "#", "[", "cfg", "(", "test", ")", "]");
            boolean testFn = matches(i, "#", "[", "test", "]");
            if (!cfgTest && !testFn) {
                continue;
            }
            // The item the attribute is on ends at its first top-level block or semicolon.
            int j = i + (cfgTest ? 7 : 4);
            while (j < tokens.size() && !tokens.get(j).is("{") && !tokens.get(j).is(";")) {
                j++;
            }
            if (j < tokens.size() && tokens.get(j).is("{")) {
                regions.add(new int[] {i, matching(j)});
            }
        }
        return List.copyOf(regions);
    }

    /** Every {@code fn NAME (...)}, including those inside macro calls such as {@code export! { .. }}. */
    public List<FnDecl> functions() {
        if (functions == null) {
            functions = findFunctions();
        }
        return functions;
    }

    /** The functions called {@code name}, in source order. */
    public List<FnDecl> functionsNamed(String name) {
        if (functionsByName == null) {
            functionsByName = new java.util.HashMap<>();
            functions().forEach(fn -> functionsByName.computeIfAbsent(fn.name(), n -> new ArrayList<>()).add(fn));
        }
        return functionsByName.getOrDefault(name, List.of());
    }

    private List<FnDecl> findFunctions() {
        List<FnDecl> found = new ArrayList<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (!tokens.get(i).is("fn") || tokens.get(i + 1).kind() != Kind.IDENT) {
                continue;
            }
            int open = i + 2;
            while (open < tokens.size() && !tokens.get(open).is("(") && !tokens.get(open).is("{")
                    && !tokens.get(open).is(";")) {
                open++;
            }
            if (open >= tokens.size() || !tokens.get(open).is("(")) {
                continue;
            }
            int close = matching(open);
            int body = close + 1;
            while (body < tokens.size() && !tokens.get(body).is("{") && !tokens.get(body).is(";")) {
                body++;
            }
            boolean hasBody = body < tokens.size() && tokens.get(body).is("{");
            found.add(new FnDecl(tokens.get(i + 1).text(), i + 1, open, close, hasBody ? body : -1,
                    hasBody ? matching(body) : -1));
        }
        return List.copyOf(found);
    }

    /**
     * The parameter names of a function, in order: the first identifier of each comma-separated
     * part (after {@code mut}), so patterns other than plain names are skipped.
     */
    public List<String> parameterNames(FnDecl fn) {
        List<String> names = new ArrayList<>();
        boolean atStart = true;
        int depth = 0;
        for (int i = fn.paramsOpen() + 1; i < fn.paramsClose(); i++) {
            Token token = tokens.get(i);
            if (token.is("(") || token.is("[") || token.is("<") && !tokens.get(i - 1).is("-")) {
                depth++;
            } else if (token.is(")") || token.is("]") || token.is(">") && !tokens.get(i - 1).is("-")) {
                depth--;
            } else if (token.is(",") && depth == 0) {
                atStart = true;
            } else if (atStart && depth == 0 && token.kind() == Kind.IDENT && !token.text().equals("mut")) {
                names.add(token.text());
                atStart = false;
            }
        }
        return names;
    }

    /**
     * The macro whose invocation starts on {@code line} ({@code name! {}, {@code path::name! (}), if any;
     * rustdoc places functions a macro generates there.
     */
    public Optional<String> macroInvokedAt(int line) {
        for (int i = firstIndexOnOrAfter(line); i + 2 < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.line() > line) {
                break;
            }
            if (token.line() == line && token.kind() == Kind.IDENT && tokens.get(i + 1).is("!")
                    && (tokens.get(i + 2).is("{") || tokens.get(i + 2).is("(") || tokens.get(i + 2).is("["))) {
                return Optional.of(token.text());
            }
        }
        return Optional.empty();
    }

    /** The index of the first token on or after {@code line}, or {@link #size()}. */
    public int firstIndexOnOrAfter(int line) {
        int low = 0;
        int high = tokens.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (tokens.get(mid).line() < line) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static final class Lexer {
        private final String text;
        private final List<Token> tokens = new ArrayList<>();
        private final List<Comment> comments = new ArrayList<>();
        private int pos;
        private int line = 1;

        Lexer(String text) {
            this.text = text;
        }

        RustSource run(String path) {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '\n') {
                    line++;
                    pos++;
                } else if (Character.isWhitespace(c)) {
                    pos++;
                } else if (startsWith("//")) {
                    int end = text.indexOf('\n', pos);
                    end = end < 0 ? text.length() : end;
                    comments.add(new Comment(text.substring(pos + 2, end), line));
                    pos = end;
                } else if (startsWith("/*")) {
                    blockComment();
                } else if (c == '"') {
                    string(pos + 1);
                } else if (rawStringAhead()) {
                    continue;
                } else if (c == '\'') {
                    quote();
                } else if (Character.isDigit(c)) {
                    number();
                } else if (Character.isJavaIdentifierStart(c)) {
                    ident();
                } else {
                    tokens.add(new Token(Kind.PUNCT, String.valueOf(c), line));
                    pos++;
                }
            }
            return new RustSource(path, List.copyOf(tokens), List.copyOf(comments));
        }

        private boolean startsWith(String prefix) {
            return text.startsWith(prefix, pos);
        }

        private void blockComment() {
            int startLine = line;
            int start = pos;
            int depth = 0;
            while (pos < text.length()) {
                if (startsWith("/*")) {
                    depth++;
                    pos += 2;
                } else if (startsWith("*/")) {
                    pos += 2;
                    if (--depth == 0) {
                        break;
                    }
                } else {
                    if (text.charAt(pos) == '\n') {
                        line++;
                    }
                    pos++;
                }
            }
            comments.add(new Comment(text.substring(start + 2, Math.max(start + 2, pos - 2)), startLine));
        }

        /** b"..", c"..", r"..", r#".."#, br#".."#, cr".." and b'..' at pos; consumes and returns true if found. */
        private boolean rawStringAhead() {
            int p = pos;
            if (p < text.length() && (text.charAt(p) == 'b' || text.charAt(p) == 'c')) {
                p++;
            }
            boolean raw = p < text.length() && text.charAt(p) == 'r';
            if (raw) {
                p++;
            }
            int hashes = 0;
            while (raw && p < text.length() && text.charAt(p) == '#') {
                hashes++;
                p++;
            }
            if (p == pos || p >= text.length()) {
                return false;
            }
            if (text.charAt(p) == '"') {
                if (raw) {
                    rawString(p + 1, hashes);
                } else {
                    string(p + 1);
                }
                return true;
            }
            if (!raw && p == pos + 1 && text.charAt(pos) == 'b' && text.charAt(p) == '\'') {
                pos = p;
                quote();
                return true;
            }
            return false;
        }

        private void string(int contentStart) {
            int startLine = line;
            int p = contentStart;
            while (p < text.length() && text.charAt(p) != '"') {
                if (text.charAt(p) == '\\') {
                    p++;
                }
                if (p < text.length() && text.charAt(p) == '\n') {
                    line++;
                }
                p++;
            }
            tokens.add(new Token(Kind.STRING, text.substring(contentStart, Math.min(p, text.length())), startLine));
            pos = Math.min(p + 1, text.length());
        }

        private void rawString(int contentStart, int hashes) {
            int startLine = line;
            String terminator = "\"" + "#".repeat(hashes);
            int end = text.indexOf(terminator, contentStart);
            end = end < 0 ? text.length() : end;
            for (int p = contentStart; p < end; p++) {
                if (text.charAt(p) == '\n') {
                    line++;
                }
            }
            tokens.add(new Token(Kind.STRING, text.substring(contentStart, end), startLine));
            pos = Math.min(end + terminator.length(), text.length());
        }

        /** A char literal ('a', '\n', a unicode escape) or a lifetime ('a, 'static). */
        private void quote() {
            int p = pos + 1;
            if (p < text.length() && text.charAt(p) == '\\') {
                int close = text.indexOf('\'', p + 2);
                close = close < 0 ? text.length() - 1 : close;
                tokens.add(new Token(Kind.CHAR, text.substring(p, close), line));
                pos = close + 1;
                return;
            }
            int next = p < text.length() ? text.offsetByCodePoints(p, 1) : p;
            if (next < text.length() && text.charAt(next) == '\'') {
                tokens.add(new Token(Kind.CHAR, text.substring(p, next), line));
                pos = next + 1;
                return;
            }
            int end = p;
            while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
                end++;
            }
            tokens.add(new Token(Kind.LIFETIME, text.substring(p, end), line));
            pos = Math.max(end, p);
        }

        private void number() {
            int start = pos;
            while (pos < text.length()) {
                char c = text.charAt(pos);
                boolean decimalPoint = c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1));
                if (!Character.isLetterOrDigit(c) && c != '_' && !decimalPoint) {
                    break;
                }
                pos++;
            }
            tokens.add(new Token(Kind.NUMBER, text.substring(start, pos), line));
        }

        private void ident() {
            int start = pos;
            if (startsWith("r#") && pos + 2 < text.length() && Character.isJavaIdentifierStart(text.charAt(pos + 2))) {
                pos += 2;
                start = pos;
            }
            while (pos < text.length() && Character.isJavaIdentifierPart(text.charAt(pos))) {
                pos++;
            }
            tokens.add(new Token(Kind.IDENT, text.substring(start, pos), line));
        }
    }
}
