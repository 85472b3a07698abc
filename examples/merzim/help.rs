//! `--help` and clap's own messages in Kazakh and Russian.
//!
//! clap writes help from the texts of the definitions (the doc comments, in
//! English) and its own words ("Usage", "Options", "Print help", "invalid
//! value"). The language is known before parsing (`--lang` among the
//! arguments, else MERZIM_LANG: [`ui_lang`](crate::texts::ui_lang)), so the
//! command is rewritten at run time: every about, argument help, heading and
//! after-help in that language, the defaults and values of the arguments
//! written by us instead of clap. The usage line's syntax (`[OPTIONS]`,
//! `<TIME>`), option names and values stay as they are typed.

use std::fmt::Write as _;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command};
use merzim::Lang;

use crate::options::{bundled_list, coverage_years};
use crate::texts::texts;

/// The exit codes, as printed after every command's help.
pub fn exit_codes(lang: Lang) -> &'static str {
    lang.pick(EXIT_CODES_KK, EXIT_CODES_RU, crate::EXIT_CODES)
}

const EXIT_CODES_RU: &str = "\
Коды выхода:
  0  успешно (batch и diff: также когда в отдельных строках есть ошибки)
  1  расчёт не выполнен: дата вне периода, охватываемого календарём, ошибка в
     файле данных календаря или в файле регламента
  2  неверные аргументы: неизвестный параметр, значение, которое не удалось
     прочитать, значение, отклонённое библиотекой (неизвестный регламент, канал
     или результат, не предусмотренный регламентом, срок 0 дней)
  3  ошибка ввода-вывода: файл не читается, сбой стандартного ввода или вывода
     (закрытый канал вывода не ошибка: команда тихо завершается)
  4  lint: цепочка этапов регламента не укладывается в общий срок при некоторых
     подачах (отчёт выводится как обычно; 0, если сообщать не о чем)";

const EXIT_CODES_KK: &str = "\
Шығу кодтары:
  0  сәтті орындалды (batch пен diff: кейбір жолдарда қате болса да)
  1  есептеу орындалмады: күн күнтізбе қамтитын кезеңнен тыс, күнтізбе
     деректерінің файлында немесе регламент файлында қате бар
  2  аргументтер қате: белгісіз параметр, оқылмаған мән, кітапхана қабылдамаған
     мән (белгісіз регламент, регламентте көзделмеген арна не нәтиже, 0 күндік
     мерзім)
  3  енгізу-шығару қатесі: файл оқылмады, стандартты кіріс не шығыс істен шықты
     (жабық шығыс арнасы қате емес: команда үнсіз тоқтайды)
  4  lint: регламент кезеңдерінің тізбегі кейбір тапсыруларда жалпы мерзімге
     сыймайды (есеп әдеттегідей шығарылады; айтатын ештеңе болмаса, 0)";

