//! `trellis serve`, started for real on an ephemeral loopback port: HTTP correctness, the
//! refusal of every traversal or malformed request, live reload, the error overlay's data, and
//! removed pages.

mod harness;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use harness::Site;

struct Server {
    child: Child,
    port: u16,
    site: Site,
    _turn: std::sync::MutexGuard<'static, ()>,
    /// The server's output lines after the address, as they come.
    lines: std::sync::mpsc::Receiver<String>,
    /// The server's output, when no thread reads it into `lines`.
    stdout: Option<BufReader<std::process::ChildStdout>>,
}

impl Server {
    /// Waits for an output line containing `want`; returns it.
    fn line(&self, want: &str, within: Duration) -> String {
        let deadline = Instant::now() + within;
        let mut seen = Vec::new();
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(line) if line.contains(want) => return line,
                Ok(line) => seen.push(line),
                Err(_) => break,
            }
        }
        panic!("no line with `{want}` within {within:?}; got {seen:#?}");
    }

    /// The folder the server writes the site into.
    fn output(&self) -> std::path::PathBuf {
        std::env::temp_dir()
            .join(format!("trellis-serve-{}", self.child.id()))
            .join("site")
    }
}

#[cfg(unix)]
impl Server {
    /// Sends `signal` and waits up to five seconds for the server to exit; `None` if it did not.
    fn stop(&mut self, signal: libc::c_int) -> Option<std::process::ExitStatus> {
        if let Ok(Some(status)) = self.child.try_wait() {
            return Some(status);
        }
        let pid = libc::pid_t::try_from(self.child.id()).unwrap();
        // SAFETY: `kill` only sends a signal to our own child, which has not been reaped yet.
        unsafe { libc::kill(pid, signal) };
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // Stopped as a person would (so its folder goes too), and killed if it does not stop.
        #[cfg(unix)]
        if self.stop(libc::SIGTERM).is_some() {
            return;
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One server at a time: a 2-core machine rebuilding several sites at once misses deadlines
/// that a person editing one site never would.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn start(site: Site) -> Server {
    let mut server = start_quiet(site);
    let stdout = server.stdout.take().unwrap();
    let (tx, lines) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in stdout.lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    server.lines = lines;
    server
}

/// Starts a server whose output nobody reads yet (`stdout` holds it).
fn start_quiet(site: Site) -> Server {
    let guard = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let mut child = Command::new(env!("CARGO_BIN_EXE_trellis"))
        .args(["serve", "--port", "0"])
        .current_dir(site.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    stdout.read_line(&mut line).unwrap();
    let port = line
        .split("127.0.0.1:")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no address in {line:?}"));
    Server {
        child,
        port,
        site,
        _turn: guard,
        lines: std::sync::mpsc::channel().1,
        stdout: Some(stdout),
    }
}

struct Reply {
    status: u16,
    head: String,
    body: String,
}

/// Sends `request` as is (no client-side normalisation of the path) and reads the reply.
fn raw(port: u16, request: &str) -> Reply {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    s.write_all(request.as_bytes()).unwrap();
    let mut bytes = Vec::new();
    let _ = s.read_to_end(&mut bytes);
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Reply {
        status,
        head: head.to_string(),
        body: body.to_string(),
    }
}

fn get(port: u16, path: &str) -> Reply {
    raw(
        port,
        &format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"),
    )
}

fn header<'a>(r: &'a Reply, name: &str) -> Option<&'a str> {
    r.head.lines().find_map(|l| {
        l.split_once(':')
            .filter(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim())
    })
}

#[test]
fn pages_and_assets_have_the_right_types_and_statuses() {
    let s = start(Site::fixture("minimal"));
    let home = get(s.port, "/");
    assert_eq!(home.status, 200);
    assert_eq!(
        header(&home, "Content-Type"),
        Some("text/html; charset=utf-8")
    );
    assert!(
        home.body
            .contains("<script src=\"/__trellis/reload.js\"></script>\n</body>"),
        "reload script injected"
    );
    for (path, kind) in [
        ("/css/trellis.css", "text/css; charset=utf-8"),
        ("/js/search.js", "text/javascript; charset=utf-8"),
        ("/img/favicon.svg", "image/svg+xml"),
        ("/sitemap.xml", "application/xml"),
        ("/robots.txt", "text/plain; charset=utf-8"),
        ("/search/meta.js", "text/javascript; charset=utf-8"),
        ("/notes/first/", "text/html; charset=utf-8"),
    ] {
        let r = get(s.port, path);
        assert_eq!(
            (r.status, header(&r, "Content-Type")),
            (200, Some(kind)),
            "{path}"
        );
    }
    let redirect = get(s.port, "/notes");
    assert_eq!(
        (redirect.status, header(&redirect, "Location")),
        (301, Some("/notes/"))
    );
    let missing = get(s.port, "/no/such/page/");
    assert_eq!(missing.status, 404);
    assert!(
        missing.body.contains("Page not found") || missing.body.contains("not found"),
        "the site's 404 page"
    );
    let head = raw(
        s.port,
        "HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_eq!(
        header(&head, "Content-Length"),
        header(&home, "Content-Length")
    );
    let etag = header(&home, "ETag").unwrap().to_string();
    let again = raw(
        s.port,
        &format!("GET / HTTP/1.1\r\nHost: x\r\nIf-None-Match: {etag}\r\nConnection: close\r\n\r\n"),
    );
    assert_eq!(again.status, 304);
    for method in ["POST", "PUT", "DELETE", "PATCH"] {
        let r = raw(
            s.port,
            &format!(
                "{method} / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            ),
        );
        assert_eq!(
            (r.status, header(&r, "Allow")),
            (405, Some("GET, HEAD")),
            "{method}"
        );
    }
}

#[test]
fn traversal_and_malformed_requests_are_refused() {
    let secret = tempfile::tempdir().unwrap();
    std::fs::write(secret.path().join("secret.txt"), "TOP SECRET").unwrap();
    let site = Site::fixture("minimal");
    let s = start(site);
    let probes = [
        "/../../../../etc/passwd",
        "/notes/../../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/notes%2f..%2f..%2fsite.toml",
        "/..%5c..%5csite.toml",
        "/notes\\..\\..\\site.toml",
        "//etc/passwd",
        "/C:/Windows/win.ini",
        "/index.html%00.txt",
        "/%00",
        "/.%2e/site.toml",
        "/%2e%2e%2fsite.toml",
        "/notes/%zz",
        "/../site.toml",
        &format!("/{}", "a/".repeat(1500)),
    ];
    assert!(probes.len() >= 15);
    for probe in probes {
        let r = get(s.port, probe);
        assert!(matches!(r.status, 400 | 404), "{probe}: {}", r.status);
        assert!(
            !r.body.contains("root:")
                && !r.body.contains("title = \"Fixture Site\"")
                && !r.body.contains("TOP SECRET"),
            "{probe} leaked a file"
        );
    }
    // A symlink inside the output that points outside is not followed.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(
            secret.path().join("secret.txt"),
            s.output().join("leak.txt"),
        )
        .unwrap();
        let r = get(s.port, "/leak.txt");
        assert_eq!(r.status, 404);
        assert!(!r.body.contains("TOP SECRET"));
    }
}

