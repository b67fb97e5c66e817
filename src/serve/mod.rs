//! `trellis serve`: builds the site, serves it on loopback with tiny_http, watches the sources,
//! rebuilds on change and reloads open tabs. The last good build stays in memory, so a change
//! re-renders only what it affects and writes only files whose bytes changed (see `live`); a
//! failed build keeps the last good output and shows its errors.

pub mod http;
mod live;
pub mod reload;

use std::io::Read;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use notify::{EventKind, RecursiveMode, Watcher};
use tiny_http::{Header, Method, Request, Response, Server, StatusCode};

use crate::site::BuildOptions;
use crate::Error;
use http::Resolved;
use reload::{Event, Hub};

pub const DEFAULT_PORT: u16 = 1111;
/// How long the file system must be quiet before a rebuild: editors save by writing a temporary
/// file and renaming it, a burst that takes a few milliseconds.
const QUIET: Duration = Duration::from_millis(30);
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
    let mut live = live::Live::new(options.build.clone(), base.join("site"));
    rebuild(&state, &mut live, &[]);

    let server =
        Arc::new(Server::from_listener(listener, None).map_err(|e| Error::Other(e.to_string()))?);

    // Watch before announcing the address: an edit made right after must not be missed.
    let watcher = watch(Arc::clone(&state), options.build.clone(), live)?;
    say(&format!("Serving at http://{addr}/ (press Ctrl+C to stop)"));

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
    drop(watcher);
    Ok(())
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

/// Watches the site's sources and rebuilds after each burst of changes (editors write temporary
/// files and rename them: wait until the file system has been quiet for a moment).
fn watch(
    state: Arc<State>,
    build: BuildOptions,
    mut live: live::Live,
) -> Result<notify::RecommendedWatcher, Error> {
    let (tx, rx) = std::sync::mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(tx)
        .map_err(|e| Error::Other(format!("could not watch the site: {e}")))?;
    for dir in ["content", "themes", "templates", "static"] {
        let path = build.root.join(dir);
        if path.is_dir() {
            let _ = watcher.watch(&path, RecursiveMode::Recursive);
        }
    }
    let _ = watcher.watch(
        &build.root.join(crate::config::FILE_NAME),
        RecursiveMode::NonRecursive,
    );
    // Reading files (as every build does) is not a change.
    let relevant = |e: &notify::Event| !matches!(e.kind, EventKind::Access(_));
    std::thread::spawn(move || {
        while let Ok(first) = rx.recv() {
            let mut paths: Vec<PathBuf> = Vec::new();
            let mut changed = false;
            let mut take = |event: notify::Result<notify::Event>| {
                if let Ok(e) = event {
                    if relevant(&e) {
                        changed = true;
                        paths.extend(e.paths);
                    }
                }
            };
            take(first);
            while let Ok(next) = rx.recv_timeout(QUIET) {
                take(next);
            }
            if changed {
                paths.sort();
                paths.dedup();
                rebuild(&state, &mut live, &paths);
            }
        }
    });
    Ok(watcher)
}

/// Rebuilds what `changed` affects, then tells the tabs; the search index follows.
fn rebuild(state: &State, live: &mut live::Live, changed: &[PathBuf]) {
    let started = std::time::Instant::now();
    match live.rebuild(changed) {
        Ok(done) => {
            if let Ok(mut c) = state.current.write() {
                *c = Some(live.dir().to_path_buf());
            }
            if let Ok(mut e) = state.errors.write() {
                *e = None;
            }
            if !changed.is_empty() {
                let what = if done.full {
                    format!("Rebuilt all {} pages", done.rendered)
                } else if done.rendered == 0 {
                    "Copied static files".to_string()
                } else {
                    format!(
                        "Re-rendered {} page{}",
                        done.rendered,
                        plural(done.rendered)
                    )
                };
                say(&format!(
                    "{what} ({} file{} changed) in {} ms",
                    done.written,
                    plural(done.written),
                    started.elapsed().as_millis()
                ));
            }
            // The panel's figures are worked out before the tabs reload, so they match the page:
            // for every page after a full build, else for the pages whose markdown changed.
            if let (Some(site), Ok(mut figures)) = (live.site(), state.readability.write()) {
                if done.prose.is_none() {
                    figures.clear();
                }
                let rows = site.readability(done.prose.as_deref());
                figures.extend(
                    rows.iter()
                        .map(|row| (row.url.clone(), reload::readability_json(row))),
                );
            }
            state.hub.broadcast(if done.css_only {
                &Event::Css
            } else {
                &Event::Reload
            });
            let started = std::time::Instant::now();
            match live.refresh_search() {
                Ok(0) => {}
                Ok(n) => say(&format!(
                    "Updated the search index ({n} file{} changed) in {} ms",
                    plural(n),
                    started.elapsed().as_millis()
                )),
                Err(e) => report_failure(state, &e),
            }
        }
        Err(e) => report_failure(state, &e),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// A failed build: the terminal and every open tab show its problems.
fn report_failure(state: &State, e: &Error) {
    let report = e.report();
    let _ = std::io::Write::write_all(&mut std::io::stderr(), report.as_bytes());
    if let Ok(mut errors) = state.errors.write() {
        *errors = Some(report.clone());
    }
    state.hub.broadcast(&Event::Errors(report));
}

/// A line for the terminal. A closed terminal (or pipe) must not stop the server.
fn say(line: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}").and_then(|_| out.flush());
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes())
        .expect("header names and values here are ASCII")
}

