//! Every word the page shows, in Chinese and English, from this one table (but for the
//! saved-households panel's, which `web/saved.js` holds so they weigh nothing on the first
//! load).
//!
//! Components read [`labels`] (a struct of plain strings) and the `*_label` functions for
//! the contract's enums; they hold no text of their own. Templates carry `{}` slots, filled
//! in order by [`fill`]. The engine's own sentences (reasons, trace, assumptions) come from
//! `doudi_core` in the language asked for; clause texts stay Chinese, as the law's words.

use doudi_core::input::{Covid, DisabilityType, Hukou, Insurance, Relation, Residence, SelfCare, Work};
use doudi_core::{Lang, ProgrammeId};
use yew::AttrValue;

macro_rules! labels {
    ($($name:ident: $zh:literal, $en:literal;)*) => {
        /// The page's words in one language. `repr(C)`, every field a `&'static str`: laid out
        /// as an array of them, which is how the English table is made from `labels-en.js`.
        #[repr(C)]
        pub struct Labels {
            $(pub $name: &'static str,)*
        }
        const ZH: Labels = Labels { $($name: $zh,)* };
        /// The English column, compiled in natively (the unit tests, and the test that writes
        /// `labels-en.js` from it); the site's wasm reads it from that file ([`en`]).
        #[cfg(not(target_arch = "wasm32"))]
        const EN: Labels = Labels { $($name: $en,)* };
        #[cfg(test)]
        const EN_WORDS: &[&str] = &[$($en),*];
        /// How many labels there are: `labels-en.js` must hold exactly as many.
        #[cfg_attr(not(any(test, target_arch = "wasm32")), allow(dead_code))]
        const COUNT: usize = [$(stringify!($name)),*].len();
        /// The table from `labels-en.js`'s words, in the order of this list.
        #[cfg(target_arch = "wasm32")]
        fn from_words(words: [&'static str; COUNT]) -> Labels {
            // SAFETY: `Labels` is `repr(C)` with `COUNT` fields, each a `&'static str`, so it
            // has the size, alignment and layout of `[&'static str; COUNT]` (no padding
            // between fields of one type); `transmute` checks the sizes at compile time.
            // Field by field it cost about 5 KB of WebAssembly.
            unsafe { std::mem::transmute::<[&'static str; COUNT], Labels>(words) }
        }
    };
}

labels! {
    title: "兜底保障测算", "Safety-net support calculator";
    subtitle: "看看您家可能享受哪些救助、每月多少钱、依据哪条政策", "See which support your household may get, how much, and which clause says so";
    skip_to_answer: "跳到测算结果", "Skip to the result";
    lang_switch: "English", "中文";
    lang_switch_name: "Switch to English", "切换到中文";
    big_text: "大字", "Large text";
    staff_mode: "工作人员模式", "Staff mode";
    screen_page: "走访摸排", "Roster screening";
    print: "打印", "Print";
    settings_heading: "地区和日期", "Place and date";
    place: "地区", "Place";
    date: "按哪一天的政策", "Policies in force on";
    date_epidemic: "按 2020 年疫情期间的政策（2020年4月15日）", "The 2020 epidemic's policies (15 Apr 2020)";
    date_today: "按今天的政策（{}）", "Today's policies ({})";
    date_other: "另选日期", "Another date";
    date_other_label: "哪一天", "Which day";
    date_hint: "各地 2020 年通知里的疫情期间措施，只在疫情防控期间适用。", "The 2020 notices' epidemic measures apply only within the epidemic period.";
    loading: "正在加载…", "Loading…";
    load_failed: "页面没有加载完成，请检查网络后刷新。", "The page did not finish loading; check the connection and reload.";
    situations_heading: "有没有这些情况？", "Do any of these apply?";
    situations_hint: "每一项都请回答“有”或“没有”；回答“有”，再在上面的家庭成员里填写是谁、什么情况。", "Please answer each with yes or no; for yes, say who and what among the household members above.";
    situation_illness: "家里有人患重病或有残疾吗？", "Is anyone in the household seriously ill or disabled?";
    situation_job: "家里有人失业，或因疫情没了收入吗？", "Has anyone lost their job, or their income because of the epidemic?";
    situation_covid: "家里有人确诊新冠，或被隔离、收治吗？", "Has anyone had COVID-19, or been isolated or treated?";
    situation_care: "家里有孤儿、没人抚养的孩子，或照料人无法照料的人吗？", "Is there an orphan, a child without care, or someone whose carer cannot care for them?";
    answer_yes: "有", "Yes";
    answer_no: "没有", "No";
    unanswered: "还没回答的问题（回答后结果可能不同）：", "Questions not answered yet (the answer may change the result):";
    situation_yes_note: "请在上面“家庭成员”里这个人的“更多情况”中填写。", "Fill it in under “More about this person” for that person, among the household members above.";
    supporter_hint: "有义务、也有能力供养他/她的子女、配偶、父母等，不论是否住在一起。", "Children, a spouse, parents… obliged and able to support them, living together or not.";
    in_hospital_yes: "还在住院", "Still in hospital";
    in_hospital_no: "已出院", "Discharged";
    req_missing_in_hospital: "请回答：现在还在住院吗？", "Please answer: still in hospital?";
    what_if_tekun: "如果{}没有能赡养、抚养、扶养的亲属，可能符合特困人员供养{}。", "If {} has no relative able to support them, they may qualify for support for people in extreme poverty{}.";
    what_if_migrant: "如果{}得不到家庭支持，可能符合外来人员临时救助{}。", "If {} has no family support, they may qualify for temporary relief for people from elsewhere{}.";
    what_if_care: "如果{}生活不能完全自理，可能符合重度残疾人护理补贴{}。", "If {} cannot fully look after themselves, they may qualify for the care subsidy for severely disabled people{}.";
    what_if_dibao: "如果家庭获批低保，{}可能还符合“{}”{}。", "If the household is approved for dibao, {} may also qualify for “{}”{}.";
    what_if_dibao_paid: "如果家庭获批低保，{}的“{}”按规定金额发放{}。", "If the household is approved for dibao, {}'s “{}” is paid at the set amount{}.";
    what_if_single_approved: "如果{}获批单独纳入低保，可能还符合“{}”{}。", "If {} is approved for dibao as a household of one, they may also qualify for “{}”{}.";
    approval_dibao: "家庭获批低保", "the household is approved for dibao";
    approval_single: "单独纳入低保获批", "dibao as a household of one is approved";
    approval_tekun: "获批特困人员供养", "support for people in extreme poverty is approved";
    approval_line: "{}后，还可能多 {} 项（见下面各项的说明）。", "Once {}, {} more may apply (see each below).";
    approval_note: "这一项要等{}后才能申请。", "This can be applied for once {}.";
    print_approval: "{}后还可申请：{}。", "Once {}, also: {}.";
    what_if_tekun_approved: "如果{}获批特困人员供养，可能还符合“{}”{}。", "If {} is approved for support for people in extreme poverty, they may also qualify for “{}”{}.";
    what_if_note_dibao_paid: "现在就可以申请临时救助；家庭获批低保后，按这个金额发放。", "Relief can be applied for now; once the household is approved for dibao, it is paid at this amount.";
    what_if_work: "如果{}是外出务工或返岗复工，收入可扣减务工成本，每月低保金约 {} 元。", "If {} is a migrant or returning worker, a work cost is deducted from their income: about {} yuan of dibao a month.";
    what_if_amount: "（每月约 {} 元）", " (about {} yuan a month)";
    what_if_amount_local: "（金额按当地标准计算）", " (the amount is set by the local standard)";
    what_if_note: "这取决于一个还没回答的问题：", "This depends on a question not answered yet:";
    local_rule: "按当地标准计算；{}各地标准不同，本页没有当地的数字。", "Worked out from the local standard, which differs across {}; this page does not have it.";
    local_figure: "按当地的标准计算；本页没有{}这一项的数字。", "Worked out from a local figure; this page does not have {}'s.";
    ask_local: "当地标准请向户籍所在地的街道办事处（乡镇政府）或县级民政部门询问。", "Ask the sub-district office (township government) or the county civil affairs bureau for the local figure.";
    basis_standard_local: "低保标准：{}各地不同，本页没有当地的数字。", "Dibao standard: it differs across {}; this page does not have the local one.";
    chart_needs_local: "画这张图需要当地的低保标准；{}各地不同，本页没有。", "This chart needs the local dibao standard, which differs across {}; this page does not have it.";
    dibao_more: "按本次测算每月低保金 {} 元，比您家现在领取的 {} 元多 {} 元。", "This estimate gives {} yuan of dibao a month: {} yuan now, {} more.";
    dibao_less: "按本次测算每月低保金 {} 元，比您家现在领取的 {} 元少 {} 元。", "This estimate gives {} yuan of dibao a month: {} yuan now, {} less.";
    dibao_same: "按本次测算每月低保金 {} 元，与您家现在领取的相同。", "This estimate gives {} yuan of dibao a month, the same as now.";
    dibao_gone: "您家现在每月领取低保金 {} 元；按本次测算可能不再符合低保，请向街道（乡镇）核实。", "You receive {} yuan of dibao a month now; by this estimate the household may no longer qualify: ask the sub-district (township) office.";
    dibao_taper: "您家现在每月领取低保金 {} 元；按本次测算收入已超过低保标准，低保渐退：限期每月 {} 元，期满后退出低保。", "You receive {} yuan of dibao a month now; by this estimate income is above the standard, so dibao tapers off: {} yuan a month for a set term, then it ends.";
    dibao_open: "您家现在每月领取低保金 {} 元；本次测算的金额还要看当地标准或还没回答的问题。", "You receive {} yuan of dibao a month now; this estimate's amount still depends on a local figure or an unanswered question.";
    mark_met: "符合：", "Met: ";
    mark_unmet: "不符合：", "Not met: ";
    mark_unknown: "还不知道：", "Unknown: ";
    mark_note: "说明：", "Note: ";
    override_notice: "此链接包含工作人员修改的参数：{}", "This link carries parameters changed by staff: {}";
    override_item: "{} 改为 {}", "{} set to {}";
    override_note: "下面的结果按修改后的数值计算，不是政策规定的数值。", "The result below uses the changed values, not the policy's own.";
    override_reset: "改用政策规定的数值", "Use the policy's own values";
    unknown_place_notice: "此链接里的地区“{}”本页没有，下面先按{}计算；请在“地区”中选择您所在的地区。", "This link names a place this page does not have (“{}”): the result below is for {} until you choose your place under “Place”.";
    trace_resident_caption: "计算用到的数字", "The figures used";
    go_answer: "看结果", "See the result";
    residence: "城镇还是农村", "Urban or rural";
    residence_question: "住在城镇还是农村？", "Urban or rural?";
    residence_unstated: "未说明（按城镇计算）", "not stated (taken as urban)";
    unstated: "未说明", "not stated";
    work_question: "{}的工作情况（外出务工、返岗复工的，收入可扣减务工成本）", "{}'s work (for migrant or returning workers a work cost is deducted from income)";
    members_heading: "家庭成员", "Household members";
    members_hint: "共同生活的家庭成员都算上，第一位是申请人。", "Count everyone who lives together; the first is the applicant.";
    member_n: "第 {} 位", "Person {}";
    applicant: "申请人", "Applicant";
    relation: "与申请人的关系", "Relation to the applicant";
    age: "年龄（岁）", "Age (years)";
    monthly_income: "每月收入（元）", "Monthly income (yuan)";
    monthly_income_hint: "工资、养老金等，没有可不填", "Wages, pension…; none: leave empty";
    work: "工作情况", "Work";
    add_member: "＋ 添加家庭成员", "＋ Add a household member";
    remove_member: "删除", "Remove";
    remove_member_name: "删除{}", "Remove {}";
    more: "更多情况", "More about this person";
    more_hint: "残疾、疾病、新冠、失业、户籍、儿童等，有就填", "Disability, illness, COVID-19, unemployment, hukou, children — fill in what applies";
    group_health: "残疾和健康", "Disability and health";
    disabled: "持有残疾人证", "Holds a disability certificate";
    disability_grade: "残疾等级", "Disability grade";
    grade_n: "{}级", "Grade {}";
    disability_type: "残疾类别", "Type of disability";
    choose: "请选择", "Choose";
    illness_tier: "重病档次（分类救助）", "Serious-illness tier (classified aid)";
    illness_none: "无", "None";
    illness_1000: "抵扣 1000 元档", "1000-yuan tier";
    illness_1500: "抵扣 1500 元档", "1500-yuan tier";
    self_care: "生活自理能力", "Self-care";
    group_covid: "新冠疫情", "COVID-19";
    covid: "新冠肺炎", "COVID-19";
    diagnosed_on: "确诊日期", "Date diagnosed";
    in_hospital: "现在还在住院吗？", "Still in hospital?";
    discharged_on: "出院日期", "Date discharged";
    isolated: "被隔离或收治", "Isolated or under treatment";
    carer_unavailable: "照料他/她的人被隔离、收治或在抗疫一线，无法照料", "Their carer is isolated, treated or on the front line and cannot care for them";
    stranded: "因交通管控滞留本地，回不了家", "Stranded here by traffic controls";
    group_work: "工作和失业", "Work and unemployment";
    epidemic_job_loss: "因疫情不能外出务工、经营或返岗", "Cannot work, trade or return to a job because of the epidemic";
    unemployed: "失业", "Unemployed";
    unemployed_registered: "已办理失业登记", "Registered as unemployed";
    unemployment_insurance: "失业保险", "Unemployment insurance";
    months_without_income: "已连续几个月没有收入", "Months in a row without income";
    able_to_work: "劳动能力", "Able to work";
    able_auto: "按年龄判断", "By age";
    able_yes: "有", "Yes";
    able_no: "没有", "No";
    group_identity: "户籍和身份", "Hukou and status";
    hukou: "户籍", "Hukou";
    entitled_group: "优抚对象", "Entitled group (优抚对象)";
    tekun_now: "正在享受特困供养", "Receives 特困 support now";
    has_able_supporter: "有没有能赡养、抚养、扶养他/她的亲属？", "Is there a relative obliged and able to support them?";
    group_children: "儿童", "Children";
    orphan: "孤儿", "Orphan";
    unsupported_child: "事实无人抚养儿童", "Child without de facto care";
    difficult_child: "困境儿童", "Child in difficulty";
    household_heading: "家庭情况", "The household";
    on_dibao: "现在享受低保", "Receives dibao now";
    dibao_monthly: "每月低保金（元）", "Monthly dibao (yuan)";
    income_above_since: "收入从哪天起超过低保标准（因就业增收，没有则不填）", "Since when income is above the standard through work (leave empty if not)";
    low_income: "低收入家庭（已认定）", "Recognised low-income household";
    poverty_registered: "建档立卡贫困户", "Registered poor household (建档立卡)";
    applying: "正在申请", "Applying now for";
    applying_dibao: "低保", "Dibao";
    applying_tekun: "特困供养", "Tekun support";
    assets: "存款等财产（元，可不填）", "Savings and other money assets (yuan, optional)";
    assets_hint: "存款、有价证券等合计；不填时结果会说明还需要了解", "Savings, securities…; if left empty the result says what it still needs";
    answers_heading: "测算结果", "Result";
    stale: "未更新", "Not updated";
    stale_note: "下面是上一次的结果。请先改正标红的地方。", "Below is the last result. Please correct the marked field first.";
    incomplete_note: "填好这些就能看到结果：", "Fill these in to see the result:";
    group_eligible: "可能符合", "May qualify";
    group_needs_info: "还需要了解", "Need to know more";
    group_discretionary: "需个案研究", "Decided case by case";
    group_referral: "服务转介", "Services";
    group_ineligible: "暂不符合", "Not at present";
    count: "（{}）", " ({})";
    for_member: "（{}）", " ({})";
    monthly: "每月", "A month";
    fixed_term_monthly: "限期每月", "A month, for a set term";
    one_off_months: "一次性（按 {} 个月计）", "One-off ({} month(s)' relief)";
    not_counted: "不计入合计：{}", "Not counted in the totals: {}";
    how_totals: "合计如何得出（每项只计一次）", "How the totals are made up (each counted once)";
    one_off: "一次性", "One-off";
    months: "共 {} 个月", "{} months";
    total: "合计", "In all";
    cap: "最多", "At most";
    yuan: "{} 元", "{} yuan";
    amount_unknown: "金额要看当地标准，见“还需要了解”", "The amount depends on a local figure; see “Need to know more”";
    why: "为什么？", "Why?";
    flow_heading: "条件流程：逐项检查", "The conditions, step by step";
    flow_off_by: "相差 {}（需 {} {}）", "Off by {} (needs {} {})";
    flow_needs: "需 {} {}", "Needs {} {}";
    trace_caption: "计算过程", "How it was worked out";
    trace_label: "项目", "Item";
    trace_formula: "算法", "Formula";
    trace_value: "数值", "Value";
    citations_heading: "政策依据", "The policy says";
    see_clause: "在政策原文中查看", "See in the policy texts";
    next_steps: "下一步", "Next steps";
    needs: "还需要：", "Still needed:";
    member_field: "{}：{}", "{}: {}";
    param_suffix: "（政策参数）", " (policy parameter)";
    discretionary_note: "金额由当地按个案研究决定（一事一议），请向街道（乡镇）社会救助经办机构咨询。", "The amount is decided case by case; ask the sub-district (township) social assistance office.";
    services: "可以提供的服务", "Services available";
    summary_bar_go: "查看结果", "See the result";
    basis_heading: "本次测算的依据", "What this estimate rests on";
    basis_standard: "低保标准：每人每月 {} 元", "Dibao standard: {} yuan per person a month";
    basis_standard_unknown: "低保标准：不知道，请在工作人员模式中填写当地标准", "Dibao standard: unknown; enter the local standard in staff mode";
    basis_source: "（来源：{}）", " (source: {})";
    basis_epidemic: "疫情防控期间：{} 至 {}", "Epidemic period: {} to {}";
    basis_epidemic_open: "疫情防控期间：{} 起（未结束）", "Epidemic period: from {} (not ended)";
    basis_epidemic_end: "。", ". ";
    basis_in_period: "测算日期在疫情防控期间内。", "The date is within the epidemic period.";
    basis_out_period: "测算日期不在疫情防控期间内。", "The date is outside the epidemic period.";
    basis_policy_version: "政策数据版本：{}", "Policy data version: {}";
    chart_heading: "收入变化时", "If income changes";
    chart_x: "第一位成员每月收入（元）", "First person's monthly income (yuan)";
    chart_y: "全家每月救助（元）", "Household's monthly aid (yuan)";
    chart_range: "横轴从 0 到 3 倍“低保标准 × 家庭人数”（{} 元），只变动第一位成员的收入，其他不变。", "The x axis runs from 0 to 3 × (standard × members) ({} yuan); only the first person's income changes.";
    chart_needs_standard: "画图需要知道低保标准。请打开工作人员模式，填写当地低保标准。", "The chart needs the dibao standard. Open staff mode and enter the local standard.";
    chart_open_params: "填写低保标准", "Enter the standard";
    chart_you: "您家现在", "You now";
    chart_loss: "多挣钱反而总钱变少", "Earn more, get less in all";
    chart_desc_start: "第一位成员没有收入时，全家每月救助约 {} 元。", "With no income for the first person, the household's aid is about {} yuan a month.";
    chart_desc_zero: "收入达到约 {} 元时，每月救助降为 0。", "At about {} yuan of income the monthly aid falls to 0.";
    chart_desc_never_zero: "在图中的收入范围内，每月救助一直不为 0。", "Over the whole range shown the monthly aid never falls to 0.";
    chart_desc_now: "现在填写的收入是 {} 元，对应每月救助 {} 元。", "The income entered now is {} yuan, with {} yuan of aid a month.";
    chart_desc_loss: "收入达到约 {} 元时，收入加救助的总数从约 {} 元降到约 {} 元；收入要到约 {} 元，总数才回到原来的水平。", "At about {} yuan of income, income plus aid falls from about {} to about {} yuan; it takes about {} yuan of income to get back to where it was.";
    chart_desc_loss_open: "收入达到约 {} 元时，收入加救助的总数从约 {} 元降到约 {} 元，在图中的范围内没有回到原来的水平。", "At about {} yuan of income, income plus aid falls from about {} to about {} yuan, and within the range shown it does not get back to where it was.";
    chart_desc_loss_then: "这时收入加救助的总数从约 {} 元降到约 {} 元；收入要到约 {} 元，总数才回到原来的水平。", "Income plus aid then falls from about {} to about {} yuan; it takes about {} yuan of income to get back to where it was.";
    chart_desc_loss_then_open: "这时收入加救助的总数从约 {} 元降到约 {} 元，在图中的范围内没有回到原来的水平。", "Income plus aid then falls from about {} to about {} yuan, and within the range shown it does not get back to where it was.";
    chart_desc_no_loss: "在图中的范围内，多挣钱总能让收入加救助的总数增加或不变。", "Over the range shown, earning more never lowers income plus aid.";
    params_heading: "政策参数", "Policy parameters";
    params_hint: "当地标准和政策中的数字。修改只影响本次测算，会写进“本次测算的依据”。", "Local standards and the figures in the texts. A change affects this estimate only and is listed under “What this estimate rests on”.";
    param_value: "取值", "Value";
    param_no_value: "没有已知取值，请填写", "No known value: please enter one";
    param_modified: "已修改", "Changed";
    param_reset: "恢复", "Reset";
    param_reset_name: "恢复{}", "Reset {}";
    param_from: "自 {} 起", "From {}";
    param_source: "来源", "Source";
    param_confidence: "可信度", "Confidence";
    param_open: "未结束", "Not ended";
    param_true: "是", "Yes";
    param_false: "否", "No";
    policy_heading: "政策原文", "The policy texts";
    policy_hint: "本地区适用的文件，逐条列出。灰色标注的是程序性条款（不直接给予待遇）。", "The documents in force here, clause by clause. Procedural clauses (granting nothing) are marked.";
    procedural: "程序性条款", "Procedural";
    cited_by: "引用本条的项目：", "Cited by:";
    cited_by_param: "设定参数：", "Sets parameter:";
    doc_number: "文号：{}", "Number: {}";
    doc_issuer: "发文机关：{}", "Issued by: {}";
    doc_date: "日期：{}", "Date: {}";
    footer_local: "全部计算在本机完成，不上传任何信息。", "Everything is computed on this device; nothing is uploaded.";
    footer_disclaimer: "结果仅供参考，以当地民政部门审核为准。", "For reference only: the local civil affairs office decides.";
    share: "复制链接", "Copy link";
    share_note: "链接里包含您填写的家庭情况，只在您发给别人时才会被看到。", "The link contains the answers you entered; they are seen only by whoever you send it to.";
    footer_kept: "只有您点“保存在本机”时，本页才把您起的名称、保存时间和家庭情况（与链接里的相同）存在这台设备的浏览器里（IndexedDB），不上传；勾选“关闭页面时忘记”时只留在打开的页面里，本机只记下这个选择。此外本页不保存任何信息。", "Only when you tap “Save on this device” does the page keep the name you give, the time and the household (what a link holds) in this device's browser (IndexedDB), never uploaded; with “Forget when this page closes” ticked, they stay in the open page only and the device keeps just that choice. Nothing else is stored.";
    saved_heading: "保存在本机（已保存的家庭）", "Keep on this device (saved households)";
    ordinary_heading: "2020 年疫情措施对这户的作用", "What the 2020 epidemic measures do for this household";
    clear_saved: "清除本机记录", "Clear this device";
    saved_cleared_short: "✓ 本机记录已清除", "✓ Device cleared";
    share_done: "链接已复制，也可以从下面的框里复制：", "Link copied; you can also copy it from the box below:";
    share_manual: "请从下面的框里复制链接：", "Copy the link from the box below:";
    print_heading: "兜底保障测算单", "Safety-net support estimate";
    print_place: "地区：{}", "Place: {}";
    print_date: "政策日期：{}", "Policies on: {}";
    print_residence: "城乡：{}", "Residence: {}";
    print_household: "家庭成员", "Household";
    print_member: "成员", "Person";
    print_programme: "救助项目", "Support";
    print_result: "测算结果", "Result";
    print_status: "结论", "Finding";
    print_amount: "金额", "Amount";
    print_reason: "理由", "Reason";
    print_clauses: "政策条款", "Clauses";
    print_notes: "条款原文", "Clause texts";
    print_time: "打印时间：{}", "Printed: {}";
    print_sign_staff: "经办人签字：", "Caseworker's signature:";
    print_sign_applicant: "申请人签字：", "Applicant's signature:";
    print_sign_date: "日期：", "Date:";
    print_extra: "其他情况", "Other facts";
    print_ineligible: "暂不符合：{}", "Not at present: {}";
    print_facts: "家庭情况：{}", "The household: {}";
    print_on_dibao: "现在享受低保（每月 {} 元）", "receives dibao now ({} yuan a month)";
    print_above_since: "因就业增收，收入自 {} 起超过低保标准", "income above the standard through work since {}";
    print_applying: "正在申请：{}", "applying for: {}";
    print_assets: "存款等财产 {} 元", "savings and other money assets {} yuan";
    print_assets_unknown: "存款等财产未填写", "savings and other money assets not given";
    print_amount_open: "金额待定", "Amount not known yet";
    print_workings: "计算过程", "How the amounts were worked out";
    print_list_sep: "、", ", ";
    print_steps_sep: "；", "; ";
    policy_link: "政策原文", "Policy texts";
    req_missing_age: "请填写年龄", "Please enter the age";
    req_missing_date: "请选择日期", "Please choose a date";
    req_missing_discharged: "请填写出院日期，或勾选“仍在住院”", "Enter the discharge date, or tick “Still in hospital”";
    bad_whole_years: "请填写整数，例如 45", "Please enter a whole number, such as 45";
    bad_whole_months: "请填写 0 或更大的整数（月数）", "Please enter a whole number of months, 0 or more";
    bad_number: "请填写数字，例如 1010 或 1010.5", "Please enter a number, such as 1010 or 1010.5";
    whole_input_error: "输入有误：{}", "Input problem: {}";
}

/// Words of the engine's own sentences by which [`crate::compute::reason_marks`] tells the
/// sentence of a finding that waits for an answer (?): the ✓/✗ marks come from the
/// engine's decisions.
pub const UNKNOWN_WORDS: &[&str] =
    &["无法判断", "无法计算", "未知", "cannot be decided", "cannot be computed", "unknown"];

/// The words of the boot page, the plain HTML `index.html` shows before the wasm has
/// arrived (a unit test holds it to them): the app is not running yet to show its own.
#[cfg_attr(not(test), allow(dead_code))]
pub fn boot_words() -> [&'static str; 8] {
    let l = labels(Lang::Zh);
    [l.title, l.subtitle, l.loading, l.load_failed, l.place, l.date, l.members_heading, l.footer_local]
}

/// The table for `lang` (Chinese while the English words have not arrived: see [`shown`]).
pub fn labels(lang: Lang) -> &'static Labels {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => en::table().unwrap_or(&ZH),
    }
}

/// The language the page can show when `asked` is: English once its words are here
/// ([`load_en`]), Chinese until then, so that a page never mixes the two.
pub fn shown(asked: Lang) -> Lang {
    match asked {
        Lang::En if en::table().is_none() => Lang::Zh,
        _ => asked,
    }
}

/// Loads the English words once, then calls `done` (at once if they are here; never if
/// they cannot load, offline before they were ever fetched: the page stays in Chinese).
pub fn load_en(done: impl FnOnce() + 'static) {
    en::load(done)
}

/// English on demand. The site's wasm leaves the English column of the table above out of
/// its first load (most visitors read Chinese; about 2.5 KB brotli): `labels-en.js`, which
/// a unit test writes from that column (`labels_en_js_is_current`) and `post-build.sh`
/// copies beside the page, sets `globalThis.doudiLabelsEn` to its words in the table's
/// order, and is added the first time English is asked for (the custom element names its
/// address, `doudiLabelsEnUrl`); the service worker keeps it for offline use. Natively the
/// column is compiled in.
#[cfg(target_arch = "wasm32")]
mod en {
    use std::cell::Cell;

    use wasm_bindgen::JsCast;

    use super::{from_words, Labels, COUNT};

    thread_local! {
        static TABLE: Cell<Option<&'static Labels>> = const { Cell::new(None) };
    }

    /// The English table, read once from `labels-en.js` when it has run (kept for the page's
    /// life: its words are `'static`, as the Chinese ones are). A file of another build (a
    /// different number of words) is not read.
    pub fn table() -> Option<&'static Labels> {
        if let Some(t) = TABLE.with(Cell::get) {
            return Some(t);
        }
        let w = web_sys::window()?;
        let list: js_sys::Array = js_sys::Reflect::get(&w, &"doudiLabelsEn".into()).ok()?.dyn_into().ok()?;
        if list.length() as usize != COUNT {
            return None;
        }
        let words: Vec<&'static str> =
            list.iter().map(|v| &*Box::leak(v.as_string().unwrap_or_default().into_boxed_str())).collect();
        let t: &'static Labels = Box::leak(Box::new(from_words(words.try_into().ok()?)));
        TABLE.with(|c| c.set(Some(t)));
        Some(t)
    }

    pub fn load(done: impl FnOnce() + 'static) {
        if table().is_some() {
            return done();
        }
        crate::dom::add_script_once("doudiLabelsEnUrl", "labels-en.js", done);
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod en {
    use super::{Labels, EN};

    pub fn table() -> Option<&'static Labels> {
        Some(&EN)
    }

    pub fn load(done: impl FnOnce() + 'static) {
        done()
    }
}

/// `labels-en.js`: the English column as the site loads it.
#[cfg(test)]
fn labels_en_js() -> String {
    let words = serde_json::to_string(EN_WORDS).expect("strings serialize");
    format!(
        "// The page's English words (web/src/i18n.rs, the table's English column, in its order),\n\
         // loaded when English is asked for. Written by `DOUDI_WRITE=1 cargo test -p doudi-web labels_en`.\n\
         globalThis.doudiLabelsEn={words};\n"
    )
}

/// Fills `{}` slots in order: `fill("第 {} 位", &["2"])` → `第 2 位`. Extra slots stay empty.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut parts = template.split("{}");
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    for (i, part) in parts.enumerate() {
        out.push_str(args.get(i).copied().unwrap_or(""));
        out.push_str(part);
    }
    out
}

/// The `lang` attribute value for a language.
pub fn html_lang(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    }
}

