//! The chart's geometry and its reading in words, from a [`Sweep`]: no chart library, only
//! numbers for an inline SVG drawn by `components/chart.rs`.
//!
//! A "loss" stretch is one where a higher income gives less money in all: the sweep finds
//! where income + aid falls from one of its points to the next ([`losses`]); the chart shades,
//! from each such fall found to the cent ([`crate::compute::Fall`]), every income that leaves
//! the household with less in all than an income just below the fall.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::compute::{Fall, Sweep};

/// The SVG's user-space size and margins. Coordinates are whole units: at this size a
/// unit is under a pixel on a phone, and whole numbers keep float formatting out of the page.
pub const WIDTH: i32 = 400;
pub const HEIGHT: i32 = 280;
pub const LEFT: i32 = 72;
pub const RIGHT: i32 = 12;
pub const TOP: i32 = 28;
pub const BOTTOM: i32 = 52;

#[derive(Clone, Debug, PartialEq)]
pub struct Plot {
    /// The aid line, as an SVG path.
    pub line: String,
    /// Shaded stretches: (x, width) in user space, and their income range.
    pub losses: Vec<Shade>,
    pub x_ticks: Vec<Tick>,
    pub y_ticks: Vec<Tick>,
    /// The household's point in user space.
    pub current: (i32, i32),
    pub reading: Reading,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Shade {
    pub x: i32,
    pub width: i32,
    pub from: Decimal,
    pub to: Decimal,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Position along its axis in user space.
    pub at: i32,
    pub value: Decimal,
}

/// The chart in figures, for the sentence under it.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    /// Aid at zero income.
    pub start: Decimal,
    /// The income from which the aid stays 0, if it falls to 0 in range (and was above it).
    pub zero_from: Option<Decimal>,
    pub current: (Decimal, Decimal),
    /// Where income + aid falls, and up to where it stays below what it was.
    pub falls: Vec<Fall>,
}

pub fn plot(s: &Sweep) -> Plot {
    let x_max = s.points.last().map_or(Decimal::ONE, |p| p.0).max(Decimal::ONE);
    let y_top = s.points.iter().map(|p| p.1).chain([s.current.1]).max().unwrap_or_default();
    let y_max = nice_ceiling(y_top.max(Decimal::from(100)));
    let fx = |x: Decimal| LEFT + (ratio(x, x_max) * f64::from(WIDTH - LEFT - RIGHT)).round() as i32;
    let fy = |y: Decimal| HEIGHT - BOTTOM - (ratio(y, y_max) * f64::from(HEIGHT - TOP - BOTTOM)).round() as i32;
    let mut line = String::new();
    for (i, (x, y)) in s.points.iter().enumerate() {
        let cmd = if i == 0 { 'M' } else { 'L' };
        line.push_str(&format!("{cmd}{} {} ", fx(*x), fy(*y)));
    }
    // From each fall to where the total is made up again (or the range's end).
    let shades = s
        .falls
        .iter()
        .map(|f| {
            let to = f.back.unwrap_or(x_max).min(x_max);
            Shade { x: fx(f.at), width: (fx(to) - fx(f.at)).max(2), from: f.at, to }
        })
        .collect();
    let x_ticks = (0..=2)
        .map(|i| x_max * Decimal::from(i) / Decimal::from(2))
        .map(|v| Tick { at: fx(v), value: v.round() })
        .collect();
    let y_ticks = (0..=4)
        .map(|i| y_max * Decimal::from(i) / Decimal::from(4))
        .map(|v| Tick { at: fy(v), value: v.round() })
        .collect();
    let start = s.points.first().map_or(Decimal::ZERO, |p| p.1);
    let zero_from = s.zero_from;
    Plot {
        line: line.trim_end().to_string(),
        losses: shades,
        x_ticks,
        y_ticks,
        current: (fx(s.current.0.min(x_max)), fy(s.current.1)),
        reading: Reading { start, zero_from, current: s.current, falls: s.falls.clone() },
    }
}

/// Words drawn inside the chart.
pub struct ChartWords<'a> {
    pub title: &'a str,
    pub loss: &'a str,
    pub you: &'a str,
    pub x_axis: &'a str,
}

