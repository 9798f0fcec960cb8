//! `#[ferrule_ffi::expose]`: a plain function, or an `impl` block of an object, written in safe
//! Rust, exported as guarded C functions that follow ferrule-ffi's contract, with a declaration of
//! what each parameter and result means to Java.
//!
//! The C form of each shape:
//!
//! | Rust | C parameters | as a result |
//! | --- | --- | --- |
//! | `i8`..`u64`, `f32`, `f64` | the same | `*mut` the same |
//! | `bool` | `u8`, 0 or 1 (checked) | `*mut bool` |
//! | `&str`, `String` | `*const u8`, `usize` (checked UTF-8) | `*mut FfiBuffer` |
//! | `&[u8]`, `Vec<u8>` | `*const u8`, `usize` | `*mut FfiBuffer` |
//! | record, enumeration `T` | `<T as Argument>::Abi` (checked) | `*mut <T as Output>::Abi` |
//! | object | `&T`: `u64` handle | `T` or `Self`: `*mut u64`, a new handle |
//! | `Option<T>` | `u8` presence, then `T`'s; `Option<&T>`: handle 0 | `*mut bool`, then `T`'s |
//! | closure | `Option<extern "C" fn(.., user_data)>`, `usize` | |
//!
//! Every export returns an `i32` status, as [`ferrule_ffi::export!`] exports do.

use crate::declare::{self, Json};
use crate::shape::{self, Named, Position, Scalar, Shape};
use crate::tokens::{self, Attribute, Code, Cursor, Error, Result};
use proc_macro::{Delimiter, Ident, Span, TokenStream, TokenTree};
use std::collections::BTreeSet;

pub fn expand(args: TokenStream, item: TokenStream) -> Result<TokenStream> {
    let critical = critical_argument(args)?;
    let tokens: Vec<TokenTree> = item.clone().into_iter().collect();
    let mut cursor = Cursor::of(tokens, Span::call_site());
    cursor.attributes();
    cursor.visibility();
    let prefix = tokens::crate_prefix(cursor.span())?;
    let mut code = Code::new();
    if cursor.is_ident("impl") || cursor.is_ident("unsafe") && peek_ident(&cursor, 1, "impl") {
        if let Some(at) = critical {
            return Err(Error::new(
                at,
                "`critical` goes on an exposed free function: an object's methods are not leaf calls",
            ));
        }
        code.append(object(item, &prefix)?);
    } else {
        code.append(free_function(item, &prefix, critical.is_some())?);
    }
    Ok(code.into_stream())
}

/// `#[expose]` or `#[expose(critical)]`: a short, callback-free function that Java calls as a
/// critical downcall (`Linker.Option.critical`), with its arrays passed in place.
fn critical_argument(args: TokenStream) -> Result<Option<Span>> {
    let mut args = args.into_iter();
    let critical = match args.next() {
        None => return Ok(None),
        Some(TokenTree::Ident(ident)) if ident.to_string() == "critical" => ident.span(),
        Some(other) => {
            return Err(Error::new(
                other.span(),
                "#[ferrule_ffi::expose] takes no arguments but `critical`: exports are named <crate>_<function> and <crate>_<type>_<method>",
            ))
        }
    };
    if let Some(extra) = args.next() {
        return Err(Error::new(
            extra.span(),
            "#[ferrule_ffi::expose(critical)] takes nothing after `critical`",
        ));
    }
    Ok(Some(critical))
}

fn peek_ident(cursor: &Cursor, ahead: usize, name: &str) -> bool {
    matches!(cursor.peek_at(ahead), Some(TokenTree::Ident(ident)) if ident.to_string() == name)
}

/// A function as written: its signature read, its tokens kept to be emitted unchanged.
struct Function {
    attributes: Vec<Attribute>,
    public: bool,
    name: Ident,
    receiver: Receiver,
    params: Vec<Param>,
    result: Returns,
}

#[derive(PartialEq, Eq)]
enum Receiver {
    None,
    Shared,
}

struct Param {
    name: Ident,
    ty: Vec<TokenTree>,
    shape: Shape,
    /// A closure's argument names, from `#[args(..)]`: Rust's `impl Fn(..)` has none to give.
    args: Option<Vec<String>>,
}

/// The attribute that names a closure parameter's arguments; the export consumes it.
const ARGS: &str = "args";

struct Returns {
    shape: Shape,
    /// The `E` of a `Result<T, E>`.
    error: Option<Vec<TokenTree>>,
}

