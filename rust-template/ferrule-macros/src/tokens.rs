//! Reading and writing token streams with the toolchain's `proc_macro` alone: a cursor over
//! token trees, the item parts the attributes need, and a builder that mixes generated code with
//! the user's own tokens, so that an error about a user's type points at that type.

use proc_macro::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};

/// A compile error at the user's tokens: `compile_error!` spanning `start..end`.
pub struct Error {
    start: Span,
    end: Span,
    message: String,
}

impl Error {
    pub fn new(span: Span, message: impl Into<String>) -> Error {
        Error {
            start: span,
            end: span,
            message: message.into(),
        }
    }

    /// An error over a run of tokens, from the first to the last.
    pub fn over(tokens: &[TokenTree], fallback: Span, message: impl Into<String>) -> Error {
        let start = tokens.first().map_or(fallback, TokenTree::span);
        let end = tokens.last().map_or(fallback, TokenTree::span);
        Error {
            start,
            end,
            message: message.into(),
        }
    }

    /// `compile_error!("...")`, its name at the start and its argument at the end, so that the
    /// compiler underlines the whole run.
    pub fn into_compile_error(self) -> TokenStream {
        let mut bang = Punct::new('!', Spacing::Alone);
        bang.set_span(self.start);
        let mut message = Literal::string(&self.message);
        message.set_span(self.end);
        let mut args = Group::new(Delimiter::Parenthesis, TokenTree::Literal(message).into());
        args.set_span(self.end);
        let mut semi = Punct::new(';', Spacing::Alone);
        semi.set_span(self.end);
        [
            TokenTree::Ident(Ident::new("compile_error", self.start)),
            TokenTree::Punct(bang),
            TokenTree::Group(args),
            TokenTree::Punct(semi),
        ]
        .into_iter()
        .collect()
    }
}

pub type Result<T> = std::result::Result<T, Error>;

/// Code being written: generated text and the user's tokens, in order.
#[derive(Default)]
pub struct Code(Vec<TokenTree>);

impl Code {
    pub fn new() -> Code {
        Code::default()
    }

    /// Appends generated Rust source. Its delimiters must balance within `text`.
    pub fn src(&mut self, text: &str) -> &mut Code {
        let parsed: TokenStream = text
            .parse()
            .unwrap_or_else(|_| panic!("ferrule-macros wrote unbalanced code: {text}"));
        self.0.extend(parsed);
        self
    }

    /// Appends generated Rust source that stands for the user's tokens at `span`, so that an
    /// error in it points there rather than at the attribute.
    pub fn src_at(&mut self, text: &str, span: Span) -> &mut Code {
        let parsed: TokenStream = text
            .parse()
            .unwrap_or_else(|_| panic!("ferrule-macros wrote unbalanced code: {text}"));
        self.0
            .extend(parsed.into_iter().map(|tree| respan(tree, span)));
        self
    }

    /// Appends the user's tokens, spans and all.
    pub fn tokens(&mut self, tokens: &[TokenTree]) -> &mut Code {
        self.0.extend(tokens.iter().cloned());
        self
    }

    /// Appends a delimited group around other code.
    pub fn group(&mut self, delimiter: Delimiter, inner: Code) -> &mut Code {
        self.0
            .push(TokenTree::Group(Group::new(delimiter, inner.into_stream())));
        self
    }

    /// Appends `{ inner }`.
    pub fn block(&mut self, inner: Code) -> &mut Code {
        self.group(Delimiter::Brace, inner)
    }

    /// Appends a string literal.
    pub fn string(&mut self, text: &str) -> &mut Code {
        self.0.push(TokenTree::Literal(Literal::string(text)));
        self
    }

    pub fn append(&mut self, other: Code) -> &mut Code {
        self.0.extend(other.0);
        self
    }

    pub fn into_stream(self) -> TokenStream {
        self.0.into_iter().collect()
    }
}

fn respan(tree: TokenTree, span: Span) -> TokenTree {
    match tree {
        TokenTree::Group(group) => {
            let inner = group
                .stream()
                .into_iter()
                .map(|t| respan(t, span))
                .collect();
            let mut respanned = Group::new(group.delimiter(), inner);
            respanned.set_span(span);
            TokenTree::Group(respanned)
        }
        mut other => {
            other.set_span(span);
            other
        }
    }
}

/// Joins token runs with a separator.
pub fn join(parts: Vec<Code>, separator: &str) -> Code {
    let mut code = Code::new();
    for (i, part) in parts.into_iter().enumerate() {
        if i > 0 {
            code.src(separator);
        }
        code.append(part);
    }
    code
}

