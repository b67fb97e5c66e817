//! The ways a command can fail.

use crate::diagnostic::Diagnostic;
use crate::fs::FsError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Problems in the site's sources: reported together, each with its position.
    #[error("{} problem(s) in the site", .0.len())]
    Content(Vec<Diagnostic>),
    /// The folder holds no site: its one problem, with no count of problems "in the site".
    #[error("{}", .0.message())]
    NoSite(Diagnostic),
    #[error(transparent)]
    Io(#[from] FsError),
    #[error("{0}")]
    Other(String),
}

/// What failed, for what its report says was left undone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Task {
    /// `build` and `serve`: the output was left as it was.
    Build,
    /// `check`: it writes nothing in any case, but the checks after the problems did not run.
    Check,
}

impl Error {
    /// The complete text to print on stderr when `task` failed.
    pub fn report(&self, task: Task) -> String {
        match self {
            Error::Content(ds) => crate::diagnostic::report(ds, task),
            Error::NoSite(d) => d.to_string(),
            Error::Io(e) => format!("error: {e}\n"),
            Error::Other(m) => format!("error: {m}\n"),
        }
    }
}

impl From<Diagnostic> for Error {
    fn from(d: Diagnostic) -> Self {
        Error::Content(vec![d])
    }
}
