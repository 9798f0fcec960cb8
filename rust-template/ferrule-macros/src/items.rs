//! `#[ferrule_ffi::record]`, `#[ferrule_ffi::enumeration]`, `#[ferrule_ffi::error]` and
//! `ferrule_ffi::library!()`: the types that cross by value, the crate's errors, and the runtime
//! exports every library has.

use crate::declare::{self, Json};
use crate::shape::{self, Position, Scalar, Shape};
use crate::tokens::{self, Attribute, Code, Cursor, Error, Result};
use proc_macro::{Delimiter, Group, Ident, Span, TokenStream, TokenTree};

/// The attributes a type keeps, less the derives the macro adds itself, and the derives it adds.
fn derives(attributes: &[Attribute], wanted: &[&str]) -> (Vec<Attribute>, String) {
    let mut present = Vec::new();
    for attribute in attributes.iter().filter(|a| a.name() == "derive") {
        for token in attribute.args() {
            if let TokenTree::Group(group) = token {
                for inner in group.stream() {
                    if let TokenTree::Ident(ident) = inner {
                        present.push(ident.to_string());
                    }
                }
            }
        }
    }
    let missing: Vec<&str> = wanted
        .iter()
        .copied()
        .filter(|w| !present.iter().any(|p| p == w))
        .collect();
    let derive = if missing.is_empty() {
        String::new()
    } else {
        format!("#[derive({})]", missing.join(", "))
    };
    (attributes.to_vec(), derive)
}

/// The `repr` a type already has, if any, as written inside `repr(..)`.
fn repr(attributes: &[Attribute]) -> Option<(String, Span)> {
    attributes.iter().find(|a| a.name() == "repr").map(|a| {
        let args: String = a.args().iter().map(|t| t.to_string()).collect();
        (
            args.trim_matches(|c| c == '(' || c == ')').replace(' ', ""),
            a.span(),
        )
    })
}

fn emit_attributes(code: &mut Code, attributes: &[Attribute]) {
    for attribute in attributes {
        code.tokens(&attribute.tokens);
    }
}

/// The head of a type item: attributes, visibility, keyword, name; generics refused.
struct Head {
    attributes: Vec<Attribute>,
    visibility: Vec<TokenTree>,
    keyword: Ident,
    name: Ident,
    body: Group,
}

fn head(item: TokenStream, keyword: &str, what: &str) -> Result<Head> {
    let mut cursor = Cursor::new(item);
    let attributes = cursor.attributes();
    let visibility = cursor.visibility();
    if !cursor.is_ident(keyword) {
        return Err(Error::new(
            cursor.span(),
            format!("{what} goes on a `{keyword}`"),
        ));
    }
    let keyword = cursor.ident(keyword)?;
    let name = cursor.ident("the type's name")?;
    if cursor.is_punct('<') {
        return Err(Error::new(
            cursor.span(),
            "a generic type has no single C layout; declare a concrete type",
        ));
    }
    let body = match cursor.peek() {
        Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::Brace => group.clone(),
        _ => {
            return Err(Error::new(
                cursor.span(),
                format!("{what} needs named fields or variants in braces"),
            ))
        }
    };
    Ok(Head {
        attributes,
        visibility,
        keyword,
        name,
        body,
    })
}

pub fn record(args: TokenStream, item: TokenStream) -> Result<TokenStream> {
    no_arguments(args, "record")?;
    let head = head(item, "struct", "#[ferrule_ffi::record]")?;
    if let Some((repr, span)) = repr(&head.attributes) {
        if repr != "C" {
            return Err(Error::new(
                span,
                "a record is #[repr(C)], which #[ferrule_ffi::record] adds: remove this repr",
            ));
        }
    }
    let name = head.name.to_string();
    let mut fields = Vec::new();
    let mut cursor = Cursor::of(head.body.stream().into_iter().collect(), head.body.span());
    while !cursor.is_empty() {
        cursor.attributes();
        let visibility = cursor.visibility();
        let field = cursor.ident("a field name")?;
        if !cursor.eat_punct(':') {
            return Err(Error::new(cursor.span(), "expected `name: Type`"));
        }
        let ty = cursor.until_comma();
        let shape = shape::parse(&ty, Position::Field, None)?;
        if visibility.is_empty() {
            return Err(Error::new(
                field.span(),
                "a record's fields are `pub`: Java reads and writes every one",
            ));
        }
        fields.push((field, ty, shape));
    }
    let (attributes, derive) = derives(&head.attributes, &["Clone", "Copy", "Debug", "PartialEq"]);
    let declared = fields
        .iter()
        .map(|(field, _, shape)| {
            Json::Object(vec![
                ("name", Json::str(field.to_string())),
                ("type", Json::str(shape.describe(None))),
            ])
        })
        .collect();
    record_output(&name, &head, &attributes, &derive, &fields, declared)
}

