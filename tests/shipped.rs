//! The shipped self-management support (SMS) portal, built once: its competencies, objectives,
//! framework elements and resources are there with the source documents' wording
//! (`/work/shared/seeds`), every link works, and every page has the same accessible frame.

mod harness;

use std::collections::BTreeSet;
use std::sync::OnceLock;

use harness::{Page, Run, Site};

/// The shipped site, built once for all tests of this file.
fn shipped() -> &'static Run {
    static BUILT: OnceLock<Run> = OnceLock::new();
    BUILT.get_or_init(|| Site::shipped_for_static().build().success())
}

/// The part of a page from `id="<anchor>"` to the next `end`.
#[track_caller]
fn at_anchor(page: &Page, anchor: &str, end: &str) -> Page {
    page.within(&format!("id=\"{anchor}\""), end)
}

/// Competency statements and learning objectives, verbatim from seed 001 (Module 2).
const COMPETENCIES: [(&str, &str, &[&str]); 6] = [
    (
        "SMS-1",
        "Support PLWMCC, their families and caregivers in setting goals, developing action plans, and continuously re-evaluating and revising them as needed.",
        &[
            "Collaboratively set healthcare goals with PLWMCC and their families and caregivers.",
            "Continuously review and revise action plans for PLWMCC at each office visit.",
        ],
    ),
    (
        "SMS-2",
        "Assist PLWMCC in identifying and evaluating information for appropriateness to inform their plans of care.",
        &[
            "Identify new appropriate sources of information for PLWMCC.",
            "Establish and share criteria with PLWMCC for assessing new resources that might be used in plans of care.",
        ],
    ),
    (
        "SMS-3",
        "Assist PLWMCC to link to appropriate community-based resources to support healthy behaviors and learn self-management techniques.",
        &[
            "Assess the appropriateness of community-based resources available to PLWMCC.",
            "Establish working relationships with individuals at community-based organizations to facilitate referrals for PLWMCC.",
            "Confirm that PLWMCC have accessed and understand recommended community-based resources that support behavior change(s) targeted in the action plan.",
        ],
    ),
    (
        "SMS-4",
        "Use skill building and problem-solving strategies to support PLWMCC, their families and caregivers in managing MCC by adopting and maintaining health self-management behaviors, and in overcoming barriers to quality of life preferences.",
        &[
            "Share strategies with caregivers of PLWMCC for managing caregiver stress.",
            "Demonstrate to PLWMCC how to solve an identified problem in managing their chronic illnesses.",
            "Employ an incremental approach to develop the skills of PLWMCC in a specific technique or tool to manage MCC (e.g., blood sugar monitoring, responding to symptoms).",
        ],
    ),
    (
        "SMS-5",
        "Discuss with PLWMCC and their families and caregivers how emotional responses to illness and mental health disorders may affect their ability to manage MCC.",
        &[
            "Elicit PLWMCC’s emotional and psychological responses to their illnesses.",
            "Produce, in collaboration with PLWMCC and caregivers, a care plan that includes a mental health component.",
        ],
    ),
    (
        "SMS-6",
        "Incorporate evidence-based behavior management strategies, such as peer leadership and coaching, to support PLWMCC engagement in managing MCC.",
        &[
            "Produce, in collaboration with PLWMCC and their caregivers, a care plan that includes the use of a health coach.",
            "Provide PLWMCC with a list of community-based resources that use peer leadership.",
        ],
    ),
];

/// Every objective: (ID, anchor, text).
fn objectives() -> Vec<(String, String, &'static str)> {
    COMPETENCIES
        .iter()
        .flat_map(|(id, _, objectives)| {
            objectives.iter().enumerate().map(move |(i, text)| {
                let oid = format!("{id}.{}", i + 1);
                let anchor = oid.to_lowercase().replace('.', "-");
                (oid, anchor, *text)
            })
        })
        .collect()
}

/// A framework element: its anchor, and its text from the seeds (`None` where the page uses the
/// project's own summary wording).
type Element = (&'static str, Option<&'static str>);