/// Reads a function's signature. `self_type` is the impl block's type, for methods.
fn function(cursor: &mut Cursor, self_type: Option<&str>) -> Result<Function> {
    let attributes = cursor.attributes();
    let public = !cursor.visibility().is_empty();
    for qualifier in ["const", "async", "unsafe", "extern"] {
        if cursor.is_ident(qualifier) {
            return Err(Error::new(
                cursor.span(),
                format!(
                    "an exposed function is a plain `fn`: not `{qualifier}`. The export ferrule-ffi writes is the extern \"C\" function"
                ),
            ));
        }
    }
    if !cursor.eat_ident("fn") {
        return Err(Error::new(
            cursor.span(),
            "#[ferrule_ffi::expose] goes on a `fn` or on an `impl` block",
        ));
    }
    let name = cursor.ident("the function's name")?;
    if cursor.is_punct('<') {
        return Err(Error::new(
            cursor.span(),
            "a generic function has no single C form; expose one function per type it is used with",
        ));
    }
    let params_group = cursor.group(Delimiter::Parenthesis, "the parameters")?;
    let mut result_tokens = Vec::new();
    if cursor.eat_punct('-') {
        cursor.eat_punct('>');
        while let Some(token) = cursor.peek() {
            let stop = matches!(token, TokenTree::Group(g) if g.delimiter() == Delimiter::Brace)
                || matches!(token, TokenTree::Ident(i) if i.to_string() == "where");
            if stop {
                break;
            }
            result_tokens.push(cursor.next().unwrap());
        }
    }
    if cursor.is_ident("where") {
        return Err(Error::new(
            cursor.span(),
            "a `where` clause means generics, which have no single C form",
        ));
    }
    cursor.group(Delimiter::Brace, "the function's body")?;

    let mut receiver = Receiver::None;
    let mut params = Vec::new();
    let mut inner = Cursor::of(
        params_group.stream().into_iter().collect(),
        params_group.span(),
    );
    let mut first = true;
    while !inner.is_empty() {
        let param = inner.until_comma();
        if first && is_receiver(&param) {
            receiver = read_receiver(&param, params_group.span())?;
            first = false;
            continue;
        }
        first = false;
        params.push(read_param(&param, params_group.span(), self_type)?);
    }
    let result = read_result(&result_tokens, self_type)?;
    Ok(Function {
        attributes,
        public,
        name,
        receiver,
        params,
        result,
    })
}

fn is_receiver(param: &[TokenTree]) -> bool {
    param
        .iter()
        .take(4)
        .any(|t| matches!(t, TokenTree::Ident(i) if i.to_string() == "self"))
}

fn read_receiver(param: &[TokenTree], span: Span) -> Result<Receiver> {
    let text: Vec<String> = param.iter().map(|t| t.to_string()).collect();
    let shared = match text.as_slice() {
        [amp, this] => amp == "&" && this == "self",
        [amp, quote, _, this] => amp == "&" && quote == "'" && this == "self",
        _ => false,
    };
    if shared {
        return Ok(Receiver::Shared);
    }
    let message = if text.iter().any(|t| t == "mut") {
        "objects are shared: Java may call one from many threads at once. Take `&self` and keep state that changes in a Mutex, an RwLock or atomics"
    } else {
        "a method takes `&self`: the object stays behind its handle, which Java releases with close()"
    };
    Err(Error::over(param, span, message))
}

fn read_param(param: &[TokenTree], span: Span, self_type: Option<&str>) -> Result<Param> {
    let mut attributes = Cursor::of(param.to_vec(), span);
    let attributes = attributes.attributes();
    let param = &param[attributes.len() * 2..];
    let colon = param
        .iter()
        .position(|t| matches!(t, TokenTree::Punct(p) if p.as_char() == ':'))
        .ok_or_else(|| Error::over(param, span, "expected `name: Type`"))?;
    let pattern = &param[..colon];
    let name = match pattern {
        [TokenTree::Ident(name)] => name.clone(),
        [TokenTree::Ident(word), TokenTree::Ident(name)] if word.to_string() == "mut" => {
            name.clone()
        }
        _ => {
            return Err(Error::over(
                pattern,
                span,
                "an exposed function's parameters are plain names: Java passes each by name",
            ))
        }
    };
    let ty = param[colon + 1..].to_vec();
    let shape = shape::parse(&ty, Position::Param, self_type)?;
    let mut args = None;
    for attribute in attributes.iter().filter(|a| a.name() == ARGS) {
        args = Some(closure_args(attribute, &shape)?);
    }
    Ok(Param {
        name,
        ty,
        shape,
        args,
    })
}

/// The names `#[args(step, total)]` gives a closure's arguments, one for each.
fn closure_args(attribute: &Attribute, shape: &Shape) -> Result<Vec<String>> {
    let Shape::Closure { params, .. } = shape else {
        return Err(Error::new(
            attribute.span(),
            "#[args(..)] names a closure's arguments; this parameter is not a closure",
        ));
    };
    let names: Vec<String> = match attribute.args().as_slice() {
        [TokenTree::Group(group)] if group.delimiter() == Delimiter::Parenthesis => {
            let mut cursor = Cursor::of(group.stream().into_iter().collect(), group.span());
            let mut names = Vec::new();
            while !cursor.is_empty() {
                match cursor.until_comma().as_slice() {
                    [TokenTree::Ident(name)] => names.push(name.to_string()),
                    _ => return Err(Error::new(attribute.span(), "expected #[args(name, ...)]")),
                }
            }
            names
        }
        _ => return Err(Error::new(attribute.span(), "expected #[args(name, ...)]")),
    };
    if names.iter().any(|n| n == "user_data") {
        return Err(Error::new(
            attribute.span(),
            "`user_data` is the name of the host's data that comes with every closure; choose another",
        ));
    }
    if names.len() != params.len() {
        return Err(Error::new(
            attribute.span(),
            format!(
                "the closure takes {} argument(s); #[args(..)] names {}",
                params.len(),
                names.len()
            ),
        ));
    }
    Ok(names)
}