/// What a command is, in Kazakh and Russian (`""` for the root command).
fn about(cmd: &str) -> Option<(&'static str, &'static str)> {
    Some(match cmd {
        "merzim" => (
            "Қазақстанның мемлекеттік көрсетілетін қызметтерінің мерзімдері: өндірістік күнтізбе, заңдағы мерзімдер, регламент кезеңдері",
            "Сроки государственных услуг Казахстана: производственный календарь, сроки по закону, этапы регламентов",
        ),
        "calendar" => (
            "Жылдық күнтізбе: айлар, атаулары мен дереккөздері бар демалыс және мереке күндері, айлар бойынша жұмыс күндері; жұмыс уақытының балансы; CSV және iCalendar пішімдеріне шығару.",
            "Календарь на год: месяцы, выходные и праздничные дни с названиями и источниками, рабочие дни по месяцам; баланс рабочего времени; выгрузка в CSV и iCalendar.",
        ),
        "due" => (
            "Заң бойынша мерзім қашан бітеді: тіркелген күн, 1-күн, соңғы күн, мерзім бітетін сәт.",
            "Когда истекает срок по закону: день регистрации, день 1, последний день, момент истечения.",
        ),
        "timeline" => (
            "Бір тапсыру үшін регламент кезеңдерінің тізбегі, жалпы мерзімімен және бас тарту мерзімімен.",
            "Этапы регламента цепочкой для одной подачи, с общим сроком и сроком отказа.",
        ),
        "lint" => (
            "Регламент кезеңдерінің тізбегі бірнеше жылдағы кез келген тапсыруда жалпы мерзімге сыя ма? Сыймаса, шығу коды 4 (CI конвейерлері үшін), айтатын ештеңе болмаса, 0.",
            "Укладывается ли цепочка этапов регламента в общий срок при любой подаче за ряд лет? Код выхода 4, если нет (для конвейеров CI), и 0, если сообщать не о чем.",
        ),
        "batch" => (
            "Стандартты кірісте JSON Lines, шығыста JSON Lines: әр кіріс жолына бір нәтиже жолы, ретімен.",
            "JSON Lines на стандартном вводе, JSON Lines на выводе: по одной строке результата на строку ввода, в том же порядке.",
        ),
        "diff" => (
            "Екі күнтізбе арасында пакеттің қай жағдайлары өзгереді: деректердің екі файлы немесе екі күнгі жағдай бойынша күнтізбе (жағдайлар кірісте, өзгергендері шығарылады).",
            "Какие случаи пакета меняются между двумя календарями: два файла данных или календарь по состоянию на две даты (случаи на вводе, выводятся изменившиеся).",
        ),
        "completions" => (
            "Командалық қабықшаларға арналған автотолықтыру, командалық жол анықтамаларынан жасалады.",
            "Автодополнение для командных оболочек, создаётся из определений командной строки.",
        ),
        "man" => (
            "Нұсқаулық беті (roff), командалық жол анықтамаларынан жасалады.",
            "Страница руководства (roff), создаётся из определений командной строки.",
        ),
        "help" => (
            "Осы анықтаманы немесе команда анықтамасын көрсету",
            "Показать эту справку или справку по команде",
        ),
        _ => return None,
    })
}