/// Framework elements by page.
const FRAMEWORK: [(&str, &[Element]); 6] = [
    (
        "framework/definitions/index.html",
        &[
            // Seed 002 (Resources for Integrated Care).
            ("def-sm", Some("The concept of self-management is inclusive of a wide range of behaviors on which individuals might focus to maintain their health – such as diet, exercise, sufficient sleep, social outlets, and stress reduction.")),
            // Seed 001, the module's opening definition.
            ("def-sms", Some("The systematic provision of education and supportive interventions to increase skills and confidence of persons living with multiple chronic conditions (PLWMCC) in managing their health problems, including regular assessment of progress and problems, and problem-solving support")),
            // Seed 002, quoting the CDC.
            ("def-sms-cdc", Some("assistance provided by clinicians and public health practitioners to enhance an individual’s self-efficacy in managing one or more chronic conditions")),
            ("vision", None),
        ],
    ),
    (
        "framework/guiding-principles/index.html",
        &[
            // Seed 000 (Mills et al. 2017).
            ("gp-1", Some("Informed by evidence and evolve in response to the needs of the chronic condition population")),
            ("gp-2", Some("Centered on the person or family and reflect the differing goals, needs and preferences of individuals and their differing social contexts")),
            ("gp-3", Some("Focused on improving an individual’s capacity to be healthy and live well according to their values")),
            ("gp-4", Some("Created to be equally available, appropriate and accessible to all persons with chronic conditions")),
            ("gp-5", Some("Developed to promote benefits and minimize potential harms")),
            ("gp-6", Some("Implemented in ways that respect an individual’s choice, autonomy and rights to determine their own goals and participation in SMS")),
            ("gp-7", Some("Embedded in the management and treatment of chronic conditions")),
            ("gp-8", Some("Integrated across the continuum of health and community services from prevention to palliative care")),
        ],
    ),
    (
        "framework/strategic-directions/index.html",
        &[
            ("sd-1", Some("Support people with chronic conditions and their families to be meaningfully engaged in decision-making, planning and evaluation of SMS initiatives")),
            ("sd-2", Some("Expand reach and range of, and access to, SMS interventions, programs and services in healthcare systems and communities")),
            ("sd-3", Some("Advance evidence on the effectiveness and appropriateness of SMS interventions and other kinds of SMS-related initiatives")),
            ("sd-4", Some("Improve quality of SMS services, programs and interventions")),
            ("sd-5", Some("Forge and strengthen linkages within and between sectors, policies, programs and service providers")),
            ("sd-6", Some("Foster leadership, commitment and accountability for SMS at all levels of healthcare and social and community services")),
            ("sd-7", Some("Build infrastructure to support SMS initiatives and provide resources and funding to support these initiatives")),
        ],
    ),
    (
        "framework/future-directions/index.html",
        &[
            ("fd-1", Some("System thinking")),
            ("fd-2", Some("Shared responsibility")),
            ("fd-3", Some("Health equity")),
            ("fd-4", Some("Ethical dimensions")),
        ],
    ),
    (
        "framework/person-centred-care/index.html",
        &[
            // Seed 003 (UK explainer).
            ("pcc-1", Some("Affording people dignity, compassion and respect.")),
            ("pcc-2", Some("Offering coordinated care, support or treatment.")),
            ("pcc-3", Some("Offering personalised care, support or treatment.")),
            ("pcc-4", Some("Supporting people to recognise and develop their own strengths and abilities to enable them to live an independent and fulfilling life.")),
        ],
    ),
    (
        "framework/clinical-settings/index.html",
        &[
            // Seed 004 (AHRQ).
            ("loc-1", Some("Patient-clinician interactions")),
            ("loc-2", Some("Office environment changes")),
            ("loc-3", Some("Health system, policy, and environmental supports")),
            ("csms-1", Some("Providing empathic, patient-centered care.")),
            ("csms-2", Some("Involving the whole care team in planning, carrying out, and following up on a patient visit.")),
            ("csms-3", Some("Planning patient visits that focus on prevention and care management, rather than on acute care.")),
            ("csms-4", Some("Involving the patient in goal setting.")),
            ("csms-5", Some("Providing tailored education and skills training using materials appropriate for different cultures and health literacy levels.")),
            ("csms-6", Some("Making referrals to community-based resources, such as programs that help patients quit smoking or follow an exercise plan.")),
            ("csms-7", Some("Regular follow-up contact with patients via e-mail, phone, text messaging, and mailings to support them in efforts to maintain healthy behaviors.")),
        ],
    ),
];