/// The item as written, less the `#[args(..)]` attributes only the export reads: the parameter
/// lists of its functions, found after `fn name`, lose them; blocks are searched for methods.
fn without_args_attributes(stream: TokenStream) -> TokenStream {
    let tokens: Vec<TokenTree> = stream.into_iter().collect();
    let mut kept = Vec::with_capacity(tokens.len());
    for (i, token) in tokens.iter().enumerate() {
        let after_fn_name = i >= 2
            && matches!(&tokens[i - 2], TokenTree::Ident(word) if word.to_string() == "fn")
            && matches!(&tokens[i - 1], TokenTree::Ident(_));
        let stripped = match token {
            TokenTree::Group(group)
                if group.delimiter() == Delimiter::Parenthesis && after_fn_name =>
            {
                let params: Vec<TokenTree> = group.stream().into_iter().collect();
                let mut out = Vec::with_capacity(params.len());
                let mut j = 0;
                while j < params.len() {
                    let is_args = matches!(&params[j], TokenTree::Punct(p) if p.as_char() == '#')
                        && matches!(params.get(j + 1), Some(TokenTree::Group(g))
                            if g.delimiter() == Delimiter::Bracket
                                && matches!(g.stream().into_iter().next(), Some(TokenTree::Ident(n)) if n.to_string() == ARGS));
                    if is_args {
                        j += 2;
                    } else {
                        out.push(params[j].clone());
                        j += 1;
                    }
                }
                regroup(group, out.into_iter().collect())
            }
            TokenTree::Group(group) if group.delimiter() == Delimiter::Brace => {
                regroup(group, without_args_attributes(group.stream()))
            }
            other => other.clone(),
        };
        kept.push(stripped);
    }
    kept.into_iter().collect()
}

fn regroup(group: &proc_macro::Group, stream: TokenStream) -> TokenTree {
    let mut rebuilt = proc_macro::Group::new(group.delimiter(), stream);
    rebuilt.set_span(group.span());
    TokenTree::Group(rebuilt)
}

fn read_result(tokens: &[TokenTree], self_type: Option<&str>) -> Result<Returns> {
    if tokens.is_empty() {
        return Ok(Returns {
            shape: Shape::Unit,
            error: None,
        });
    }
    let is_result =
        matches!(tokens.first(), Some(TokenTree::Ident(i)) if i.to_string() == "Result");
    if is_result {
        let open = tokens
            .iter()
            .position(|t| matches!(t, TokenTree::Punct(p) if p.as_char() == '<'));
        let inner = open.map(|o| &tokens[o + 1..tokens.len() - 1]);
        let mut cursor = Cursor::of(inner.unwrap_or_default().to_vec(), Span::call_site());
        let ok = cursor.until_comma();
        let error = cursor.until_comma();
        if error.is_empty() || !cursor.is_empty() {
            return Err(Error::over(
                tokens,
                Span::call_site(),
                "expected `Result<T, E>` with E an enum marked #[ferrule_ffi::error] (or ferrule_ffi::FfiError)",
            ));
        }
        let shape = if ok.is_empty() {
            Shape::Unit
        } else {
            shape::parse(&ok, Position::Result, self_type)?
        };
        return Ok(Returns {
            shape,
            error: Some(error),
        });
    }
    Ok(Returns {
        shape: shape::parse(tokens, Position::Result, self_type)?,
        error: None,
    })
}

/// Native parameter names, each used once.
#[derive(Default)]
struct Names(BTreeSet<String>);

impl Names {
    fn take(&mut self, wanted: &str) -> String {
        let mut name = wanted.to_owned();
        while !self.0.insert(name.clone()) {
            name.push('_');
        }
        name
    }
}

/// One C parameter of an export.
struct Native {
    name: String,
    ty: Code,
}

/// Everything an export is made of.
struct Export<'a> {
    symbol: String,
    /// The author's function name: its line is where reports about the export point, since the
    /// compiled crate places every generated item at the attribute (on an impl block, far away).
    at: Span,
    rust: String,
    role: &'static str,
    owner: Option<&'a str>,
    docs: Vec<Attribute>,
    /// The object a method is called on: its type tokens.
    receiver: Option<&'a [TokenTree]>,
    params: &'a [Param],
    result: &'a Returns,
    /// What the call is: `greet` or `Counter::add`.
    call: Code,
    /// The impl block's type, for `Self` results.
    self_type: Option<&'a [TokenTree]>,
    /// Names of the closures' C function types, for each closure parameter.
    callback_name: &'a dyn Fn(&str) -> String,
    /// Declared a leaf call: Java binds it with `Linker.Option.critical`.
    critical: bool,
}

