//! The Rust types that may cross to Java, read from tokens: what each is, for the code and the
//! declaration the macros write. A type outside the list is an error at its tokens that says what
//! is supported instead.

use crate::tokens::{self, Cursor, Error, Result};
use proc_macro::{Delimiter, Span, TokenTree};

/// A number or a boolean, as Rust and C both spell it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Scalar {
    I8,
    I16,
    I32,
    I64,
    U8,
    U16,
    U32,
    U64,
    F32,
    F64,
    Bool,
}

impl Scalar {
    pub fn parse(name: &str) -> Option<Scalar> {
        Some(match name {
            "i8" => Scalar::I8,
            "i16" => Scalar::I16,
            "i32" => Scalar::I32,
            "i64" => Scalar::I64,
            "u8" => Scalar::U8,
            "u16" => Scalar::U16,
            "u32" => Scalar::U32,
            "u64" => Scalar::U64,
            "f32" => Scalar::F32,
            "f64" => Scalar::F64,
            "bool" => Scalar::Bool,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Scalar::I8 => "i8",
            Scalar::I16 => "i16",
            Scalar::I32 => "i32",
            Scalar::I64 => "i64",
            Scalar::U8 => "u8",
            Scalar::U16 => "u16",
            Scalar::U32 => "u32",
            Scalar::U64 => "u64",
            Scalar::F32 => "f32",
            Scalar::F64 => "f64",
            Scalar::Bool => "bool",
        }
    }
}

/// A named type of the crate, as written (`Settings`, `crate::model::Settings`).
#[derive(Clone)]
pub struct Named {
    pub tokens: Vec<TokenTree>,
    /// The last segment: the name the C ABI and Java know it by.
    pub name: String,
}

/// What a parameter or a result is.
#[derive(Clone)]
pub enum Shape {
    Scalar(Scalar),
    /// `&str`
    Str,
    /// `String`
    String,
    /// `&[u8]`
    Bytes,
    /// `Vec<u8>`
    ByteVec,
    /// A record or an enum, by value; or, as a result, an object.
    Value(Named),
    /// `&T` of an object.
    Object(Named),
    Option(Box<Shape>),
    /// `impl Fn(..) -> R` or `impl FnMut(..) -> R`, which lives for the call.
    Closure {
        params: Vec<Scalar>,
        result: Option<Scalar>,
    },
    /// `Self`, or the type of the impl block: a new object.
    SelfObject,
    Unit,
}

impl Shape {
    /// The shape as the declaration records it: `i64`, `&str`, `Option<value:Settings>`,
    /// `object:Counter`, `closure:(i64)->bool`.
    pub fn describe(&self, self_name: Option<&str>) -> String {
        match self {
            Shape::Scalar(scalar) => scalar.name().to_owned(),
            Shape::Str => "&str".to_owned(),
            Shape::String => "String".to_owned(),
            Shape::Bytes => "&[u8]".to_owned(),
            Shape::ByteVec => "Vec<u8>".to_owned(),
            Shape::Value(named) => format!("value:{}", named.name),
            Shape::Object(named) => format!("object:{}", named.name),
            Shape::Option(inner) => format!("Option<{}>", inner.describe(self_name)),
            Shape::Closure { params, result } => format!(
                "closure:({}){}",
                params
                    .iter()
                    .map(|p| p.name())
                    .collect::<Vec<_>>()
                    .join(","),
                result.map_or(String::new(), |r| format!("->{}", r.name()))
            ),
            Shape::SelfObject => format!("object:{}", self_name.unwrap_or("Self")),
            Shape::Unit => "unit".to_owned(),
        }
    }
}

/// Where a type stands: what it may be differs.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Position {
    Param,
    Result,
    Field,
}

const SUPPORTED: &str =
    "supported are i8-i64, u8-u64, f32, f64, bool, &str, String, &[u8], Vec<u8>, \
     records (#[ferrule_ffi::record]), enumerations (#[ferrule_ffi::enumeration]), objects as &T, \
     Option of each, and closures (impl Fn / impl FnMut) as parameters";

