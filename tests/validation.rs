//! The exact text of input-validation errors and warnings: GIFT weights and empty banks, quizzes
//! without questions and competencies without objectives, taxonomy settings and terms, TOML
//! hints, long source lines and symbolic links in content/.

mod harness;
use harness::Site;

#[test]
fn gift_weights_must_be_numbers_from_minus_100_to_100() {
    Site::fixture("minimal")
        .file(
            "content/q.gift",
            "$CATEGORY: T/T-1.1\n::a::Pick {~%abc%x =y}\n\n::b::Pick {~%200%x ~y}\n",
        )
        .build()
        .failure()
        .stderr_is(
            "error: answer weight `abc` is not a number
 --> content/q.gift:2:13
  |
2 | ::a::Pick {~%abc%x =y}
  |             ^^^^^
  = hint: write a weight from -100 to 100 between `%` signs, e.g. `~%50%`; write `\\%` for a literal percent sign

error: answer weight `200` is out of range
 --> content/q.gift:4:13
  |
4 | ::b::Pick {~%200%x ~y}
  |             ^^^^^
  = hint: Moodle accepts weights from -100 to 100 (percent), e.g. `~%50%` for half credit or `~%-100%` for a wrong answer

error: found 2 problems in the site; nothing was written
",
        );
}

#[test]
fn a_gift_file_without_questions_is_an_error_like_a_toml_quiz_without_them() {
    Site::fixture("minimal")
        .file("content/empty.gift", "// title: Empty quiz\n")
        .build()
        .failure()
        .stderr_is(
            "error: missing questions in GIFT quiz
 --> content/empty.gift:1:1
  |
1 | // title: Empty quiz
  | ^
  = hint: write questions separated by blank lines, e.g. `::q1::Is this true? {T}`, under a `$CATEGORY:` whose last part is an objective ID; or remove the file

error: found 1 problem in the site; nothing was written
",
        );
}

#[test]
fn paginate_by_must_be_at_least_1() {
    Site::fixture("minimal")
        .edit(
            "site.toml",
            "title = \"Topics\"",
            "title = \"Topics\"\npaginate_by = 0",
        )
        .build()
        .failure()
        .stderr_is(
            "error: `paginate_by` must be at least 1
  --> site.toml:12:15
   |
12 | paginate_by = 0
   |               ^
   = hint: it is how many entries each term page lists, e.g. `paginate_by = 20`

error: found 1 problem in the site; nothing was written
",
        );
}

