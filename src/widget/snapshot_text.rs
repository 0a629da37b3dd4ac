//! How a day's snapshots are described: their times and their spacing
//! (PRODUCT.md §2: snapshot i of n at ⌊i × 86400 ÷ n⌋ s after 00:00 UTC).

use crate::engine::timeline::SECONDS_PER_DAY;
use crate::widget::format::{grouped_int, NumberStyle};

/// `HH:MM`, with `:SS` when the snapshot is not on the minute (`03:25:42`).
pub fn clock(second: u32) -> String {
    let hm = format!("{:02}:{:02}", second / 3600, (second % 3600) / 60);
    match second % 60 {
        0 => hm,
        s => format!("{hm}:{s:02}"),
    }
}

/// How the day is sampled: "24 snapshots are taken, one every 1 h, and
/// averaged"; "about one every" where the day does not divide evenly; the
/// count in the locale's digit groups (`style`).
pub fn snapshots_text(n: u32, style: NumberStyle) -> String {
    if n <= 1 {
        return "1 snapshot is taken, at 00:00 UTC".into();
    }
    let one = if SECONDS_PER_DAY % n == 0 {
        "one"
    } else {
        "about one"
    };
    let seconds = (SECONDS_PER_DAY + n / 2) / n;
    format!(
        "{} snapshots are taken, {one} every {}, and averaged",
        grouped_int(u64::from(n), style),
        duration_text(seconds)
    )
}

/// `17280` → "4 h 48 min"; `86` → "1 min 26 s".
fn duration_text(seconds: u32) -> String {
    [
        (seconds / 3600, "h"),
        (seconds % 3600 / 60, "min"),
        (seconds % 60, "s"),
    ]
    .into_iter()
    .filter(|(amount, _)| *amount > 0)
    .map(|(amount, unit)| format!("{amount} {unit}"))
    .collect::<Vec<_>>()
    .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en() -> NumberStyle {
        NumberStyle::for_locale("en-US")
    }

    #[test]
    fn the_sampling_is_described_exactly() {
        assert_eq!(snapshots_text(1, en()), "1 snapshot is taken, at 00:00 UTC");
        assert_eq!(
            snapshots_text(24, en()),
            "24 snapshots are taken, one every 1 h, and averaged"
        );
        // 86,400 ÷ 5 = 17,280 s = 4 h 48 min.
        assert_eq!(
            snapshots_text(5, en()),
            "5 snapshots are taken, one every 4 h 48 min, and averaged"
        );
        // 86,400 ÷ 1,000 = 86.4 s: about 1 min 26 s.
        assert_eq!(
            snapshots_text(1000, en()),
            "1,000 snapshots are taken, about one every 1 min 26 s, and averaged"
        );
        // 86,400 ÷ 7 = 12,342.86 s: about 3 h 25 min 43 s.
        assert_eq!(
            snapshots_text(7, en()),
            "7 snapshots are taken, about one every 3 h 25 min 43 s, and averaged"
        );
        assert_eq!(
            snapshots_text(1440, en()),
            "1,440 snapshots are taken, one every 1 min, and averaged"
        );
    }

    #[test]
    fn the_count_is_written_in_the_locales_digit_groups() {
        assert_eq!(
            snapshots_text(1440, NumberStyle::for_locale("de-DE")),
            "1.440 snapshots are taken, one every 1 min, and averaged"
        );
    }

    #[test]
    fn snapshot_times_show_seconds_when_off_the_minute() {
        // Snapshot 1 of 7 is at ⌊86,400 ÷ 7⌋ = 12,342 s = 03:25:42.
        assert_eq!(clock(12_342), "03:25:42");
        assert_eq!(clock(3_600), "01:00");
        assert_eq!(clock(0), "00:00");
    }
}
