package dev.ferrule.audit;

import dev.ferrule.audit.RustSource.FnDecl;
import dev.ferrule.audit.RustSource.Kind;
import dev.ferrule.audit.RustSource.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rules that read only the crate's own Rust source, token by token. */
final class SourceRules {

    /** Calls whose argument becomes the thread's last error message, which Java shows in exceptions. */
    private static final Set<String> MESSAGE_SINKS = Set.of("runtime_owned", "set_last_error");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)\\}");
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(^|_)(password|passwd|passphrase|secret|token|api_?key|private_?key|privkey|credentials?)(_|$)");
    private static final Set<String> COPYING_CALLS = Set.of("to_owned", "to_string", "to_vec", "into_bytes",
            "into_owned", "clone");
    private static final Set<String> ZEROIZING_TYPES = Set.of("Secret", "Zeroizing", "SecretString", "SecretBox",
            "SecretVec");

    private final List<AuditFinding> findings = new ArrayList<>();

    private SourceRules() {
    }

    static List<AuditFinding> check(CrateSources sources) {
        SourceRules rules = new SourceRules();
        for (RustSource source : sources.files()) {
            List<FnDecl> functions = source.functions();
            rules.abortingGuards(source, functions);
            for (int i = 0; i < source.size(); i++) {
                rules.errorMessage(source, functions, i);
                rules.secret(source, i);
                // Test code that reads a string the crate returned is not a string input at the boundary.
                if (source.matches(i, "CStr", ":", ":", "from_ptr") && !source.inTestCode(i)) {
                    rules.findings.add(new AuditFinding(AuditRule.NUL_TERMINATED_STRING,
                            enclosing(functions, i).map(FnDecl::name).orElse(source.path()),
                            AuditRule.NUL_TERMINATED_STRING.message("what", "CStr::from_ptr"), source.path(),
                            source.token(i).line()));
                }
            }
        }
        return rules.findings;
    }

    /**
     * A {@code macro_rules!} or function body that calls {@code catch_unwind} and, after it,
     * {@code abort()} or {@code process::exit(..)}: a guard that kills the process it guards.
     */
    private void abortingGuards(RustSource source, List<FnDecl> functions) {
        List<int[]> bodies = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i + 3 < source.size(); i++) {
            if (source.matches(i, "macro_rules", "!") && source.token(i + 2).kind() == Kind.IDENT
                    && source.matches(i + 3, "{")) {
                bodies.add(new int[] {i + 3, source.matching(i + 3)});
                names.add(source.token(i + 2).text() + "!");
            }
        }
        List<int[]> macros = List.copyOf(bodies);
        for (FnDecl fn : functions) {
            // A function a macro_rules! body writes is read with the macro, under the macro's name.
            boolean inMacro = macros.stream().anyMatch(m -> m[0] < fn.nameIndex() && fn.nameIndex() < m[1]);
            if (fn.bodyOpen() >= 0 && !inMacro) {
                bodies.add(new int[] {fn.bodyOpen(), fn.bodyClose()});
                names.add(fn.name());
            }
        }
        for (int b = 0; b < bodies.size(); b++) {
            int[] body = bodies.get(b);
            int caught = -1;
            for (int i = body[0]; i < body[1]; i++) {
                if (source.token(i).is("catch_unwind")) {
                    caught = caught < 0 ? i : caught;
                } else if (caught >= 0 && !source.matches(i - 1, ".") && (source.matches(i, "abort", "(")
                        || source.matches(i - 3, "process", ":", ":", "exit", "("))) {
                    String call = source.token(i).is("abort") ? "abort()" : "process::exit()";
                    findings.add(new AuditFinding(AuditRule.PANIC_GUARD_ABORTS, names.get(b),
                            AuditRule.PANIC_GUARD_ABORTS.message("guard", names.get(b), "line",
                                    source.token(caught).line(), "call", call), source.path(), source.token(i).line()));
                    break;
                }
            }
        }
    }

    /** {@code format!} inside an error-message sink, with {:?} or with a parameter of the enclosing fn. */
    private void errorMessage(RustSource source, List<FnDecl> functions, int i) {
        boolean sink = source.token(i).kind() == Kind.IDENT && MESSAGE_SINKS.contains(source.token(i).text())
                && source.matches(i + 1, "(")
                || source.matches(i, "last_error", ":", ":", "set", "(");
        if (!sink) {
            return;
        }
        int open = source.token(i).is("last_error") ? i + 4 : i + 1;
        int close = source.matching(open);
        List<String> parameters = enclosing(functions, i).map(source::parameterNames).orElse(List.of());
        for (int j = open; j < close; j++) {
            if (!source.matches(j, "format", "!", "(") || j + 3 >= close
                    || source.token(j + 3).kind() != Kind.STRING) {
                continue;
            }
            String template = source.token(j + 3).text();
            int formatClose = source.matching(j + 2);
            Matcher placeholders = PLACEHOLDER.matcher(template);
            List<String> echoed = new ArrayList<>();
            boolean debug = false;
            while (placeholders.find()) {
                String spec = placeholders.group(1);
                int colon = spec.indexOf(':');
                debug |= colon >= 0 && spec.substring(colon).contains("?");
                String name = (colon >= 0 ? spec.substring(0, colon) : spec).strip();
                if (parameters.contains(name)) {
                    echoed.add(name);
                }
            }
            for (int k = j + 4; k < formatClose; k++) {
                Token token = source.token(k);
                if (token.kind() == Kind.IDENT && parameters.contains(token.text()) && !source.matches(k - 1, ".")) {
                    echoed.add(token.text());
                }
            }
            if (debug || !echoed.isEmpty()) {
                String what = debug ? "formats Debug output ({:?})" : "echoes caller input " + echoed.stream()
                        .distinct().map(n -> "`" + n + "`").toList();
                findings.add(new AuditFinding(AuditRule.FORMATTED_ERROR_MESSAGE,
                        enclosing(functions, i).map(FnDecl::name).orElse(source.path()),
                        AuditRule.FORMATTED_ERROR_MESSAGE.message("what", what), source.path(),
                        source.token(j).line()));
            }
        }
    }

    /**
     * A secret-looking name declared with an owned text or byte type, or bound to a fresh copy,
     * outside a zeroizing wrapper.
     */
    private void secret(RustSource source, int i) {
        Token token = source.token(i);
        if (token.kind() != Kind.IDENT || !SECRET_NAME.matcher(token.text().toLowerCase(Locale.ROOT)).find()
                || source.matches(i - 1, ":") || source.matches(i - 1, ".")) {
            return;
        }
        boolean typed = source.matches(i + 1, ":") && !source.matches(i + 2, ":");
        boolean bound = source.matches(i - 1, "let") || source.matches(i - 2, "let", "mut");
        if (!typed && !bound) {
            return;
        }
        int end = i + 1;
        int depth = 0;
        List<String> words = new ArrayList<>();
        for (; end < source.size(); end++) {
            Token t = source.token(end);
            if (t.is("(") || t.is("[") || t.is("{") || t.is("<") && !source.matches(end - 1, "-")) {
                depth++;
            } else if (t.is(")") || t.is("]") || t.is("}") || t.is(">") && !source.matches(end - 1, "-")) {
                if (--depth < 0) {
                    break;
                }
            } else if (depth == 0 && (t.is(",") || t.is(";") || typed && !bound && t.is("="))) {
                break;
            }
            if (t.kind() == Kind.IDENT) {
                words.add(t.text());
            }
        }
        if (words.stream().anyMatch(ZEROIZING_TYPES::contains)) {
            return;
        }
        boolean ownedType = words.contains("String") || words.contains("Vec") && words.contains("u8")
                || words.contains("Box") && (words.contains("str") || words.contains("u8"));
        boolean copied = bound && (words.stream().anyMatch(COPYING_CALLS::contains)
                || words.contains("format") || words.contains("String") && words.contains("from"));
        if (ownedType || copied) {
            findings.add(new AuditFinding(AuditRule.SECRET_NOT_ZEROIZED, token.text(),
                    AuditRule.SECRET_NOT_ZEROIZED.message("name", token.text(), "what", ownedType
                            ? "an owned String or byte vector" : "a copy"), source.path(), token.line()));
        }
    }

    private static java.util.Optional<FnDecl> enclosing(List<FnDecl> functions, int index) {
        FnDecl best = null;
        for (FnDecl fn : functions) {
            if (fn.bodyOpen() >= 0 && fn.bodyOpen() < index && index < fn.bodyClose()
                    && (best == null || fn.bodyOpen() > best.bodyOpen())) {
                best = fn;
            }
        }
        return java.util.Optional.ofNullable(best);
    }
}