/// Writes a record's type, its conversions and its declaration.
fn record_output(
    name: &str,
    head: &Head,
    attributes: &[Attribute],
    derive: &str,
    fields: &[(Ident, Vec<TokenTree>, Shape)],
    declared: Vec<Json>,
) -> Result<TokenStream> {
    let mut code = Code::new();
    emit_attributes(&mut code, attributes);
    if repr(attributes).is_none() {
        code.src("#[repr(C)]");
    }
    code.src(derive);
    code.tokens(&head.visibility)
        .tokens(&[
            TokenTree::Ident(head.keyword.clone()),
            TokenTree::Ident(head.name.clone()),
        ])
        .tokens(&[TokenTree::Group(head.body.clone())]);

    let mut check = Code::new();
    check.src("let _ = (&record, offset, name);");
    for (field, ty, shape) in fields {
        let offset = format!("offset + ::core::mem::offset_of!({name}, {field})");
        match shape {
            Shape::Scalar(Scalar::Bool) => {
                check.src(&format!(
                    "::ferrule_ffi::bridge::check_bool_field(record, {offset}, name)?;"
                ));
            }
            Shape::Value(_) => {
                check.src("<").tokens(ty).src(&format!(
                    " as ::ferrule_ffi::bridge::Argument>::check_in(record, {offset}, name)?;"
                ));
            }
            _ => {}
        }
    }
    check.src("Ok(())");
    let mut body = Code::new();
    body.src(&format!(
        "type Abi = ::core::mem::MaybeUninit<{name}>; \
         fn check_in<R>(record: &::core::mem::MaybeUninit<R>, offset: usize, name: &'static str) \
         -> ::core::result::Result<(), ::ferrule_ffi::FfiError>"
    ))
    .block(check)
    .src(&format!(
        "fn from_abi(abi: Self::Abi, name: &'static str) -> ::core::result::Result<{name}, ::ferrule_ffi::FfiError> \
         {{ ::ferrule_ffi::bridge::record_from_abi(abi, name) }}"
    ));
    code.src(&format!(
        "unsafe impl ::ferrule_ffi::bridge::Argument for {name}"
    ))
    .block(body);
    code.src(&format!(
        "impl ::ferrule_ffi::bridge::Output for {name} {{ type Abi = {name}; fn into_abi(self) -> {name} {{ self }} }}"
    ));
    code.append(declare::constant(
        "record",
        &format!("record_{}", tokens::snake_case(name)),
        vec![("name", Json::str(name)), ("fields", Json::Array(declared))],
    ));
    Ok(code.into_stream())
}

/// A fieldless enum's variants: attributes, name, and the discriminant as written.
struct Variant {
    attributes: Vec<Attribute>,
    name: Ident,
    discriminant: Option<Vec<TokenTree>>,
}

fn variants(body: &Group, what: &str) -> Result<Vec<Variant>> {
    let mut cursor = Cursor::of(body.stream().into_iter().collect(), body.span());
    let mut variants = Vec::new();
    while !cursor.is_empty() {
        let attributes = cursor.attributes();
        let name = cursor.ident("a variant")?;
        if let Some(TokenTree::Group(group)) = cursor.peek() {
            return Err(Error::new(
                group.span(),
                format!("{what} variants carry no data: enums with data are the next step"),
            ));
        }
        let mut discriminant = None;
        let rest = cursor.until_comma();
        if let Some((first, value)) = rest.split_first() {
            if matches!(first, TokenTree::Punct(p) if p.as_char() == '=') {
                discriminant = Some(value.to_vec());
            } else {
                return Err(Error::new(first.span(), "expected `,` or `= value`"));
            }
        }
        variants.push(Variant {
            attributes,
            name,
            discriminant,
        });
    }
    if variants.is_empty() {
        return Err(Error::new(
            body.span(),
            format!("{what} needs at least one variant"),
        ));
    }
    Ok(variants)
}