fn pick(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// A place's name, from its policy file (`name`, `name_en`): a new place's file is all the
/// page needs to list it.
pub fn place_label(id: &str, lang: Lang) -> &'static str {
    let Ok(p) = doudi_core::embedded_policies() else { return "" };
    p.jurisdiction(id).map_or("", |j| match lang {
        Lang::Zh => j.name.as_str(),
        Lang::En => j.name_en.as_str(),
    })
}

/// The place listed first (the default of the page and of an embed).
pub fn first_place() -> AttrValue {
    AttrValue::Static(places().first().copied().unwrap_or_default())
}

/// The places, in the core's order (every jurisdiction that is not abstract).
pub fn places() -> Vec<&'static str> {
    doudi_core::embedded_policies().map_or(Vec::new(), |p| p.jurisdictions.iter().map(|j| j.id.as_str()).collect())
}

pub fn residence_label(r: Residence, lang: Lang) -> &'static str {
    match r {
        Residence::Urban => pick(lang, "城镇", "Urban"),
        Residence::Rural => pick(lang, "农村", "Rural"),
    }
}

pub fn relation_label(r: Relation, lang: Lang) -> &'static str {
    match r {
        Relation::SelfPerson => pick(lang, "本人", "Self"),
        Relation::Spouse => pick(lang, "配偶", "Spouse"),
        Relation::Child => pick(lang, "子女", "Child"),
        Relation::Parent => pick(lang, "父母", "Parent"),
        Relation::Grandparent => pick(lang, "祖父母、外祖父母", "Grandparent"),
        Relation::Grandchild => pick(lang, "孙子女、外孙子女", "Grandchild"),
        Relation::Sibling => pick(lang, "兄弟姐妹", "Sibling"),
        Relation::Other => pick(lang, "其他", "Other"),
    }
}

