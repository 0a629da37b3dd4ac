//! Build script: a minified copy of the widget stylesheet for the bundle
//! (`OUT_DIR/styles.min.css`, included by `src/embed/shadow.rs`). Drops
//! comments and the whitespace CSS does not need; quoted strings are kept
//! byte for byte.

use std::{env, fs, path::Path};

const SOURCE: &str = "src/widget/styles.css";

fn main() {
    println!("cargo::rerun-if-changed={SOURCE}");
    let css = fs::read_to_string(SOURCE).expect("src/widget/styles.css is readable");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("styles.min.css");
    fs::write(out, minify(&css)).expect("OUT_DIR is writable");
}

/// Characters around which whitespace is never needed.
fn tight(c: char) -> bool {
    matches!(c, '{' | '}' | ';' | ',' | '>')
}

fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for d in chars.by_ref() {
                    if last == '*' && d == '/' {
                        break;
                    }
                    last = d;
                }
                pending_space = true;
            }
            c if c.is_whitespace() => pending_space = true,
            '"' | '\'' => {
                flush_space(&mut out, &mut pending_space, c);
                out.push(c);
                let mut escaped = false;
                for d in chars.by_ref() {
                    out.push(d);
                    if d == c && !escaped {
                        break;
                    }
                    escaped = d == '\\' && !escaped;
                }
            }
            c => {
                flush_space(&mut out, &mut pending_space, c);
                out.push(c);
            }
        }
    }
    // `;}` → `}`
    out.replace(";}", "}")
}

/// Writes one pending space before `next` unless either side makes it
/// redundant (also after `:`: a selector's `:` is never followed by a space,
/// so only a declaration's or a media feature's can be).
fn flush_space(out: &mut String, pending: &mut bool, next: char) {
    let after_tight = out.ends_with(tight) || out.ends_with(':');
    if *pending && !tight(next) && !out.is_empty() && !after_tight {
        out.push(' ');
    }
    *pending = false;
}