pub fn enumeration(args: TokenStream, item: TokenStream) -> Result<TokenStream> {
    no_arguments(args, "enumeration")?;
    let head = head(item, "enum", "#[ferrule_ffi::enumeration]")?;
    if let Some((repr, span)) = repr(&head.attributes) {
        if repr != "i32" {
            return Err(Error::new(
                span,
                "an enumeration crosses as an i32, which #[ferrule_ffi::enumeration] sets: remove this repr",
            ));
        }
    }
    let variants = variants(&head.body, "an enumeration's")?;
    let name = head.name.to_string();
    let (attributes, derive) = derives(
        &head.attributes,
        &["Clone", "Copy", "Debug", "PartialEq", "Eq", "Hash"],
    );
    let mut code = Code::new();
    emit_attributes(&mut code, &attributes);
    if repr(&attributes).is_none() {
        code.src("#[repr(i32)]");
    }
    code.src(&derive);
    code.tokens(&head.visibility)
        .tokens(&[
            TokenTree::Ident(head.keyword.clone()),
            TokenTree::Ident(head.name.clone()),
        ])
        .tokens(&[TokenTree::Group(head.body.clone())]);
    let mut matches = String::new();
    for variant in &variants {
        let v = &variant.name;
        matches.push_str(&format!(
            "if abi == {name}::{v} as i32 {{ return Ok({name}::{v}); }} "
        ));
    }
    code.src(&format!(
        "unsafe impl ::ferrule_ffi::bridge::Argument for {name} {{ \
           type Abi = i32; \
           fn check_in<R>(record: &::core::mem::MaybeUninit<R>, offset: usize, name: &'static str) \
             -> ::core::result::Result<(), ::ferrule_ffi::FfiError> {{ \
             Self::from_abi(::ferrule_ffi::bridge::read_field::<R, i32>(record, offset), name).map(|_| ()) }} \
           fn from_abi(abi: i32, name: &'static str) -> ::core::result::Result<{name}, ::ferrule_ffi::FfiError> {{ \
             {matches} Err(::ferrule_ffi::bridge::unknown_variant(\"{name}\", abi, name)) }} }} \
         impl ::ferrule_ffi::bridge::Output for {name} {{ type Abi = i32; fn into_abi(self) -> i32 {{ self as i32 }} }}"
    ));
    code.append(declare::constant(
        "enumeration",
        &format!("enumeration_{}", tokens::snake_case(&name)),
        vec![
            ("name", Json::str(&name)),
            (
                "variants",
                Json::strings(variants.iter().map(|v| v.name.to_string())),
            ),
        ],
    ));
    Ok(code.into_stream())
}

