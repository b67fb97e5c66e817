//! No input makes trellis panic: odd and hostile content gets a clear error or builds.

mod harness;
use harness::Site;

/// Builds the minimal fixture with one extra file; the build may fail, but must do so cleanly.
fn no_panic(name: &str, text: &[u8]) {
    let site = Site::fixture("minimal");
    let path = site.path().join("content/notes").join(name);
    std::fs::write(path, text).unwrap();
    let run = site.build();
    assert!(
        run.code == Some(0) || run.code == Some(1),
        "{name}: exit {:?}\nstderr:\n{}",
        run.code,
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{name}: {}", run.stderr);
    if run.code == Some(1) {
        // A failed build reports its problems, and the checks' warnings among them.
        assert!(
            run.stderr.starts_with("error") || run.stderr.starts_with("warning["),
            "{name}: {}",
            run.stderr
        );
        assert!(
            run.stderr.ends_with("nothing was written\n"),
            "{name}: {}",
            run.stderr
        );
    }
}

#[test]
fn hostile_inputs_never_panic() {
    let deep = format!("+++\ntitle = \"deep\"\n+++\n{}x\n", "> ".repeat(500));
    let lists = format!(
        "+++\ntitle = \"lists\"\n+++\n{}",
        (0..200)
            .map(|i| format!("{}- item\n", "  ".repeat(i)))
            .collect::<String>()
    );
    let cases: &[(&str, &[u8])] = &[
        ("empty.md", b""),
        ("fence-only.md", b"+++"),
        ("unclosed.md", b"+++\ntitle = \"x\"\n"),
        ("bom.md", "\u{feff}+++\ntitle = \"BOM\"\n+++\nBody\n".as_bytes()),
        ("crlf.md", b"+++\r\ntitle = \"CRLF\"\r\n+++\r\nBody [@T-1]\r\n"),
        ("latin1.md", b"+++\ntitle = \"caf\xe9\"\n+++\n"),
        ("wrong-type.md", b"+++\ntitle = 1\nweight = \"heavy\"\n+++\n"),
        ("multibyte-error.md", "+++\ntitle = \"é\"\nkéy = \"ü\"\n+++\n".as_bytes()),
        ("emoji-ref.md", "+++\ntitle = \"x\"\n+++\nSee [@😀] and [@] and [@ ] and [x](@) and [y](@/) and [z](@/notes/)\n".as_bytes()),
        ("unclosed-link.md", b"+++\ntitle = \"x\"\n+++\n[@T-1 and [text](@T-1\n"),
        ("deep.md", deep.as_bytes()),
        ("lists.md", lists.as_bytes()),
        ("headings.md", "+++\ntitle = \"h\"\n+++\n## 😀\n## 😀\n## {#}\n## ##\n# One\n###### six\n".as_bytes()),
        ("html.md", b"+++\ntitle = \"<script>alert(1)</script>\"\ndescription = \"\\\" onload=\\\"x\"\n+++\n<div>raw</div>\n"),
        ("code.md", b"+++\ntitle = \"code\"\n+++\n```no-such-lang\nx\n```\n```\nunclosed\n"),
        ("kind-mix.md", b"+++\ntitle = \"k\"\nkind = \"library\"\nid = \"X-1\"\nelements = []\n+++\n"),
        ("bad-kind.md", b"+++\ntitle = \"k\"\nkind = \"quiz\"\n+++\n"),
        ("slug-clash.md", b"+++\ntitle = \"clash\"\nslug = \"first\"\n+++\n"),
        ("nul.md", b"+++\ntitle = \"a\0b\"\n+++\n\0\n"),
    ];
    for (name, text) in cases {
        no_panic(name, text);
    }
}

#[test]
fn escaping_in_titles_and_descriptions() {
    let run = Site::fixture("minimal")
        .file("content/notes/x.md", "+++\ntitle = \"<script>alert(1)</script> & more\"\ndescription = \"\\\" onload=\\\"x\"\n+++\nBody\n")
        .build()
        .success();
    run.page("notes/x/index.html")
        .lacks("<script>alert(1)</script>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more")
        .lacks("\" onload=\"x");
}