pub fn work_label(w: Work, lang: Lang) -> &'static str {
    match w {
        Work::None => pick(lang, "无", "None"),
        Work::Local => pick(lang, "本地工作", "Works locally"),
        Work::Migrant => pick(lang, "外出务工", "Works away"),
        Work::Returned => pick(lang, "返岗复工", "Back at work"),
    }
}

pub fn insurance_label(i: Insurance, lang: Lang) -> &'static str {
    match i {
        Insurance::None => pick(lang, "未参保", "Not insured"),
        Insurance::Insured => pick(lang, "参保，未领失业金", "Insured, not receiving"),
        Insurance::Receiving => pick(lang, "正在领取失业保险金", "Receiving benefit"),
    }
}

pub fn hukou_label(h: Hukou, lang: Lang) -> &'static str {
    match h {
        Hukou::Local => pick(lang, "本地户籍", "Local hukou"),
        Hukou::ResidencePermit => pick(lang, "有本地居住证", "Residence permit"),
        Hukou::None => pick(lang, "都没有", "Neither"),
    }
}

pub fn covid_label(c: Covid, lang: Lang) -> &'static str {
    match c {
        Covid::None => pick(lang, "没有", "No"),
        Covid::Confirmed => pick(lang, "确诊", "Confirmed"),
        Covid::Deceased => pick(lang, "因新冠去世", "Died of it"),
    }
}

