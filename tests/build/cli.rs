//! What the command line does with its options: `--output`, `--base-url`, `--root`, the help,
//! `check`, and the output folder it refuses.

use super::curriculum;
use super::harness::Site;

#[test]
fn output_option_writes_the_site_elsewhere() {
    let site = Site::fixture("curriculum");
    let run = site.run(&["build", "--output", "site-out"]).success();
    assert!(run.stdout.contains("site-out"), "{}", run.stdout);
    run.page("index.html").contains("Course Fixture");
    assert!(run.exists("lessons/beta/index.html"));
    assert!(!site.path().join("public").exists());

    let elsewhere = tempfile::tempdir().unwrap();
    let target = elsewhere.path().join("www");
    let run = site
        .run(&["build", "--output", target.to_str().unwrap()])
        .success();
    assert_eq!(run.output(), target);
    assert!(target.join("lessons/beta/index.html").is_file());
}

#[test]
fn base_url_option_sets_the_sitemap_robots_and_404_base() {
    let run = curriculum();
    let urls = run.sitemap_urls();
    assert!(urls.contains(&"https://example.org/course/lessons/beta/".to_string()));
    assert!(run
        .read("robots.txt")
        .contains("Sitemap: https://example.org/course/sitemap.xml"));

    for base in [
        "https://cdn.example.net/learn/",
        "https://cdn.example.net/learn",
    ] {
        let run = Site::fixture("curriculum")
            .run(&["build", "--base-url", base])
            .success();
        let urls = run.sitemap_urls();
        assert!(!urls.is_empty());
        for url in &urls {
            assert!(
                url.starts_with("https://cdn.example.net/learn/"),
                "{url} (base {base})"
            );
        }
        assert!(urls.contains(&"https://cdn.example.net/learn/lessons/beta/".to_string()));
        assert!(run
            .read("robots.txt")
            .contains("Sitemap: https://cdn.example.net/learn/sitemap.xml\n"));
        run.page("404.html")
            .contains("href=\"/learn/css/trellis.css\"");
        run.page("lessons/beta/index.html").lacks("cdn.example.net");
    }
}

#[test]
fn sitemap_lists_every_page_with_an_absolute_url() {
    let run = curriculum();
    let mut expected: Vec<String> = run
        .html_files()
        .into_iter()
        .filter(|f| f.ends_with("index.html"))
        .map(|f| {
            format!(
                "https://example.org/course/{}",
                f.trim_end_matches("index.html")
            )
        })
        .collect();
    expected.sort();
    let mut urls = run.sitemap_urls();
    urls.sort();
    assert_eq!(urls, expected);
}

#[test]
fn refuses_to_write_the_output_into_the_site_itself() {
    for (output, why) in [
        (".", "it is the site's own folder"),
        ("..", "it holds the site's own folder"),
        ("content/../..", "it holds the site's own folder"),
        (
            "content/generated",
            "it is inside the site's `content` folder",
        ),
        ("themes/default", "it is inside the site's `themes` folder"),
        ("static/site", "it is inside the site's `static` folder"),
    ] {
        let site = Site::fixture("curriculum");
        let beside = site.path().parent().unwrap().join("beside.txt");
        std::fs::write(&beside, "kept").unwrap();
        site.run(&["build", "--output", output])
            .failure()
            .stderr_contains(&format!(
                "error: refusing to write the site into `{output}`: {why}\n  = hint: the output folder is replaced on every build; choose a folder of its own, such as `public`"
            ));
        assert!(site.path().join("site.toml").is_file());
        assert!(site.path().join("content/lessons/beta.md").is_file());
        assert!(!site.path().join("content/generated").exists());
        assert!(!site.path().join("themes").exists());
        assert_eq!(std::fs::read_to_string(&beside).unwrap(), "kept");
        std::fs::remove_file(&beside).unwrap();
    }
}

#[test]
fn a_folder_of_other_files_is_built_into_only_when_forced() {
    let site = Site::fixture("minimal");
    let other = tempfile::tempdir().unwrap();
    let thesis = other.path().join("thesis.docx");
    std::fs::write(&thesis, "years of work").unwrap();
    let out = other.path().to_str().unwrap();
    site.run(&["build", "--output", out])
        .failure()
        .stderr_contains(&format!(
            "error: `{out}` already holds files, and not a site Trellis built\n  = hint: a build deletes every file in its output folder that the site does not make; choose a new or empty folder, or pass `--force` to replace what is there"
        ));
    assert!(thesis.is_file());
    assert!(!other.path().join("index.html").exists());
    // Forced, the folder becomes the site; after that it is one, and builds need no force.
    site.run(&["build", "--output", out, "--force"]).success();
    assert!(!thesis.exists());
    assert!(other.path().join("index.html").is_file());
    std::fs::write(&thesis, "again").unwrap();
    site.run(&["build", "--output", out]).success();
    assert!(!thesis.exists(), "a stale file in a built site is swept");
}

#[test]
fn help_describes_each_command_and_its_options() {
    let site = Site::empty();
    let top = site.run(&["--help"]).success();
    for part in ["build", "check", "--root"] {
        assert!(
            top.stdout.contains(part),
            "--help lacks {part}:\n{}",
            top.stdout
        );
    }
    let build = site.run(&["build", "--help"]).success();
    for part in ["--output", "--base-url", "--drafts", "--root"] {
        assert!(
            build.stdout.contains(part),
            "build --help lacks {part}:\n{}",
            build.stdout
        );
    }
    let check = site.run(&["check", "--help"]).success();
    for part in ["--drafts", "--root"] {
        assert!(
            check.stdout.contains(part),
            "check --help lacks {part}:\n{}",
            check.stdout
        );
    }
}

#[test]
fn root_option_builds_a_site_from_another_folder() {
    let site = Site::fixture("curriculum");
    let elsewhere = tempfile::tempdir().unwrap();
    let root = site.path().to_str().unwrap().to_string();
    let run = site
        .run_in(elsewhere.path(), &["--root", &root, "build"])
        .success();
    run.page("lessons/beta/index.html")
        .contains("<h1>Beta</h1>");
    assert_eq!(
        std::fs::read_dir(elsewhere.path()).unwrap().count(),
        0,
        "wrote into the working folder"
    );
    std::fs::remove_dir_all(site.path().join("public")).unwrap();
    site.run_in(elsewhere.path(), &["build", "--root", &root])
        .success();
    assert!(site.path().join("public/index.html").is_file());

    std::fs::remove_dir_all(site.path().join("public")).unwrap();
    let parent = site.path().parent().unwrap();
    let name = site.path().file_name().unwrap().to_str().unwrap();
    site.run_in(parent, &["--root", name, "build"]).success();
    assert!(site.path().join("public/index.html").is_file());
}

#[test]
fn check_validates_a_good_site_and_writes_nothing() {
    let site = Site::fixture("curriculum");
    let run = site.run(&["check"]).success();
    assert!(run.stdout.starts_with("Checked "), "{}", run.stdout);
    assert!(run.stdout.contains("nothing written"), "{}", run.stdout);
    assert!(!site.path().join("public").exists());
    assert!(!site.path().join("public.trellis-tmp").exists());
}