/// The keys of seed 001's 37 selected curricular resources, in the seed's order.
const MODULE_2_KEYS: [&str; 37] = [
    "corrigan-2003-priority-areas",
    "chassin-2011-high-reliability",
    "obrien-2011-endless-struggle",
    "fortin-2007-body-and-soul",
    "hibbard-2015-long-view",
    "katon-2005-depression-mortality",
    "ritter-2014-depression-cdsmp",
    "harrison-2012-depression-multimorbidity",
    "chodosh-2005-meta-analysis",
    "coventry-2015-integrated-care-trial",
    "panagioti-2014-recursive",
    "ryan-2014-medicines-use",
    "bratzke-2014-priority-setting",
    "morales-asencio-2014-living-with-chronicity",
    "janevic-2014-african-american-women-asthma",
    "coventry-2014-capacity-responsibility",
    "corser-2011-heavily-comorbid",
    "fix-2014-hypertension-comorbidities",
    "masters-2013-spouses",
    "berry-millett-2009-care-management",
    "mishra-2011-medication-adherence",
    "morris-2011-shifting-priorities",
    "petersen-2014-german-primary-care",
    "ridgeway-2014-burden-of-treatment",
    "bayliss-2007-barriers-seniors",
    "walters-2012-practice-nurses",
    "ory-2013-cdsmp-triple-aim",
    "bodenheimer-2009-goal-setting",
    "schaefer-2009-partnering-toolkit",
    "lorig-2014-action-planning",
    "bodenheimer-2008-health-coach-curriculum",
    "small-2013-telephone-lay-workers",
    "dale-2009-telecare-peer",
    "chcf-2014-coaching-video",
    "clinical-health-coach-2014-training",
    "sevick-2007-complex-chronic",
    "bodenheimer-2010-helping-patients",
];

// ---------------------------------------------------------------------------------------------
// Competencies, objectives and the framework

#[test]
fn every_competency_page_has_its_verbatim_statement() {
    let run = shipped();
    for (id, statement, _) in COMPETENCIES {
        let path = format!("competencies/{}/index.html", id.to_lowercase());
        let page = run.page(&path).contains_text(id);
        page.within("class=\"statement", "</section>")
            .contains_text(statement);
    }
}

#[test]
fn all_fourteen_objectives_have_anchors_with_their_verbatim_text() {
    let run = shipped();
    let objectives = objectives();
    assert_eq!(objectives.len(), 14);
    for (id, anchor, text) in objectives {
        let competency = id.split('.').next().unwrap().to_lowercase();
        let page = run.page(&format!("competencies/{competency}/index.html"));
        at_anchor(&page, &anchor, "</p>")
            .contains_text(&id)
            .contains_text(text);
    }
}

#[test]
fn every_framework_element_has_an_anchor_on_its_page_with_the_source_wording() {
    let run = shipped();
    let mut count = 0;
    for (path, elements) in FRAMEWORK {
        let page = run.page(path);
        for (anchor, text) in elements {
            count += 1;
            let element =
                at_anchor(&page, anchor, "</section>").contains_text(&anchor.to_uppercase());
            if let Some(text) = text {
                element.contains_text(text);
            }
        }
    }
    assert_eq!(count, 4 + 8 + 7 + 4 + 4 + 3 + 7);
}

// ---------------------------------------------------------------------------------------------
// The resource library