pub fn disability_type_label(d: DisabilityType, lang: Lang) -> &'static str {
    match d {
        DisabilityType::Physical => pick(lang, "肢体", "Physical"),
        DisabilityType::Intellectual => pick(lang, "智力", "Intellectual"),
        DisabilityType::Mental => pick(lang, "精神", "Mental"),
        DisabilityType::Visual => pick(lang, "视力", "Visual"),
        DisabilityType::Hearing => pick(lang, "听力", "Hearing"),
        DisabilityType::Speech => pick(lang, "言语", "Speech"),
        DisabilityType::Multiple => pick(lang, "多重", "Multiple"),
    }
}

pub fn self_care_label(s: SelfCare, lang: Lang) -> &'static str {
    match s {
        SelfCare::Full => pick(lang, "能自理", "Full"),
        SelfCare::Partial => pick(lang, "部分自理", "Partial"),
        SelfCare::None => pick(lang, "不能自理", "None"),
    }
}

/// A programme's name in residents' words and one plain line about it.
pub fn programme(p: ProgrammeId, lang: Lang) -> (&'static str, &'static str) {
    use ProgrammeId::*;
    let (zh, en) = match p {
        Dibao => (
            ("每月低保金", "全家每月收入低于当地低保标准的，按差额补足。"),
            ("Monthly minimum living allowance", "If the household's income is below the local standard, the gap is paid every month."),
        ),
        DibaoSinglePerson => (
            ("重残重病人员单独纳入低保", "低收入家庭中的重残、重病人员可以单独算一户申请低保。"),
            ("Dibao for a severely disabled or ill person alone", "In a low-income household, a severely disabled or ill person may apply as a household of one."),
        ),
        DibaoTaper => (
            ("收入增加后的低保渐退", "因就业收入超过标准的低保家庭，低保金不马上停，而是逐步减少。"),
            ("Gradual exit from dibao", "When work lifts income above the standard, dibao is not stopped at once but reduced step by step."),
        ),
        Tekun => (
            ("特困人员供养", "无劳动能力、无生活来源、无人赡养的老人、残疾人和未成年人，由政府供养。"),
            ("Support for people in extreme poverty", "Old, disabled or young people with no ability to work, no income and no one to support them are supported by the state."),
        ),
        TempReliefCovid => (
            ("疫情临时救助", "因疫情导致基本生活困难的，给予临时救助。"),
            ("Temporary relief (epidemic)", "Temporary relief for households in hardship because of the epidemic."),
        ),
        TempReliefUnemployed => (
            ("失业人员临时救助", "未参加失业保险的失业人员因疫情生活困难的，给予临时救助。"),
            ("Temporary relief for the unemployed", "Relief for unemployed people without unemployment insurance, in hardship because of the epidemic."),
        ),
        TempReliefAdvance => (
            ("先行救助", "正在申请低保或特困的家庭，先发给临时救助，不用等审批。"),
            ("Advance relief for new applicants", "Households applying for dibao or tekun get relief first, before the decision."),
        ),
        TempReliefMigrant => (
            ("外来人员临时救助", "在本地遇到困难的外地人员，由所在地给予临时救助。"),
            ("Temporary relief for people from elsewhere", "People from elsewhere in hardship here get relief where they are."),
        ),
        PriceSubsidy => (
            ("价格临时补贴", "物价上涨时，向低保、特困等困难群众发放的补贴。"),
            ("Temporary price subsidy", "A subsidy for people on dibao, tekun and similar support when prices rise."),
        ),
        OrphanSupport => (
            ("孤儿、事实无人抚养儿童生活费", "孤儿和事实无人抚养儿童每月发放基本生活费。"),
            ("Living allowance for orphans and children without care", "Orphans and children without de facto care get a monthly living allowance."),
        ),
        DisabilityLivingSubsidy => (
            ("困难残疾人生活补贴", "低保等困难家庭中的残疾人每月发放生活补贴。"),
            ("Living subsidy for disabled people in difficulty", "Disabled people in dibao and similar households get a monthly subsidy."),
        ),
        SevereDisabilityCareSubsidy => (
            ("重度残疾人护理补贴", "一、二级重度残疾且需要长期照护的，每月发放护理补贴。"),
            ("Care subsidy for severely disabled people", "People with a grade 1 or 2 disability who need long-term care get a monthly subsidy."),
        ),
        CareReferral => (
            ("照料和关爱服务", "不发钱，而是安排照料、探访、心理疏导等服务。"),
            ("Care and support services", "Not money: care, visits, counselling and other services."),
        ),
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The label of a member field named in an error or `missing` path (`monthly_income`).
pub fn member_field_label(field: &str, lang: Lang) -> &'static str {
    let l = labels(lang);
    match field {
        "relation" => l.relation,
        "age" | "birth_date" => l.age,
        "monthly_income" => l.monthly_income,
        "work" => l.work,
        "epidemic_job_loss" => l.epidemic_job_loss,
        "months_without_income" => l.months_without_income,
        "unemployed_registered" => l.unemployed_registered,
        "unemployment_insurance" => l.unemployment_insurance,
        "hukou" => l.hukou,
        "covid" => l.covid,
        "diagnosed_on" => l.diagnosed_on,
        "discharged_on" => l.discharged_on,
        "isolated" => l.isolated,
        "disability_grade" => l.disability_grade,
        "disability_type" => l.disability_type,
        "serious_illness_tier" => l.illness_tier,
        "orphan" => l.orphan,
        "unsupported_child" => l.unsupported_child,
        "difficult_child" => l.difficult_child,
        "entitled_group" => l.entitled_group,
        "able_to_work" => l.able_to_work,
        "has_able_supporter" => l.has_able_supporter,
        "in_hospital" => l.in_hospital,
        "self_care" => l.self_care,
        "carer_unavailable" => l.carer_unavailable,
        "tekun" => l.tekun_now,
        "stranded" => l.stranded,
        _ => "",
    }
}

/// The label of a household field named in an error or `missing` path (`support.dibao_monthly`).
pub fn household_field_label(path: &str, lang: Lang) -> &'static str {
    let l = labels(lang);
    match path {
        "as_of" => l.date,
        "jurisdiction" => l.place,
        "residence" => l.residence,
        "assets" => l.assets,
        "applying" => l.applying,
        "support.dibao" => l.on_dibao,
        "support.dibao_monthly" => l.dibao_monthly,
        "support.low_income" => l.low_income,
        "support.poverty_registered" => l.poverty_registered,
        "support.income_above_standard_since" => l.income_above_since,
        "members" => l.members_heading,
        _ => "",
    }
}