/// The export and its declaration; closures' C types come first.
fn export(export: Export) -> Result<Code> {
    let mut names = Names::default();
    for param in export.params {
        names.take(&param.name.to_string());
    }
    let mut natives: Vec<Native> = Vec::new();
    let mut prepare = Code::new();
    let mut args: Vec<Code> = Vec::new();
    let mut before = Code::new();
    let mut declared_params = Vec::new();

    if let Some(receiver) = export.receiver {
        let owner = export.owner.unwrap_or_default();
        let native = names.take(&tokens::snake_case(owner));
        natives.push(Native {
            name: native.clone(),
            ty: code("u64"),
        });
        let at = span_of(receiver);
        prepare
            .src("let __ferrule_this = ")
            .src_at("::ferrule_ffi::bridge::object_arg::<", at)
            .tokens(receiver)
            .src_at(&format!(">({native}, \"{native}\")?"), at)
            .src(";");
        args.push(code("&*__ferrule_this"));
        declared_params.push(Json::Object(vec![
            ("name", Json::str("self")),
            ("type", Json::str(format!("object:{owner}"))),
            ("natives", Json::strings([native])),
        ]));
    }
    for param in export.params {
        let name = param.name.to_string();
        let first = natives.len();
        let value = param_value(
            &param.shape,
            &name,
            &param.ty,
            &mut names,
            &mut natives,
            &mut before,
            export.callback_name,
            param.args.as_deref(),
            true,
        )?;
        prepare
            .src(&format!("let {name} = "))
            .append(value)
            .src(";");
        args.push(match &param.shape {
            Shape::Object(_) => code(&format!("&*{name}")),
            Shape::Option(inner) if matches!(**inner, Shape::Object(_)) => {
                code(&format!("{name}.as_deref()"))
            }
            _ => code(&name),
        });
        declared_params.push(Json::Object(vec![
            ("name", Json::str(name)),
            ("type", Json::str(param.shape.describe(export.owner))),
            (
                "natives",
                Json::strings(natives[first..].iter().map(|n| n.name.clone())),
            ),
        ]));
    }

    let mut call = export.call;
    call.group(Delimiter::Parenthesis, tokens::join(args, ","));
    if let Some(error) = &export.result.error {
        call.src_at(".map_err(::ferrule_ffi::FfiError::from)?", span_of(error));
    }
    let mut finish = Code::new();
    let first_out = natives.len();
    write_result(
        &export.result.shape,
        export.self_type,
        &mut names,
        &mut natives,
        &mut finish,
    );
    let declared_result = Json::Object(vec![
        (
            "type",
            Json::str(export.result.shape.describe(export.owner)),
        ),
        (
            "natives",
            Json::strings(natives[first_out..].iter().map(|n| n.name.clone())),
        ),
    ]);

    let mut body = Code::new();
    body.append(prepare);
    body.src("let __ferrule_result = ").append(call).src(";");
    body.append(finish);
    let mut closure = Code::new();
    closure
        .src("|| -> ::core::result::Result<(), ::ferrule_ffi::FfiError>")
        .block(body);
    let mut guarded = Code::new();
    guarded
        .src("::ferrule_ffi::guard")
        .group(Delimiter::Parenthesis, closure);

    let mut signature = Vec::new();
    for native in natives {
        let mut one = Code::new();
        one.src(&native.name).src(":").append(native.ty);
        signature.push(one);
    }

    let mut item = before;
    for doc in &export.docs {
        item.tokens(&doc.tokens);
    }
    item.src("#[doc = \"\"] #[doc = \"# Safety\"] #[doc = \"Pointers must be valid for the lengths passed with them, and out-parameters writable.\"]");
    item.src("#[unsafe(no_mangle)] #[allow(clippy::all, unused_unsafe, non_snake_case)]");
    item.src(&format!("pub unsafe extern \"C\" fn {}", export.symbol));
    item.group(Delimiter::Parenthesis, tokens::join(signature, ","));
    item.src("-> i32");
    item.block(guarded);

    let mut entries = vec![
        ("symbol", Json::str(&export.symbol)),
        ("line", Json::Int(export.at.line() as i64)),
        ("rust", Json::str(&export.rust)),
        ("role", Json::str(export.role)),
        ("owner", Json::opt(export.owner)),
        ("params", Json::Array(declared_params)),
        ("returns", declared_result),
    ];
    entries.push((
        "error",
        Json::opt(
            export
                .result
                .error
                .as_ref()
                .map(|e| last_segment(e).unwrap_or_default()),
        ),
    ));
    if export.critical {
        entries.push(("critical", Json::Bool(true)));
    }
    item.append(declare::constant("function", &export.symbol, entries));
    if let Some(error) = &export.result.error {
        if last_segment(error).as_deref() != Some("FfiError") {
            let at = span_of(error);
            item.src("const _: () = ")
                .src_at("::ferrule_ffi::bridge::error_enum::<", at)
                .tokens(error)
                .src_at(">()", at)
                .src(";");
        }
    }
    Ok(item)
}

/// Where a user's type stands: errors about generated code for it point there.
fn span_of(tokens: &[TokenTree]) -> Span {
    tokens.first().map_or_else(Span::call_site, TokenTree::span)
}

fn code(text: &str) -> Code {
    let mut code = Code::new();
    code.src(text);
    code
}

fn last_segment(tokens: &[TokenTree]) -> Option<String> {
    tokens.iter().rev().find_map(|t| match t {
        TokenTree::Ident(ident) => Some(ident.to_string()),
        _ => None,
    })
}

