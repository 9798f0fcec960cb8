//! The macros on real crates, built with real cargo: each file in `expand/pass` is the `lib.rs` of
//! a crate that must build, pass clippy with `-D warnings` and pass its own tests; each file in
//! `expand/fail` is one that must not build, with the message its first line names
//! (`// error: <text>`) pointing at the line that has `// <- here`.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A crate named after the case, in the test's own scratch directory, with ferrule-ffi from this
/// repository. All cases share one target directory, so ferrule-ffi is built once.
fn scratch_crate(case: &Path) -> PathBuf {
    let name = case
        .file_stem()
        .unwrap()
        .to_str()
        .unwrap()
        .replace('_', "-");
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("expand")
        .join(&name);
    std::fs::create_dir_all(dir.join("src")).unwrap();
    let ffi = root().join("../ferrule-ffi").canonicalize().unwrap();
    let crate_name = if case.parent().unwrap().ends_with("pass") {
        "shapes".to_owned()
    } else {
        name.clone()
    };
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"{crate_name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\npublish = false\n\n\
             [lib]\ncrate-type = [\"cdylib\", \"rlib\"]\n\n\
             [dependencies]\nferrule-ffi = {{ path = {:?} }}\n\n[workspace]\n",
            ffi.display()
        ),
    )
    .unwrap();
    std::fs::copy(case, dir.join("src/lib.rs")).unwrap();
    dir
}

fn cargo(dir: &Path, args: &[&str]) -> (bool, String) {
    let output = Command::new(env!("CARGO"))
        .arg(args[0])
        .arg("--offline")
        .arg("--color=never")
        .args(&args[1..])
        .current_dir(dir)
        .env(
            "CARGO_TARGET_DIR",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("expand-target"),
        )
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs");
    let text = String::from_utf8_lossy(&output.stderr).into_owned()
        + &String::from_utf8_lossy(&output.stdout);
    (output.status.success(), text)
}

fn cases(kind: &str) -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(root().join("tests/expand").join(kind))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    cases.sort();
    assert!(!cases.is_empty(), "no {kind} cases");
    cases
}

#[test]
fn passing_crates_build_lint_clean_and_pass_their_tests() {
    for case in cases("pass") {
        let dir = scratch_crate(&case);
        let (built, log) = cargo(&dir, &["clippy", "--all-targets", "--", "-D", "warnings"]);
        assert!(
            built,
            "{} must pass clippy -D warnings:\n{log}",
            case.display()
        );
        let (tested, log) = cargo(&dir, &["test"]);
        assert!(tested, "{} must pass its tests:\n{log}", case.display());
    }
}

#[test]
fn failing_crates_fail_at_the_users_tokens_with_the_message() {
    let mut wrong = Vec::new();
    for case in cases("fail") {
        let source = std::fs::read_to_string(&case).unwrap();
        let expected = source
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("// error: "))
            .unwrap_or_else(|| panic!("{} starts with `// error: <message>`", case.display()));
        let line = source
            .lines()
            .position(|l| l.contains("// <- here"))
            .unwrap_or_else(|| {
                panic!(
                    "{} marks the offending line with `// <- here`",
                    case.display()
                )
            })
            + 1;
        let dir = scratch_crate(&case);
        let (built, log) = cargo(&dir, &["build"]);
        let lines = error_lines(&log);
        if built {
            wrong.push(format!(
                "{}: built, but must fail with `{expected}`",
                case.display()
            ));
        } else if !log.contains(expected) || lines.is_empty() || lines.iter().any(|l| *l != line) {
            wrong.push(format!(
                "{}: expected `{expected}`, every error at line {line} (errors at {lines:?}), got:\n{log}",
                case.display()
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

/// The line of `src/lib.rs` each error points at: where the user looks first.
fn error_lines(log: &str) -> Vec<usize> {
    let lines: Vec<&str> = log.lines().collect();
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if !line.starts_with("error") || line.starts_with("error: could not compile") {
            continue;
        }
        let at = lines[i + 1..]
            .iter()
            .find_map(|l| l.trim_start().strip_prefix("--> src/lib.rs:"));
        if let Some(number) = at
            .and_then(|a| a.split(':').next())
            .and_then(|n| n.parse().ok())
        {
            found.push(number);
        }
    }
    found
}
