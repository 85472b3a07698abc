//! Every human-readable text of the CLI in Kazakh, Russian and English, in one
//! place: month and weekday names, headings, labels, the legend, messages.
//! (Holiday names, act titles and the explanations of skipped time come from
//! the library, which has them in the three languages too.)

use std::ffi::OsString;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, Weekday};
use merzim::{BalancePeriod, DayKind, Lang, Week};

/// The texts of one language.
pub struct Texts {
    pub lang: Lang,
    pub months: [&'static str; 12],
    /// Two-letter weekdays for the month grid, Monday first.
    pub wd2: [&'static str; 7],
    /// Short weekdays for lists, Monday first.
    pub wd3: [&'static str; 7],
    pub calendar_title: &'static str,
    pub five_day_week: &'static str,
    pub six_day_week: &'static str,
    pub data: &'static str,
    pub data_as_of: &'static str,
    pub as_known_on: &'static str,
    pub legend: &'static str,
    pub underlined_provisional: &'static str,
    pub working_days: &'static str,
    pub year: &'static str,
    pub days_off_and_transfers: &'static str,
    pub none: &'static str,
    pub estimated_date: &'static str,
    pub provisional: &'static str,
    pub inferred: &'static str,
    pub sources: &'static str,
    pub provisional_days: &'static str,
    // balance
    pub balance_title: &'static str,
    /// The group headings of the balance table (over four columns each).
    pub five_day_group: &'static str,
    pub six_day_group: &'static str,
    pub balance_rules: &'static str,
    pub period: &'static str,
    pub calendar_days: &'static str,
    pub without_holidays: &'static str,
    pub cal_short: &'static str,
    pub without_short: &'static str,
    pub days: &'static str,
    pub hours: &'static str,
    pub quarter: &'static str,
    pub half: &'static str,
    pub nine_months: &'static str,
    // due and timeline
    pub submitted: &'static str,
    pub term: &'static str,
    pub rules: &'static str,
    pub rules_fmt: &'static str,
    pub registered: &'static str,
    pub accepted: &'static str,
    pub day_one: &'static str,
    pub last_day: &'static str,
    pub due: &'static str,
    pub handoff: &'static str,
    pub handoff_note: &'static str,
    pub provisional_label: &'static str,
    pub not_counted: &'static str,
    pub nothing_skipped: &'static str,
    pub days_off_run: &'static str,
    /// A run of two or more weekly days off.
    pub weekend_run: &'static str,
    pub nights: &'static str,
    /// "stretch" after 1, 2–4, 5+ (Russian forms; English uses the first and last).
    pub stretch_forms: [&'static str; 3],
    /// "day" after 1, 2–4, 5+.
    pub day_forms: [&'static str; 3],
    pub lunch_breaks: &'static str,
    pub intake_not_counted: &'static str,
    pub chain_ends: &'static str,
    pub term_due: &'static str,
    pub no_overall_term: &'static str,
    pub earliest: &'static str,
    pub refusal_due: &'static str,
    pub if_incomplete: &'static str,
    pub no_refusal_term: &'static str,
    pub within_term: &'static str,
    pub before_term_due: &'static str,
    pub after_term_due: &'static str,
    pub warning: &'static str,
    pub steps_header: [&'static str; 5],
    pub channel_outcome: &'static str,
    // lint
    pub lint_no_term: &'static str,
    pub lint_tried: &'static str,
    pub lint_header: [&'static str; 9],
    pub lint_fits: &'static str,
    pub lint_does_not_fit: &'static str,
    pub lint_findings: &'static str,
    pub lint_from_after_to: &'static str,
    pub lint_from_after_last: &'static str,
    // messages on stderr
    pub error: &'static str,
    pub note: &'static str,
    pub more_info: &'static str,
    pub cannot_write_stdout: &'static str,
    pub cannot_read_stdin: &'static str,
    pub stdout_closed: &'static str,
    pub bad_date: &'static str,
    pub bad_whole: &'static str,
    pub json_and_format: &'static str,
    pub no_year: &'static str,
    pub balance_formats: &'static str,
    pub summary: &'static str,
    pub seconds: &'static str,
    pub lines_per_second: &'static str,
}

/// The language of help and messages, read from the arguments before clap
/// parses them (so that help and parse errors can speak it).
static UI_LANG: OnceLock<Lang> = OnceLock::new();

/// The language of help and messages: `--lang` among the arguments, else the
/// environment variable MERZIM_LANG, else English.
pub fn ui_lang() -> Lang {
    *UI_LANG.get_or_init(|| lang_of_args(std::env::args_os().skip(1)))
}

/// `--lang X` or `--lang=X` among `args` (before a `--`), else MERZIM_LANG,
/// else English; an unreadable value counts as absent (clap reports it).
pub fn lang_of_args(args: impl IntoIterator<Item = OsString>) -> Lang {
    let mut args = args.into_iter();
    while let Some(a) = args.next() {
        let a = a.to_string_lossy().into_owned();
        if a == "--" {
            break;
        }
        let value = match a.strip_prefix("--lang") {
            Some("") => args.next().map(|v| v.to_string_lossy().into_owned()),
            Some(v) => v.strip_prefix('=').map(str::to_string),
            None => None,
        };
        if let Some(l) = value.and_then(|v| v.parse::<Lang>().ok()) {
            return l;
        }
    }
    std::env::var("MERZIM_LANG")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(Lang::En)
}

pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Kk => &KK,
        Lang::Ru => &RU,
        _ => &EN,
    }
}

impl Texts {
    pub fn month(&self, m: u32) -> &'static str {
        self.months[(m - 1) as usize]
    }

    pub fn wd(&self, w: Weekday) -> &'static str {
        self.wd3[w.num_days_from_monday() as usize]
    }

    /// `2026-03-20 (Fri)` / `20.03.2026 (Пт)`.
    pub fn date(&self, d: NaiveDate) -> String {
        format!("{} ({})", self.day(d), self.wd(d.weekday()))
    }

    /// A date as people write it in this language: `2026-03-20` / `20.03.2026`.
    pub fn day(&self, d: NaiveDate) -> String {
        self.lang.format_date(d)
    }

    /// `n` and the noun of `forms` in the form that follows it ("21 промежуток").
    pub fn count(&self, n: usize, forms: [&str; 3]) -> String {
        format!(
            "{n} {}",
            self.lang.plural(n as u64, forms[0], forms[1], forms[2])
        )
    }

    /// Minutes as a signed span (`+3d 14h 45m`, `-2 ч`; `0m` / `0 мин` for zero);
    /// with `days` false the hours are not folded into days (office time).
    pub fn signed_minutes(&self, m: i64, days: bool) -> String {
        let span = self.lang.format_minutes(m.unsigned_abs(), days);
        match m.signum() {
            0 => span,
            -1 => format!("-{span}"),
            _ => format!("+{span}"),
        }
    }

    /// The library's word for a day kind in this language.
    pub fn kind(&self, k: DayKind) -> &'static str {
        k.label(self.lang)
    }

    /// The library's word for the kind of a day on weekday `w` ("рабочая суббота").
    pub fn kind_on(&self, k: DayKind, w: Weekday) -> &'static str {
        k.label_on(self.lang, w)
    }

    pub fn week(&self, w: Week) -> &'static str {
        match w {
            Week::SixDay => self.six_day_week,
            _ => self.five_day_week,
        }
    }