/// The C parameters of one parameter, and the expression that makes its Rust value from them.
#[allow(clippy::too_many_arguments)]
fn param_value(
    shape: &Shape,
    name: &str,
    ty: &[TokenTree],
    names: &mut Names,
    natives: &mut Vec<Native>,
    before: &mut Code,
    callback_name: &dyn Fn(&str) -> String,
    closure_args: Option<&[String]>,
    outermost: bool,
) -> Result<Code> {
    // The parameter's own name is taken already; an Option's inner value reuses it.
    let own = |names: &mut Names| {
        if outermost {
            name.to_owned()
        } else {
            names.take(name)
        }
    };
    let mut value = Code::new();
    match shape {
        Shape::Scalar(Scalar::Bool) => {
            let native = own(names);
            natives.push(Native {
                name: native.clone(),
                ty: code("u8"),
            });
            value.src(&format!(
                "::ferrule_ffi::bridge::bool_arg({native}, \"{name}\")?"
            ));
        }
        Shape::Scalar(scalar) => {
            let native = own(names);
            natives.push(Native {
                name: native.clone(),
                ty: code(scalar.name()),
            });
            value.src(&native);
        }
        Shape::Str | Shape::String | Shape::Bytes | Shape::ByteVec => {
            let pointer = own(names);
            let length = names.take(&format!("{name}_len"));
            natives.push(Native {
                name: pointer.clone(),
                ty: code("*const u8"),
            });
            natives.push(Native {
                name: length.clone(),
                ty: code("usize"),
            });
            let text = matches!(shape, Shape::Str | Shape::String);
            let helper = if text { "str_arg" } else { "bytes_arg" };
            let owned = match shape {
                Shape::String => ".to_owned()",
                Shape::ByteVec => ".to_vec()",
                _ => "",
            };
            value.src(&format!(
                "unsafe {{ ::ferrule_ffi::bridge::{helper}({pointer}, {length}, \"{name}\")? }}{owned}"
            ));
        }
        Shape::Value(named) => {
            let native = own(names);
            let at = span_of(&named.tokens);
            let mut abi = Code::new();
            abi.src_at("<", at)
                .tokens(&named.tokens)
                .src_at(" as ::ferrule_ffi::bridge::Argument>::Abi", at);
            natives.push(Native {
                name: native.clone(),
                ty: abi,
            });
            value.src_at("<", at).tokens(&named.tokens).src_at(
                &format!(" as ::ferrule_ffi::bridge::Argument>::from_abi({native}, \"{name}\")?"),
                at,
            );
        }
        Shape::Object(named) => {
            let native = own(names);
            object_handle(&mut value, natives, "object_arg", named, native, name);
        }
        Shape::Option(inner) => {
            if let Shape::Object(named) = &**inner {
                let native = own(names);
                object_handle(
                    &mut value,
                    natives,
                    "optional_object_arg",
                    named,
                    native,
                    name,
                );
                return Ok(value);
            }
            let present = names.take(&format!("{name}_present"));
            natives.push(Native {
                name: present.clone(),
                ty: code("u8"),
            });
            let inner_value = param_value(
                inner,
                name,
                ty,
                names,
                natives,
                before,
                callback_name,
                closure_args,
                outermost,
            )?;
            value
                .src(&format!(
                    "if ::ferrule_ffi::bridge::present({present}, \"{present}\")? "
                ))
                .block({
                    let mut some = Code::new();
                    some.src("Some").group(Delimiter::Parenthesis, inner_value);
                    some
                })
                .src("else { None }");
        }
        Shape::Closure { params, result } => {
            let callback = own(names);
            let data = names.take(&format!("{name}_data"));
            let alias = callback_name(name);
            let c_params: Vec<String> = params
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let arg =
                        closure_args.map_or_else(|| format!("arg{i}"), |names| names[i].clone());
                    format!("{arg}: {}", p.name())
                })
                .chain(std::iter::once("user_data: usize".to_owned()))
                .collect();
            let returns = result.map_or(String::new(), |r| format!(" -> {}", r.name()));
            before.src(&format!(
                "#[doc = \"The closure `{name}`: called only during the call it is passed to, never after it returns.\"] \
                 #[allow(non_camel_case_types)] pub type {alias} = extern \"C\" fn({}){returns};",
                c_params.join(", ")
            ));
            natives.push(Native {
                name: callback.clone(),
                ty: code(&format!("::core::option::Option<{alias}>")),
            });
            natives.push(Native {
                name: data.clone(),
                ty: code("usize"),
            });
            let args: Vec<String> = (0..params.len()).map(|i| format!("arg{i}")).collect();
            let typed: Vec<String> = params
                .iter()
                .enumerate()
                .map(|(i, p)| format!("arg{i}: {}", p.name()))
                .collect();
            let mut all = args.clone();
            all.push(data.clone());
            value.block(code(&format!(
                "let __ferrule_callback = ::ferrule_ffi::bridge::callback_arg({callback}, \"{name}\")?; \
                 move |{}|{returns} {{ __ferrule_callback({}) }}",
                typed.join(", "),
                all.join(", ")
            )));
        }
        Shape::SelfObject | Shape::Unit => {
            return Err(Error::over(
                ty,
                Span::call_site(),
                "this type cannot be a parameter",
            ))
        }
    }
    Ok(value)
}

/// An object parameter: its handle, and the bridge helper that finds the object behind it.
fn object_handle(
    value: &mut Code,
    natives: &mut Vec<Native>,
    helper: &str,
    named: &Named,
    native: String,
    name: &str,
) {
    let at = span_of(&named.tokens);
    value
        .src_at(&format!("::ferrule_ffi::bridge::{helper}::<"), at)
        .tokens(&named.tokens)
        .src_at(&format!(">({native}, \"{name}\")?"), at);
    natives.push(Native {
        name: native,
        ty: code("u64"),
    });
}