/// The chart as SVG markup (text is escaped). Labelled by `chart-title` and described by
/// the sentence with id `chart-desc` that the page puts under it.
pub fn svg(g: &Plot, w: &ChartWords) -> String {
    use crate::format::whole;
    use crate::markup::esc;
    let base = HEIGHT - BOTTOM;
    let right = WIDTH - RIGHT;
    let mut out = format!(
        "<svg viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" focusable=\"false\"><title id=\"chart-title\">{}</title>",
        esc(w.title)
    );
    for sh in &g.losses {
        out.push_str(&format!(
            "<rect class=\"loss\" x=\"{}\" y=\"{TOP}\" width=\"{}\" height=\"{}\"/>",
            sh.x,
            sh.width,
            base - TOP
        ));
    }
    if let Some(sh) = g.losses.first() {
        let x = (sh.x + sh.width / 2).clamp(LEFT + 80, right - 80);
        out.push_str(&format!(
            "<text class=\"loss-label\" x=\"{x}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            TOP - 6,
            esc(w.loss)
        ));
    }
    for t in &g.y_ticks {
        out.push_str(&format!(
            "<g class=\"tick\"><line x1=\"{LEFT}\" x2=\"{right}\" y1=\"{0}\" y2=\"{0}\"/><text x=\"{1}\" y=\"{2}\" text-anchor=\"end\">{3}</text></g>",
            t.at,
            LEFT - 6,
            t.at + 5,
            whole(t.value)
        ));
    }
    let last = g.x_ticks.len().saturating_sub(1);
    for (i, t) in g.x_ticks.iter().enumerate() {
        // The end labels stay inside the drawing.
        let anchor = match i {
            0 => "start",
            i if i == last => "end",
            _ => "middle",
        };
        out.push_str(&format!(
            "<text class=\"tick-x\" x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\">{}</text>",
            t.at,
            base + 22,
            whole(t.value)
        ));
    }
    out.push_str(&format!(
        "<line class=\"axis\" x1=\"{LEFT}\" x2=\"{right}\" y1=\"{base}\" y2=\"{base}\"/><line class=\"axis\" x1=\"{LEFT}\" x2=\"{LEFT}\" y1=\"{TOP}\" y2=\"{base}\"/><path class=\"aid-line\" d=\"{}\"/>",
        g.line
    ));
    let (cx, cy) = g.current;
    out.push_str(&format!(
        "<circle class=\"you\" cx=\"{cx}\" cy=\"{cy}\" r=\"7\"/><text class=\"you-label\" x=\"{}\" y=\"{}\">{}</text>",
        (cx + 10).min(right - 70),
        (cy - 12).max(TOP + 14),
        esc(w.you)
    ));
    out.push_str(&format!(
        "<text class=\"axis-title\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text></svg>",
        (LEFT + right) / 2,
        HEIGHT - 4,
        esc(w.x_axis)
    ));
    out
}

/// Income ranges where income + aid falls between neighbouring points; touching ranges merged.
pub fn losses(points: &[(Decimal, Decimal)]) -> Vec<(Decimal, Decimal)> {
    let mut out: Vec<(Decimal, Decimal)> = Vec::new();
    for w in points.windows(2) {
        let (a, b) = (w[0], w[1]);
        if b.0 + b.1 < a.0 + a.1 {
            match out.last_mut() {
                Some(last) if last.1 == a.0 => last.1 = b.0,
                _ => out.push((a.0, b.0)),
            }
        }
    }
    out
}

fn ratio(v: Decimal, max: Decimal) -> f64 {
    if max <= Decimal::ZERO {
        return 0.0;
    }
    (v / max).to_f64().unwrap_or(0.0).clamp(0.0, 1.0)
}

