//! The plan: how many of everything (modules, competencies, resources, quizzes), and which keys
//! and IDs exist.

use rayon::prelude::*;

use super::curriculum::{distinct_titles, resource};
use super::rng::{Rng, LAYOUT};

pub(super) const RESOURCES_PER_LIST: usize = 50;

pub(super) struct Module {
    /// 1-based, as in `m-0001`.
    pub(super) number: usize,
    /// Global index of its first lesson.
    pub(super) first: usize,
    pub(super) lessons: usize,
}

pub(super) struct Resource {
    pub(super) key: String,
    pub(super) title: String,
    pub(super) year: Option<usize>,
    /// The record's TOML lines, without the `[[resources]]` header.
    pub(super) toml: String,
}

pub(super) struct Plan {
    pub(super) seed: u64,
    pub(super) lessons: usize,
    pub(super) modules: Vec<Module>,
    pub(super) competencies: usize,
    pub(super) objectives_per: usize,
    pub(super) resources: Vec<Resource>,
    pub(super) quizzes: usize,
    /// Questions per quiz (plus one confidence rating), so that each objective gets 2.
    pub(super) questions_per: usize,
}

impl Plan {
    pub(super) fn new(lessons: usize, seed: u64) -> Plan {
        let mut rng = Rng::new(seed, LAYOUT, 0);
        let mut modules = Vec::new();
        let mut first = 0;
        while first < lessons {
            let left = lessons - first;
            let mut size = rng.range(8, 12);
            if left <= 12 {
                size = left;
            } else if left - size < 8 {
                size = left / 2;
            }
            modules.push(Module {
                number: modules.len() + 1,
                first,
                lessons: size,
            });
            first += size;
        }
        let competencies = (lessons * 20).div_ceil(1000);
        let objectives_per = lessons.min(5);
        let quizzes = (lessons * 40).div_ceil(1000);
        let mut plan = Plan {
            seed,
            lessons,
            modules,
            competencies,
            // With very few lessons there must be no more objectives than lessons to teach them.
            objectives_per,
            resources: Vec::new(),
            quizzes,
            questions_per: (2 * competencies * objectives_per).div_ceil(quizzes).max(5),
        };
        let count = (lessons * 3).div_ceil(10);
        plan.resources = (0..count)
            .into_par_iter()
            .map(|i| resource(&plan, i))
            .collect();
        distinct_titles(&mut plan.resources);
        plan
    }

    pub(super) fn objectives(&self) -> usize {
        self.competencies * self.objectives_per
    }

    /// The ID of objective `k` in `0..objectives()`: `CMP-3.2`.
    pub(super) fn objective(&self, k: usize) -> String {
        format!(
            "CMP-{}.{}",
            k / self.objectives_per + 1,
            k % self.objectives_per + 1
        )
    }

    /// The `@/` path of lesson `g` (global index).
    pub(super) fn lesson_path(&self, g: usize) -> String {
        let m = &self.modules[self.modules.partition_point(|m| m.first + m.lessons <= g)];
        format!("@/modules/m-{:04}/l-{:02}.md", m.number, g - m.first + 1)
    }
}
