//! Binding declarations: what each exposed item means to Java, as JSON in a `const` beside it.
//! Ferrule reads them from rustdoc's JSON, where a constant's literal appears as written, so the
//! library never has to run, and a snapshot of any target still has them.

use crate::tokens::Code;

/// Schema of the declarations; Ferrule refuses ones it does not know.
pub const VERSION: u32 = 1;

/// A JSON value, written in a fixed key order so that the same code gives the same text.
pub enum Json {
    Str(String),
    Int(i64),
    Bool(bool),
    Null,
    Array(Vec<Json>),
    Object(Vec<(&'static str, Json)>),
}

impl Json {
    pub fn str(text: impl Into<String>) -> Json {
        Json::Str(text.into())
    }

    pub fn opt(text: Option<impl Into<String>>) -> Json {
        text.map_or(Json::Null, |t| Json::Str(t.into()))
    }

    pub fn strings<I: IntoIterator<Item = S>, S: Into<String>>(items: I) -> Json {
        Json::Array(items.into_iter().map(|s| Json::Str(s.into())).collect())
    }

    pub fn write(&self, out: &mut String) {
        match self {
            Json::Str(text) => {
                out.push('"');
                for c in text.chars() {
                    match c {
                        '"' => out.push_str("\\\""),
                        '\\' => out.push_str("\\\\"),
                        '\n' => out.push_str("\\n"),
                        '\r' => out.push_str("\\r"),
                        '\t' => out.push_str("\\t"),
                        c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
                        c => out.push(c),
                    }
                }
                out.push('"');
            }
            Json::Int(value) => out.push_str(&value.to_string()),
            Json::Bool(value) => out.push_str(if *value { "true" } else { "false" }),
            Json::Null => out.push_str("null"),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Json::Object(entries) => {
                out.push('{');
                for (i, (key, value)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    Json::Str((*key).to_owned()).write(out);
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }
}

/// The `const` that carries one declaration. Its name says what it declares; its type is
/// ferrule-ffi's `Declaration`, which is how Ferrule tells it from the crate's own constants.
pub fn constant(kind: &str, name: &str, mut entries: Vec<(&'static str, Json)>) -> Code {
    entries.insert(0, ("kind", Json::str(kind)));
    entries.insert(0, ("ferrule", Json::Int(i64::from(VERSION))));
    let mut text = String::new();
    Json::Object(entries).write(&mut text);
    // A raw string with more hashes than any run in the text, so nothing in it can end it.
    let hashes = "#".repeat(longest_hash_run(&text) + 1);
    let mut code = Code::new();
    code.src(&format!(
        "#[allow(dead_code)] const __FERRULE_DECLARES_{}: ::ferrule_ffi::bridge::Declaration = r{hashes}\"{text}\"{hashes};",
        name.to_uppercase()
    ));
    code
}

fn longest_hash_run(text: &str) -> usize {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        if c == '#' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    longest
}