/// A round axis end at or above `v`: 1, 2, 2.5 or 5 times a power of ten.
fn nice_ceiling(v: Decimal) -> Decimal {
    let mut unit = Decimal::ONE;
    while unit * Decimal::from(10) <= v {
        unit *= Decimal::from(10);
    }
    for m in [1, 2, 5, 10] {
        let c = unit * Decimal::from(m);
        if c >= v {
            return c;
        }
    }
    unit * Decimal::from(10)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(n: i64) -> Decimal {
        Decimal::from(n)
    }

    #[test]
    fn loss_ranges_are_where_income_plus_aid_falls() {
        // A cliff: aid 500 up to income 1000, then 0.
        let pts = vec![(d(0), d(500)), (d(500), d(500)), (d(1000), d(500)), (d(1100), d(0)), (d(2000), d(0))];
        assert_eq!(losses(&pts), vec![(d(1000), d(1100))]);
        // A pure gap (aid falls one for one): income + aid stays flat, no loss.
        let gap = vec![(d(0), d(3000)), (d(1000), d(2000)), (d(3000), d(0)), (d(4000), d(0))];
        assert_eq!(losses(&gap), vec![]);
        let twice = vec![(d(0), d(900)), (d(100), d(0)), (d(200), d(0)), (d(300), d(0))];
        assert_eq!(losses(&twice), vec![(d(0), d(100))]);
    }

    #[test]
    fn touching_losses_merge() {
        let pts = vec![(d(0), d(900)), (d(100), d(500)), (d(200), d(0))];
        assert_eq!(losses(&pts), vec![(d(0), d(200))]);
    }

    #[test]
    fn the_plot_reads_start_zero_point_and_current() {
        let s = Sweep {
            points: vec![(d(0), d(3030)), (d(1500), d(1530)), (d(3000), d(30)), (d(4500), d(0)), (d(9000), d(0))],
            current: (d(1500), d(1530)),
            range_end: d(9090),
            zero_from: Some(d(3030)),
            falls: vec![],
        };
        let p = plot(&s);
        assert_eq!(p.reading.start, d(3030));
        assert_eq!(p.reading.zero_from, Some(d(3030)));
        assert!(p.line.starts_with("M72 "), "{}", p.line);
        assert_eq!(p.x_ticks.len(), 3);
        assert_eq!(p.y_ticks.last().map(|t| t.value), Some(d(5000)));
        assert!(p.current.0 > LEFT && p.current.0 < WIDTH - RIGHT);
        let words = ChartWords { title: "t", loss: "<l>", you: "you", x_axis: "x" };
        let svg = svg(&p, &words);
        assert!(svg.starts_with("<svg viewBox=\"0 0 400 280\""));
        assert_eq!(svg.contains("&lt;l&gt;"), !p.losses.is_empty());
        assert!(svg.contains("<circle class=\"you\""));
        assert!(svg.ends_with("</svg>"));
    }

    /// The shading runs from the fall to where income + aid is made up again, or to the
    /// range's end when it is not.
    #[test]
    fn a_fall_is_shaded_up_to_where_it_is_made_up() {
        let fall = |back| Fall { at: d(600), before: d(1400), after: d(600), back };
        let mut s = Sweep {
            points: vec![(d(0), d(800)), (d(600), d(800)), (d(700), d(0)), (d(1500), d(0)), (d(1900), d(0))],
            current: (d(0), d(800)),
            range_end: d(1860),
            zero_from: Some(d(600)),
            falls: vec![fall(Some(d(1400)))],
        };
        let p = plot(&s);
        assert_eq!((p.losses[0].from, p.losses[0].to), (d(600), d(1400)));
        let fx = |x: i64| LEFT + (x as f64 / 1900.0 * f64::from(WIDTH - LEFT - RIGHT)).round() as i32;
        assert_eq!((p.losses[0].x, p.losses[0].width), (fx(600), fx(1400) - fx(600)));
        s.falls = vec![fall(None)];
        assert_eq!(plot(&s).losses[0].to, d(1900));
        assert_eq!(plot(&s).reading.falls, s.falls);
    }

    #[test]
    fn nice_axis_ends() {
        assert_eq!(nice_ceiling(d(3030)), d(5000));
        assert_eq!(nice_ceiling(d(100)), d(100));
        assert_eq!(nice_ceiling(d(101)), d(200));
        assert_eq!(nice_ceiling(d(1530)), d(2000));
    }
}
