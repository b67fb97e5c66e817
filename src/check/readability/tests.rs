use super::*;

fn prose(text: &str) -> Prose {
    Prose {
        text: text.to_string(),
        segments: vec![(0, 100)],
    }
}

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 0.0005, "{a} != {b}");
}

#[test]
fn formulas_match_hand_computed_values() {
    // 9 words, 2 sentences, 10 syllables (only "happy" has two), no word of 3+ syllables.
    let s = score(&prose("The cat sat on the mat. It was happy."));
    assert_eq!(
        s.counts,
        Counts {
            words: 9,
            sentences: 2,
            syllables: 10,
            polysyllables: 0
        }
    );
    // 0.39 x 4.5 + 11.8 x 10/9 - 15.59
    close(s.counts.flesch_kincaid_grade(), -0.723_889);
    // 206.835 - 1.015 x 4.5 - 84.6 x 10/9
    close(s.counts.flesch_reading_ease(), 108.2675);
    // 1.0430 x sqrt(0) + 3.1291
    close(s.counts.smog(), 3.1291);

    // self-management (1 + 3) support (2) helps (1) people (2): 4 words, 9 syllables, 1 long.
    let s = score(&prose("Self-management support helps people."));
    assert_eq!(
        s.counts,
        Counts {
            words: 4,
            sentences: 1,
            syllables: 9,
            polysyllables: 1
        }
    );
    close(s.counts.flesch_kincaid_grade(), 12.52); // 1.56 + 26.55 - 15.59
    close(s.counts.flesch_reading_ease(), 12.425); // 206.835 - 4.06 - 190.35
    close(s.counts.smog(), 8.841_785); // 1.0430 x sqrt(30) + 3.1291
}

#[test]
fn syllables_of_common_and_hard_words() {
    for (word, n) in [
        ("cat", 1),
        ("the", 1),
        ("table", 2),
        ("people", 2),
        ("care", 1),
        ("makes", 1),
        ("changes", 2),
        ("based", 1),
        ("wanted", 2),
        ("health", 1),
        ("support", 2),
        ("chronic", 2),
        ("condition", 3),
        ("management", 3),
        ("medication", 4),
        ("usual", 3),
        ("evaluate", 4),
        ("individual", 5),
        ("social", 2),
        ("media", 3),
        ("various", 3),
        ("audience", 3),
        ("patient", 2),
        ("you", 1),
        ("year", 1),
        ("caregivers", 3),
        ("someone", 2),
        ("self-efficacy", 5),
        ("person's", 2),
        ("SMS", 3),
        ("PLWMCC", 8),
        ("2014", 1),
    ] {
        assert_eq!(syllables(word), n, "{word}");
    }
}

#[test]
fn sentences_end_at_stops_and_blocks_but_not_abbreviations() {
    let text = format!(
        "Lorig et al. found gains, e.g. in confidence. Did it last? Yes!{BLOCK}A list item{BLOCK}K. Lorig wrote (in 2014.) It is 1.5 pages."
    );
    let got: Vec<&str> = sentences(&text).into_iter().map(|r| &text[r]).collect();
    assert_eq!(
        got,
        vec![
            "Lorig et al. found gains, e.g. in confidence.",
            "Did it last?",
            "Yes!",
            "A list item",
            "K. Lorig wrote (in 2014.)",
            "It is 1.5 pages.",
        ]
    );
}

#[test]
fn the_hardest_sentences_come_first_with_their_source_offsets() {
    let p = prose("We walk. Interprofessional collaboration facilitates comprehensive self-management. We talk.");
    let s = score(&p);
    assert_eq!(s.hardest.len(), 3);
    assert_eq!(
        s.hardest[0].text,
        "Interprofessional collaboration facilitates comprehensive self-management."
    );
    assert_eq!(s.hardest[0].offset, 100 + 9);
    assert!(s.hardest[0].grade > s.hardest[1].grade);
}