/// Reads one type.
///
/// `self_type` is the name of the impl block's type, when there is one: it is an object.
pub fn parse(tokens: &[TokenTree], position: Position, self_type: Option<&str>) -> Result<Shape> {
    let fallback = Span::call_site();
    let unsupported = |why: &str| {
        Err(Error::over(
            tokens,
            fallback,
            format!(
                "`{}` cannot cross to Java{why}; {SUPPORTED}",
                tokens::pretty(tokens)
            ),
        ))
    };
    let mut cursor = Cursor::of(tokens.to_vec(), fallback);
    if cursor.is_empty() {
        return Err(Error::new(fallback, "expected a type"));
    }
    if cursor.eat_punct('&') {
        skip_lifetime(&mut cursor);
        if cursor.is_ident("mut") {
            return unsupported(
                ": the host cannot lend Rust a mutable borrow; take the value and return the result",
            );
        }
        if position == Position::Field {
            return unsupported(": a record holds values, not borrows");
        }
        if position == Position::Result {
            return unsupported(": a result cannot borrow from the call; return an owned value");
        }
        let inner = cursor.rest();
        if let [TokenTree::Ident(ident)] = inner.as_slice() {
            if ident.to_string() == "str" {
                return Ok(Shape::Str);
            }
        }
        if let [TokenTree::Group(group)] = inner.as_slice() {
            if group.delimiter() == Delimiter::Bracket && group.stream().to_string() == "u8" {
                return Ok(Shape::Bytes);
            }
        }
        return match path(&inner) {
            Some(named) if !is_known_generic(&named.name) => Ok(Shape::Object(named)),
            _ => unsupported(""),
        };
    }
    if cursor.eat_ident("impl") {
        return closure(&mut cursor, tokens, position);
    }
    if let Some(TokenTree::Group(group)) = cursor.peek() {
        if group.delimiter() == Delimiter::Parenthesis
            && group.stream().is_empty()
            && tokens.len() == 1
        {
            return Ok(Shape::Unit);
        }
        return unsupported(": tuples and arrays are not supported yet");
    }
    let Some(named) = path(tokens) else {
        return unsupported("");
    };
    if let Some(scalar) = Scalar::parse(&named.name).filter(|_| tokens.len() == 1) {
        return Ok(Shape::Scalar(scalar));
    }
    let args = generic_args(tokens);
    match (named.name.as_str(), args.as_deref()) {
        ("String", None) => return field_check(position, tokens, Shape::String),
        ("Vec", Some([arg])) if arg.len() == 1 && arg[0].to_string() == "u8" => {
            return field_check(position, tokens, Shape::ByteVec)
        }
        ("Vec", _) => return unsupported(": lists of other than bytes are the next step"),
        ("Option", Some([arg])) => {
            if position == Position::Field {
                return unsupported(": records hold plain values for now");
            }
            let inner = parse(arg, position, self_type)?;
            return match inner {
                Shape::Option(_) => unsupported(": an Option of an Option has no Java form"),
                Shape::Closure { .. } => unsupported(": pass a closure, always"),
                Shape::Unit => unsupported(""),
                inner => Ok(Shape::Option(Box::new(inner))),
            };
        }
        ("Result", _) => {
            return unsupported(
                ": only a function's result may be a Result, at the outermost level",
            )
        }
        ("Self", None) if self_type.is_some() => return Ok(Shape::SelfObject),
        ("usize" | "isize", None) => {
            return unsupported(": its width depends on the target; use u64 or i64")
        }
        ("char" | "u128" | "i128", None) => return unsupported(""),
        (name, None) if self_type == Some(name) => {
            if position == Position::Param {
                return unsupported(": an object is passed by reference; take `&self` or `&T`");
            }
            return Ok(Shape::SelfObject);
        }
        (name, Some(_)) if is_known_generic(name) => return unsupported(""),
        (_, Some(_)) => return unsupported(": generic types have no single C form"),
        _ => {}
    }
    Ok(Shape::Value(named))
}