    pub fn yes_no(&self, b: bool) -> &'static str {
        self.lang.yes_no(b)
    }

    /// A balance row's label: `January`, `Q1`, `H1`, `9 months`, `Year`.
    pub fn period(&self, p: BalancePeriod, label: &str) -> String {
        const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];
        match p {
            BalancePeriod::Month(m) => self.month(m).to_string(),
            BalancePeriod::Quarter(q) if self.lang == Lang::En => format!("Q{q}"),
            BalancePeriod::Quarter(q) => format!("{} {}", ROMAN[(q - 1) as usize], self.quarter),
            BalancePeriod::Half(h) if self.lang == Lang::En => format!("H{h}"),
            BalancePeriod::Half(h) => format!("{} {}", ROMAN[(h - 1) as usize], self.half),
            BalancePeriod::NineMonths => self.nine_months.to_string(),
            BalancePeriod::Year => self.year.to_string(),
            _ => label.to_string(),
        }
    }

    /// `10 lines, 10 answers, 0 errors` of a batch's progress and summary;
    /// `what` is `answers` or `changed`.
    pub fn batch_counts(&self, read: u64, written: u64, what: &str, errors: u64) -> String {
        let changed = what == "changed";
        match self.lang {
            Lang::Kk => {
                let w = if changed {
                    "өзгергені"
                } else {
                    "жауап"
                };
                format!("жол: {read}, {w}: {written}, қате: {errors}")
            }
            Lang::Ru => {
                let w = if changed {
                    "изменилось"
                } else {
                    "ответов"
                };
                format!("строк: {read}, {w}: {written}, ошибок: {errors}")
            }
            _ => format!("{read} lines, {written} {what}, {errors} errors"),
        }
    }

    /// The column of key–value lines: the longest label and two spaces, at least 14.
    pub fn kv_width(&self) -> usize {
        [
            self.submitted,
            self.term,
            self.rules,
            self.registered,
            self.accepted,
            self.day_one,
            self.last_day,
            self.due,
            self.handoff,
            self.provisional_label,
            self.chain_ends,
            self.term_due,
            self.refusal_due,
            self.within_term,
        ]
        .iter()
        .map(|s| s.chars().count() + 2)
        .max()
        .unwrap_or(14)
        .max(14)
    }

    /// Replaces `{}` placeholders in order.
    pub fn fill(&self, template: &str, args: &[&dyn std::fmt::Display]) -> String {
        let mut out = String::new();
        let mut rest = template;
        for a in args {
            match rest.find("{}") {
                Some(p) => {
                    out.push_str(&rest[..p]);
                    out.push_str(&a.to_string());
                    rest = &rest[p + 2..];
                }
                None => break,
            }
        }
        out.push_str(rest);
        out
    }
}