/// Rewrites `file` with `from` replaced by `to`, as an editor saving it would.
fn replace_in(file: &std::path::Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(file).unwrap();
    std::fs::write(file, text.replace(from, to)).unwrap();
}

/// Reads the event stream until `want` shows up, or fails after `within`.
fn wait_for_event(port: u16, trigger: impl FnOnce(), want: &str, within: Duration) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.write_all(b"GET /__trellis/events HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    s.set_read_timeout(Some(Duration::from_millis(100)))
        .unwrap();
    let mut seen = String::new();
    let mut buf = [0u8; 4096];
    // The stream's header first, then the change.
    let started = Instant::now();
    while !seen.contains("retry:") && started.elapsed() < within {
        if let Ok(n) = s.read(&mut buf) {
            seen.push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    }
    trigger();
    let started = Instant::now();
    while started.elapsed() < within {
        // The stream's first read may already hold the event (a new tab gets errors at once).
        if seen.contains(want) {
            return seen;
        }
        if let Ok(n) = s.read(&mut buf) {
            seen.push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    }
    if seen.contains(want) {
        return seen;
    }
    panic!("no `{want}` within {within:?}; stream so far:\n{seen}");
}

/// Replaces `from` with `to` in `file` and waits for the server to tell the browser to reload.
fn edit_until_reload(port: u16, file: &std::path::Path, from: &str, to: &str, within: Duration) {
    wait_for_event(port, || replace_in(file, from, to), "event: reload", within);
}

#[test]
fn an_edit_reloads_within_two_seconds_with_the_new_content() {
    let s = start(Site::fixture("minimal"));
    let file = s.site.path().join("content/notes/first.md");
    edit_until_reload(
        s.port,
        &file,
        "Opening paragraph.",
        "Opening paragraph, now edited.",
        Duration::from_secs(2),
    );
    assert!(get(s.port, "/notes/first/")
        .body
        .contains("Opening paragraph, now edited."));
}

#[test]
fn a_broken_file_shows_its_errors_and_fixing_it_clears_them() {
    let s = start(Site::fixture("minimal"));
    let file = s.site.path().join("content/notes/second.md");
    let good = std::fs::read_to_string(&file).unwrap();
    let stream = wait_for_event(
        s.port,
        || std::fs::write(&file, good.replace("weight = 2", "wieght = 2")).unwrap(),
        "hint: did you mean",
        Duration::from_secs(3),
    );
    assert!(stream.contains("event: errors\ndata: error: unknown field `wieght`\ndata:  --> content/notes/second.md:3:1"), "{stream}");
    // The last good site is still served, and a new tab gets the errors at once.
    assert_eq!(get(s.port, "/notes/second/").status, 200);
    wait_for_event(
        s.port,
        || {},
        "unknown field `wieght`",
        Duration::from_secs(2),
    );
    wait_for_event(
        s.port,
        || std::fs::write(&file, &good).unwrap(),
        "event: reload",
        Duration::from_secs(3),
    );
}

#[test]
fn deleting_a_page_removes_it() {
    let s = start(Site::fixture("minimal"));
    assert_eq!(get(s.port, "/notes/second/").status, 200);
    let file = s.site.path().join("content/notes/second.md");
    wait_for_event(
        s.port,
        || std::fs::remove_file(&file).unwrap(),
        "event: reload",
        Duration::from_secs(3),
    );
    assert_eq!(get(s.port, "/notes/second/").status, 404);
}

#[cfg(unix)]
#[test]
fn stopping_the_server_removes_its_folder() {
    for (signal, name) in [(libc::SIGINT, "Ctrl+C"), (libc::SIGTERM, "SIGTERM")] {
        let mut s = start(Site::fixture("minimal"));
        let folder = s.output().parent().unwrap().to_path_buf();
        assert!(
            s.output().join("index.html").is_file(),
            "{name}: no build in {folder:?}"
        );
        let status = s.stop(signal);
        assert!(
            status.is_some_and(|s| s.success()),
            "{name}: the server did not stop cleanly: {status:?}"
        );
        assert!(!folder.exists(), "{name}: {folder:?} is still there");
    }
}

#[test]
fn a_busy_port_is_named_with_a_way_out() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let run = Site::fixture("minimal").run(&["serve", "--port", &port.to_string()]);
    run.failure().stderr_is(&format!(
        "error: port {port} on 127.0.0.1 is already in use\n  = hint: choose another port with `trellis serve --port {}`, or stop the program that uses it\n",
        port + 1
    ));
}

#[test]
fn build_output_never_contains_the_reload_script() {
    let run = Site::fixture("minimal").build().success();
    for file in run.html_files() {
        run.page(&file)
            .lacks("__trellis")
            .lacks("trellis-readability");
    }
}

#[test]
fn pages_served_to_authors_carry_their_readability_figures() {
    let site = Site::fixture("check").edit(
        "content/_index.md",
        "description = \"The home page.\"",
        "description = \"The home page.\"\naudience = \"learner\"",
    );
    let server = start(site);
    let page = get(server.port, "/lesson/");
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains(
            "<script type=\"application/json\" id=\"trellis-readability\">{\"file\":\"content/lesson.md\",\"url\":\"lesson/index.html\",\"audience\":\"learner\",\"limit\":12.0,\"words\":"
        ),
        "{}",
        page.body
    );
    let script = get(server.port, "/__trellis/reload.js");
    assert!(script.body.contains("trellis-readability-panel"));
    // Generated pages have no prose of their own: no figures.
    assert!(!get(server.port, "/404.html")
        .body
        .contains("trellis-readability"));
}