/// The help of argument `id` of command `cmd`, in Kazakh and Russian.
fn arg_help(cmd: &str, id: &str) -> Option<(String, String)> {
    let years = coverage_years();
    let (kk, ru): (&str, &str) = match (cmd, id) {
        (_, "year") => {
            return Some((
                format!("Жыл (кірістірілген деректер бойынша {years})."),
                format!("Год ({years} по встроенным данным)."),
            ))
        }
        (_, "horizon") => {
            return Some((
                format!(
                    "coverage: деректерден ({years}) тыс күн — қате; provisional: заңда белгіленген \
                     ережелер олардан әрі жалғасады, мұндай нәтижелер алдын ала деп белгіленеді."
                ),
                format!(
                    "coverage: дата вне данных ({years}) — ошибка; provisional: установленные законом \
                     правила продлеваются за их пределы, такие результаты помечаются как предварительные."
                ),
            ))
        }
        (_, "balance") => (
            "Күнтізбенің орнына жұмыс уақытының балансы: күнтізбелік күндер, мерекесіз күндер, бес және алты күндік аптада аптасына 40/36/24 сағат болғанда жұмыс күндері мен сағаттары — айлар, тоқсандар, жартыжылдықтар, 9 ай және жыл бойынша.",
            "Баланс рабочего времени вместо календаря: календарные дни, дни без праздничных, рабочие дни и часы при 40-, 36- и 24-часовой неделе для пятидневной и шестидневной недели — по месяцам, кварталам, полугодиям, за 9 месяцев и за год.",
        ),
        (_, "format") => (
            "Шығару пішімі (--json — --format json қысқа түрі): text — күнтізбе торы мен тізімдер, json, csv — әр күнге бір жол, ics — iCalendar, 1c — 1С:Кәсіпорын өндірістік күнтізбесінің жіктеуіші.",
            "Формат вывода (--json — краткая форма --format json): text — сетка месяцев и списки, json, csv — строка на каждый день, ics — iCalendar, 1c — классификатор производственного календаря 1С:Предприятия.",
        ),
        (_, "calendar") => (
            "Кірістірілген деректердің үстіне қосылатын күнтізбе деректерінің файлы (ауыстыру туралы жаңа бұйрықтар, жергілікті демалыс күндері, жарияланған Құрбан айт күні; схемасы holidays/transfers/YYYY.toml).",
            "Файл данных календаря поверх встроенных данных (новые приказы о переносе, местные выходные дни, объявленная дата Курбан айта; схема holidays/transfers/YYYY.toml).",
        ),
        (_, "week") => (
            "Жұмыс аптасы: five (дүйсенбі–жұма) немесе six (дүйсенбі–сенбі).",
            "Рабочая неделя: five (понедельник–пятница) или six (понедельник–суббота).",
        ),
        (_, "as_known_on") => (
            "Күнтізбені DATE күні белгілі болған күйінде есептеу: сол күнге дейін қабылданған актілер, мерекелер туралы заңдар және жарияланған Құрбан айт күндері ғана (мысалы, 2024-04-01 — 2024 жылғы 8 мамырды 4 мамыр сенбіге ауыстырған бұйрыққа дейін).",
            "Считать по календарю в том виде, в каком он был известен на DATE: только принятые к тому дню акты, законы о праздниках и объявленные даты Курбан айта (например, 2024-04-01 — до приказа о переносе 8 мая 2024 года на субботу 4 мая).",
        ),
        (_, "lang") => (
            "Атаулардың, тақырыптардың, түсіндірмелер мен хабарлардың тілі (әдепкісі — MERZIM_LANG орта айнымалысы, әйтпесе en).",
            "Язык названий, заголовков, пояснений и сообщений (по умолчанию — переменная окружения MERZIM_LANG, иначе en).",
        ),
        (_, "json") => ("JSON шығару.", "Вывести JSON."),
        ("due", "submitted") => (
            "Құжаттар тапсырылған уақыт: жергілікті уақыт 2026-03-20T16:30 немесе 20.03.2026 16:30, 2026-03-20T16:30:00+05:00 сәті, now (қазір, мекеменің уақыт белдеуінде) немесе уақыт жауапты өзгерте алмайтын жерде тек күн (2026-03-20, 20.03.2026, today): state_corporation арнасы, демалыс күні.",
            "Когда поданы документы: местное время 2026-03-20T16:30 или 20.03.2026 16:30, момент 2026-03-20T16:30:00+05:00, now (сейчас, в часовом поясе учреждения) или только дата (2026-03-20, 20.03.2026, today), где время не может изменить ответ: канал state_corporation, нерабочий день.",
        ),
        (_, "submitted") => (
            "Құжаттар тапсырылған уақыт: жергілікті уақыт 2026-03-20T16:30 немесе 20.03.2026 16:30, 2026-03-20T16:30:00+05:00 сәті немесе now (қазір, мекеменің уақыт белдеуінде).",
            "Когда поданы документы: местное время 2026-03-20T16:30 или 20.03.2026 16:30, момент 2026-03-20T16:30:00+05:00 или now (сейчас, в часовом поясе учреждения).",
        ),
        (_, "excel") => (
            "--format csv-пен бірге: машиналық CSV (`,`, ISO күндері, кодтар) орнына орыс немесе қазақ локаліндегі электрондық кестеге арналған CSV (BOM бар UTF-8, `;`, кк.аа.жжжж, --lang тіліндегі сөздер мен баған атаулары, ондық үтір).",
            "Вместе с --format csv: CSV для электронной таблицы в русской или казахской локали (UTF-8 с BOM, `;`, дд.мм.гггг, слова и названия столбцов на языке --lang, десятичная запятая) вместо машинного CSV (`,`, даты ISO, коды).",
        ),
        (_, "term_start") => (
            "Жалпы мерзімнің 1-күні: тапсыру күні (submission_day, регламенттердегідей «құжаттар топтамасын тапсырған күннен бастап») немесе келесі күн (next_day, Азаматтық кодекстің 173-бабы).",
            "День 1 общего срока: день подачи (submission_day, как в регламентах: «со дня сдачи пакета документов») или следующий день (next_day, статья 173 Гражданского кодекса).",
        ),
        (_, "refusal_start") => (
            "Құжаттар толық болмаған кезде бас тартудың екі жұмыс күнінің 1-күні: тапсыру күні (submission_day) немесе келесі күн (next_day).",
            "День 1 двух рабочих дней отказа при неполноте документов: день подачи (submission_day) или следующий день (next_day).",
        ),
        (_, "term") => (
            "Мерзім: «22 жұмыс күні», «30 күнтізбелік күн», «15 минут», «2 сағат», «1 ай», «22 рабочих дня», «22 working days», …",
            "Срок: «22 рабочих дня», «30 календарных дней», «15 минут», «2 часа», «1 месяц», «22 жұмыс күні», «22 working days», …",
        ),
        (_, "channel") => (
            "Құжаттар көрсетілетін қызметті берушіге қалай түсті: provider — тікелей, portal — «электрондық үкімет» веб-порталы арқылы, state_corporation — Мемлекеттік корпорация арқылы.",
            "Как документы поступили услугодателю: provider — непосредственно, portal — через веб-портал «электронного правительства», state_corporation — через Государственную корпорацию.",
        ),
        (_, "start") => (
            "Күнмен есептелетін мерзімнің 1-күні: тіркелген күн (submission_day) немесе оның келесі күні (next_day).",
            "День 1 срока в днях: день регистрации (submission_day) или следующий за ним день (next_day).",
        ),
        (_, "end") => (
            "Соңғы күн қашан бітеді: жұмыс күні аяқталғанда (close_of_business) немесе сағат 24:00-де (midnight; келесі күннің 00:00 уақыты болып шығарылады).",
            "Когда истекает последний день: по окончании рабочего дня (close_of_business) или в 24:00 (midnight; выводится как 00:00 следующей даты).",
        ),
        (_, "tz") => (
            "Мекеменің уақыт белдеуі (IANA атауы).",
            "Часовой пояс учреждения (имя IANA).",
        ),
        (_, "schedule") => (
            "Жұмыс күндеріндегі қабылдау уақыты: «09:00-13:00,14:30-18:30» немесе апта күндері бойынша «mon-fri 09:00-18:00; sat 09:00-13:00».",
            "Часы приёма в рабочие дни: «09:00-13:00,14:30-18:30» или по дням недели «mon-fri 09:00-18:00; sat 09:00-13:00».",
        ),
        (_, "explain") => (
            "Есептелмеген күндер мен сағаттарды да тізіп шығу (қысқаша: қатар келген демалыс күндері мерекелердің атауларымен және актілерімен; түндер мен түскі үзілістер саналады).",
            "Также перечислить дни и часы, которые не засчитаны (сжато: подряд идущие выходные дни с названиями праздников и актами; ночи и обеденные перерывы подсчитаны).",
        ),
        ("lint", "regulation") => (
            "Кірістірілген регламенттің id-і, регламент файлының жолы немесе all (барлық кірістірілген регламенттер).",
            "Id встроенного регламента, путь к файлу регламента или all (все встроенные регламенты).",
        ),
        (_, "regulation") => (
            "Кірістірілген регламенттің id-і немесе регламент файлының жолы (.toml).",
            "Id встроенного регламента или путь к файлу регламента (.toml).",
        ),
        (_, "outcome") => (
            "Тізбек қандай нәтижеге апарады: approve — оң шешім, refuse — бас тарту.",
            "К какому результату ведёт цепочка: approve — положительное решение, refuse — отказ.",
        ),
        (_, "from") => (
            "Тексерілетін тапсырулардың бірінші жылы.",
            "Первый год проверяемых подач.",
        ),
        (_, "to") => (
            "Тексерілетін тапсырулардың соңғы жылы (әдепкісі — күнтізбе қамтитын соңғы жыл).",
            "Последний год проверяемых подач (по умолчанию — последний год, охватываемый календарём).",
        ),
        (_, "regulations") => (
            "Жолдар id бойынша атай алатын регламент файлдары (.toml, id — файл атауы), кірістірілгендерден бөлек. Жол тек id атай алады: merzim жолдың нұсқауымен ешқашан файл оқымайды.",
            "Файлы регламентов (.toml, id — имя файла), которые строки могут называть по id, помимо встроенных. Строка может назвать только id: по указанию строки merzim никогда не читает файл.",
        ),
        (_, "threads") => (
            "Жұмыс ағындары, 0–256 (0 — әр процессорға біреу). Шығару реті қалай болғанда да енгізу ретімен бірдей.",
            "Рабочие потоки, 0–256 (0 — по одному на процессор). Порядок вывода при любом их числе совпадает с порядком ввода.",
        ),
        (_, "summary") => (
            "Соңында қорытындыны стандартты қате ағынына шығару (жолдар, түрлері бойынша қателер, уақыт); ол терминал болса, бәрібір шығарылады.",
            "В конце вывести итог в стандартный поток ошибок (строки, ошибки по видам, время); если это терминал, итог выводится и так.",
        ),
        (_, "old") => (
            "Ескі жақтың күнтізбе деректерінің файлы, кірістірілген деректердің үстіне (әдепкісі — тек кірістірілген деректер).",
            "Файл данных календаря старой стороны поверх встроенных данных (по умолчанию — только встроенные данные).",
        ),
        (_, "new") => (
            "Жаңа жақтың күнтізбе деректерінің файлы, кірістірілген деректердің үстіне (әдепкісі — тек кірістірілген деректер).",
            "Файл данных календаря новой стороны поверх встроенных данных (по умолчанию — только встроенные данные).",
        ),
        (_, "old_as_known_on") => (
            "Ескі жақ DATE күнгі жағдай бойынша: сол күнге дейін белгілі актілер, мерекелер туралы заңдар және Құрбан айт күндері ғана (әдепкісі — қазіргі жағдай).",
            "Старая сторона по состоянию на DATE: только известные к тому дню акты, законы о праздниках и даты Курбан айта (по умолчанию — по состоянию на сегодня).",
        ),
        (_, "new_as_known_on") => (
            "Жаңа жақ DATE күнгі жағдай бойынша (әдепкісі — қазіргі жағдай).",
            "Новая сторона по состоянию на DATE (по умолчанию — по состоянию на сегодня).",
        ),
        (_, "shell") => ("Командалық қабықша.", "Командная оболочка."),
        (_, "help") => ("Анықтаманы көрсету", "Показать справку"),
        (_, "version") => ("Нұсқасын көрсету", "Показать версию"),
        _ => return None,
    };
    Some((kk.to_string(), ru.to_string()))
}

