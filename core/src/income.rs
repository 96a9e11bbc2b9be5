//! The household's income as counted for 低保, with the epidemic work-cost deduction in
//! its three forms (contract v1, "Work cost, every form"):
//! for each member who works away (`migrant`) or has returned to work (`returned`), in a
//! household on 低保, within the epidemic period, and never more than that member's income:
//! - a fixed amount, `work_cost.amount` (Tianjin 000 二（五）, Dongli 003 二（五）: 500 yuan;
//!   Chongqing 001 一（一） "适当扣减": where a district sets an amount, else none);
//! - the local minimum wage less the urban 低保 standard, not below 0 (Jilin 004 一、3).

use rust_decimal::Decimal;

use crate::decision::Need;
use crate::engine::{Ctx, FindingBuilder};
use crate::ids::{param, ParamId, ProgrammeId};
use crate::input::Work;
use crate::money::fmt2;
use crate::text::{Lang, Say};
use crate::{fx, t};

/// How one member's work-cost deduction was reached (formatted only for a trace).
#[derive(Clone, Copy, Debug)]
pub enum Deduction {
    /// min(minimum wage − urban standard, own income).
    MinimumWage { wage: Decimal, standard: Decimal, income: Decimal },
    /// min(fixed amount, own income).
    Fixed { amount: Decimal, income: Decimal },
}

impl Deduction {
    fn formula(self, lang: Lang) -> String {
        match self {
            Deduction::MinimumWage { wage, standard, income } => t!(
                "min(最低工资 {w} − 城市低保标准 {s}, 本人收入 {i})",
                "min(minimum wage {w} − urban standard {s}, own income {i})",
                w = fmt2(wage),
                s = fmt2(standard),
                i = fmt2(income)
            )
            .say(lang),
            Deduction::Fixed { amount, income } => t!(
                "min(务工成本 {a}, 本人收入 {i})",
                "min(work cost {a}, own income {i})",
                a = fmt2(amount),
                i = fmt2(income)
            )
            .say(lang),
        }
    }
}

/// The counted income and how it was reached.
#[derive(Clone, Debug, Default)]
pub struct Income {
    pub gross: Decimal,
    /// (member index, deduction, how it was reached) for each deduction made.
    pub deductions: Vec<(usize, Decimal, Deduction)>,
    pub counted: Decimal,
    pub per_capita: Decimal,
    /// Parameters without value that a deduction needs (the counted income is then unknown).
    pub missing: Vec<ParamId>,
    /// The provision the deduction comes from, if one applied.
    pub provision: Option<&'static str>,
}

impl Income {
    pub fn compute(ctx: &Ctx) -> Income {
        let h = ctx.h;
        let gross: Decimal = h.members.iter().map(|m| m.monthly_income).sum();
        let mut inc = Income { gross, ..Income::default() };
        let workers: Vec<_> = h.members.iter().filter(|m| matches!(m.work, Work::Migrant | Work::Returned)).collect();
        let applies = h.support.dibao && ctx.epidemic.in_period && !workers.is_empty();
        if applies {
            if ctx.has(ProgrammeId::Dibao, "work_cost_min_wage") {
                inc.provision = Some("work_cost_min_wage");
                let wage = ctx.number(param::MINIMUM_WAGE);
                let standard = ctx.number(param::DIBAO_STANDARD_URBAN);
                match (wage, standard) {
                    (Some(w), Some(s)) => {
                        let per = (w - s).max(Decimal::ZERO);
                        for m in &workers {
                            let d = per.min(m.monthly_income);
                            let how = Deduction::MinimumWage { wage: w, standard: s, income: m.monthly_income };
                            inc.deductions.push((m.index, d, how));
                        }
                    }
                    (w, s) => {
                        if w.is_none() {
                            inc.missing.push(param::MINIMUM_WAGE);
                        }
                        if s.is_none() {
                            inc.missing.push(param::DIBAO_STANDARD_URBAN);
                        }
                    }
                }
            } else if ctx.has(ProgrammeId::Dibao, "work_cost_fixed") {
                inc.provision = Some("work_cost_fixed");
                match ctx.value(param::WORK_COST_AMOUNT).and_then(|v| v.number()) {
                    Some(amount) => {
                        for m in &workers {
                            let d = amount.min(m.monthly_income);
                            let how = Deduction::Fixed { amount, income: m.monthly_income };
                            inc.deductions.push((m.index, d, how));
                        }
                    }
                    None => ctx.assume(
                        "work_cost.none",
                        t!(
                            "文件只说“适当扣减务工成本”而未定数额：区县未设定数额时不扣减（可在参数“{}”中填写）。",
                            "The document says only that work costs be “appropriately deducted” and sets no figure: nothing is deducted unless a district's amount is entered (parameter “{}”).",
                            ctx.param_label(param::WORK_COST_AMOUNT)
                        ),
                    ),
                }
            }
        }
        let deducted: Decimal = inc.deductions.iter().map(|(_, d, _)| *d).sum();
        inc.counted = (gross - deducted).max(Decimal::ZERO);
        inc.per_capita = inc.counted / h.size();
        inc
    }

    /// Writes the income into a finding's trace (and cites the work-cost clause if used).
    pub fn trace(&self, f: &mut FindingBuilder) {
        let ctx = f.ctx;
        let parts = |_: Lang| -> String {
            let parts: Vec<String> = ctx.h.members.iter().map(|m| fmt2(m.monthly_income)).collect();
            parts.join(" + ")
        };
        f.money(t!("家庭月收入合计", "Household monthly income"), parts, self.gross);
        for (i, d, how) in &self.deductions {
            let m = &ctx.h.members[*i];
            f.money(t!("{} 扣减务工成本", "{}: work-cost deduction", m.id), |lang: Lang| how.formula(lang), *d);
        }
        if let Some(p) = self.provision {
            if !self.deductions.is_empty() {
                f.cite_from(ProgrammeId::Dibao, p);
            }
        }
        for id in &self.missing {
            f.need(Need::Param(*id));
        }
        if !self.deductions.is_empty() {
            let formula = |_: Lang| -> String {
                let ds: Vec<String> = self.deductions.iter().map(|(_, d, _)| fmt2(*d)).collect();
                format!("{} − {}", fmt2(self.gross), ds.join(" − "))
            };
            f.money(t!("核定家庭收入", "Counted household income"), formula, self.counted);
        }
        f.money(
            t!("家庭人均收入", "Per-capita income"),
            fx!("{} ÷ {}", fmt2(self.counted), ctx.h.members.len()),
            self.per_capita,
        );
    }
}
