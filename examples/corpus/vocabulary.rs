//! The vocabulary the prose and the records draw from: people, things, verbs and their forms,
//! topics, professions, names, journals and publishers. Kept compact: rustfmt would put every
//! word on a line of its own.

/// People who act: singular, plural.
#[rustfmt::skip]
pub(super) const AGENTS: &[(&str, &str)] = &[
    ("patient", "patients"), ("caregiver", "caregivers"), ("family member", "family members"),
    ("clinician", "clinicians"), ("nurse", "nurses"), ("physician", "physicians"),
    ("pharmacist", "pharmacists"), ("student", "students"), ("health coach", "health coaches"),
    ("coach", "coaches"), ("peer leader", "peer leaders"), ("care team", "care teams"),
    ("social worker", "social workers"), ("educator", "educators"), ("learner", "learners"),
    ("therapist", "therapists"), ("volunteer", "volunteers"), ("dietitian", "dietitians"),
    ("practitioner", "practitioners"), ("person", "people"), ("preceptor", "preceptors"),
    ("community health worker", "community health workers"), ("partner", "partners"),
    ("interpreter", "interpreters"), ("older adult", "older adults"), ("parent", "parents"),
];

/// Countable things: singular, plural.
#[rustfmt::skip]
pub(super) const THINGS: &[(&str, &str)] = &[
    ("goal", "goals"), ("action plan", "action plans"), ("visit", "visits"),
    ("medication", "medications"), ("symptom", "symptoms"), ("condition", "conditions"),
    ("barrier", "barriers"), ("strategy", "strategies"), ("skill", "skills"),
    ("resource", "resources"), ("program", "programs"), ("session", "sessions"),
    ("conversation", "conversations"), ("question", "questions"), ("decision", "decisions"),
    ("outcome", "outcomes"), ("habit", "habits"), ("routine", "routines"),
    ("setback", "setbacks"), ("step", "steps"), ("need", "needs"), ("priority", "priorities"),
    ("symptom diary", "symptom diaries"), ("record", "records"), ("appointment", "appointments"),
    ("referral", "referrals"), ("workshop", "workshops"), ("leaflet", "leaflets"),
    ("checklist", "checklists"), ("treatment", "treatments"), ("exercise", "exercises"),
    ("meal", "meals"), ("challenge", "challenges"), ("value", "values"),
    ("preference", "preferences"), ("concern", "concerns"), ("worry", "worries"),
    ("emotion", "emotions"), ("experience", "experiences"), ("story", "stories"),
    ("relationship", "relationships"), ("service", "services"), ("agency", "agencies"),
    ("assessment", "assessments"), ("target", "targets"), ("milestone", "milestones"),
    ("reminder", "reminders"), ("tool", "tools"), ("approach", "approaches"),
    ("guideline", "guidelines"), ("benefit", "benefits"), ("risk", "risks"),
    ("care plan", "care plans"), ("follow-up call", "follow-up calls"),
    ("support group", "support groups"), ("problem", "problems"), ("solution", "solutions"),
    ("change", "changes"), ("idea", "ideas"), ("option", "options"), ("trade-off", "trade-offs"),
];

/// Uncountable nouns and activities.
#[rustfmt::skip]
pub(super) const MASS: &[&str] = &[
    "self-management", "health literacy", "shared decision making", "motivation", "confidence",
    "pain", "fatigue", "stress", "low mood", "anxiety", "adherence", "nutrition",
    "physical activity", "sleep", "wellbeing", "peer support", "feedback", "health education",
    "information", "evidence", "trust", "empathy", "autonomy", "follow-up", "care coordination",
    "communication", "caregiving", "coaching", "goal setting", "action planning",
    "problem solving", "self-efficacy", "social support", "isolation", "recovery",
    "independence", "daily living", "medication safety", "self-monitoring", "teamwork",
];