/// The text after a command's help: its examples (as in English) and notes,
/// then the exit codes.
fn after_help(cmd: &str, lang: Lang) -> Option<String> {
    let ex = lang.pick("Мысалдар:", "Примеры:", "Examples:");
    let exit = exit_codes(lang);
    let bundled = lang.pick(
        "Кірістірілген регламенттер:",
        "Встроенные регламенты:",
        "Bundled regulations:",
    );
    Some(match cmd {
        "merzim" => format!(
            "{ex}\n{}\n\n{}\n\n{exit}",
            crate::MAIN_EXAMPLES,
            lang.pick(
                "Уақыт — мекеменің жергілікті уақыты (--tz, әдепкісі Asia/Almaty) немесе ығысуы\n\
                 көрсетілген RFC 3339 сәті (2026-03-20T16:30:00+05:00).",
                "Время — местное время учреждения (--tz, по умолчанию Asia/Almaty) или момент\n\
                 RFC 3339 со смещением (2026-03-20T16:30:00+05:00).",
                "",
            )
        ),
        "calendar" => format!(
            "{ex}\n{}\n\n{}\n\n{exit}",
            crate::CALENDAR_EXAMPLES,
            lang.pick(
                "--json әр күнді кітапхананың күннің бірыңғай түрінде шығарады (merzim::Day).",
                "--json выводит каждый день в единой форме дня библиотеки (merzim::Day).",
                "",
            )
        ),
        "due" => format!("{ex}\n{}\n\n{exit}", crate::DUE_EXAMPLES),
        "timeline" => format!(
            "{ex}\n{}\n\n{bundled} {}\n\n{exit}",
            crate::TIMELINE_EXAMPLES,
            bundled_list()
        ),
        "lint" => format!(
            "{ex}\n{}\n\n{}\n\n{bundled} {}\n\n{exit}",
            crate::LINT_EXAMPLES,
            lang.pick(
                "Тізбек мерзімге сыймаса, шығу коды 4; барлық тізбек сыйса немесе бірде-бір регламентте мерзім\n\
                 көрсетілмесе, 0.",
                "Код выхода 4, если цепочка не укладывается в срок; 0, если все цепочки укладываются или\n\
                 ни один регламент не устанавливает срок.",
                "",
            ),
            bundled_list()
        ),
        "batch" => format!(
            "{}\n{}\n{}\n\n{exit}",
            lang.pick("Кіріс жолдары:", "Строки ввода:", ""),
            crate::BATCH_LINES,
            lang.pick(
                "Жол регламентті id бойынша атайды: кірістірілген немесе --regulations FILE арқылы тіркелген.\n\
                 Орындалмаған жол қате жолын береді де, өңдеу жалғаса береді. Жолдар\n\
                 docs/batch-request.schema.json және docs/batch-response.schema.json схемаларына сай.\n\
                 Стандартты қате ағыны терминал болса, барысы соған көрсетіледі.",
                "Строка называет регламент по id: встроенный или зарегистрированный через --regulations FILE.\n\
                 Строка, которую не удалось обработать, даёт строку с ошибкой, обработка продолжается. Строки\n\
                 соответствуют docs/batch-request.schema.json и docs/batch-response.schema.json.\n\
                 Ход работы выводится в стандартный поток ошибок, если это терминал.",
                "",
            )
        ),
        "diff" => format!(
            "{ex}\n{}\n\n{}\n\n{exit}",
            crate::DIFF_EXAMPLES,
            lang.pick(
                "Екіншісі 17.04.2024 бұйрығы (8 мамыр 4 мамыр сенбіге ауыстырылды) қай мерзімдерді\n\
                 өзгерткенін көрсетеді. Шығыс жолдары: {\"id\": ..., \"old\": {...}, \"new\": {...}}, тек\n\
                 өзгерген жағдайлар үшін. Файлдар holidays/transfers/YYYY.toml схемасында, кірістірілген\n\
                 деректердің үстіне қосылады; файлсыз жақ — кірістірілген деректер; күнсіз жақ — қазіргі\n\
                 жағдай. Жолдың өз \"as_known_on\" өрісі екі жаққа да қолданылады.",
                "Второй пример показывает, какие сроки изменил приказ от 17.04.2024 (8 мая перенесено на\n\
                 субботу 4 мая). Строки вывода: {\"id\": ..., \"old\": {...}, \"new\": {...}}, только для\n\
                 изменившихся случаев. Файлы в схеме holidays/transfers/YYYY.toml накладываются на встроенные\n\
                 данные; сторона без файла — встроенные данные; сторона без даты — по состоянию на сегодня.\n\
                 Собственное поле строки \"as_known_on\" действует для обеих сторон.",
                "",
            )
        ),
        "completions" => format!("{ex}\n{}", crate::COMPLETIONS_EXAMPLES),
        "man" => format!("{ex}\n  merzim man > merzim.1 && man ./merzim.1"),
        _ => return None,
    })
}