/// Sends a response; for HEAD, tiny_http sends the headers (with the real length) only.
fn respond(request: Request, status: u16, headers: Vec<Header>, body: Vec<u8>) {
    let len = body.len();
    let mut response = Response::new(
        StatusCode(status),
        headers,
        std::io::Cursor::new(body),
        Some(len),
        None,
    );
    response.add_header(header("X-Content-Type-Options", "nosniff"));
    let _ = request.respond(response);
}

fn handle(state: &State, mut request: Request) {
    let url = request.url().to_string();
    // A request body is never needed: read and drop it.
    let _ = std::io::copy(&mut request.as_reader().take(1 << 20), &mut std::io::sink());
    if !matches!(request.method(), Method::Get | Method::Head) {
        return respond(
            request,
            405,
            vec![
                header("Allow", "GET, HEAD"),
                header("Content-Type", "text/plain; charset=utf-8"),
            ],
            b"Method not allowed\n".to_vec(),
        );
    }
    if let Some(rest) = url.strip_prefix(reload::PREFIX) {
        match rest.split('?').next().unwrap_or("") {
            "reload.js" => {
                return respond(
                    request,
                    200,
                    vec![
                        header("Content-Type", "text/javascript; charset=utf-8"),
                        header("Cache-Control", "no-cache"),
                    ],
                    reload::SCRIPT.as_bytes().to_vec(),
                );
            }
            "events" => {
                let Some(events) = state.hub.subscribe() else {
                    return respond(
                        request,
                        503,
                        vec![header("Retry-After", "5")],
                        b"Too many live-reload connections\n".to_vec(),
                    );
                };
                let initial = state
                    .errors
                    .read()
                    .ok()
                    .and_then(|e| e.clone())
                    .map(Event::Errors);
                let writer = request.into_writer();
                std::thread::spawn(move || reload::stream(writer, events, initial));
                return;
            }
            _ => return not_found(state, request),
        }
    }
    let Some(root) = state.current.read().ok().and_then(|c| c.clone()) else {
        let report = state
            .errors
            .read()
            .ok()
            .and_then(|e| e.clone())
            .unwrap_or_default();
        let page = format!("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Build failed</title></head><body><h1>The site could not be built</h1><pre>{}</pre></body></html>", crate::markdown::escape_html(&report));
        return respond(
            request,
            500,
            vec![header("Content-Type", "text/html; charset=utf-8")],
            reload::inject(page.as_bytes()),
        );
    };
    match http::resolve(&root, &url) {
        Resolved::File(path) => {
            let page = path
                .strip_prefix(&root)
                .map(|p| p.to_string_lossy().replace('\\', "/"))
                .unwrap_or_default();
            let readability = state
                .readability
                .read()
                .ok()
                .and_then(|r| r.get(&page).cloned());
            serve_file(request, &path, readability.as_deref())
        }
        Resolved::Redirect(location) => respond(
            request,
            301,
            vec![header("Location", &location)],
            Vec::new(),
        ),
        Resolved::BadRequest => respond(
            request,
            400,
            vec![header("Content-Type", "text/plain; charset=utf-8")],
            b"Bad request\n".to_vec(),
        ),
        Resolved::NotFound => not_found(state, request),
    }
}

fn serve_file(request: Request, path: &Path, readability: Option<&str>) {
    let Ok(bytes) = std::fs::read(path) else {
        return respond(request, 404, Vec::new(), Vec::new());
    };
    let kind = http::content_type(path);
    let bytes = if kind.starts_with("text/html") {
        reload::inject_with(&bytes, readability)
    } else {
        bytes
    };
    let etag = http::etag(&bytes);
    let fresh = request.headers().iter().any(|h| {
        h.field.equiv("If-None-Match") && h.value.as_str().split(',').any(|v| v.trim() == etag)
    });
    let headers = vec![
        header("Content-Type", kind),
        header("ETag", &etag),
        header("Cache-Control", "no-cache"),
    ];
    if fresh {
        respond(request, 304, headers, Vec::new());
    } else {
        respond(request, 200, headers, bytes);
    }
}

fn not_found(state: &State, request: Request) {
    let page = state
        .current
        .read()
        .ok()
        .and_then(|c| c.clone())
        .and_then(|root| std::fs::read(root.join("404.html")).ok())
        .unwrap_or_else(|| b"<!DOCTYPE html><title>Not found</title><h1>Not found</h1>".to_vec());
    respond(
        request,
        404,
        vec![header("Content-Type", "text/html; charset=utf-8")],
        reload::inject(&page),
    );
}