/// Transitive verbs: base, third person, -ing, past, past participle.
#[rustfmt::skip]
pub(super) const VERBS: &[(&str, &str, &str, &str, &str)] = &[
    ("coach", "coaches", "coaching", "coached", "coached"),
    ("support", "supports", "supporting", "supported", "supported"),
    ("encourage", "encourages", "encouraging", "encouraged", "encouraged"),
    ("review", "reviews", "reviewing", "reviewed", "reviewed"),
    ("revise", "revises", "revising", "revised", "revised"),
    ("set", "sets", "setting", "set", "set"),
    ("plan", "plans", "planning", "planned", "planned"),
    ("track", "tracks", "tracking", "tracked", "tracked"),
    ("monitor", "monitors", "monitoring", "monitored", "monitored"),
    ("discuss", "discusses", "discussing", "discussed", "discussed"),
    ("explore", "explores", "exploring", "explored", "explored"),
    ("assess", "assesses", "assessing", "assessed", "assessed"),
    ("identify", "identifies", "identifying", "identified", "identified"),
    ("address", "addresses", "addressing", "addressed", "addressed"),
    ("manage", "manages", "managing", "managed", "managed"),
    ("share", "shares", "sharing", "shared", "shared"),
    ("explain", "explains", "explaining", "explained", "explained"),
    ("prioritise", "prioritises", "prioritising", "prioritised", "prioritised"),
    ("adapt", "adapts", "adapting", "adapted", "adapted"),
    ("adjust", "adjusts", "adjusting", "adjusted", "adjusted"),
    ("measure", "measures", "measuring", "measured", "measured"),
    ("record", "records", "recording", "recorded", "recorded"),
    ("involve", "involves", "involving", "involved", "involved"),
    ("guide", "guides", "guiding", "guided", "guided"),
    ("motivate", "motivates", "motivating", "motivated", "motivated"),
    ("teach", "teaches", "teaching", "taught", "taught"),
    ("build", "builds", "building", "built", "built"),
    ("strengthen", "strengthens", "strengthening", "strengthened", "strengthened"),
    ("reduce", "reduces", "reducing", "reduced", "reduced"),
    ("improve", "improves", "improving", "improved", "improved"),
    ("prevent", "prevents", "preventing", "prevented", "prevented"),
    ("recognise", "recognises", "recognising", "recognised", "recognised"),
    ("document", "documents", "documenting", "documented", "documented"),
    ("celebrate", "celebrates", "celebrating", "celebrated", "celebrated"),
    ("practise", "practises", "practising", "practised", "practised"),
    ("rehearse", "rehearses", "rehearsing", "rehearsed", "rehearsed"),
    ("summarise", "summarises", "summarising", "summarised", "summarised"),
    ("clarify", "clarifies", "clarifying", "clarified", "clarified"),
    ("check", "checks", "checking", "checked", "checked"),
    ("respect", "respects", "respecting", "respected", "respected"),
    ("understand", "understands", "understanding", "understood", "understood"),
    ("organise", "organises", "organising", "organised", "organised"),
    ("coordinate", "coordinates", "coordinating", "coordinated", "coordinated"),
    ("simplify", "simplifies", "simplifying", "simplified", "simplified"),
    ("prepare", "prepares", "preparing", "prepared", "prepared"),
    ("update", "updates", "updating", "updated", "updated"),
    ("evaluate", "evaluates", "evaluating", "evaluated", "evaluated"),
    ("compare", "compares", "comparing", "compared", "compared"),
    ("choose", "chooses", "choosing", "chose", "chosen"),
    ("negotiate", "negotiates", "negotiating", "negotiated", "negotiated"),
    ("reframe", "reframes", "reframing", "reframed", "reframed"),
    ("overcome", "overcomes", "overcoming", "overcame", "overcome"),
    ("anticipate", "anticipates", "anticipating", "anticipated", "anticipated"),
    ("break down", "breaks down", "breaking down", "broke down", "broken down"),
    ("talk through", "talks through", "talking through", "talked through", "talked through"),
    ("write down", "writes down", "writing down", "wrote down", "written down"),
];

#[rustfmt::skip]
pub(super) const ADJECTIVES: &[&str] = &[
    "small", "realistic", "shared", "personal", "practical", "clear", "specific", "measurable",
    "gradual", "daily", "weekly", "long-term", "short-term", "chronic", "complex", "local",
    "community-based", "person-centred", "collaborative", "interprofessional", "supportive",
    "effective", "useful", "simple", "difficult", "common", "important", "reliable", "trusted",
    "regular", "brief", "structured", "flexible", "cultural", "emotional", "physical", "social",
    "clinical", "everyday", "meaningful", "achievable", "healthy", "informal", "early",
    "careful", "honest", "open", "respectful", "written", "first",
];

#[rustfmt::skip]
pub(super) const ADVERBS: &[&str] = &[
    "often", "gradually", "carefully", "regularly", "together", "actively", "gently",
    "routinely", "usually", "sometimes", "consistently", "openly", "briefly", "jointly",
];

#[rustfmt::skip]
pub(super) const OPENERS: &[&str] = &[
    "In practice,", "For example,", "Over time,", "As a result,", "In many clinics,",
    "At the first visit,", "Later,", "In contrast,", "Above all,", "Sometimes,",
    "Importantly,", "Between visits,", "In our experience,", "At this stage,",
];

