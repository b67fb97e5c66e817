//! Determinism and the output folder: the same site gives the same bytes in any folder and with
//! any number of threads, and a rebuild leaves only its own output (and hidden entries).

use super::assert_same_output;
use super::harness::Site;

#[test]
fn the_shipped_site_builds_byte_identically_in_two_folders() {
    let first = Site::shipped().build().success().snapshot();
    let second = Site::shipped().build().success().snapshot();
    assert_same_output(&first, &second);
}

#[test]
fn rebuilding_the_same_folder_gives_identical_output() {
    let site = Site::shipped();
    let first = site.build().success().snapshot();
    let second = site.build().success().snapshot();
    assert_same_output(&first, &second);
}

#[test]
fn output_does_not_depend_on_the_number_of_threads() {
    let one = Site::shipped()
        .run_env(&["build"], &[("RAYON_NUM_THREADS", "1")])
        .success()
        .snapshot();
    let two = Site::shipped()
        .run_env(&["build"], &[("RAYON_NUM_THREADS", "2")])
        .success()
        .snapshot();
    assert_same_output(&one, &two);
}

#[test]
fn a_rebuild_removes_output_of_deleted_pages_and_leaves_no_work_folders() {
    let site = Site::fixture("curriculum");
    let run = site.build().success();
    assert!(run.exists("lessons/gamma/index.html"));
    let site = site.remove("content/lessons/gamma.md");
    let run = site.build().success();
    assert!(!run.exists("lessons/gamma/index.html"));
    assert!(!run.exists("lessons/gamma"));
    assert!(!run.read("sitemap.xml").contains("gamma"));
    let mut entries: Vec<String> = std::fs::read_dir(site.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    entries.sort();
    assert_eq!(entries, ["content", "public", "site.toml"]);
}

#[test]
fn a_rebuild_removes_stray_files_but_leaves_hidden_top_level_entries_alone() {
    let site = Site::fixture("curriculum");
    site.build().success();
    let public = site.path().join("public");
    let put = |rel: &str, text: &str| {
        let path = public.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    // Publishing the output as a Git worktree keeps its repository inside it.
    put(".git/HEAD", "ref: refs/heads/pages\n");
    put(".git/objects/pack/p.idx", "x");
    put(".nojekyll", "");
    put("lessons/old/index.html", "stale");
    put("zz-stale.html", "stale");
    let run = site.build().success();
    for kept in [".git/HEAD", ".git/objects/pack/p.idx", ".nojekyll"] {
        assert!(run.exists(kept), "{kept} was removed");
    }
    for gone in ["lessons/old", "zz-stale.html"] {
        assert!(!run.exists(gone), "{gone} is still there");
    }
    assert!(run.exists("lessons/beta/index.html"));
}