/// A parameter unit code (`yuan_per_person_month`) in words (doudi-core's, which the 摸排
/// page's worker shows too).
pub fn unit_label(unit: &str, lang: Lang) -> &'static str {
    doudi_core::params::unit_words(unit, lang)
}

/// A reason's mark as drawn: its class, its icon and the words a screen reader says for it
/// (never colour alone).
pub fn mark_shown(mark: crate::compute::Mark, lang: Lang) -> (&'static str, &'static str, &'static str) {
    use crate::compute::Mark::*;
    let l = labels(lang);
    match mark {
        Met => ("met", "✓", l.mark_met),
        Unmet => ("unmet", "✗", l.mark_unmet),
        Unknown => ("unknown", "?", l.mark_unknown),
        Note => ("note", "•", l.mark_note),
    }
}

/// What an approval is, in words ("家庭获批低保"), for the what-ifs that turn on it.
pub fn approval(p: ProgrammeId, lang: Lang) -> &'static str {
    let l = labels(lang);
    match p {
        ProgrammeId::Tekun => l.approval_tekun,
        ProgrammeId::DibaoSinglePerson => l.approval_single,
        _ => l.approval_dibao,
    }
}

/// A status word and its icon (never colour alone).
pub fn status_icon(status: doudi_core::Status) -> &'static str {
    use doudi_core::Status::*;
    match status {
        Eligible => "✔",
        NeedsInfo => "？",
        Discretionary => "⚖",
        Referral => "➜",
        Ineligible => "—",
    }
}