fn field_check(position: Position, tokens: &[TokenTree], shape: Shape) -> Result<Shape> {
    if position == Position::Field {
        return Err(Error::over(
            tokens,
            Span::call_site(),
            "records with String or Vec fields are the next step; a record holds numbers, booleans, \
             enumerations and other records for now",
        ));
    }
    Ok(shape)
}

fn is_known_generic(name: &str) -> bool {
    matches!(
        name,
        "Box" | "Rc" | "Arc" | "HashMap" | "BTreeMap" | "HashSet" | "Cow" | "RefCell" | "Mutex"
    )
}

fn skip_lifetime(cursor: &mut Cursor) {
    if cursor.is_punct('\'') {
        cursor.next();
        cursor.next();
    }
}

/// A path type without generic arguments, or with them for the last segment only: its tokens
/// and its last segment.
fn path(tokens: &[TokenTree]) -> Option<Named> {
    let mut name = None;
    let mut end = tokens.len();
    for (i, token) in tokens.iter().enumerate() {
        match token {
            TokenTree::Ident(ident) => name = Some(ident.to_string()),
            TokenTree::Punct(punct) if punct.as_char() == ':' => {}
            TokenTree::Punct(punct) if punct.as_char() == '<' => {
                end = i;
                break;
            }
            _ => return None,
        }
    }
    let name = name?;
    Some(Named {
        tokens: tokens[..end].to_vec(),
        name,
    })
}

/// The generic arguments of a path's last segment, split at top-level commas.
fn generic_args(tokens: &[TokenTree]) -> Option<Vec<Vec<TokenTree>>> {
    let open = tokens
        .iter()
        .position(|t| matches!(t, TokenTree::Punct(p) if p.as_char() == '<'))?;
    let inner = &tokens[open + 1..tokens.len().checked_sub(1)?];
    let mut cursor = Cursor::of(inner.to_vec(), Span::call_site());
    let mut args = Vec::new();
    while !cursor.is_empty() {
        args.push(cursor.until_comma());
    }
    Some(args)
}

fn closure(cursor: &mut Cursor, tokens: &[TokenTree], position: Position) -> Result<Shape> {
    let wrong = |message: &str| Err(Error::over(tokens, Span::call_site(), message));
    if position != Position::Param {
        return wrong(
            "a closure can only be a parameter: it lives for the call; callbacks that outlive the call are the next step",
        );
    }
    let kind = cursor.ident("Fn or FnMut")?.to_string();
    if kind != "Fn" && kind != "FnMut" {
        return wrong("expected `impl Fn(..)` or `impl FnMut(..)`: the closure runs during the call, perhaps many times");
    }
    let args = cursor.group(Delimiter::Parenthesis, "the closure's parameters")?;
    let mut params = Vec::new();
    let mut inner = Cursor::of(args.stream().into_iter().collect(), args.span());
    while !inner.is_empty() {
        let param = inner.until_comma();
        match param.as_slice() {
            [TokenTree::Ident(ident)] if Scalar::parse(&ident.to_string()).is_some() => {
                params.push(Scalar::parse(&ident.to_string()).unwrap())
            }
            _ => {
                return Err(Error::over(
                    &param,
                    args.span(),
                    "a closure's parameters are numbers and booleans for now",
                ))
            }
        }
    }
    let mut result = None;
    if cursor.eat_punct('-') {
        cursor.eat_punct('>');
        let rest = cursor.rest();
        match rest.as_slice() {
            [TokenTree::Ident(ident)] if Scalar::parse(&ident.to_string()).is_some() => {
                result = Scalar::parse(&ident.to_string())
            }
            [TokenTree::Group(group)] if group.stream().is_empty() => {}
            _ => {
                return Err(Error::over(
                    &rest,
                    Span::call_site(),
                    "a closure returns a number, a boolean or nothing for now",
                ))
            }
        }
    }
    if !cursor.is_empty() {
        return wrong("expected `impl Fn(..) -> R` with no further bounds");
    }
    Ok(Shape::Closure { params, result })
}