/// `cmd` (the whole command tree) with its help in `lang`; English is left as
/// the definitions write it.
pub fn localized(cmd: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return cmd;
    }
    let mut cmd = localize_one(cmd, "merzim", lang);
    cmd.build();
    let (help, version) = (arg_help("", "help"), arg_help("", "version"));
    let pick = |h: &Option<(String, String)>| {
        h.as_ref()
            .map(|(kk, ru)| lang.pick(kk.clone(), ru.clone(), String::new()))
            .unwrap_or_default()
    };
    let (help, version) = (pick(&help), pick(&version));
    let heading = options_heading(lang);
    let help_arg = |a: Arg| a.help(help.clone()).help_heading(heading);
    cmd = cmd
        .mut_arg("help", help_arg)
        .mut_arg("version", |a| a.help(version.clone()).help_heading(heading))
        .mut_subcommands(|sc| {
            let sc = if sc.get_name() == "help" {
                sc
            } else {
                sc.mut_arg("help", help_arg)
            };
            match about(sc.get_name()) {
                Some((kk, ru)) if sc.get_name() == "help" => sc.about(lang.pick(kk, ru, "")),
                _ => sc,
            }
        });
    cmd
}

fn options_heading(lang: Lang) -> &'static str {
    lang.pick("Параметрлер", "Параметры", "Options")
}