#[test]
fn the_library_lists_fifty_resources_including_all_of_module_2() {
    let library = shipped().page("resources/index.html");
    let entries: Vec<String> = library
        .ids()
        .into_iter()
        .filter(|id| id.starts_with("ref-"))
        .collect();
    assert_eq!(entries.len(), 50, "{entries:#?}");
    assert_eq!(library.count("id=\"ref-"), 50, "a resource is listed twice");
    let keys: BTreeSet<&str> = entries
        .iter()
        .map(|id| id.strip_prefix("ref-").unwrap())
        .collect();
    let missing: Vec<&str> = MODULE_2_KEYS
        .iter()
        .copied()
        .filter(|k| !keys.contains(k))
        .collect();
    assert!(missing.is_empty(), "missing from the library: {missing:?}");
}

#[test]
fn library_citations_carry_the_seed_authors_years_and_titles() {
    let library = shipped().page("resources/index.html");
    let cases = [
        (
            "lorig-2014-action-planning",
            "Lorig, K., Laurent, D. D., Plant, K., Krishnan, E., & Ritter, P. L. (2014)",
            "The components of action planning and their associations with behavior and health outcomes",
        ),
        (
            "bodenheimer-2009-goal-setting",
            "Bodenheimer, T., & Handley, M. A. (2009)",
            "Goal-setting for behavior change in primary care: an exploration and status report",
        ),
        (
            "katon-2005-depression-mortality",
            "Katon, W. J., Rutter, C., Simon, G., Lin, E. H., Ludman, E., Ciechanowski, P., Kinder, L., Young, B., & Von Korff, M. (2005)",
            "The association of comorbid depression with mortality in patients with type 2 diabetes",
        ),
        (
            "obrien-2011-endless-struggle",
            "O'Brien, R., Wyke, S., Guthrie, B., Watt, G., & Mercer, S. (2011)",
            "An 'endless struggle': a qualitative study of general practitioners' and practice nurses' experiences of managing multimorbidity in socio-economically deprived areas of Scotland",
        ),
        (
            "schaefer-2009-partnering-toolkit",
            "Schaefer, J., Miller, D., Goldstein, M., & Simmons, L. (2009)",
            "Partnering in self-management support: A toolkit for clinicians",
        ),
        (
            "corrigan-2003-priority-areas",
            "Corrigan, J. M., & Adams, K. (Eds.)",
            "Priority Areas for National Action",
        ),
        (
            "sevick-2007-complex-chronic",
            "Sevick, M. A., Trauth, J. M., Ling, B. S., Anderson, R. T., Piatt, G. A., Kilbourne, A. M., & Goodman, R. M. (2007)",
            "Patients with Complex Chronic Diseases: perspectives on supporting self-management",
        ),
    ];
    for (key, authors, title) in cases {
        at_anchor(&library, &format!("ref-{key}"), "</article>")
            .contains_text(authors)
            .contains_text(title);
    }
}

#[test]
fn resource_references_use_short_author_year_text() {
    let run = shipped();
    let page = run
        .page("competencies/sms-1/index.html")
        .within("<div class=\"prose\">", "</div>");
    assert_eq!(
        page.href_of("Lorig et al. (2014)"),
        "../../resources/index.html#ref-lorig-2014-action-planning"
    );
    assert_eq!(
        page.href_of("Bodenheimer & Handley (2009)"),
        "../../resources/index.html#ref-bodenheimer-2009-goal-setting"
    );
}

// ---------------------------------------------------------------------------------------------
// The curriculum map

#[test]
fn the_curriculum_map_shows_every_objective_taught_supported_and_assessed() {
    let map = shipped()
        .page("curriculum-map/index.html")
        .lacks("Not yet taught")
        .lacks("No resources")
        .lacks("Not yet assessed");
    for (id, anchor, text) in objectives() {
        let row = map.within(&format!(">{id}</a>"), "</tr>");
        let row = row.contains_text(text);
        let cells: Vec<&str> = row.html.split("<td").skip(1).collect();
        assert_eq!(cells.len(), 3, "{id}: expected three cells:\n{}", row.html);
        assert!(cells[0].contains("<a href="), "{id} is not taught anywhere");
        assert!(cells[1].contains("<a href="), "{id} has no resource");
        assert!(
            cells[2].contains("questions in") && cells[2].contains("<a href=\"../quizzes/"),
            "{id} is assessed by fewer than 2 questions"
        );
        let competency = id.split('.').next().unwrap().to_lowercase();
        assert_eq!(
            map.href_of(&id),
            format!("../competencies/{competency}/index.html#{anchor}")
        );
    }
    map.contains("<strong>14</strong> objectives")
        .contains("<strong>0</strong> not yet taught")
        .contains("<strong>0</strong> without resources");
}