pub static EN: Texts = Texts {
    lang: Lang::En,
    months: [
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
    ],
    wd2: ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"],
    wd3: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    calendar_title: "Kazakhstan working-day calendar {}, {}",
    five_day_week: "five-day week",
    six_day_week: "six-day week",
    data: "data",
    data_as_of: "checked against official sources as of",
    as_known_on: "as known on",
    legend: "Legend:",
    underlined_provisional: "underlined: provisional",
    working_days: "Working days:",
    year: "Year",
    days_off_and_transfers: "Days off and transfers:",
    none: "(none)",
    estimated_date: "estimated date",
    provisional: "provisional",
    inferred: "inferred",
    sources: "Sources:",
    provisional_days: "Provisional: {} of {} may still change (transfer acts not yet published, or an estimated date).",
    balance_title: "Balance of working time {}, {}",
    five_day_group: "five-day week",
    six_day_group: "six-day week",
    balance_rules: "Hours per working day (Labour Code arts. 68-69): five-day week 8 h at 40 h, 7 h 12 min at 36 h, 4 h 48 min at 24 h; six-day week 7 h (Saturday 5 h) at 40 h, 6 h at 36 h, 4 h at 24 h. Calendar days without holidays: less the public holidays (not the religious days off).",
    period: "Period",
    calendar_days: "calendar days",
    without_holidays: "calendar days without public holidays",
    cal_short: "Cal.",
    without_short: "w/o hol.",
    days: "days",
    hours: "h",
    quarter: "quarter",
    half: "half-year",
    nine_months: "9 months",
    submitted: "Submitted",
    term: "Term",
    rules: "Rules",
    rules_fmt: "submitted {}, counted {}, ending {}; office hours {}",
    registered: "Registered",
    accepted: "Accepted",
    day_one: "Day 1",
    last_day: "Last day",
    due: "Due",
    handoff: "Handoff",
    handoff_note: "(result delivered to the State Corporation)",
    provisional_label: "Provisional",
    not_counted: "Not counted from {} to {}:",
    nothing_skipped: "nothing: the whole span was office time",
    days_off_run: "{} days off",
    weekend_run: "weekend",
    nights: "outside office hours (evenings, nights, mornings): {}",
    stretch_forms: ["stretch", "stretches", "stretches"],
    day_forms: ["day", "days", "days"],
    lunch_breaks: "lunch breaks: {}",
    intake_not_counted: "The day the State Corporation accepted the documents ({}) is not counted: the term runs from the day the provider receives them (Law on public services, art. 20 p. 1).",
    chain_ends: "Chain ends",
    term_due: "Term due",
    no_overall_term: "— (the regulation states no overall term)",
    earliest: "(earliest)",
    refusal_due: "Refusal due",
    if_incomplete: "if the documents are incomplete",
    no_refusal_term: "— (the regulation states no refusal term)",
    within_term: "Within term",
    before_term_due: "yes ({} before the term due)",
    after_term_due: "no (the chain ends {} after the term due)",
    warning: "warning",
    steps_header: ["No", "Actor", "Duration", "Start", "End"],
    channel_outcome: "Submitted {}, {}, {}; result: {}",
    lint_no_term: "The regulation states no overall term: nothing to check.",
    lint_tried: "Overall term {}; submissions on every date {}–{} at 12 times of day (00:00–18:30)",
    lint_header: [
        "Channel",
        "Outcome",
        "Cases",
        "Over term",
        "Worst submission",
        "Chain ends",
        "Term due",
        "Overshoot",
        "Office time",
    ],
    lint_fits: "Fits: every chain ends by the term due (overshoot < 0 is the smallest slack).",
    lint_does_not_fit: "Does NOT fit: chains end after the term due ({}).",
    lint_findings: "a step chain does not fit its overall term (exit code 4)",
    lint_from_after_to: "--from {} is after --to {}; e.g. --from 2015 --to {}",
    lint_from_after_last: "--from {} is after {}, the last year the calendar covers (the default of --to)",
    error: "error",
    note: "note",
    more_info: "For more information, try '--help'.",
    cannot_write_stdout: "cannot write to stdout",
    cannot_read_stdin: "cannot read stdin",
    stdout_closed: "stdout is closed: the answers would be lost",
    bad_date: "expected a date YYYY-MM-DD, e.g. 2024-04-01, not {}",
    bad_whole: "expected a whole number from {} to {}, not {}",
    json_and_format: "--json is short for --format json: give one of them, e.g. --format csv",
    no_year: "no year {}; e.g. --year 2026",
    balance_formats: "the balance has no iCalendar or 1C form: use --format text, json or csv",
    summary: "summary",
    seconds: "s",
    lines_per_second: "lines/s",
};