fn localize_one(cmd: Command, name: &str, lang: Lang) -> Command {
    let usage = lang.pick("Қолданылуы:", "Использование:", "Usage:");
    let template =
        format!("{{about-with-newline}}\n{usage} {{usage}}\n\n{{all-args}}{{after-help}}");
    let mut cmd = cmd.help_template(template);
    if let Some((kk, ru)) = about(name) {
        cmd = cmd.about(lang.pick(kk, ru, "")).long_about(None);
    }
    if let Some(a) = after_help(name, lang) {
        cmd = cmd.after_help(a).after_long_help(None);
    }
    let heading = options_heading(lang);
    let (default_word, values_word) = lang.pick(
        ("әдепкісі", "мәндері"),
        ("по умолчанию", "значения"),
        ("default", "possible values"),
    );
    cmd = cmd
        .subcommand_help_heading(lang.pick("Командалар", "Команды", "Commands"))
        .mut_args(|a| {
            let id = a.get_id().as_str().to_string();
            let mut help = match arg_help(name, &id) {
                Some((kk, ru)) => lang.pick(kk, ru, String::new()),
                None => a.get_help().map(|h| h.to_string()).unwrap_or_default(),
            };
            let a = a.long_help(None).help_heading(heading);
            if !a.get_action().takes_values() {
                return a.help(help);
            }
            let defaults: Vec<String> = a
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            if !defaults.is_empty() {
                let _ = write!(help, " [{default_word}: {}]", defaults.join(", "));
            }
            let values: Vec<String> = a
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            if !values.is_empty() {
                let _ = write!(help, " [{values_word}: {}]", values.join(", "));
            }
            a.help(help)
                .hide_default_value(true)
                .hide_possible_values(true)
        });
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for n in names {
        cmd = cmd.mut_subcommand(&n, |sc| localize_one(sc, &n, lang));
    }
    cmd
}