/// The out-parameters of a result, and the code that writes `__ferrule_result` through them.
fn write_result(
    shape: &Shape,
    self_type: Option<&[TokenTree]>,
    names: &mut Names,
    natives: &mut Vec<Native>,
    finish: &mut Code,
) {
    match shape {
        Shape::Unit => {
            finish.src("let () = __ferrule_result; Ok(())");
        }
        Shape::Option(inner) => {
            let present = names.take("out_present");
            let out = names.take("out");
            natives.push(Native {
                name: present.clone(),
                ty: code("*mut bool"),
            });
            natives.push(Native {
                name: out.clone(),
                ty: out_type(inner, self_type),
            });
            let mut mapper = Code::new();
            mapper
                .src("|__ferrule_value|")
                .append(converted(inner, self_type, "__ferrule_value"));
            let mut mapped = Code::new();
            mapped
                .src("__ferrule_result.map")
                .group(Delimiter::Parenthesis, mapper);
            let mut args = Code::new();
            args.src(&format!("{present}, {out},")).append(mapped);
            finish.append(unsafe_call("write_option", args));
        }
        other => {
            let out = names.take("out");
            natives.push(Native {
                name: out.clone(),
                ty: out_type(other, self_type),
            });
            let mut args = Code::new();
            args.src(&format!("{out},"))
                .append(converted(other, self_type, "__ferrule_result"));
            finish.append(unsafe_call("write_out", args));
        }
    }
}

/// `unsafe { ::ferrule_ffi::bridge::<helper>(<args>) }`.
fn unsafe_call(helper: &str, args: Code) -> Code {
    let mut call = Code::new();
    call.src(&format!("::ferrule_ffi::bridge::{helper}"))
        .group(Delimiter::Parenthesis, args);
    let mut code = Code::new();
    code.src("unsafe").block(call);
    code
}

/// The C type an out-parameter points at.
fn out_type(shape: &Shape, self_type: Option<&[TokenTree]>) -> Code {
    let mut ty = Code::new();
    match shape {
        Shape::Scalar(scalar) => {
            ty.src(&format!("*mut {}", scalar.name()));
        }
        Shape::String | Shape::ByteVec => {
            ty.src("*mut ::ferrule_ffi::FfiBuffer");
        }
        Shape::SelfObject => {
            ty.src("*mut u64");
        }
        Shape::Value(named) => {
            let at = span_of(&named.tokens);
            ty.src_at("*mut <", at)
                .tokens(&named.tokens)
                .src_at(" as ::ferrule_ffi::bridge::Output>::Abi", at);
        }
        _ => {
            let _ = self_type;
            ty.src("*mut ()");
        }
    }
    ty
}

/// A result value as its out-parameter holds it.
fn converted(shape: &Shape, self_type: Option<&[TokenTree]>, value: &str) -> Code {
    let mut code = Code::new();
    match shape {
        Shape::String => {
            code.src(&format!("::ferrule_ffi::bridge::string_result({value})"));
        }
        Shape::ByteVec => {
            code.src(&format!("::ferrule_ffi::bridge::bytes_result({value})"));
        }
        Shape::SelfObject => {
            let self_type = self_type.unwrap_or_default();
            let at = span_of(self_type);
            code.src_at("::ferrule_ffi::bridge::object_result::<", at)
                .tokens(self_type)
                .src_at(&format!(">({value})"), at);
        }
        Shape::Value(named) => {
            let at = span_of(&named.tokens);
            code.src_at("<", at).tokens(&named.tokens).src_at(
                &format!(" as ::ferrule_ffi::bridge::Output>::into_abi({value})"),
                at,
            );
        }
        _ => {
            code.src(value);
        }
    }
    code
}

fn closure_count(params: &[Param]) -> usize {
    params
        .iter()
        .filter(|p| matches!(p.shape, Shape::Closure { .. }))
        .count()
}

/// Doc and deprecation attributes, which the export carries too.
fn carried(attributes: &[Attribute]) -> Vec<Attribute> {
    attributes
        .iter()
        .filter(|a| a.name() == "doc" || a.name() == "deprecated")
        .cloned()
        .collect()
}

fn free_function(item: TokenStream, prefix: &str, critical: bool) -> Result<Code> {
    let mut cursor = Cursor::new(item.clone());
    let function = function(&mut cursor, None)?;
    if !function.public {
        return Err(Error::new(
            function.name.span(),
            "an exposed function is `pub`: it is part of the library's API",
        ));
    }
    if critical {
        if let Some(closure) = function
            .params
            .iter()
            .find(|p| matches!(p.shape, Shape::Closure { .. }))
        {
            return Err(Error::new(
                closure.name.span(),
                "a critical export must not call back into Java: the JVM does not make the thread safe for Java during a critical call; remove `critical` or the closure",
            ));
        }
    }
    let name = function.name.to_string();
    let symbol = format!("{prefix}_{name}");
    let closures = closure_count(&function.params);
    let callback_name = |param: &str| {
        let which = if closures == 1 {
            String::new()
        } else {
            tokens::upper_camel(param)
        };
        format!("{}{which}Callback", tokens::upper_camel(&name))
    };
    let mut code = Code::new();
    code.tokens(
        &without_args_attributes(item)
            .into_iter()
            .collect::<Vec<_>>(),
    );
    code.append(export(Export {
        symbol,
        at: function.name.span(),
        rust: name.clone(),
        role: "function",
        owner: None,
        docs: carried(&function.attributes),
        receiver: None,
        params: &function.params,
        result: &function.result,
        call: {
            let mut call = Code::new();
            call.tokens(&[TokenTree::Ident(function.name.clone())]);
            call
        },
        self_type: None,
        callback_name: &callback_name,
        critical,
    })?);
    Ok(code)
}