pub fn error(args: TokenStream, item: TokenStream) -> Result<TokenStream> {
    no_arguments(args, "error")?;
    let head = head(item, "enum", "#[ferrule_ffi::error]")?;
    if let Some((_, span)) = repr(&head.attributes) {
        return Err(Error::new(
            span,
            "an error enum is #[repr(i32)] with positive codes, which #[ferrule_ffi::error] sets: remove this repr",
        ));
    }
    let variants = variants(&head.body, "an error enum's")?;
    let name = head.name.to_string();
    let mut next: i64 = 1;
    let mut body = Code::new();
    let mut descriptions = String::new();
    for (i, variant) in variants.iter().enumerate() {
        let code_value = match &variant.discriminant {
            None => next,
            Some(tokens) => match tokens.as_slice() {
                [TokenTree::Punct(minus), ..] if minus.as_char() == '-' => {
                    return Err(Error::over(
                        tokens,
                        minus.span(),
                        "an error code is a positive i32: negative codes are ferrule-ffi's own",
                    ))
                }
                [TokenTree::Literal(literal)] => literal
                    .to_string()
                    .replace('_', "")
                    .parse::<i64>()
                    .ok()
                    .filter(|v| *v > 0 && *v <= i64::from(i32::MAX))
                    .ok_or_else(|| {
                        Error::new(
                            literal.span(),
                            "an error code is a positive i32: negative codes are ferrule-ffi's own",
                        )
                    })?,
                _ => {
                    return Err(Error::over(
                        tokens,
                        variant.name.span(),
                        "an error code is an integer literal",
                    ))
                }
            },
        };
        next = code_value + 1;
        let mut message = None;
        for attribute in &variant.attributes {
            if attribute.name() == "message" {
                let args = attribute.args();
                message = match args.as_slice() {
                    [TokenTree::Group(group)] => {
                        let inner: Vec<TokenTree> = group.stream().into_iter().collect();
                        match inner.as_slice() {
                            [TokenTree::Literal(literal)] => tokens::unquote(&literal.to_string()),
                            _ => None,
                        }
                    }
                    _ => None,
                };
                if message.is_none() {
                    return Err(Error::new(
                        attribute.span(),
                        "expected #[message(\"a fixed description\")]",
                    ));
                }
            }
        }
        let message = message
            .unwrap_or_else(|| tokens::snake_case(&variant.name.to_string()).replace('_', " "));
        for attribute in variant.attributes.iter().filter(|a| a.name() != "message") {
            body.tokens(&attribute.tokens);
        }
        body.tokens(&[TokenTree::Ident(variant.name.clone())])
            .src(&format!("= {code_value}"));
        if i + 1 < variants.len() {
            body.src(",");
        }
        let mut literal = Code::new();
        literal.string(&message);
        descriptions.push_str(&format!(
            "{name}::{} => {}, ",
            variant.name,
            literal.into_stream()
        ));
    }
    let (attributes, derive) = derives(
        &head.attributes,
        &["Clone", "Copy", "Debug", "PartialEq", "Eq", "Hash"],
    );
    let mut code = Code::new();
    emit_attributes(&mut code, &attributes);
    code.src("#[repr(i32)]").src(&derive);
    code.tokens(&head.visibility)
        .tokens(&[
            TokenTree::Ident(head.keyword.clone()),
            TokenTree::Ident(head.name.clone()),
        ])
        .block(body);
    code.src(&format!(
        "impl ::ferrule_ffi::ErrorCode for {name} {{ \
           fn code(self) -> i32 {{ self as i32 }} \
           fn description(self) -> &'static str {{ match self {{ {descriptions} }} }} }} \
         impl ::core::fmt::Display for {name} {{ \
           fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {{ \
             f.write_str(::ferrule_ffi::ErrorCode::description(*self)) }} }} \
         impl ::std::error::Error for {name} {{}}"
    ));
    code.append(declare::constant(
        "error",
        &format!("error_{}", tokens::snake_case(&name)),
        vec![("name", Json::str(&name))],
    ));
    Ok(code.into_stream())
}

/// `library!()`: the runtime exports (last error, buffer release, live objects, log callback,
/// build info, ABI fingerprint), named after the crate.
pub fn library(input: TokenStream) -> Result<TokenStream> {
    let prefix = tokens::crate_prefix(Span::call_site())?;
    let tokens: Vec<TokenTree> = input.into_iter().collect();
    if !tokens.is_empty() {
        let given = match tokens.as_slice() {
            [TokenTree::Ident(key), TokenTree::Punct(eq), TokenTree::Literal(value)]
                if key.to_string() == "prefix" && eq.as_char() == '=' =>
            {
                tokens::unquote(&value.to_string())
            }
            _ => None,
        };
        match given {
            Some(given) if given == prefix => {}
            Some(given) => {
                return Err(Error::over(
                    &tokens,
                    Span::call_site(),
                    format!(
                        "the prefix is the library's name, `{prefix}`, which every export starts with; \
                         to use `{given}`, name the library so in Cargo.toml ([lib] name = \"{given}\")"
                    ),
                ))
            }
            None => {
                return Err(Error::over(
                    &tokens,
                    Span::call_site(),
                    "expected `library!()` or `library!(prefix = \"name\")`",
                ))
            }
        }
    }
    let mut code = Code::new();
    code.src("::ferrule_ffi::export_runtime!");
    let mut names = Code::new();
    for export in [
        "last_error_message",
        "last_error_length",
        "live_objects",
        "live_objects_report",
        "buffer_free",
        "set_log_callback",
        "build_info",
        "abi_fingerprint",
    ] {
        names.src(&format!("{export} = {prefix}_{export};"));
    }
    code.block(names);
    code.append(declare::constant(
        "library",
        "library",
        vec![("prefix", Json::str(&prefix))],
    ));
    Ok(code.into_stream())
}

fn no_arguments(args: TokenStream, name: &str) -> Result<()> {
    match args.into_iter().next() {
        Some(token) => Err(Error::new(
            token.span(),
            format!("#[ferrule_ffi::{name}] takes no arguments"),
        )),
        None => Ok(()),
    }
}
