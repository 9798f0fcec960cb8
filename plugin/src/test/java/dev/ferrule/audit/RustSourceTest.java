package dev.ferrule.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrule.audit.RustSource.Kind;
import dev.ferrule.audit.RustSource.Token;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The token scan never mistakes text in strings or comments for code, and keeps lines right. */
class RustSourceTest {

    private static List<String> idents(RustSource source) {
        return source.tokens().stream().filter(t -> t.kind() == Kind.IDENT).map(Token::text).toList();
    }

    @Test
    void stringsAndCommentsHideTheirContents() {
        RustSource source = RustSource.parse("lib.rs", """
                let a = "catch_unwind \\" unwrap()";
                let b = r#"a "quoted" panic!"#;
                let c = br"raw bytes unwrap";
                /* outer /* nested catch_unwind */ still comment */
                // line comment unwrap()
                let d = b'x';
                """);
        assertThat(idents(source)).containsExactly("let", "a", "let", "b", "let", "c", "let", "d");
        assertThat(source.tokens()).filteredOn(t -> t.kind() == Kind.STRING).extracting(Token::text)
                .containsExactly("catch_unwind \\\" unwrap()", "a \"quoted\" panic!", "raw bytes unwrap");
        assertThat(source.comments()).extracting(RustSource.Comment::line).containsExactly(4, 5);
        assertThat(source.tokens().get(source.size() - 2)).isEqualTo(new Token(Kind.CHAR, "x", 6));
    }

    @Test
    void lifetimesAreNotCharLiterals() {
        RustSource source = RustSource.parse("lib.rs", "fn f<'a>(x: &'a str, c: char) -> bool { c == '\\'' || c == 'y' }");
        assertThat(source.tokens()).filteredOn(t -> t.kind() == Kind.LIFETIME).extracting(Token::text)
                .containsExactly("a", "a");
        assertThat(source.tokens()).filteredOn(t -> t.kind() == Kind.CHAR).extracting(Token::text)
                .containsExactly("\\'", "y");
    }

    @Test
    void findsFunctionsTheirBodiesAndParameters() {
        RustSource source = RustSource.parse("lib.rs", """
                export! {
                    /// Docs.
                    fn inside_macro(out: *mut u64, cb: extern "C" fn(i32) -> i32) non_null(out) {
                        body();
                    }
                }

                pub unsafe extern "C" fn plain<T>(mut value: Vec<T>, (a, b): (i32, i32)) -> i32 where T: Copy {
                    0
                }

                extern "C" {
                    fn declared_only(x: i32);
                }
                """);
        List<RustSource.FnDecl> functions = source.functions();
        assertThat(functions).extracting(RustSource.FnDecl::name)
                .containsExactly("inside_macro", "plain", "declared_only");
        assertThat(source.parameterNames(functions.get(0))).containsExactly("out", "cb");
        assertThat(source.parameterNames(functions.get(1))).containsExactly("value");
        assertThat(source.token(functions.get(1).bodyOpen()).line()).isEqualTo(8);
        assertThat(source.token(functions.get(1).bodyClose()).line()).isEqualTo(10);
        assertThat(functions.get(2).bodyOpen()).isEqualTo(-1);
        assertThat(source.macroInvokedAt(1)).contains("export");
        assertThat(source.macroInvokedAt(8)).isEmpty();
    }
}
