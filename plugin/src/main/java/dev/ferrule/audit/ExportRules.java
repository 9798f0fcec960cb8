package dev.ferrule.audit;

import dev.ferrule.abi.AbiModel;
import dev.ferrule.abi.AbiModel.AbiFinding;
import dev.ferrule.abi.AbiModel.AbiFunction;
import dev.ferrule.abi.AbiModel.Ownership;
import dev.ferrule.abi.AbiModel.Param;
import dev.ferrule.abi.AbiModel.TypeRef;
import dev.ferrule.abi.CType;
import dev.ferrule.audit.RustSource.FnDecl;
import dev.ferrule.audit.RustSource.Kind;
import dev.ferrule.audit.RustSource.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules about exported functions: the AbiModel says what is exported and with which types;
 * the source, found at the location rustdoc recorded, says how each export is written.
 */
final class ExportRules {

    /**
     * ferrule-ffi's macros, which wrap every export they declare in its guard: {@code expose}
     * is the attribute, which does not appear as {@code expose!} but is recognised through the
     * declaration it leaves for each export.
     */
    static final Set<String> FERRULE_GUARD_MACROS = Set.of("export", "export_runtime", "library", "expose");
    private static final String ATTRIBUTE = "expose";

    private static final Set<String> PANICKING_METHODS = Set.of("unwrap", "expect", "unwrap_unchecked");
    private static final Set<String> PANICKING_MACROS = Set.of("panic", "unreachable", "todo", "unimplemented");
    /** Calls that check a pointer for null before use (ferrule-ffi's memory helpers, NonNull, as_ref). */
    private static final Set<String> NULL_CHECKING_CALLS = Set.of("input_bytes", "input_str", "write_out");
    private static final Pattern TYPE_NAME = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*>*\\s*$");
    private static final Pattern RELEASE_NAME = Pattern.compile("_(free|release|destroy|delete|drop|dispose)$");

    private final AbiModel model;
    private final CrateSources sources;
    private final Set<String> guardMacros;
    /** The Rust function behind each export ferrule-ffi's attribute generated, by symbol. */
    private final Map<String, String> attributed = new HashMap<>();
    private final List<AuditFinding> findings = new ArrayList<>();

