//! Answers each request: the live-reload script and event stream, files of the last good build
//! (HTML with the reload script added), the failed-build page, and 404s.

use std::io::Read;
use std::path::Path;

use tiny_http::{Header, Method, Request, Response, StatusCode};

use super::http::{self, Resolved};
use super::reload::{self, Event};
use super::State;

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

pub(super) fn handle(state: &State, mut request: Request) {
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
