//! Running the CLI binary through std::process.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};

/// What one run of the binary produced.
#[derive(Debug, PartialEq, Eq)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// Runs the binary with `args`, feeding `stdin`.
pub fn run(args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_soft-staking"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the soft-staking binary starts");
    {
        let mut input = child.stdin.take().expect("stdin is piped");
        // The binary may exit before reading (usage errors): ignore a broken pipe.
        let _ = input.write_all(stdin);
    }
    let out = child.wait_with_output().expect("the binary finishes");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// A file under the temp dir that is removed when dropped.
pub struct TempFile(pub PathBuf);

impl TempFile {
    pub fn with(contents: &[u8]) -> TempFile {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let name = format!(
            "soft-staking-cli-test-{}-{}.json",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let path = std::env::temp_dir().join(name);
        std::fs::write(&path, contents).expect("temp file is writable");
        TempFile(path)
    }
    pub fn path(&self) -> &str {
        self.0.to_str().expect("temp path is UTF-8")
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Runs `estimate FILE` and `estimate` with the same request on stdin; both
/// must behave identically. Returns the run.
pub fn estimate(request: &str) -> Run {
    let file = TempFile::with(request.as_bytes());
    let from_file = run(&["estimate", file.path()], b"");
    let from_stdin = run(&["estimate"], request.as_bytes());
    assert_eq!(
        from_file, from_stdin,
        "file and stdin disagree for {request}"
    );
    from_file
}

/// A successful estimate, parsed.
pub fn estimate_ok(request: &str) -> serde_json::Value {
    let out = estimate(request);
    assert_eq!(out.code, Some(0), "failed: {}", out.stderr);
    assert_eq!(out.stderr, "", "unexpected stderr");
    serde_json::from_str(&out.stdout).expect("stdout is one JSON document")
}

/// Asserts the shape of a rejected input: exit 2, nothing on stdout, exactly
/// one line on stderr, no panic. Returns that line.
pub fn assert_rejected(out: &Run) -> String {
    assert_eq!(out.code, Some(2), "exit status, stderr: {}", out.stderr);
    assert_eq!(out.stdout, "", "stdout must stay empty");
    assert!(
        out.stderr.ends_with('\n'),
        "stderr line is terminated: {:?}",
        out.stderr
    );
    assert_eq!(
        out.stderr.lines().count(),
        1,
        "exactly one line: {:?}",
        out.stderr
    );
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    out.stderr.trim_end().to_string()
}

/// A request rejected through both the file and stdin, the line naming `field`.
pub fn assert_invalid(request: &str, field: &str) -> String {
    let line = assert_rejected(&estimate(request));
    assert!(
        line.contains(&format!("{field}:")),
        "line {line:?} does not name {field:?} (request {request})"
    );
    line
}