#[test]
fn stalled_clients_and_open_reload_streams_do_not_block_other_requests() {
    let s = start(Site::fixture("minimal"));
    // Clients that send half a request and then wait...
    let stalled: Vec<TcpStream> = (0..12)
        .map(|_| {
            let mut c = TcpStream::connect(("127.0.0.1", s.port)).unwrap();
            c.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").unwrap();
            c
        })
        .collect();
    // ...and more live-reload streams than there are request workers.
    let streams: Vec<TcpStream> = (0..20)
        .map(|_| {
            let mut c = TcpStream::connect(("127.0.0.1", s.port)).unwrap();
            c.write_all(b"GET /__trellis/events HTTP/1.1\r\nHost: x\r\n\r\n")
                .unwrap();
            c
        })
        .collect();
    std::thread::sleep(Duration::from_millis(200));
    let started = Instant::now();
    for _ in 0..20 {
        assert_eq!(get(s.port, "/notes/first/").status, 200);
    }
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "20 requests took {:?}",
        started.elapsed()
    );
    drop(stalled);
    drop(streams);
}

#[test]
fn the_server_keeps_going_when_nobody_reads_its_output() {
    let mut s = start_quiet(Site::fixture("minimal"));
    // Close our end of its stdout: its next status line has nowhere to go.
    s.stdout = None;
    let file = s.site.path().join("content/notes/first.md");
    edit_until_reload(
        s.port,
        &file,
        "Opening paragraph.",
        "Edited with nobody listening.",
        Duration::from_secs(3),
    );
    assert!(get(s.port, "/notes/first/")
        .body
        .contains("Edited with nobody listening."));
}