#[test]
fn a_term_without_letters_or_digits_is_an_error_at_the_term() {
    Site::fixture("minimal")
        .edit(
            "content/notes/first.md",
            "topics = [\"goal setting\"]",
            "topics = [\"goal setting\", \"???\"]",
        )
        .edit(
            "content/refs.md",
            "topics = [\"goal setting\"]",
            "topics = [\"goal setting\", \"--\"]",
        )
        .build()
        .failure()
        .stderr_is(
            "error: term `???` of taxonomy `topics` has no letters or digits to make a URL from
 --> content/notes/first.md:8:27
  |
8 | topics = [\"goal setting\", \"???\"]
  |                           ^^^^^
  = hint: use a term with letters or digits in it: its page's URL is made from them

error: term `--` of taxonomy `topics` has no letters or digits to make a URL from
  --> content/refs.md:17:42
   |
17 | taxonomies = { topics = [\"goal setting\", \"--\"] }
   |                                          ^^^^
   = hint: use a term with letters or digits in it: its page's URL is made from them

error: found 2 problems in the site; nothing was written
",
        );
}

#[test]
fn two_spellings_of_a_term_with_one_url_are_an_error_unless_only_case_differs() {
    Site::fixture("minimal")
        .edit("content/notes/first.md", "topics = [\"goal setting\"]", "topics = [\"goal setting\", \"café\"]")
        .edit(
            "content/notes/second.md",
            "weight = 2",
            "weight = 2\n[taxonomies]\ntopics = [\"Goal Setting\", \"Café\", \"cafe\"]",
        )
        .build()
        .failure()
        .stderr_is(
            "error: term `cafe` of taxonomy `topics` has the same URL as `café`
 --> content/notes/second.md:5:35
  |
5 | topics = [\"Goal Setting\", \"Café\", \"cafe\"]
  |                                   ^^^^^^
  = hint: `café` is used at content/notes/first.md:8:27, and both would share the page `topics/cafe/`; spell the term the same way in both places

error: found 1 problem in the site; nothing was written
",
        );
}

#[test]
fn terms_that_differ_only_in_case_share_a_page_quietly() {
    Site::fixture("minimal")
        .edit(
            "content/notes/second.md",
            "weight = 2",
            "weight = 2\n[taxonomies]\ntopics = [\"Goal Setting\"]",
        )
        .build()
        .success()
        .page("topics/goal-setting/index.html")
        .contains("Second lesson")
        .contains("First lesson");
}

#[test]
fn a_duplicate_key_names_the_line_that_first_sets_it() {
    Site::fixture("minimal")
        .edit(
            "content/notes/second.md",
            "weight = 2",
            "weight = 2\ntitle = \"Again\"",
        )
        .build()
        .failure()
        .stderr_is(
            "error: duplicate key `title`
 --> content/notes/second.md:4:1
  |
4 | title = \"Again\"
  | ^^^^^
  = hint: `title` is already set on line 2; remove one of them

error: found 1 problem in the site; nothing was written
",
        );
}

#[test]
fn a_value_of_the_wrong_type_gets_a_hint_about_the_type_not_quotes() {
    Site::fixture("minimal")
        .edit(
            "content/notes/second.md",
            "weight = 2",
            "weight = 2\ndescription = 5",
        )
        .build()
        .failure()
        .stderr_is(
            "error: invalid type: integer `5`, expected a string
 --> content/notes/second.md:4:15
  |
4 | description = 5
  |               ^
  = hint: this key takes text: put it in double quotes

error: found 1 problem in the site; nothing was written
",
        );
    Site::fixture("minimal")
        .edit("content/notes/second.md", "weight = 2", "weight = \"2\"")
        .build()
        .failure()
        .stderr_contains(
            "  = hint: this key takes a whole number, written without quotes, e.g. `2`\n",
        );
    Site::fixture("minimal")
        .edit(
            "content/notes/second.md",
            "weight = 2",
            "weight = 2\ndescription = hello",
        )
        .build()
        .failure()
        .stderr_contains(
            "  = hint: check the TOML syntax: strings need double quotes, lists need [ ]\n",
        );
}

#[test]
fn a_long_source_line_is_cut_around_the_error() {
    let long = "x".repeat(100_000);
    let expected = format!(
        "error: unknown field `wieght`
 --> content/notes/second.md:3:1
  |
3 | wieght = 2 # {}…
  | ^^^^^^
  = hint: did you mean `weight`?

error: found 1 problem in the site; nothing was written
",
        "x".repeat(137)
    );
    Site::fixture("minimal")
        .edit(
            "content/notes/second.md",
            "weight = 2",
            &format!("wieght = 2 # {long}"),
        )
        .build()
        .failure()
        .stderr_is(&expected);
}

#[cfg(unix)]
#[test]
fn symbolic_links_in_content_are_reported_not_followed_silently() {
    let site = Site::fixture("minimal");
    let content = site.path().join("content");
    std::os::unix::fs::symlink("notes/first.md", content.join("x.md")).unwrap();
    std::os::unix::fs::symlink("notes", content.join("more")).unwrap();
    site.build()
        .success()
        .stderr_contains(
            "warning[symlink]: `content/more` is a symbolic link; Trellis does not follow links in content/
 --> content/more
  = hint: copy the folder into content/ instead
",
        )
        .stderr_contains(
            "warning[symlink]: `content/x.md` is a symbolic link; Trellis does not follow links in content/
 --> content/x.md
  = hint: copy the file into content/ instead
",
        );
}

#[test]
fn a_quiz_without_questions_is_told_the_table_to_add() {
    Site::fixture("minimal")
        .file(
            "content/notes/check.md",
            "+++\nkind = \"quiz\"\ntitle = \"Check\"\n+++\nIntro.\n",
        )
        .build()
        .failure()
        .stderr_is(
            "error: missing `questions` for kind `quiz`
 --> content/notes/check.md:2:8
  |
2 | kind = \"quiz\"
  |        ^^^^^^
  = hint: add a `[[questions]]` table with `id`, `type`, `objectives` and `prompt` to the front matter

error: found 1 problem in the site; nothing was written
",
        );
}

#[test]
fn a_competency_without_objectives_is_told_the_table_to_add() {
    Site::fixture("minimal")
        .edit(
            "content/t-1.md",
            "\n[[objectives]]\nid = \"T-1.1\"\ntext = \"Assert on behaviour.\"\n",
            "",
        )
        .edit("content/notes/first.md", "teaches = [\"T-1.1\"]", "")
        .build()
        .failure()
        .stderr_contains(
            "error: missing `objectives` for kind `competency`
 --> content/t-1.md:2:8
  |
2 | kind = \"competency\"
  |        ^^^^^^^^^^^^
  = hint: add an `[[objectives]]` table with an `id` and `text` to the front matter
",
        );
}
