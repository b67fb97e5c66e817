//! `trellis serve`: builds the site, serves it on loopback with tiny_http, watches the sources,
//! rebuilds on change and reloads open tabs. The last good build stays in memory, so a change
//! re-renders only what it affects and writes only files whose bytes changed (see `live`); a
//! failed build keeps the last good output and shows its errors.

mod handler;
pub mod http;
mod live;
pub mod reload;
mod watch;

use std::net::TcpListener;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};

use tiny_http::Server;

use crate::site::BuildOptions;
use crate::Error;
use handler::handle;
use reload::Hub;
use watch::{rebuild, watch};

pub const DEFAULT_PORT: u16 = 1111;
/// Requests served at once; the live-reload streams have threads of their own.
const WORKERS: usize = 8;

pub struct ServeOptions {
    pub build: BuildOptions,
    pub bind: String,
    pub port: u16,
}

struct State {
    /// The folder holding the last good build.
    current: RwLock<Option<PathBuf>>,
    /// The report of the last build, if it failed.
    errors: RwLock<Option<String>>,
    hub: Hub,
    /// Output page -> its readability figures, for the authors' panel.
    readability: RwLock<std::collections::HashMap<String, String>>,
}

pub fn serve(options: ServeOptions) -> Result<(), Error> {
    let listener = listen(&options.bind, options.port).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AddrInUse {
            Error::Other(format!(
                "port {} on {} is already in use\n  = hint: choose another port with `trellis serve --port {}`, or stop the program that uses it",
                options.port,
                options.bind,
                options.port.saturating_add(1)
            ))
        } else {
            Error::Other(format!("could not listen on {}:{}: {e}", options.bind, options.port))
        }
    })?;
    let addr = listener
        .local_addr()
        .map_err(|e| Error::Other(e.to_string()))?;
    let base = std::env::temp_dir().join(format!("trellis-serve-{}", std::process::id()));
    let state = Arc::new(State {
        current: RwLock::new(None),
        errors: RwLock::new(None),
        hub: Hub::default(),
        readability: RwLock::default(),
    });
    let _ = crate::fs::remove_dir_all(&base);
    stop_cleanly(base.clone())?;
    // Should the server fail to start or stop on its own, the folder goes too.
    let _folder = Own(base.clone());
    let mut live = live::Live::new(options.build.clone(), base.join("site"));
    rebuild(&state, &mut live, &[]);

    let server =
        Arc::new(Server::from_listener(listener, None).map_err(|e| Error::Other(e.to_string()))?);

    // Watch before announcing the address: an edit made right after must not be missed.
    watch(Arc::clone(&state), options.build.clone(), live)?;
    if !STOPPING.load(std::sync::atomic::Ordering::SeqCst) {
        say(&format!("Serving at http://{addr}/ (press Ctrl+C to stop)"));
    }

    let workers: Vec<_> = (0..WORKERS)
        .map(|_| {
            let server = Arc::clone(&server);
            let state = Arc::clone(&state);
            std::thread::spawn(move || {
                while let Ok(request) = server.recv() {
                    handle(&state, request);
                }
            })
        })
        .collect();
    for w in workers {
        let _ = w.join();
    }
    Ok(())
}

/// Held while a build writes into serve's folder: stopping the server waits for it, so the
/// folder is never removed under a build (and no build starts after).
static BUILDING: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Set by the first Ctrl+C: a second one stops at once.
static STOPPING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Serve's folder is the server's own: Ctrl+C (or SIGTERM, SIGHUP) removes it and exits 0, so a
/// 10,000-page site does not leave 370 MB in the temporary folder each time it is served. A
/// build in progress is finished first (a large site's first build takes seconds), and removing
/// a large folder takes seconds too; Ctrl+C again exits at once (130), leaving what is left.
fn stop_cleanly(folder: std::path::PathBuf) -> Result<(), Error> {
    use std::sync::atomic::Ordering;
    ctrlc::set_handler(move || {
        if STOPPING.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
        // Stopped on a thread of its own, so that this handler sees a second Ctrl+C.
        let folder = folder.clone();
        std::thread::spawn(move || {
            let _building = match BUILDING.try_lock() {
                Ok(idle) => idle,
                Err(std::sync::TryLockError::Poisoned(idle)) => idle.into_inner(),
                Err(std::sync::TryLockError::WouldBlock) => {
                    say("Stopping after the build in progress (Ctrl+C again stops at once)");
                    building()
                }
            };
            let _ = std::fs::remove_dir_all(&folder);
            std::process::exit(0);
        });
    })
    .map_err(|e| Error::Other(format!("could not handle Ctrl+C: {e}")))
}

/// Waits for the build in progress, if any, and keeps others from starting while held.
fn building() -> std::sync::MutexGuard<'static, ()> {
    BUILDING.lock().unwrap_or_else(|e| e.into_inner())
}

/// A folder removed when this is dropped.
struct Own(std::path::PathBuf);

impl Drop for Own {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A listening socket with Nagle's algorithm off, which accepted connections inherit: tiny_http
/// writes a response's head and body separately, and with Nagle on, the body waits for the
/// client's delayed acknowledgement (about 40 ms on Linux) on every keep-alive request.
fn listen(bind: &str, port: u16) -> std::io::Result<TcpListener> {
    use std::net::ToSocketAddrs;
    let addr = (bind, port)
        .to_socket_addrs()?
        .next()
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "no such address"))?;
    let socket = socket2::Socket::new(
        socket2::Domain::for_address(addr),
        socket2::Type::STREAM,
        None,
    )?;
    socket.set_tcp_nodelay(true)?;
    #[cfg(unix)]
    socket.set_reuse_address(true)?;
    socket.bind(&addr.into())?;
    socket.listen(1024)?;
    Ok(socket.into())
}

/// A line for the terminal. A closed terminal (or pipe) must not stop the server.
fn say(line: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}").and_then(|_| out.flush());
}