pub fn status_label(status: doudi_core::Status, lang: Lang) -> &'static str {
    use doudi_core::Status::*;
    let l = labels(lang);
    match status {
        Eligible => l.group_eligible,
        NeedsInfo => l.group_needs_info,
        Discretionary => l.group_discretionary,
        Referral => l.group_referral,
        Ineligible => l.group_ineligible,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The place chips, the share link's and the embed's places are every place of the
    /// policies, in their order, each named in both languages from its file: a place added as
    /// a policy file is listed with no Rust changed (`scripts/fixture-build.sh` builds with one
    /// and names it in `DOUDI_EXPECT_PLACE`).
    #[test]
    fn the_places_are_the_policies_places() {
        let policies = doudi_core::embedded_policies().expect("consistent");
        let want: Vec<&str> = policies.jurisdictions.iter().map(|j| j.id.as_str()).collect();
        assert_eq!(places(), want);
        assert_eq!(first_place().as_str(), want[0]);
        for id in places() {
            assert!(!place_label(id, Lang::Zh).is_empty() && !place_label(id, Lang::En).is_empty(), "{id}");
        }
        if let Ok(place) = std::env::var("DOUDI_EXPECT_PLACE") {
            assert!(places().contains(&place.as_str()), "{place} is not listed: {:?}", places());
        }
    }

    /// A roster typed in Chinese (the 摸排 page, `doudi batch`) uses the words this page shows.
    #[test]
    fn the_rosters_choice_words_are_the_pages_labels() {
        fn same<T: Copy>(field: &str, all: &[T], names: &[&str], label: fn(T, Lang) -> &'static str) {
            let words = doudi_roster::csv::choice_words(field).unwrap_or_else(|| panic!("{field} has no words"));
            let ours: Vec<(&str, &str)> = all.iter().zip(names).map(|(v, id)| (*id, label(*v, Lang::Zh))).collect();
            assert_eq!(words, ours.as_slice(), "{field}");
        }
        same("residence", Residence::ALL, Residence::NAMES, residence_label);
        same("relation", Relation::ALL, Relation::NAMES, relation_label);
        same("work", Work::ALL, Work::NAMES, work_label);
        same("unemployment_insurance", Insurance::ALL, Insurance::NAMES, insurance_label);
        same("hukou", Hukou::ALL, Hukou::NAMES, hukou_label);
        same("covid", Covid::ALL, Covid::NAMES, covid_label);
        same("disability_type", DisabilityType::ALL, DisabilityType::NAMES, disability_type_label);
        same("self_care", SelfCare::ALL, SelfCare::NAMES, self_care_label);
    }

    #[test]
    fn fill_puts_arguments_in_order() {
        assert_eq!(fill("可能符合 {} 项 · 每月约 {} 元", &["1", "1,530.00"]), "可能符合 1 项 · 每月约 1,530.00 元");
        assert_eq!(fill("no slots", &["x"]), "no slots");
        assert_eq!(fill("{} and {}", &["a"]), "a and ");
    }

    #[test]
    fn every_label_has_both_languages() {
        // The two tables are built from one list, so a missing language is a compile error;
        // here: no entry left empty by mistake.
        for lang in [Lang::Zh, Lang::En] {
            let l = labels(lang);
            for s in [l.title, l.monthly_income, l.group_eligible, l.share_note, l.print_sign_staff] {
                assert!(!s.is_empty());
            }
        }
    }

    /// `labels-en.js` is the English column as it stands (`DOUDI_WRITE=1` writes it), with
    /// one word for each label, and no label left empty.
    #[test]
    fn labels_en_js_is_current() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("labels-en.js");
        let want = labels_en_js();
        if std::env::var_os("DOUDI_WRITE").is_some() {
            std::fs::write(&path, &want).expect("labels-en.js is writable");
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(have == want, "web/labels-en.js is out of date: DOUDI_WRITE=1 cargo test -p doudi-web labels_en");
        assert_eq!(EN_WORDS.len(), COUNT);
        assert!(EN_WORDS.iter().all(|w| !w.is_empty()));
        assert_eq!(shown(Lang::En), Lang::En, "natively the English words are compiled in");
    }

    /// The boot page in index.html (shown before the wasm has arrived) says what the app says.
    #[test]
    fn the_boot_page_uses_these_words() {
        let html = include_str!("../index.html");
        let boot = html.split("id=\"doudi-boot\"").nth(1).expect("index.html has the boot page");
        let l = labels(Lang::Zh);
        for words in boot_words() {
            assert!(boot.contains(words), "index.html's boot page lacks {words}");
        }
        assert!(html.contains(&format!("<title>{}</title>", l.title)));
    }

    /// Components hold no words of their own: every label comes from this file.
    #[test]
    fn components_hold_no_chinese_text() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut checked = 0;
        let mut stack = vec![dir];
        while let Some(d) = stack.pop() {
            for entry in std::fs::read_dir(&d).expect("src is readable") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                if path.file_name().is_some_and(|n| n == "i18n.rs") || path.extension().is_none_or(|e| e != "rs") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).expect("readable");
                let cjk = text.lines().enumerate().find(|(_, line)| {
                    let code = line.split("//").next().unwrap_or("");
                    code.chars()
                        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3000}'..='\u{303f}').contains(&c))
                });
                // Tests may quote the engine's Chinese output; only non-test code is checked.
                let before_tests = text.split("#[cfg(test)]").next().unwrap_or("");
                if let Some((n, line)) = cjk {
                    if before_tests.lines().count() > n {
                        panic!("{}:{}: text outside i18n.rs: {line}", path.display(), n + 1);
                    }
                }
                checked += 1;
            }
        }
        assert!(checked > 5, "only {checked} files checked");
    }
}