/// An outer attribute: `#[...]`, a doc comment included (the compiler hands those over as
/// `#[doc = "..."]`).
#[derive(Clone)]
pub struct Attribute {
    pub tokens: Vec<TokenTree>,
}

impl Attribute {
    /// The attribute's path: `doc`, `derive`, `repr`, `message`.
    pub fn name(&self) -> String {
        match self.tokens.get(1) {
            Some(TokenTree::Group(group)) => group
                .stream()
                .into_iter()
                .next()
                .map(|t| t.to_string())
                .unwrap_or_default(),
            _ => String::new(),
        }
    }

    /// What follows the name inside the brackets.
    pub fn args(&self) -> Vec<TokenTree> {
        match self.tokens.get(1) {
            Some(TokenTree::Group(group)) => group.stream().into_iter().skip(1).collect(),
            _ => Vec::new(),
        }
    }

    pub fn span(&self) -> Span {
        self.tokens[0].span()
    }
}

/// A position in a run of token trees.
pub struct Cursor {
    tokens: Vec<TokenTree>,
    at: usize,
    /// Where errors point when the input ends too early.
    end: Span,
}

impl Cursor {
    pub fn new(stream: TokenStream) -> Cursor {
        Cursor::of(stream.into_iter().collect(), Span::call_site())
    }

    pub fn of(tokens: Vec<TokenTree>, end: Span) -> Cursor {
        Cursor { tokens, at: 0, end }
    }

    pub fn peek(&self) -> Option<&TokenTree> {
        self.tokens.get(self.at)
    }

    pub fn peek_at(&self, ahead: usize) -> Option<&TokenTree> {
        self.tokens.get(self.at + ahead)
    }

    pub fn is_empty(&self) -> bool {
        self.at >= self.tokens.len()
    }

    pub fn next(&mut self) -> Option<TokenTree> {
        let token = self.tokens.get(self.at).cloned();
        self.at += 1;
        token
    }

    /// Where the next token is, or the end of the input.
    pub fn span(&self) -> Span {
        self.peek().map_or(self.end, TokenTree::span)
    }

    pub fn is_ident(&self, name: &str) -> bool {
        matches!(self.peek(), Some(TokenTree::Ident(ident)) if ident.to_string() == name)
    }

    pub fn is_punct(&self, ch: char) -> bool {
        matches!(self.peek(), Some(TokenTree::Punct(punct)) if punct.as_char() == ch)
    }

    pub fn eat_ident(&mut self, name: &str) -> bool {
        let found = self.is_ident(name);
        if found {
            self.at += 1;
        }
        found
    }

    pub fn eat_punct(&mut self, ch: char) -> bool {
        let found = self.is_punct(ch);
        if found {
            self.at += 1;
        }
        found
    }

    pub fn ident(&mut self, what: &str) -> Result<Ident> {
        match self.peek() {
            Some(TokenTree::Ident(ident)) => {
                let ident = ident.clone();
                self.at += 1;
                Ok(ident)
            }
            _ => Err(Error::new(self.span(), format!("expected {what}"))),
        }
    }

    pub fn group(&mut self, delimiter: Delimiter, what: &str) -> Result<Group> {
        match self.peek() {
            Some(TokenTree::Group(group)) if group.delimiter() == delimiter => {
                let group = group.clone();
                self.at += 1;
                Ok(group)
            }
            _ => Err(Error::new(self.span(), format!("expected {what}"))),
        }
    }

    /// Outer attributes, doc comments included.
    pub fn attributes(&mut self) -> Vec<Attribute> {
        let mut attributes = Vec::new();
        while self.is_punct('#') {
            if let Some(TokenTree::Group(group)) = self.peek_at(1) {
                if group.delimiter() == Delimiter::Bracket {
                    let tokens = vec![self.next().unwrap(), self.next().unwrap()];
                    attributes.push(Attribute { tokens });
                    continue;
                }
            }
            break;
        }
        attributes
    }

    /// `pub`, `pub(crate)`, `pub(in path)`, or nothing.
    pub fn visibility(&mut self) -> Vec<TokenTree> {
        let mut tokens = Vec::new();
        if self.is_ident("pub") {
            tokens.push(self.next().unwrap());
            if let Some(TokenTree::Group(group)) = self.peek() {
                if group.delimiter() == Delimiter::Parenthesis {
                    tokens.push(self.next().unwrap());
                }
            }
        }
        tokens
    }