// ---------------------------------------------------------------------------------------------
// The whole output

#[test]
fn no_internal_link_or_anchor_is_broken() {
    shipped().assert_links_resolve();
}

#[test]
fn sitemap_lists_every_page_and_robots_and_404_exist() {
    let run = shipped();
    let urls: BTreeSet<String> = run.sitemap_urls().into_iter().collect();
    let pages: BTreeSet<String> = run
        .html_files()
        .into_iter()
        .filter(|f| f.ends_with("index.html"))
        .map(|f| format!("https://example.org/{}", f.trim_end_matches("index.html")))
        .collect();
    assert_eq!(urls, pages);
    assert!(urls.contains("https://example.org/competencies/sms-1/"));
    assert!(!run.read("sitemap.xml").contains("404"));
    assert_eq!(
        run.read("robots.txt"),
        "User-agent: *\nAllow: /\nSitemap: https://example.org/sitemap.xml\n"
    );
    run.page("404.html").contains("<h1");
}

#[test]
fn every_page_has_one_h1_a_language_a_skip_link_a_title_and_unique_ids() {
    let run = shipped();
    let files = run.html_files();
    assert!(files.len() > 100, "only {} pages", files.len());
    let mut problems = Vec::new();
    for file in &files {
        let page = run.page(file);
        let h1 = page.count("<h1");
        if h1 != 1 {
            problems.push(format!("{file}: {h1} <h1> elements"));
        }
        if !page.has("<html lang=\"en\"") {
            problems.push(format!("{file}: no <html lang=\"en\">"));
        }
        if !page.has("class=\"skip-link\" href=\"#main\"") || !page.ids().contains("main") {
            problems.push(format!("{file}: no skip link to #main"));
        }
        if page.has("style=") {
            problems.push(format!("{file}: an inline style attribute"));
        }
        match page.html.split_once("<title>") {
            Some((_, rest)) if !rest.starts_with("</title>") => {}
            _ => problems.push(format!("{file}: no <title>")),
        }
    }
    problems.extend(
        run.duplicate_ids()
            .into_iter()
            .map(|d| format!("{d} twice")),
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_portal_passes_its_checks_and_the_map_shows_the_same_figures() {
    let site = Site::shipped();
    let run = site.run(&["check", "--format", "json"]).success();
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["summary"]["errors"], 0, "{:#}", report["findings"]);
    let built = site.build().success();
    let map = built.page("curriculum-map/index.html");
    let mut objectives = 0;
    for competency in report["coverage"]["competencies"].as_array().unwrap() {
        for o in competency["objectives"].as_array().unwrap() {
            objectives += 1;
            assert_eq!(o["gaps"], serde_json::json!([]), "{o}");
            let id = o["id"].as_str().unwrap();
            let row = map.within(&format!(">{id}</a>"), "</tr>");
            let questions = o["questions"].as_u64().unwrap();
            assert!(
                row.has(&format!("{questions} questions in")),
                "{id}: {questions} questions\n{}",
                row.html
            );
            assert_eq!(
                row.count("<li><a href="),
                o["taught_in"].as_array().unwrap().len()
                    + o["resources"].as_u64().unwrap() as usize
                    + row.count("quizzes/"),
                "{id}: pages, resources and quizzes listed\n{}",
                row.html
            );
        }
    }
    assert_eq!(objectives, 14);
    map.contains("<strong>0</strong> not yet assessed (fewer than 2 questions)");
}