/// clap's error `e` as the message to print in `lang`: help and version as
/// they are, the usual argument errors with a lead line in the language.
pub fn clap_error(e: &clap::Error, lang: Lang) -> String {
    if lang == Lang::En
        || matches!(
            e.kind(),
            ErrorKind::DisplayHelp
                | ErrorKind::DisplayVersion
                | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        )
    {
        return e.render().to_string();
    }
    let t = texts(lang);
    let ctx = |k: ContextKind| -> Option<String> {
        match e.get(k)? {
            ContextValue::String(s) => Some(s.clone()),
            ContextValue::Strings(v) => Some(v.join(", ")),
            ContextValue::StyledStr(s) => Some(s.to_string()),
            ContextValue::StyledStrs(v) => Some(
                v.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            ContextValue::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    let arg = ctx(ContextKind::InvalidArg).unwrap_or_default();
    let value = ctx(ContextKind::InvalidValue).unwrap_or_default();
    let valid = ctx(ContextKind::ValidValue);
    let reason = std::error::Error::source(e)
        .map(|s| s.to_string())
        .unwrap_or_default();
    let (kk, ru): (String, String) = match e.kind() {
        ErrorKind::InvalidValue if value.is_empty() => (
            format!("{arg} параметрінің мәні берілмеген"),
            format!("не указано значение {arg}"),
        ),
        ErrorKind::InvalidValue => (
            format!("{arg} параметрінің '{value}' мәні жарамсыз"),
            format!("недопустимое значение '{value}' для {arg}"),
        ),
        ErrorKind::ValueValidation => (
            format!("{arg} параметрінің '{value}' мәні жарамсыз: {reason}"),
            format!("недопустимое значение '{value}' для {arg}: {reason}"),
        ),
        ErrorKind::UnknownArgument => (
            format!("'{arg}' деген белгісіз аргумент"),
            format!("неизвестный аргумент '{arg}'"),
        ),
        ErrorKind::InvalidSubcommand => {
            let sub = ctx(ContextKind::InvalidSubcommand).unwrap_or_default();
            (
                format!("'{sub}' деген белгісіз команда"),
                format!("неизвестная команда '{sub}'"),
            )
        }
        ErrorKind::MissingRequiredArgument => (
            format!("міндетті аргументтер берілмеген: {arg}"),
            format!("не указаны обязательные аргументы: {arg}"),
        ),
        ErrorKind::MissingSubcommand => ("команда берілмеген".into(), "не указана команда".into()),
        ErrorKind::ArgumentConflict => (
            format!(
                "{arg} аргументін {} аргументімен бірге беруге болмайды",
                ctx(ContextKind::PriorArg).unwrap_or_default()
            ),
            format!(
                "аргумент {arg} нельзя указывать вместе с {}",
                ctx(ContextKind::PriorArg).unwrap_or_default()
            ),
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => (
            format!("{arg} параметрінің мәндер саны дұрыс емес"),
            format!("неверное число значений {arg}"),
        ),
        // Anything rarer: clap's own words, after a lead line in the language.
        _ => {
            let lead = lang.pick("аргументтер қате", "неверные аргументы", "");
            return format!("{}: {lead}\n{}", t.error, e.render());
        }
    };
    let mut out = format!("{}: {}\n", t.error, lang.pick(kk, ru, String::new()));
    if let Some(v) = valid {
        let _ = writeln!(
            out,
            "  [{}: {v}]",
            lang.pick("рұқсат етілген мәндер", "допустимые значения", "")
        );
    }
    let _ = writeln!(out, "\n{}", t.more_info);
    out
}