    private ExportRules(AbiModel model, CrateSources sources, Set<String> extraGuardMacros) {
        this.model = model;
        this.sources = sources;
        Set<String> guards = new HashSet<>(FERRULE_GUARD_MACROS);
        guards.addAll(extraGuardMacros);
        guards.addAll(macrosThatCatchPanics(sources));
        this.guardMacros = Set.copyOf(guards);
        if (model.declared() != null) {
            model.declared().functions().forEach(f -> attributed.put(f.symbol(), lastSegment(f.rust())));
        }
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf(':') + 1);
    }

    static List<AuditFinding> check(AbiModel model, CrateSources sources, Set<String> extraGuardMacros) {
        ExportRules rules = new ExportRules(model, sources, extraGuardMacros);
        rules.modelFindings();
        for (AbiFunction function : model.functions()) {
            rules.export(function);
        }
        rules.ownedResults();
        model.statics().stream().filter(AbiModel.AbiStatic::mutable).forEach(s -> rules.add(
                AuditRule.MUTABLE_STATIC_EXPORT, s.symbol(), AuditRule.MUTABLE_STATIC_EXPORT.message("name", s.name()),
                s.location() == null ? null : s.location().file(), s.location() == null ? 0 : s.location().line()));
        return rules.findings;
    }

    /** What the extractor already noticed, under the audit rule that covers it. */
    private void modelFindings() {
        for (AbiFinding finding : model.findings()) {
            AuditRule rule = switch (finding.code()) {
                case "FFI_UNSAFE_TYPE" -> AuditRule.FFI_UNSAFE_TYPE;
                case "RUST_ABI_EXPORT" -> AuditRule.RUST_ABI_EXPORT;
                case "NOT_REPR_C" -> AuditRule.STRUCT_BY_VALUE_NOT_REPR_C;
                case "EXPORT_WITHOUT_DECLARATION" -> AuditRule.UNDECLARED_EXPORT;
                default -> null;
            };
            if (rule != null) {
                findings.add(new AuditFinding(rule, finding.item(), rule.message("finding", finding.message()),
                        finding.location() == null ? null : finding.location().file(),
                        finding.location() == null ? 0 : finding.location().line(), finding.fix()));
            }
        }
    }

    /** Where and how one export is written. {@code decl} is null when a macro builds it from other tokens. */
    private record Site(RustSource source, FnDecl decl, String macro, int line) {
    }

    private void export(AbiFunction function) {
        Site site = locate(function);
        String file = site == null ? null : site.source().path();
        int line = site == null ? 0 : site.line();
        String symbol = function.symbol();
        if (function.unwind() || function.abi().endsWith("-unwind")) {
            add(AuditRule.C_UNWIND_EXPORT, symbol, AuditRule.C_UNWIND_EXPORT.message("symbol", symbol, "abi",
                    function.abi()), file, line);
        }
        if (function.docs() == null || function.docs().isBlank()) {
            add(AuditRule.UNDOCUMENTED_EXPORT, symbol, AuditRule.UNDOCUMENTED_EXPORT.message("symbol", symbol), file,
                    line);
        }
        for (Param param : function.params()) {
            String rust = param.type().rust();
            boolean cString = rust != null && (rust.contains("c_char") || rust.contains("CStr"));
            if (cString && !releases(function, param, site)) {
                add(AuditRule.NUL_TERMINATED_STRING, symbol, AuditRule.NUL_TERMINATED_STRING.message("what",
                        "parameter `" + param.name() + "` of " + symbol + " (" + rust + ")"), file, line);
            }
        }
        if (site == null || function.abi().equals("Rust")) {
            return;
        }
        if (!guarded(site)) {
            add(AuditRule.EXPORT_UNGUARDED, symbol, AuditRule.EXPORT_UNGUARDED.message("symbol", symbol, "how",
                    site.macro() == null ? "runs its body outside catch_unwind"
                            : "is declared by macro " + site.macro() + "!, which does not catch panics"), file, line);
        }
        if (site.decl() != null && site.decl().bodyOpen() >= 0) {
            // The attribute's pointers are its own, each null-checked by ferrule-ffi's bridge; the
            // author's function takes none, but its body can still panic.
            if (!ATTRIBUTE.equals(site.macro())) {
                uncheckedPointers(function, site);
            }
            panics(function, site);
        }
    }

    /**
     * Whether a string parameter is only taken back to be freed ({@code foo_string_free(s: *mut
     * c_char)} returning nothing): the string is one the crate handed out, not text Rust reads.
     * The body decides when it can be read: it hands the parameter to {@code CString::from_raw};
     * without a body, the name does.
     */
    private static boolean releases(AbiFunction function, Param param, Site site) {
        if (function.returns() != null || function.params().size() != 1 || !param.type().rust().startsWith("*mut")) {
            return false;
        }
        if (site != null && site.decl() != null && site.decl().bodyOpen() >= 0) {
            RustSource source = site.source();
            for (int i = site.decl().bodyOpen(); i < site.decl().bodyClose(); i++) {
                if (source.matches(i, "from_raw", "(") && source.matches(i + 2, param.name())) {
                    return true;
                }
            }
            return false;
        }
        return RELEASE_NAME.matcher(function.symbol()).find();
    }

    private Site locate(AbiFunction function) {
        if (function.location() == null) {
            return null;
        }
        Optional<RustSource> file = sources.file(function.location().file());
        if (file.isEmpty()) {
            return null;
        }
        RustSource source = file.get();
        int line = function.location().line();
        String rustName = attributed.get(function.symbol());
        String macro = rustName != null ? ATTRIBUTE : source.macroInvokedAt(line).orElse(null);
        FnDecl best = null;
        for (FnDecl decl : source.functionsNamed(rustName != null ? rustName : function.name())) {
            int declLine = source.token(decl.nameIndex()).line();
            if (declLine >= line
                    && (best == null || declLine < source.token(best.nameIndex()).line())) {
                best = decl;
            }
        }
        if (best != null && macro == null && source.token(best.nameIndex()).line() != line) {
            best = null;
        }
        return new Site(source, best, macro, best == null ? line : source.token(best.nameIndex()).line());
    }

    private boolean guarded(Site site) {
        if (site.macro() != null) {
            return guardMacros.contains(site.macro());
        }
        if (site.decl() == null || site.decl().bodyOpen() < 0) {
            return false;
        }
        RustSource source = site.source();
        for (int i = site.decl().bodyOpen(); i < site.decl().bodyClose(); i++) {
            Token token = source.token(i);
            if (token.is("catch_unwind") || token.is("guard") && source.matches(i + 1, "(")
                    || token.kind() == Kind.IDENT && guardMacros.contains(token.text()) && source.matches(i + 1, "!")) {
                return true;
            }
        }
        return false;
    }

    private void uncheckedPointers(AbiFunction function, Site site) {
        RustSource source = site.source();
        FnDecl decl = site.decl();
        Set<String> nonNull = new HashSet<>();
        for (int i = decl.paramsClose() + 1; i < decl.bodyOpen(); i++) {
            if (source.matches(i, "non_null", "(")) {
                int close = source.matching(i + 1);
                for (int j = i + 2; j < close; j++) {
                    if (source.token(j).kind() == Kind.IDENT) {
                        nonNull.add(source.token(j).text());
                    }
                }
            }
        }
        for (Param param : function.params()) {
            TypeRef type = param.type();
            // A void pointer cannot be dereferenced without a cast: it is user data passed along.
            boolean opaqueData = CType.parse(type.c()) instanceof CType.Pointer pointer
                    && pointer.pointee().kind() == CType.Kind.VOID;
            if (type.ownership() != Ownership.RAW || type.rust() == null || !type.rust().startsWith("*") || opaqueData
                    || nonNull.contains(param.name()) || checksForNull(source, decl, param.name())) {
                continue;
            }
            add(AuditRule.RAW_POINTER_UNCHECKED, function.symbol() + "(" + param.name() + ")",
                    AuditRule.RAW_POINTER_UNCHECKED.message("param", param.name(), "type", type.rust(), "symbol",
                            function.symbol()), source.path(), site.line());
        }
    }

    private static boolean checksForNull(RustSource source, FnDecl decl, String name) {
        for (int i = decl.bodyOpen(); i < decl.bodyClose(); i++) {
            if (!source.token(i).is(name)) {
                continue;
            }
            if (source.matches(i + 1, ".", "is_null") || source.matches(i + 1, ".", "as_ref")
                    || source.matches(i + 1, ".", "as_mut") || source.matches(i - 5, "NonNull", ":", ":", "new", "(")) {
                return true;
            }
            // name passed as the first argument of a helper that checks it, e.g. memory::input_str(name, len, ..)
            if (source.matches(i - 1, "(") && source.token(i - 2).kind() == Kind.IDENT
                    && NULL_CHECKING_CALLS.contains(source.token(i - 2).text())) {
                return true;
            }
        }
        return false;
    }

    private void panics(AbiFunction function, Site site) {
        RustSource source = site.source();
        for (int i = site.decl().bodyOpen(); i < site.decl().bodyClose(); i++) {
            Token token = source.token(i);
            boolean method = token.kind() == Kind.IDENT && PANICKING_METHODS.contains(token.text())
                    && source.matches(i - 1, ".") && source.matches(i + 1, "(");
            boolean macro = token.kind() == Kind.IDENT && PANICKING_MACROS.contains(token.text())
                    && source.matches(i + 1, "!");
            if (method || macro) {
                add(AuditRule.PANIC_IN_EXPORT, function.symbol(), AuditRule.PANIC_IN_EXPORT.message("symbol",
                        function.symbol(), "call", method ? "." + token.text() + "()" : token.text() + "!"),
                        source.path(), token.line());
            }
        }
    }

    /** Box<T> results, and FfiBuffer out-parameters, each need an export that takes them back. */
    private void ownedResults() {
        Set<String> released = new HashSet<>();
        for (AbiFunction function : model.functions()) {
            for (Param param : function.params()) {
                if (param.type().ownership() == Ownership.OWNED || isBufferByValue(param.type())) {
                    released.add(simpleName(param.type().rust()));
                }
            }
        }
        Map<String, AbiFunction> firstProducer = new HashMap<>();
        for (AbiFunction function : model.functions()) {
            TypeRef returns = function.returns();
            if (returns != null && returns.ownership() == Ownership.OWNED) {
                firstProducer.putIfAbsent(simpleName(returns.rust()), function);
            }
            for (Param param : function.params()) {
                String rust = param.type().rust();
                if (rust != null && rust.startsWith("*mut") && simpleName(rust).equals("FfiBuffer")) {
                    firstProducer.putIfAbsent("FfiBuffer", function);
                }
            }
        }
        firstProducer.forEach((type, producer) -> {
            if (!released.contains(type)) {
                add(AuditRule.OWNED_RESULT_WITHOUT_RELEASE, producer.symbol(),
                        AuditRule.OWNED_RESULT_WITHOUT_RELEASE.message("symbol", producer.symbol(), "type", type),
                        producer.location() == null ? null
                        : producer.location().file(), producer.location() == null ? 0 : producer.location().line());
            }
        });
    }

    private static boolean isBufferByValue(TypeRef type) {
        return type.rust() != null && !type.rust().startsWith("*") && simpleName(type.rust()).equals("FfiBuffer");
    }

    /** The last path segment of the innermost type: {@code Option<Box<crate::Thing>>} gives {@code Thing}. */
    static String simpleName(String rust) {
        if (rust == null) {
            return "";
        }
        Matcher matcher = TYPE_NAME.matcher(rust);
        return matcher.find() ? matcher.group(1) : rust;
    }

    /** macro_rules! definitions in the crate whose expansion calls catch_unwind or a guard function. */
    private static Set<String> macrosThatCatchPanics(CrateSources sources) {
        Set<String> names = new HashSet<>();
        for (RustSource source : sources.files()) {
            for (int i = 0; i + 3 < source.size(); i++) {
                if (!source.matches(i, "macro_rules", "!") || source.token(i + 2).kind() != Kind.IDENT
                        || !source.matches(i + 3, "{")) {
                    continue;
                }
                int close = source.matching(i + 3);
                for (int j = i + 4; j < close; j++) {
                    if (source.token(j).is("catch_unwind") || source.matches(j, "guard", "(")) {
                        names.add(source.token(i + 2).text());
                        break;
                    }
                }
            }
        }
        return names;
    }

    private void add(AuditRule rule, String item, String message, String file, int line) {
        findings.add(new AuditFinding(rule, item, message, file, line));
    }
}