pub static RU: Texts = Texts {
    lang: Lang::Ru,
    months: [
        "Январь",
        "Февраль",
        "Март",
        "Апрель",
        "Май",
        "Июнь",
        "Июль",
        "Август",
        "Сентябрь",
        "Октябрь",
        "Ноябрь",
        "Декабрь",
    ],
    wd2: ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"],
    wd3: ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"],
    calendar_title: "Производственный календарь Республики Казахстан на {} год, {}",
    five_day_week: "пятидневная рабочая неделя",
    six_day_week: "шестидневная рабочая неделя",
    data: "данные",
    data_as_of: "сверены с официальными источниками на",
    as_known_on: "по состоянию на",
    legend: "Обозначения:",
    underlined_provisional: "подчёркнуто: предварительно",
    working_days: "Рабочие дни:",
    year: "Год",
    days_off_and_transfers: "Выходные, праздники и переносы:",
    none: "(нет)",
    estimated_date: "предварительная дата",
    provisional: "предварительно",
    inferred: "выведено",
    sources: "Источники:",
    provisional_days: "Предварительно: {} {} года ещё могут измениться (акты о переносе не опубликованы или дата предварительная).",
    balance_title: "Баланс рабочего времени на {} год, {}",
    five_day_group: "пятидневная неделя",
    six_day_group: "шестидневная неделя",
    balance_rules: "Часы рабочего дня (Трудовой кодекс, ст. 68-69): пятидневка 8 ч при 40 ч, 7 ч 12 мин при 36 ч, 4 ч 48 мин при 24 ч; шестидневка 7 ч (суббота 5 ч) при 40 ч, 6 ч при 36 ч, 4 ч при 24 ч. Календарные дни без учёта праздничных: за вычетом праздников (не религиозных выходных).",
    period: "Период",
    calendar_days: "календарные дни",
    without_holidays: "календарные дни без учёта праздничных дней",
    cal_short: "Кал.",
    without_short: "Без празд.",
    days: "дни",
    hours: "ч",
    quarter: "квартал",
    half: "полугодие",
    nine_months: "9 месяцев",
    submitted: "Подано",
    term: "Срок",
    rules: "Правила",
    rules_fmt: "подано {}, срок исчисляется {}, истекает {}; часы приёма {}",
    registered: "Регистрация",
    accepted: "Принято ЦОН",
    day_one: "День 1",
    last_day: "Последний день",
    due: "Истекает",
    handoff: "Передача",
    handoff_note: "(результат передаётся в Госкорпорацию)",
    provisional_label: "Предварительно",
    not_counted: "Не засчитано с {} по {}:",
    nothing_skipped: "ничего: весь промежуток — рабочее время",
    days_off_run: "нерабочие дни: {}",
    weekend_run: "выходные дни",
    nights: "нерабочее время (вечера, ночи, утро): {}",
    stretch_forms: ["промежуток", "промежутка", "промежутков"],
    day_forms: ["день", "дня", "дней"],
    lunch_breaks: "обеденный перерыв: {}",
    intake_not_counted: "День приёма документов Госкорпорацией ({}) не засчитывается: срок исчисляется со дня их поступления услугодателю (Закон о государственных услугах, ст. 20 п. 1).",
    chain_ends: "Конец цепочки",
    term_due: "Срок истекает",
    no_overall_term: "— (регламент не устанавливает общий срок)",
    earliest: "(раньше всех)",
    refusal_due: "Срок отказа",
    if_incomplete: "при неполном пакете документов",
    no_refusal_term: "— (регламент не устанавливает срок отказа)",
    within_term: "В срок",
    before_term_due: "да (за {} до истечения срока)",
    after_term_due: "нет (цепочка заканчивается на {} позже срока)",
    warning: "предупреждение",
    steps_header: ["№", "Исполнитель", "Длительность", "Начало", "Конец"],
    channel_outcome: "Подано {}, {}, {}; результат: {}",
    lint_no_term: "Регламент не устанавливает общий срок: проверять нечего.",
    lint_tried: "Общий срок {}; подачи в каждый день {}–{} в 12 моментов дня (00:00–18:30)",
    lint_header: [
        "Канал",
        "Результат",
        "Случаев",
        "Сверх срока",
        "Худшая подача",
        "Конец цепочки",
        "Срок",
        "Превышение",
        "Рабочее время",
    ],
    lint_fits: "Укладывается: каждая цепочка заканчивается в срок (превышение < 0 — наименьший запас).",
    lint_does_not_fit: "НЕ укладывается: цепочки заканчиваются после срока ({}).",
    lint_findings: "цепочка этапов не укладывается в общий срок (код выхода 4)",
    lint_from_after_to: "--from {} позже --to {}; например, --from 2015 --to {}",
    lint_from_after_last: "--from {} позже {}, последнего года, охватываемого календарём (значение --to по умолчанию)",
    error: "ошибка",
    note: "примечание",
    more_info: "Подробнее: --help.",
    cannot_write_stdout: "не удалось записать в стандартный вывод",
    cannot_read_stdin: "не удалось прочитать стандартный ввод",
    stdout_closed: "стандартный вывод закрыт: ответы были бы потеряны",
    bad_date: "ожидается дата ГГГГ-ММ-ДД, например 2024-04-01, а не {}",
    bad_whole: "ожидается целое число от {} до {}, а не {}",
    json_and_format: "--json — краткая форма --format json: укажите что-то одно, например --format csv",
    no_year: "года {} не существует; например, --year 2026",
    balance_formats: "у баланса нет форм iCalendar и 1С: укажите --format text, json или csv",
    summary: "итог",
    seconds: "с",
    lines_per_second: "строк/с",
};

