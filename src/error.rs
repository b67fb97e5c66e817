//! The ways a command can fail.

use crate::diagnostic::Diagnostic;
use crate::fs::FsError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Problems in the site's sources: reported together, each with its position.
    #[error("{} problem(s) in the site", .0.len())]
    Content(Vec<Diagnostic>),
    #[error(transparent)]
    Io(#[from] FsError),
    #[error("{0}")]
    Other(String),
}

impl Error {
    /// The complete text to print on stderr.
    pub fn report(&self) -> String {
        match self {
            Error::Content(ds) => crate::diagnostic::report(ds),
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
