//! Build script: a minified copy of the widget stylesheet for the bundle
//! (`OUT_DIR/styles.min.css`, included by `src/embed/shadow.rs`). Drops
//! comments and the whitespace CSS does not need; quoted strings and escapes
//! are kept byte for byte. A browser test checks that both texts parse to
//! the same rules.

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

/// Whitespace as CSS defines it (not Unicode's: a no-break space is content).
fn css_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C')
}

/// Characters that would fuse into one token with a neighbour of the same kind.
fn word(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '%' | '.') || !c.is_ascii()
}

fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut pending_space = false;
    let mut after_comment = false;
    while let Some(c) = chars.next() {
        if c == '/' && chars.peek() == Some(&'*') {
            chars.next();
            let mut last = ' ';
            for d in chars.by_ref() {
                if last == '*' && d == '/' {
                    break;
                }
                last = d;
            }
            after_comment = true;
            continue;
        }
        if css_space(c) {
            pending_space = true;
            continue;
        }
        // A comment between two word characters still separates them.
        if after_comment && !pending_space && out.ends_with(word) && word(c) {
            pending_space = true;
        }
        after_comment = false;
        flush_space(&mut out, &mut pending_space, c);
        match c {
            '"' | '\'' => {
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
            '\\' => {
                out.push(c);
                if let Some(d) = chars.next() {
                    out.push(d);
                }
            }
            // `;}` → `}`: the last declaration needs no semicolon.
            '}' => {
                if out.ends_with(';') && !out.ends_with("\\;") {
                    out.pop();
                }
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
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