pub static KK: Texts = Texts {
    lang: Lang::Kk,
    months: [
        "Қаңтар",
        "Ақпан",
        "Наурыз",
        "Сәуір",
        "Мамыр",
        "Маусым",
        "Шілде",
        "Тамыз",
        "Қыркүйек",
        "Қазан",
        "Қараша",
        "Желтоқсан",
    ],
    wd2: ["Дс", "Сс", "Ср", "Бс", "Жм", "Сб", "Жс"],
    wd3: ["Дс", "Сс", "Ср", "Бс", "Жм", "Сб", "Жс"],
    calendar_title: "Қазақстан Республикасының {} жылға арналған өндірістік күнтізбесі, {}",
    five_day_week: "бес күндік жұмыс аптасы",
    six_day_week: "алты күндік жұмыс аптасы",
    data: "деректер",
    data_as_of: "ресми дереккөздермен салыстырылған күні",
    as_known_on: "мына күнгі жағдай бойынша",
    legend: "Белгілер:",
    underlined_provisional: "асты сызылған: алдын ала",
    working_days: "Жұмыс күндері:",
    year: "Жыл",
    days_off_and_transfers: "Демалыс, мереке күндері және ауыстырулар:",
    none: "(жоқ)",
    estimated_date: "болжамды күн",
    provisional: "алдын ала",
    inferred: "шығарылған",
    sources: "Дереккөздер:",
    provisional_days: "Алдын ала: {} ({} жыл) әлі өзгеруі мүмкін (ауыстыру актілері жарияланбаған немесе күн болжамды).",
    balance_title: "{} жылғы жұмыс уақытының балансы, {}",
    five_day_group: "бес күндік апта",
    six_day_group: "алты күндік апта",
    balance_rules: "Жұмыс күнінің ұзақтығы (Еңбек кодексі, 68-69-баптар): бес күндік апта 40 сағатта 8 сағ, 36 сағатта 7 сағ 12 мин, 24 сағатта 4 сағ 48 мин; алты күндік апта 40 сағатта 7 сағ (сенбі 5 сағ), 36 сағатта 6 сағ, 24 сағатта 4 сағ. Мерекесіз күнтізбелік күндер: мереке күндерін шегергенде (діни демалыстар шегерілмейді).",
    period: "Кезең",
    calendar_days: "күнтізбелік күндер",
    without_holidays: "мереке күндерінсіз күнтізбелік күндер",
    cal_short: "Күнт.",
    without_short: "Мерекесіз",
    days: "күн",
    hours: "сағ",
    quarter: "тоқсан",
    half: "жартыжылдық",
    nine_months: "9 ай",
    submitted: "Тапсырылды",
    term: "Мерзім",
    rules: "Ережелер",
    rules_fmt: "{} тапсырылды, мерзім {} есептеледі, {} бітеді; жұмыс уақыты {}",
    registered: "Тіркелді",
    accepted: "ХҚКО қабылдады",
    day_one: "1-күн",
    last_day: "Соңғы күн",
    due: "Мерзім бітеді",
    handoff: "Беру",
    handoff_note: "(нәтиже Мемлекеттік корпорацияға беріледі)",
    provisional_label: "Алдын ала",
    not_counted: "{} бастап {} дейін есептелмеді:",
    nothing_skipped: "ештеңе: бүкіл аралық жұмыс уақыты болды",
    days_off_run: "демалыс күндері: {}",
    weekend_run: "демалыс күндері",
    nights: "жұмыс уақытынан тыс (кеш, түн, таң): {}",
    stretch_forms: ["аралық", "аралық", "аралық"],
    day_forms: ["күн", "күн", "күн"],
    lunch_breaks: "түскі үзіліс: {}",
    intake_not_counted: "Мемлекеттік корпорацияның құжаттарды қабылдаған күні ({}) есептелмейді: мерзім құжаттар көрсетілетін қызметті берушіге түскен күннен бастап есептеледі (Мемлекеттік көрсетілетін қызметтер туралы заң, 20-бап 1-тармақ).",
    chain_ends: "Тізбек аяқталады",
    term_due: "Мерзім бітеді",
    no_overall_term: "— (регламентте жалпы мерзім жоқ)",
    earliest: "(ең ерте)",
    refusal_due: "Бас тарту мерзімі",
    if_incomplete: "құжаттар толық болмаса",
    no_refusal_term: "— (регламентте бас тарту мерзімі жоқ)",
    within_term: "Мерзімінде",
    before_term_due: "иә (мерзім біткенге дейін {})",
    after_term_due: "жоқ (тізбек мерзімнен {} кейін аяқталады)",
    warning: "ескерту",
    steps_header: ["№", "Орындаушы", "Ұзақтығы", "Басы", "Соңы"],
    channel_outcome: "Тапсырылды {}, {}, {}; нәтиже: {}",
    lint_no_term: "Регламентте жалпы мерзім жоқ: тексеретін ештеңе жоқ.",
    lint_tried: "Жалпы мерзім {}; {}–{} жылдардың әр күнінде тәуліктің 12 уақытында тапсыру (00:00–18:30)",
    lint_header: [
        "Арна",
        "Нәтиже",
        "Жағдай",
        "Мерзімнен тыс",
        "Ең нашар тапсыру",
        "Тізбек соңы",
        "Мерзім",
        "Асып кету",
        "Жұмыс уақыты",
    ],
    lint_fits: "Сәйкес келеді: әр тізбек мерзімінде аяқталады (асып кету < 0 — ең аз қор).",
    lint_does_not_fit: "Сәйкес КЕЛМЕЙДІ: тізбектер мерзімнен кейін аяқталады ({}).",
    lint_findings: "кезеңдер тізбегі жалпы мерзімге сыймайды (шығу коды 4)",
    lint_from_after_to: "--from {} мәні --to {} мәнінен кейін; мысалы, --from 2015 --to {}",
    lint_from_after_last: "--from {} мәні күнтізбе қамтитын соңғы {} жылдан кейін (--to әдепкі мәні)",
    error: "қате",
    note: "ескертпе",
    more_info: "Толығырақ: --help.",
    cannot_write_stdout: "стандартты шығысқа жазу мүмкін болмады",
    cannot_read_stdin: "стандартты кірісті оқу мүмкін болмады",
    stdout_closed: "стандартты шығыс жабық: жауаптар жоғалып кетер еді",
    bad_date: "ЖЖЖЖ-АА-КК күні күтіледі, мысалы, 2024-04-01, ал берілгені {}",
    bad_whole: "{} мен {} аралығындағы бүтін сан күтіледі, ал берілгені {}",
    json_and_format: "--json — --format json параметрінің қысқа түрі: біреуін ғана беріңіз, мысалы, --format csv",
    no_year: "{} жылы жоқ; мысалы, --year 2026",
    balance_formats: "баланстың iCalendar және 1С түрі жоқ: --format text, json немесе csv беріңіз",
    summary: "қорытынды",
    seconds: "с",
    lines_per_second: "жол/с",
};

/// `text` wrapped at `width` columns; continuation lines start with `indent`
/// spaces (the first line is not indented here).
pub fn wrap(text: &str, width: usize, indent: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut len = 0usize;
    let limit = |first: bool| if first { width } else { width - indent };
    for word in text.split_whitespace() {
        let w = word.chars().count();
        let max = limit(lines.is_empty());
        if len > 0 && len + 1 + w > max {
            lines.push(std::mem::take(&mut line));
            len = 0;
        }
        if len > 0 {
            line.push(' ');
            len += 1;
        }
        line.push_str(word);
        len += w;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    let pad = " ".repeat(indent);
    lines
        .into_iter()
        .enumerate()
        .map(|(i, l)| if i == 0 { l } else { format!("{pad}{l}") })
        .collect()
}