/// An `impl` block of an object: its type gets a registry of handles, and each `pub fn` an
/// export: constructors (returning `Self`), methods (`&self`) and associated functions.
fn object(item: TokenStream, prefix: &str) -> Result<Code> {
    let mut cursor = Cursor::new(item.clone());
    cursor.attributes();
    if cursor.is_ident("unsafe") {
        return Err(Error::new(
            cursor.span(),
            "an exposed impl block is not `unsafe`",
        ));
    }
    cursor.eat_ident("impl");
    if cursor.is_punct('<') {
        return Err(Error::new(
            cursor.span(),
            "a generic type has no single C form; expose an impl block of a concrete type",
        ));
    }
    let mut self_tokens = Vec::new();
    while let Some(token) = cursor.peek() {
        if matches!(token, TokenTree::Group(g) if g.delimiter() == Delimiter::Brace) {
            break;
        }
        if matches!(token, TokenTree::Ident(i) if i.to_string() == "for") {
            return Err(Error::new(
                token.span(),
                "expose an inherent impl block (`impl Counter`), not a trait implementation",
            ));
        }
        if matches!(token, TokenTree::Ident(i) if i.to_string() == "where") {
            return Err(Error::new(
                token.span(),
                "a `where` clause means generics, which have no single C form",
            ));
        }
        self_tokens.push(cursor.next().unwrap());
    }
    let type_name = match self_tokens.as_slice() {
        [.., TokenTree::Ident(ident)] => ident.to_string(),
        _ => {
            return Err(Error::over(
                &self_tokens,
                cursor.span(),
                "expected the name of a struct: `impl Counter`",
            ))
        }
    };
    if self_tokens
        .iter()
        .any(|t| matches!(t, TokenTree::Punct(p) if p.as_char() == '<'))
    {
        return Err(Error::over(
            &self_tokens,
            cursor.span(),
            "a generic type has no single C form; expose an impl block of a concrete type",
        ));
    }
    let body = cursor.group(Delimiter::Brace, "the impl block's body")?;
    let word = tokens::snake_case(&type_name);
    let registry = format!("__FERRULE_REGISTRY_{}", word.to_uppercase());

    let mut code = Code::new();
    code.tokens(
        &without_args_attributes(item)
            .into_iter()
            .collect::<Vec<_>>(),
    );
    // Everything the type needs stands for the impl block's type: errors, such as a type that is
    // not Send + Sync, point at it.
    let at = span_of(&self_tokens);
    code.src_at(
        "const _: () = ::ferrule_ffi::bridge::exposed_objects_are_shared_across_threads_so_must_be_send_and_sync::<",
        at,
    )
    .tokens(&self_tokens)
    .src_at(">();", at);
    code.src_at(&format!("static {registry}: ::ferrule_ffi::Registry<"), at)
        .tokens(&self_tokens)
        .src_at(
            &format!("> = ::ferrule_ffi::Registry::new(\"{type_name}\");"),
            at,
        );
    code.src_at("impl ::ferrule_ffi::bridge::Object for ", at)
        .tokens(&self_tokens)
        .src_at(
            &format!(
                "{{ fn registry() -> &'static ::ferrule_ffi::Registry<Self> {{ &{registry} }} }}"
            ),
            at,
        );
    code.src_at("impl ::ferrule_ffi::bridge::Output for ", at)
        .tokens(&self_tokens)
        .src_at(
            "{ type Abi = u64; fn into_abi(self) -> u64 { ::ferrule_ffi::bridge::object_result(self) } }",
            at,
        );

    let mut items = Cursor::of(body.stream().into_iter().collect(), body.span());
    let mut exported = BTreeSet::new();
    while !items.is_empty() {
        if !is_fn_item(&items) {
            skip_item(&mut items);
            continue;
        }
        let method = function(&mut items, Some(&type_name))?;
        if !method.public {
            continue;
        }
        let method_name = method.name.to_string();
        if matches!(method_name.as_str(), "release" | "clone") {
            return Err(Error::new(
                method.name.span(),
                format!(
                    "`{method_name}` is the export that {} a handle; give the method another name",
                    if method_name == "release" {
                        "releases"
                    } else {
                        "duplicates"
                    }
                ),
            ));
        }
        let constructor =
            method.receiver == Receiver::None && matches!(method.result.shape, Shape::SelfObject);
        let role = match (&method.receiver, constructor) {
            (Receiver::Shared, _) => "method",
            (Receiver::None, true) => "constructor",
            (Receiver::None, false) => "static",
        };
        let symbol = format!("{prefix}_{word}_{method_name}");
        exported.insert(symbol.clone());
        let closures = closure_count(&method.params);
        let callback_name = |param: &str| {
            let which = if closures == 1 {
                String::new()
            } else {
                tokens::upper_camel(param)
            };
            format!(
                "{type_name}{}{which}Callback",
                tokens::upper_camel(&method_name)
            )
        };
        let mut call = Code::new();
        call.tokens(&self_tokens)
            .src("::")
            .tokens(&[TokenTree::Ident(method.name.clone())]);
        code.append(export(Export {
            symbol,
            at: method.name.span(),
            rust: format!("{type_name}::{method_name}"),
            role,
            owner: Some(&type_name),
            docs: carried(&method.attributes),
            receiver: (method.receiver == Receiver::Shared).then_some(self_tokens.as_slice()),
            params: &method.params,
            result: &method.result,
            call,
            self_type: Some(&self_tokens),
            callback_name: &callback_name,
            critical: false,
        })?);
    }
    let release = format!("{prefix}_{word}_release");
    let clone = format!("{prefix}_{word}_clone");
    // The exports stay at the attribute's span, as all generated unsafe code does, so that a crate
    // may forbid unsafe_code; only the type stands at the user's, for errors about it.
    code.src(&format!(
        "#[doc = \"Releases a `{type_name}` handle. Releasing twice gives STALE_HANDLE; a call in flight on another thread finishes safely.\"] \
         #[unsafe(no_mangle)] #[allow(clippy::all)] \
         pub extern \"C\" fn {release}({word}: u64) -> i32"
    ));
    let mut release_body = Code::new();
    release_body
        .src("::ferrule_ffi::bridge::release::<")
        .tokens(&self_tokens)
        .src(&format!(">({word})"));
    code.block(release_body);
    code.src(&format!(
        "#[doc = \"Writes a second handle to the same `{type_name}` to `out`; each handle is released on its own.\"] \
         #[doc = \"\"] #[doc = \"# Safety\"] #[doc = \"`out` must be writable.\"] \
         #[unsafe(no_mangle)] #[allow(clippy::all, unused_unsafe)] \
         pub unsafe extern \"C\" fn {clone}({word}: u64, out: *mut u64) -> i32"
    ));
    let mut clone_body = Code::new();
    clone_body.src("unsafe").block({
        let mut call = Code::new();
        call.src("::ferrule_ffi::bridge::clone_handle::<")
            .tokens(&self_tokens)
            .src(&format!(">({word}, out)"));
        call
    });
    code.block(clone_body);
    for (role, symbol) in [("release", &release), ("clone", &clone)] {
        let returns = if role == "clone" {
            Json::Object(vec![
                ("type", Json::str(format!("object:{type_name}"))),
                ("natives", Json::strings(["out"])),
            ])
        } else {
            Json::Object(vec![
                ("type", Json::str("unit")),
                ("natives", Json::Array(Vec::new())),
            ])
        };
        code.append(declare::constant(
            "function",
            symbol,
            vec![
                ("symbol", Json::str(symbol.as_str())),
                ("rust", Json::str(format!("{type_name}::{role}"))),
                ("role", Json::str(role)),
                ("owner", Json::str(&type_name)),
                (
                    "params",
                    Json::Array(vec![Json::Object(vec![
                        ("name", Json::str("self")),
                        ("type", Json::str(format!("object:{type_name}"))),
                        ("natives", Json::strings([word.clone()])),
                    ])]),
                ),
                ("returns", returns),
                ("error", Json::Null),
            ],
        ));
    }
    code.append(declare::constant(
        "object",
        &format!("object_{word}"),
        vec![
            ("name", Json::str(&type_name)),
            ("release", Json::str(release)),
            ("clone", Json::str(clone)),
        ],
    ));
    let _ = exported;
    Ok(code)
}

