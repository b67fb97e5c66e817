//! Live reload: a Server-Sent Events hub that tells every open tab to reload, swap its
//! stylesheets, or show the last build's errors. The script is added to HTML responses by the
//! server only; `trellis build` output never contains it.

use std::io::Write;
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError, Sender};
use std::sync::Mutex;
use std::time::Duration;

/// Where the reload script and the event stream live (no site file can be there).
pub const PREFIX: &str = "/__trellis/";
/// Open reload connections are capped, so they cannot pile up without bound.
pub const MAX_CLIENTS: usize = 64;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    Reload,
    Css,
    /// The build failed: the report to show over the page.
    Errors(String),
}

impl Event {
    fn frame(&self) -> String {
        match self {
            Event::Reload => "event: reload\ndata: \n\n".to_string(),
            Event::Css => "event: css\ndata: \n\n".to_string(),
            Event::Errors(text) => {
                let data: String = text.lines().map(|l| format!("data: {l}\n")).collect();
                format!("event: errors\n{data}\n")
            }
        }
    }
}

#[derive(Default)]
pub struct Hub {
    clients: Mutex<Vec<Sender<Event>>>,
}

impl Hub {
    pub fn broadcast(&self, event: &Event) {
        let mut clients = self.clients.lock().unwrap_or_else(|e| e.into_inner());
        clients.retain(|c| c.send(event.clone()).is_ok());
    }

    /// A new subscriber, or `None` when too many are open.
    pub fn subscribe(&self) -> Option<Receiver<Event>> {
        let mut clients = self.clients.lock().unwrap_or_else(|e| e.into_inner());
        if clients.len() >= MAX_CLIENTS {
            return None;
        }
        let (tx, rx) = channel();
        clients.push(tx);
        Some(rx)
    }

    /// How many tabs are listening.
    pub fn listeners(&self) -> usize {
        self.clients.lock().map_or(0, |c| c.len())
    }
}

/// Streams events to one client until it goes away; a comment every 15 s keeps proxies from
/// closing the connection and notices closed sockets.
pub fn stream(mut writer: Box<dyn Write + Send>, events: Receiver<Event>, initial: Option<Event>) {
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: keep-alive\r\n\r\nretry: 500\n\n";
    if writer
        .write_all(head.as_bytes())
        .and_then(|_| writer.flush())
        .is_err()
    {
        return;
    }
    if let Some(e) = initial {
        if writer
            .write_all(e.frame().as_bytes())
            .and_then(|_| writer.flush())
            .is_err()
        {
            return;
        }
    }
    loop {
        let frame = match events.recv_timeout(Duration::from_secs(15)) {
            Ok(e) => e.frame(),
            Err(RecvTimeoutError::Timeout) => ": keep-alive\n\n".to_string(),
            Err(RecvTimeoutError::Disconnected) => return,
        };
        if writer
            .write_all(frame.as_bytes())
            .and_then(|_| writer.flush())
            .is_err()
        {
            return;
        }
    }
}