    /// The tokens up to the next comma at this level (angle brackets counted), and the comma.
    pub fn until_comma(&mut self) -> Vec<TokenTree> {
        let mut depth = 0i32;
        let mut taken = Vec::new();
        let mut previous_joint_dash = false;
        while let Some(token) = self.peek() {
            if let TokenTree::Punct(punct) = token {
                match punct.as_char() {
                    ',' if depth == 0 => {
                        self.at += 1;
                        break;
                    }
                    '<' => depth += 1,
                    '>' if !previous_joint_dash => depth -= 1,
                    _ => {}
                }
                previous_joint_dash = punct.as_char() == '-' && punct.spacing() == Spacing::Joint;
            } else {
                previous_joint_dash = false;
            }
            taken.push(self.next().unwrap());
        }
        taken
    }

    /// Everything left.
    pub fn rest(&mut self) -> Vec<TokenTree> {
        let rest = self.tokens[self.at.min(self.tokens.len())..].to_vec();
        self.at = self.tokens.len();
        rest
    }
}

/// The value of a string literal as Rust source spells it: plain with escapes, or raw.
pub fn unquote(literal: &str) -> Option<String> {
    if let Some(raw) = literal.strip_prefix('r') {
        let hashes = raw.chars().take_while(|c| *c == '#').count();
        let body = &raw[hashes..];
        return body
            .strip_prefix('"')
            .and_then(|b| b.strip_suffix(&format!("\"{}", "#".repeat(hashes))))
            .map(str::to_owned);
    }
    let body = literal.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::new();
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            '0' => out.push('\0'),
            '\\' => out.push('\\'),
            '"' => out.push('"'),
            '\'' => out.push('\''),
            '\n' => {
                // A line continuation: the newline and the next line's leading spaces vanish.
                let rest: String = chars.clone().collect();
                let trimmed = rest.trim_start();
                let skipped = rest.len() - trimmed.len();
                for _ in 0..rest[..skipped].chars().count() {
                    chars.next();
                }
            }
            'x' => {
                let hex: String = chars.by_ref().take(2).collect();
                out.push(char::from(u8::from_str_radix(&hex, 16).ok()?));
            }
            'u' => {
                let braced: String = chars.by_ref().take_while(|c| *c != '}').collect();
                let code = u32::from_str_radix(braced.trim_start_matches('{'), 16).ok()?;
                out.push(char::from_u32(code)?);
            }
            _ => return None,
        }
    }
    Some(out)
}

/// `snake_case` of an `UpperCamel` name: `ByteBuffer` is `byte_buffer`.
pub fn snake_case(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// `UpperCamel` of a `snake_case` name: `on_step` is `OnStep`.
pub fn upper_camel(name: &str) -> String {
    name.split('_')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// The name of the crate being compiled: the prefix of every symbol the macros export.
pub fn crate_prefix(span: Span) -> Result<String> {
    std::env::var("CARGO_CRATE_NAME").map_err(|_| {
        Error::new(
            span,
            "ferrule-ffi names exports after the crate (CARGO_CRATE_NAME), which cargo sets; build with cargo",
        )
    })
}

/// Tokens as a person writes them (`Vec<String>`, `&'a str`, `impl Fn(i64) -> bool`), for
/// messages; `to_string` puts spaces between every token.
pub fn pretty(tokens: &[TokenTree]) -> String {
    let mut out = String::new();
    let mut after_word = false;
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i] {
            TokenTree::Ident(_) | TokenTree::Literal(_) => {
                if after_word {
                    out.push(' ');
                }
                out.push_str(&tokens[i].to_string());
                after_word = true;
            }
            TokenTree::Punct(punct) => {
                let arrow = punct.as_char() == '-'
                    && matches!(tokens.get(i + 1), Some(TokenTree::Punct(next)) if next.as_char() == '>');
                if arrow {
                    out.push_str(" -> ");
                    i += 1;
                } else if punct.as_char() == ',' {
                    out.push_str(", ");
                } else {
                    out.push(punct.as_char());
                }
                after_word = false;
            }
            TokenTree::Group(group) => {
                let inner: Vec<TokenTree> = group.stream().into_iter().collect();
                let (open, close) = match group.delimiter() {
                    Delimiter::Parenthesis => ("(", ")"),
                    Delimiter::Bracket => ("[", "]"),
                    Delimiter::Brace => ("{ ", " }"),
                    Delimiter::None => ("", ""),
                };
                out.push_str(open);
                out.push_str(&pretty(&inner));
                out.push_str(close);
                after_word = true;
            }
        }
        i += 1;
    }
    out
}