#[rustfmt::skip]
pub(super) const PLACES: &[&str] = &[
    "at each visit", "between visits", "over several weeks", "in the community", "at home",
    "in primary care", "after a setback", "before the next appointment",
    "within the care team", "in a group session", "over the first month",
    "at the end of the session", "in everyday life", "on the ward", "by telephone",
];

#[rustfmt::skip]
pub(super) const OCCASIONS: &[&str] = &[
    "visit", "session", "appointment", "conversation", "workshop", "phone call", "home visit",
];

pub(super) const EVALUATIVE: &[&str] =
    &["important", "useful", "helpful", "essential", "reasonable"];

pub(super) const CAUSATIVES: &[&str] = &["helps", "allows", "encourages", "invites", "prepares"];

/// Thirty topics, the `topics` taxonomy.
#[rustfmt::skip]
pub(super) const TOPICS: &[&str] = &[
    "goal setting", "action planning", "problem solving", "health coaching", "peer support",
    "caregiver support", "shared decision making", "health literacy", "motivational interviewing",
    "medication management", "symptom monitoring", "self-monitoring", "community resources",
    "care coordination", "chronic pain", "fatigue management", "depression", "anxiety and stress",
    "physical activity", "healthy eating", "sleep", "social isolation", "cultural safety",
    "interprofessional practice", "patient education", "telehealth", "family involvement",
    "self-efficacy", "relapse prevention", "transitions of care",
];

#[rustfmt::skip]
pub(super) const PROFESSIONS: &[&str] = &[
    "nursing", "medicine", "pharmacy", "social work", "physiotherapy", "occupational therapy",
    "dietetics", "psychology", "public health",
];

#[rustfmt::skip]
pub(super) const SURNAMES: &[&str] = &[
    "Adams", "Ahmed", "Alvarez", "Anderson", "Bailey", "Banerjee", "Becker", "Bennett", "Brown",
    "Campbell", "Chen", "Clarke", "Cohen", "Costa", "Davies", "Diaz", "Dubois", "Evans", "Fischer",
    "Fraser", "Garcia", "Gupta", "Hall", "Hansen", "Harris", "Hughes", "Ibrahim", "Jansen",
    "Johnson", "Kaur", "Kelly", "Khan", "Kim", "Kowalski", "Larsen", "Laurent", "Lee", "Lopez",
    "Lorig", "MacLeod", "Martin", "Mensah", "Mills", "Moreau", "Murphy", "Nakamura", "Nguyen",
    "Novak", "Okafor", "Olsen", "Patel", "Perez", "Petrov", "Price", "Reid", "Ritter", "Rossi",
    "Santos", "Schmidt", "Scott", "Silva", "Singh", "Smith", "Sorensen", "Tanaka", "Taylor",
    "Thompson", "Tremblay", "Walker", "Wang", "Watson", "Weber", "White", "Williams", "Wilson",
    "Wong", "Yamamoto", "Young", "Zhang", "Zimmerman",
];

#[rustfmt::skip]
pub(super) const ORGANISATIONS: &[&str] = &[
    "National Institute for Chronic Care", "Regional Health Authority",
    "Council of Community Health Centres", "Centre for Self-Management Research",
    "Association of Family Caregivers", "Primary Care Learning Network",
];

#[rustfmt::skip]
pub(super) const JOURNALS: &[&str] = &[
    "Chronic Illness", "Patient Education and Counseling", "Journal of Advanced Nursing",
    "BMC Health Services Research", "Health Education Research",
    "Journal of Interprofessional Care", "Annals of Family Medicine", "Nurse Education Today",
    "Medical Education", "Journal of General Internal Medicine", "Health Expectations",
    "Family Practice", "Journal of Clinical Nursing", "Canadian Family Physician",
    "International Journal of Nursing Studies",
];

#[rustfmt::skip]
pub(super) const PUBLISHERS: &[(&str, &str)] = &[
    ("Northfield Academic", "Toronto"), ("Harbour Health Press", "London"),
    ("Meridian University Press", "New York"), ("Southern Cross Publishing", "Melbourne"),
    ("Lakeside Books", "Ottawa"), ("Thistle Medical", "Edinburgh"),
];

#[rustfmt::skip]
pub(super) const STUDY_TYPES: &[&str] = &[
    "a randomised trial", "a qualitative study", "a systematic review", "a practical guide",
    "lessons from primary care", "a mixed-methods evaluation", "a scoping review",
    "a cohort study", "a pilot study", "a realist review",
];

#[rustfmt::skip]
pub(super) const RESOURCE_KINDS: &[&str] = &[
    "article", "article", "article", "article", "book", "report", "report", "web",
];