/// The script added to every HTML page in serve mode.
pub const SCRIPT: &str = r#"(function () {
  'use strict';
  var overlay;
  function show(text) {
    if (!overlay) {
      overlay = document.createElement('div');
      overlay.id = 'trellis-errors';
      overlay.setAttribute('role', 'alertdialog');
      overlay.setAttribute('aria-labelledby', 'trellis-errors-title');
      overlay.style.cssText = 'position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2rem;background:rgba(20,10,10,.94);color:#fff;font:14px/1.5 ui-monospace,monospace';
      var h = document.createElement('h2');
      h.id = 'trellis-errors-title';
      h.textContent = 'The site could not be built';
      h.style.cssText = 'font:700 20px system-ui,sans-serif;margin:0 0 1rem;color:#ffb4b4';
      var pre = document.createElement('pre');
      pre.style.cssText = 'white-space:pre-wrap;margin:0';
      var note = document.createElement('p');
      note.textContent = 'Fix the file and save it: this page reloads by itself. The page below is the last version that built.';
      note.style.cssText = 'font:16px system-ui,sans-serif';
      overlay.append(h, note, pre);
      document.body.appendChild(overlay);
    }
    overlay.querySelector('pre').textContent = text;
  }
  // Authors see the page's readability (trellis check's figures) in a small corner panel.
  var data = document.getElementById('trellis-readability');
  if (data) {
    var r = JSON.parse(data.textContent);
    var panel = document.createElement('details');
    panel.id = 'trellis-readability-panel';
    panel.style.cssText = 'position:fixed;left:.5rem;bottom:.5rem;z-index:2147483646;max-width:min(34rem,calc(100vw - 1rem));padding:.4rem .7rem;background:#1d2330;color:#fff;border-radius:.4rem;font:13px/1.45 system-ui,sans-serif;box-shadow:0 2px 8px rgba(0,0,0,.35)';
    var over = r.limit !== null && r.flesch_kincaid_grade > r.limit;
    var summary = document.createElement('summary');
    summary.textContent = 'Reading grade ' + r.flesch_kincaid_grade.toFixed(1) +
      (r.audience ? ' (' + r.audience + (r.limit !== null ? ', limit ' + r.limit : '') + ')' : '') + (over ? ' \u2014 above the limit' : '');
    if (over) summary.style.color = '#ffc2c2';
    var body = document.createElement('div');
    var lines = ['Flesch-Kincaid grade ' + r.flesch_kincaid_grade + ', SMOG ' + r.smog + ', Flesch reading ease ' + r.flesch_reading_ease,
      r.words + ' words in ' + r.sentences + ' sentences (' + r.file + ')', 'Hardest sentences:'];
    r.hardest.forEach(function (h) { lines.push('line ' + h.line + ', grade ' + h.grade + ': ' + h.text); });
    lines.forEach(function (l) { var p = document.createElement('p'); p.style.margin = '.25rem 0'; p.textContent = l; body.appendChild(p); });
    panel.append(summary, body);
    document.body.appendChild(panel);
  }
  var events = new EventSource('/__trellis/events');
  events.addEventListener('reload', function () { location.reload(); });
  events.addEventListener('errors', function (e) { show(e.data); });
  events.addEventListener('css', function () {
    document.querySelectorAll('link[rel="stylesheet"]').forEach(function (link) {
      var url = new URL(link.href);
      url.searchParams.set('trellis', Date.now());
      link.href = url.href;
    });
  });
})();
"#;

/// The page's readability figures for the authors' panel, as the JSON the script reads.
pub fn readability_json(row: &crate::check::PageReadability) -> String {
    // `</` would end the script element the JSON sits in.
    serde_json::to_string(row)
        .unwrap_or_default()
        .replace("</", "<\\/")
}

/// Adds the reload script before `</body>` (or at the end).
pub fn inject(html: &[u8]) -> Vec<u8> {
    inject_with(html, None)
}

/// Adds the reload script, and the page's readability figures when known.
pub fn inject_with(html: &[u8], readability: Option<&str>) -> Vec<u8> {
    let mut tag = Vec::new();
    if let Some(json) = readability {
        tag.extend_from_slice(b"<script type=\"application/json\" id=\"trellis-readability\">");
        tag.extend_from_slice(json.as_bytes());
        tag.extend_from_slice(b"</script>\n");
    }
    tag.extend_from_slice(b"<script src=\"/__trellis/reload.js\"></script>\n");
    let tag = tag.as_slice();
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + tag.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(tag);
    out.extend_from_slice(&html[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_goes_before_the_end_of_body() {
        let out = String::from_utf8(inject(b"<html><body><p>x</p></body></html>")).unwrap();
        assert_eq!(
            out,
            "<html><body><p>x</p><script src=\"/__trellis/reload.js\"></script>\n</body></html>"
        );
    }

    #[test]
    fn error_frames_keep_every_line() {
        assert_eq!(
            Event::Errors("a\nb".into()).frame(),
            "event: errors\ndata: a\ndata: b\n\n"
        );
    }

    #[test]
    fn the_hub_caps_subscribers_and_drops_closed_ones() {
        let hub = Hub::default();
        let kept: Vec<_> = (0..MAX_CLIENTS).map(|_| hub.subscribe().unwrap()).collect();
        assert!(hub.subscribe().is_none());
        drop(kept);
        hub.broadcast(&Event::Reload);
        assert_eq!(hub.listeners(), 0);
    }
}
