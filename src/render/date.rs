//! The `date` filter for templates: `{{ page.date | date(format="%-d %B %Y") }}`.
//!
//! Tera's own `date` filter needs its `chrono` feature, which brings time zones and locales a
//! static site of dates without times does not need. Front matter dates are TOML dates
//! (`2026-01-15`, or a date and time), so this filter reads the date part and writes it with
//! the usual `strftime` fields for days, months and years.

use std::collections::HashMap;

use tera::{Result, Tera, Value};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Adds the `date` filter to `tera`.
pub fn register(tera: &mut Tera) {
    tera.register_filter("date", filter);
}

fn filter(value: &Value, args: &HashMap<String, Value>) -> Result<Value> {
    let text = value.as_str().ok_or_else(|| {
        tera::Error::msg(format!(
            "the `date` filter takes a date such as \"2026-01-15\", not {value}"
        ))
    })?;
    let format = match args.get("format") {
        None => "%Y-%m-%d",
        Some(Value::String(f)) => f.as_str(),
        Some(other) => {
            return Err(tera::Error::msg(format!(
                "the `date` filter's `format` must be a string, not {other}"
            )))
        }
    };
    let day = Day::parse(text).ok_or_else(|| {
        tera::Error::msg(format!(
            "the `date` filter takes a date such as \"2026-01-15\", not \"{text}\""
        ))
    })?;
    day.format(format)
        .map(Value::String)
        .map_err(tera::Error::msg)
}

#[derive(Debug, PartialEq)]
struct Day {
    year: i32,
    month: u32,
    day: u32,
}

impl Day {
    /// The date at the start of `text`: `YYYY-MM-DD`, maybe followed by a time.
    fn parse(text: &str) -> Option<Day> {
        let date = text.get(..10)?;
        let rest = &text[10..];
        if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
            return None;
        }
        let mut parts = date.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let day = Day {
            year: y.parse().ok()?,
            month: m.parse().ok()?,
            day: d.parse().ok()?,
        };
        let in_month = match day.month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if day.is_leap_year() => 29,
            2 => 28,
            _ => return None,
        };
        (1..=in_month).contains(&day.day).then_some(day)
    }

    fn is_leap_year(&self) -> bool {
        self.year % 4 == 0 && (self.year % 100 != 0 || self.year % 400 == 0)
    }

    /// 0 for Monday (Sakamoto's method).
    fn weekday(&self) -> usize {
        const OFFSETS: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
        let y = if self.month < 3 {
            self.year - 1
        } else {
            self.year
        };
        let sunday_first =
            (y + y / 4 - y / 100 + y / 400 + OFFSETS[self.month as usize - 1] + self.day as i32)
                .rem_euclid(7);
        ((sunday_first + 6) % 7) as usize
    }

    fn format(&self, format: &str) -> std::result::Result<String, String> {
        let mut out = String::with_capacity(format.len() + 8);
        let mut chars = format.chars();
        while let Some(c) = chars.next() {
            if c != '%' {
                out.push(c);
                continue;
            }
            let mut field = chars.next();
            let unpadded = field == Some('-');
            if unpadded {
                field = chars.next();
            }
            let month = MONTHS[self.month as usize - 1];
            let weekday = WEEKDAYS[self.weekday()];
            let number = |n: u32| {
                if unpadded {
                    n.to_string()
                } else {
                    format!("{n:02}")
                }
            };
            match field {
                Some('Y') => out.push_str(&self.year.to_string()),
                Some('y') => out.push_str(&format!("{:02}", self.year.rem_euclid(100))),
                Some('m') => out.push_str(&number(self.month)),
                Some('d') => out.push_str(&number(self.day)),
                Some('e') => out.push_str(&format!("{:>2}", self.day)),
                Some('B') => out.push_str(month),
                Some('b') => out.push_str(&month[..3]),
                Some('A') => out.push_str(weekday),
                Some('a') => out.push_str(&weekday[..3]),
                Some('%') if !unpadded => out.push('%'),
                _ => {
                    let field: String = field.map(String::from).unwrap_or_default();
                    return Err(format!(
                        "the `date` filter does not know `%{}{field}` in \"{format}\"; it knows %Y %y %m %d %e %B %b %A %a and %%, with %-m and %-d for numbers without a leading zero",
                        if unpadded { "-" } else { "" }
                    ));
                }
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(value: &str, format: Option<&str>) -> std::result::Result<String, String> {
        let mut args = HashMap::new();
        if let Some(f) = format {
            args.insert("format".to_string(), Value::String(f.into()));
        }
        filter(&Value::String(value.into()), &args)
            .map(|v| v.as_str().unwrap().to_string())
            .map_err(|e| e.to_string())
    }

    #[test]
    fn formats_days_months_years_and_weekdays() {
        assert_eq!(
            date("2026-01-05", Some("%-d %B %Y")).unwrap(),
            "5 January 2026"
        );
        assert_eq!(date("2026-01-05", None).unwrap(), "2026-01-05");
        assert_eq!(
            date("2024-02-29T10:30:00Z", Some("%A %e %b %y, %-m/%d 100%%")).unwrap(),
            "Thursday 29 Feb 24, 2/29 100%"
        );
        // Weekdays across centuries and the start of a year.
        assert_eq!(date("2000-01-01", Some("%a")).unwrap(), "Sat");
        assert_eq!(date("1900-03-01", Some("%a")).unwrap(), "Thu");
        assert_eq!(date("2026-11-23", Some("%A")).unwrap(), "Monday");
    }

    #[test]
    fn refuses_what_is_not_a_date_or_a_known_field() {
        assert_eq!(
            date("10:00:00", None).unwrap_err(),
            "the `date` filter takes a date such as \"2026-01-15\", not \"10:00:00\""
        );
        assert!(date("2025-02-29", None).is_err());
        assert!(date("2026-13-01", None).is_err());
        assert!(date("2026-01-15x", None).is_err());
        assert_eq!(
            date("2026-01-15", Some("%H:%M")).unwrap_err(),
            "the `date` filter does not know `%H` in \"%H:%M\"; it knows %Y %y %m %d %e %B %b %A %a and %%, with %-m and %-d for numbers without a leading zero"
        );
        let err = filter(&Value::from(3), &HashMap::new()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the `date` filter takes a date such as \"2026-01-15\", not 3"
        );
    }
}
