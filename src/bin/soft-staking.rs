//! `soft-staking`: the native CLI over the same engine as the widget.
//!
//! `soft-staking estimate [FILE]` reads one request (JSON) from FILE or stdin
//! and prints one result (JSON) on stdout. Invalid input: one line on stderr,
//! exit status 2.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(native::run(std::env::args().skip(1).collect()));
}

// The WebAssembly build of the package has no CLI.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::io::{Read, Write};

    use soft_staking::config::request::parse_request;
    use soft_staking::config::Loose;

    const USAGE: &str =
        "usage: soft-staking estimate [FILE]   (reads the request from stdin without FILE)";
    /// Exit status for invalid input or usage.
    const INVALID: i32 = 2;

    /// Runs the CLI on its arguments; returns the exit status.
    pub fn run(args: Vec<String>) -> i32 {
        match args
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice()
        {
            ["-h" | "--help"] | ["help"] | ["estimate", "-h" | "--help"] => {
                println!("{USAGE}\n\nPrints one result as JSON. Exit status 2 on invalid input.");
                0
            }
            ["-V" | "--version"] => {
                println!("soft-staking {}", env!("CARGO_PKG_VERSION"));
                0
            }
            ["estimate"] => finish(read_stdin().and_then(|text| estimate(&text))),
            ["estimate", "-"] => finish(read_stdin().and_then(|text| estimate(&text))),
            ["estimate", path] => finish(
                std::fs::read_to_string(path)
                    .map_err(|e| format!("cannot read {path}: {e}"))
                    .and_then(|text| estimate(&text)),
            ),
            _ => fail(USAGE),
        }
    }

    fn read_stdin() -> Result<String, String> {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("cannot read stdin: {e}"))?;
        Ok(text)
    }

    /// Parses, validates and computes one request; the result as JSON text.
    fn estimate(text: &str) -> Result<String, String> {
        // A byte-order mark (some Windows editors write one) is not JSON.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut de = serde_json::Deserializer::from_str(text);
        let doc = Loose::from_deserializer(&mut de)
            .and_then(|doc| de.end().map(|()| doc))
            .map_err(|e| format!("invalid JSON: {e}"))?;
        let request = parse_request(&doc).map_err(|e| e.to_string())?;
        let report = request.run().map_err(|e| e.to_string())?;
        serde_json::to_string_pretty(&report).map_err(|e| format!("cannot write the result: {e}"))
    }

    fn finish(result: Result<String, String>) -> i32 {
        match result {
            Ok(json) => {
                let mut out = std::io::stdout().lock();
                match writeln!(out, "{json}") {
                    Ok(()) => 0,
                    Err(e) => fail(&format!("cannot write the result: {e}")),
                }
            }
            Err(message) => fail(&message),
        }
    }

    /// Prints `message` as one line on stderr and returns the invalid status.
    fn fail(message: &str) -> i32 {
        let line = message.replace(['\n', '\r'], " ");
        eprintln!("soft-staking: {line}");
        INVALID
    }
}