/// Whether the next item of an impl block is a function (after its attributes and visibility).
fn is_fn_item(cursor: &Cursor) -> bool {
    let mut ahead = 0;
    while let Some(TokenTree::Punct(p)) = cursor.peek_at(ahead) {
        if p.as_char() != '#' {
            break;
        }
        ahead += 2;
    }
    if matches!(cursor.peek_at(ahead), Some(TokenTree::Ident(i)) if i.to_string() == "pub") {
        ahead += 1;
        if matches!(cursor.peek_at(ahead), Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Parenthesis)
        {
            ahead += 1;
        }
    }
    for _ in 0..4 {
        match cursor.peek_at(ahead) {
            Some(TokenTree::Ident(i)) if i.to_string() == "fn" => return true,
            Some(TokenTree::Ident(i))
                if matches!(
                    i.to_string().as_str(),
                    "const" | "async" | "unsafe" | "extern"
                ) =>
            {
                ahead += 1;
            }
            Some(TokenTree::Literal(_)) => ahead += 1,
            _ => return false,
        }
    }
    false
}

/// Skips an item that is not a function: up to its `;` or its closing brace.
fn skip_item(cursor: &mut Cursor) {
    while let Some(token) = cursor.next() {
        match token {
            TokenTree::Punct(p) if p.as_char() == ';' => return,
            TokenTree::Group(g) if g.delimiter() == Delimiter::Brace => {
                if cursor.is_punct(';') {
                    cursor.next();
                }
                return;
            }
            _ => {}
        }
    }
}