// ---------------------------------------------------------------------------------------------
// Incremental rebuilds

fn modified(path: &std::path::Path) -> std::time::SystemTime {
    std::fs::metadata(path).unwrap().modified().unwrap()
}

#[test]
fn a_body_edit_re_renders_that_page_alone_and_then_the_search_index() {
    let s = start(Site::fixture("curriculum"));
    let alpha = s.output().join("lessons/alpha/index.html");
    let section = s.output().join("lessons/index.html");
    let (alpha_before, section_before) = (modified(&alpha), modified(&section));
    let file = s.site.path().join("content/lessons/beta.md");
    edit_until_reload(
        s.port,
        &file,
        "## Getting started",
        "Zanzibarian detail.\n\n## Getting started",
        Duration::from_secs(2),
    );
    assert_beta_alone_re_rendered(&s, "Zanzibarian detail.");
    assert_eq!(
        modified(&alpha),
        alpha_before,
        "an unrelated page was written"
    );
    assert_eq!(
        modified(&section),
        section_before,
        "the section was written"
    );

    // The search index catches up right after the reload.
    s.line("Updated the search index", Duration::from_secs(5));
    let shards: String = std::fs::read_dir(s.output().join("search/s"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert!(shards.contains("\"zanzibarian\":["), "new word not indexed");
}

#[test]
fn a_save_through_a_temporary_file_renamed_over_the_page_re_renders_that_page_alone() {
    // `sed -i` and editors' safe writes write a new file beside the page, then rename it over
    // the page: the temporary file is gone by the time the burst of events is handled.
    let s = start(Site::fixture("curriculum"));
    let file = s.site.path().join("content/lessons/beta.md");
    let temp = s.site.path().join("content/lessons/sedQ1w2E3");
    let text = std::fs::read_to_string(&file).unwrap();
    wait_for_event(
        s.port,
        || {
            let edited = text.replace(
                "## Getting started",
                "Renamed detail.\n\n## Getting started",
            );
            std::fs::write(&temp, edited).unwrap();
            std::fs::rename(&temp, &file).unwrap();
        },
        "event: reload",
        Duration::from_secs(2),
    );
    assert_beta_alone_re_rendered(&s, "Renamed detail.");
}

/// `serve` reports re-rendering one page, and serves `lessons/beta` with `text` in it.
fn assert_beta_alone_re_rendered(s: &Server, text: &str) {
    let line = s.line("Re-rendered", Duration::from_secs(2));
    assert!(
        line.starts_with("Re-rendered 1 page (1 file changed) in "),
        "{line}"
    );
    assert!(get(s.port, "/lessons/beta/").body.contains(text), "{text}");
}

#[test]
fn a_new_summary_re_renders_the_pages_that_list_it() {
    let s = start(Site::fixture("curriculum"));
    let file = s.site.path().join("content/lessons/beta.md");
    edit_until_reload(
        s.port,
        &file,
        "Opening paragraph.",
        "Opening paragraph.\n\n<!-- more -->",
        Duration::from_secs(2),
    );
    // The page, its section, and the taxonomy term page that lists it.
    let line = s.line("Re-rendered", Duration::from_secs(2));
    assert!(line.starts_with("Re-rendered 3 pages "), "{line}");
}

#[test]
fn a_front_matter_edit_rebuilds_the_site() {
    let s = start(Site::fixture("curriculum"));
    let file = s.site.path().join("content/lessons/beta.md");
    edit_until_reload(
        s.port,
        &file,
        "title = \"Beta\"",
        "title = \"Beta, renamed\"",
        Duration::from_secs(3),
    );
    let line = s.line("Rebuilt all", Duration::from_secs(2));
    assert!(line.starts_with("Rebuilt all "), "{line}");
    // Pages that link to it by title show the new one.
    assert!(get(s.port, "/lessons/").body.contains("Beta, renamed"));
}

#[test]
fn a_template_edit_re_renders_only_the_pages_that_use_it() {
    let site = Site::fixture("curriculum").file(
        "templates/section.html",
        r#"{% extends "base.html" %}
{% block main %}<h1>{{ section.title }}</h1><p class="marker">first</p>{% endblock main %}"#,
    );
    let s = start(site);
    let sections = walkdir::WalkDir::new(s.output())
        .into_iter()
        .flatten()
        .filter(|e| e.file_name() == "index.html")
        .filter(|e| {
            std::fs::read_to_string(e.path())
                .unwrap()
                .contains("<p class=\"marker\">first</p>")
        })
        .count();
    assert!(sections >= 2, "{sections}");
    let alpha = s.output().join("lessons/alpha/index.html");
    let before = modified(&alpha);
    let file = s.site.path().join("templates/section.html");
    edit_until_reload(s.port, &file, ">first<", ">second<", Duration::from_secs(2));
    let line = s.line("Re-rendered", Duration::from_secs(2));
    assert!(
        line.starts_with(&format!(
            "Re-rendered {sections} pages ({sections} files changed)"
        )),
        "{line}"
    );
    assert!(get(s.port, "/lessons/")
        .body
        .contains("<p class=\"marker\">second</p>"));
    assert_eq!(
        modified(&alpha),
        before,
        "a page of another template was written"
    );
}

// ---------------------------------------------------------------------------------------------
// Folders made or removed while serving

/// Asks for `path` until the reply satisfies `ok` (the rebuild has happened), or fails after
/// `within` with the last reply.
fn until(port: u16, path: &str, what: &str, within: Duration, ok: impl Fn(&Reply) -> bool) {
    let started = Instant::now();
    loop {
        let reply = get(port, path);
        if ok(&reply) {
            return;
        }
        assert!(
            started.elapsed() < within,
            "{path}: not {what} within {within:?}; last reply {}:\n{}",
            reply.status,
            reply.body
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The theme's page template with `marker` at the start of the article.
fn page_template_marked(marker: &str) -> String {
    let theme = std::fs::read_to_string(harness::repo().join("themes/default/templates/page.html"))
        .unwrap();
    assert!(theme.contains("<article"));
    theme.replacen(
        "<article",
        &format!("<p class=\"marker\">{marker}</p><article"),
        1,
    )
}

#[test]
fn a_static_folder_made_while_serving_is_served_and_removing_it_removes_its_files() {
    let s = start(Site::fixture("minimal"));
    assert_eq!(get(s.port, "/new.txt").status, 404);
    let folder = s.site.path().join("static");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("new.txt"), "hi\n").unwrap();
    until(s.port, "/new.txt", "served", Duration::from_secs(3), |r| {
        r.status == 200 && r.body == "hi\n"
    });
    std::fs::remove_dir_all(&folder).unwrap();
    until(s.port, "/new.txt", "gone", Duration::from_secs(3), |r| {
        r.status == 404
    });
    // Made again: a new folder, watched as well.
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("new.txt"), "again\n").unwrap();
    until(
        s.port,
        "/new.txt",
        "served again",
        Duration::from_secs(3),
        |r| r.status == 200 && r.body == "again\n",
    );
}

#[test]
fn a_templates_folder_made_while_serving_overrides_the_theme_until_it_is_removed() {
    let s = start(Site::fixture("minimal"));
    let marked = |r: &Reply| r.status == 200 && r.body.contains("<p class=\"marker\">site</p>");
    let themes = |r: &Reply| r.status == 200 && r.body.contains("<article") && !marked(r);
    assert!(themes(&get(s.port, "/notes/first/")));
    let folder = s.site.path().join("templates");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("page.html"), page_template_marked("site")).unwrap();
    until(
        s.port,
        "/notes/first/",
        "the override",
        Duration::from_secs(3),
        marked,
    );
    std::fs::remove_file(folder.join("page.html")).unwrap();
    until(
        s.port,
        "/notes/first/",
        "the theme's page",
        Duration::from_secs(3),
        themes,
    );
    std::fs::write(folder.join("page.html"), page_template_marked("site")).unwrap();
    until(
        s.port,
        "/notes/first/",
        "the override again",
        Duration::from_secs(3),
        marked,
    );
    std::fs::remove_dir_all(&folder).unwrap();
    until(
        s.port,
        "/notes/first/",
        "the theme's page again",
        Duration::from_secs(3),
        themes,
    );
}

#[test]
fn a_theme_named_in_site_toml_is_used_once_its_folder_appears() {
    let site = Site::fixture("minimal").edit(
        "site.toml",
        "title = \"Fixture Site\"",
        "title = \"Fixture Site\"\ntheme = \"mine\"",
    );
    let s = start(site);
    let before = get(s.port, "/notes/first/");
    assert_eq!(before.status, 500, "no good build yet");
    assert!(
        before.body.contains("unknown theme `mine`"),
        "{}",
        before.body
    );
    let theme = s.site.path().join("themes/mine");
    harness::copy_dir(&harness::repo().join("themes/default"), &theme);
    std::fs::write(
        theme.join("templates/page.html"),
        page_template_marked("mine"),
    )
    .unwrap();
    until(
        s.port,
        "/notes/first/",
        "the new theme's page",
        Duration::from_secs(5),
        |r| r.status == 200 && r.body.contains("<p class=\"marker\">mine</p>"),
    );
}
