// Every word of the page in Kazakh, Russian and English (formal style), and
// the local conventions of dates and numbers. Texts that come from the
// service (names of days, titles of regulations, acts) are not here: the API
// gives them in each language.

export const LANGS = ['kk', 'ru', 'en'];
export const LOCALES = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };
// The name of each language in itself (the switch).
export const SELF_NAMES = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

export const T = {
  kk: {
    w_not_yet: 'Регламенттің мәтіні {from} бастап күшіне енеді, бұл құжаттар тапсырылған күннен ({date}) кейін.',
    w_repealed: 'Регламенттің күші құжаттар тапсырылған күннен ({date}) бұрын, {repealed} жойылды.',
    w_lapse: 'Регламент {date} тапсырылған құжаттарға қолданылмауы мүмкін: ол негізделген заң өзгерді. Қызметтің қолданыстағы қағидаларын тексеріңіз.',
    w_storage: 'Нәтиженің сақталу мерзімі белгісіз: ол күнтізбе деректерінің соңынан ({last}) кейін аяқталады.',
    w_other: 'Қызметтің ескертуі',
    w_full: 'Қызметтің толық мәтіні (ағылшын тілінде)',
    bal_table: 'Жұмыс уақытының балансы кестесі',
    bal_9m: '9 ай',
    r_storage: 'Нәтиже сақталатын мерзім',
    r_steps_total: 'Рәсімдер саны',
    doc_title: 'Мерзімдер үстелі — мемлекеттік қызметтердің мерзімдері',
    title: 'Мерзімдер үстелі',
    subtitle: 'Қазақстан Республикасының мемлекеттік қызметтерінің мерзімдері, өндірістік күнтізбе және жұмыс уақытының балансы',
    lang_switch: 'Тіл',
    skip: 'Негізгі мазмұнға өту',
    nav_label: 'Бөлімдер',
    nav_due: 'Мерзім',
    nav_calendar: 'Күнтізбе',
    nav_balance: 'Баланс',
    due_h: 'Мерзім қашан аяқталады',
    due_intro: 'Регламентті таңдаңыз немесе мерзімді жазыңыз, содан кейін құжаттардың тапсырылған күні мен уақытын көрсетіңіз.',
    f_regulation: 'Регламент',
    f_regulation_none: '— регламентсіз, төменде жазылған мерзім бойынша —',
    f_term: 'Мерзім',
    f_term_hint: 'Мысалы: «15 жұмыс күні», «30 күнтізбелік күн», «15 рабочих дней».',
    f_channel: 'Жүгіну арнасы',
    ch_provider: 'Көрсетілетін қызметті беруші',
    ch_portal: 'Электрондық үкімет порталы',
    ch_state_corporation: 'Мемлекеттік корпорация',
    f_submitted: 'Құжаттар тапсырылған күні мен уақыты (Алматы уақыты)',
    f_now: 'Қазір',
    f_more: 'Қосымша параметрлер',
    f_start: 'Мерзімнің бірінші күні',
    start_default: 'Әдепкі бойынша',
    start_submission_day: 'Тапсырылған күн',
    start_next_day: 'Келесі күн',
    f_week: 'Жұмыс аптасы',
    week_five: 'Бес күндік',
    week_six: 'Алты күндік',
    f_schedule: 'Жұмыс кестесі',
    f_schedule_hint: 'Бос болса — мемлекеттік органның кестесі. Мысалы:',
    f_as_known_on: 'Күнтізбе осы күнгі белгілі күйінде',
    f_horizon: 'Күнтізбе шегінен тыс',
    horizon_coverage: 'Тек деректер бар кезең',
    horizon_provisional: 'Заң ережелері бойынша алдын ала есептеу',
    f_outcome: 'Регламент бойынша нәтиже',
    outcome_approve: 'Қызмет көрсету',
    outcome_refuse: 'Бас тарту',
    f_submit: 'Мерзімді есептеу',
    loading: 'Жүктелуде…',
    r_h: 'Жауап',
    r_due: 'Мерзім аяқталады',
    r_registered: 'Тіркелген күні',
    r_day_one: 'Мерзімнің бірінші күні',
    r_last_day: 'Мерзімнің соңғы күні',
    r_handoff: 'Мемлекеттік корпорацияға нәтижені беру мерзімі',
    r_refusal: 'Құжаттар толық болмаған жағдайда бас тарту мерзімі',
    r_provisional: 'Алдын ала нәтиже',
    r_yes: 'Иә',
    r_no: 'Жоқ',
    r_provisional_yes: 'Иә: күндердің бір бөлігі заң ережелері бойынша болжанған, ресми актілермен әлі бекітілмеген.',
    r_end: 'Рәсімдердің аяқталуы',
    r_term_due: 'Регламенттегі мерзім',
    r_within: 'Рәсімдер мерзім ішінде аяқталады',
    r_alternatives: 'Мерзімнің нұсқалары',
    r_warnings: 'Ескертулер',
    r_explain: 'Мерзімге не есептелмеді',
    r_days_off: 'Демалыс және мереке күндері',
    r_office: 'Жұмыс уақытынан тыс уақыт',
    r_office_note: 'Жұмыс уақытынан тыс және түскі үзіліс уақыты (жұмыс кестесі бойынша) есептелмейді.',
    r_after_hours: 'Жұмыс уақытынан тыс',
    r_lunch: 'Түскі үзіліс',
    r_source: 'Дереккөз',
    r_sources: 'Дереккөздер',
    r_act: 'Акт',
    r_none_off: 'Бұл мерзімге демалыс күндері түспеді.',
    r_timeline: 'Рәсімдер: кім не істейді',
    r_step: 'Рәсім',
    r_actor: 'Орындаушы',
    r_action: 'Әрекет',
    r_duration: 'Ұзақтығы',
    r_when: 'Басталуы — аяқталуы',
    r_share: 'Осы жауаптың сілтемесі',
    r_print: 'Басып шығару',
    r_estimated: 'болжамды күн',
    r_provisional_mark: 'алдын ала',
    r_regulation_act: 'Регламентті бекіткен акт',
    cal_h: 'Өндірістік күнтізбе',
    cal_year: 'Жыл',
    cal_week: 'Жұмыс аптасы',
    cal_known: 'Осы күнгі белгілі күйінде',
    cal_known_hint: 'Бос болса — бүгінгі деректер.',
    cal_compare: 'Мына күнгі күйімен салыстыру',
    cal_show: 'Көрсету',
    cal_legend: 'Белгілер',
    cal_working_days: 'жұмыс күні',
    cal_month_working: 'Жұмыс күндері',
    cal_detail_hint: 'Күн туралы толығырақ білу үшін белгіленген күнді таңдаңыз.',
    cal_changes: 'Өзгерістер',
    cal_changes_none: 'Бұл екі күн арасында күнтізбе өзгерген жоқ.',
    cal_changes_intro: 'Күнтізбенің екі күйі арасындағы айырма',
    cal_was: 'бұрын',
    cal_now: 'кейін',
    cal_known_today: 'бүгінгі деректер',
    cal_downloads: 'Жүктеп алу',
    dl_csv: 'CSV кестесі',
    dl_excel: 'Электрондық кестеге арналған CSV (;, ондық үтір)',
    dl_ics: 'iCalendar күнтізбесі',
    dl_1c: '1С жіктеуіші (XML)',
    kind_working: 'Жұмыс күні',
    kind_weekend: 'Демалыс күні',
    kind_holiday: 'Мереке күні',
    kind_religious_day_off: 'Діни мерекеге байланысты демалыс күні',
    kind_substitute_day_off: 'Ауыстырылған демалыс күні (мереке демалыс күніне сәйкес келді)',
    kind_transferred_day_off: 'Акт бойынша ауыстырылған демалыс күні',
    kind_transferred_working_day: 'Акт бойынша ауыстырылған жұмыс күні',
    kind_working_weekend: 'Акт бойынша жұмыс күні болған демалыс күні',
    kind_other: 'Басқа',
    bal_h: 'Жұмыс уақытының балансы',
    bal_intro: 'Бес және алты күндік жұмыс аптасы үшін жұмыс күндері мен сағаттарының нормасы.',
    bal_period: 'Кезең',
    bal_cal_days: 'Күнтізбелік күндер',
    bal_cal_wo: 'Мереке күндерінсіз күнтізбелік күндер',
    bal_five: 'Бес күндік апта',
    bal_six: 'Алты күндік апта',
    bal_days: 'Жұмыс күндері',
    bal_h40: '40 сағаттық аптада сағат',
    bal_h36: '36 сағаттық аптада сағат',
    bal_h24: '24 сағаттық аптада сағат',
    bal_q: 'тоқсан',
    bal_h_half: 'жарты жыл',
    bal_year: 'Жыл',
    bal_provisional: '{year} жыл алдын ала: ауыстыру актілері әлі жарияланбаған немесе күн болжамды, сандар өзгеруі мүмкін.',
    bal_published: 'Бүгінгі деректер министрліктің жарияланған кестесінен мына күндерде өзгеше:',
    bal_published_was: 'жарияланған кестеде',
    footer: 'Барлық деректерді merzim қызметі береді; бет ешнәрсені өзі есептемейді.',
    footer_api: 'API сипаттамасы',
    footer_data: 'Деректер нұсқасы',
    err_invalid_input: 'Мән дұрыс емес.',
    err_term: 'Мерзім танылмады. Мерзімді сан және бірлік ретінде жазыңыз, мысалы «15 жұмыс күні».',
    err_submitted: 'Күн немесе уақыт дұрыс емес.',
    err_out_of_coverage: 'Бұл күн немесе мерзім күнтізбе қамтитын кезеңнен тыс. «Күнтізбе шегінен тыс» параметрінде алдын ала есептеуді таңдауға болады.',
    err_schedule: 'Жұмыс кестесі танылмады. Мысалы:',
    err_as_known_on: 'Күн дұрыс емес.',
    err_channel: 'Бұл регламент бойынша мұндай арна қарастырылмаған.',
    err_required: 'Бұл өрісті толтырыңыз.',
    err_term_or_reg: 'Регламентті таңдаңыз немесе мерзімді жазыңыз.',
    err_not_found: 'Мұндай регламент табылмады.',
    err_network: 'Қызметпен байланыс жоқ. Кейінірек қайталаңыз.',
    err_bad_answer: 'Қызмет түсініксіз жауап берді.',
    err_generic: 'Қызмет сұрауды орындай алмады.',
    err_year: 'Жылды 2000–2100 аралығында көрсетіңіз.',
    err_details: 'Қызметтің хабарламасы (ағылшын тілінде)',
  },
  ru: {
    w_not_yet: 'Текст регламента вступает в силу с {from}, то есть после даты подачи документов ({date}).',
    w_repealed: 'Регламент утратил силу {repealed}, до даты подачи документов ({date}).',
    w_lapse: 'Регламент может не применяться к документам, поданным {date}: изменился закон, на котором он основан. Проверьте действующие правила оказания услуги.',
    w_storage: 'Срок хранения результата неизвестен: он истекает после окончания данных календаря ({last}).',
    w_other: 'Предупреждение сервиса',
    w_full: 'Полный текст сервиса (на английском языке)',
    bal_table: 'Таблица баланса рабочего времени',
    bal_9m: '9 месяцев',
    r_storage: 'Срок хранения результата',
    r_steps_total: 'Число процедур',
    doc_title: 'Стол сроков — сроки государственных услуг',
    title: 'Стол сроков',
    subtitle: 'Сроки государственных услуг Республики Казахстан, производственный календарь и баланс рабочего времени',
    lang_switch: 'Язык',
    skip: 'Перейти к основному содержанию',
    nav_label: 'Разделы',
    nav_due: 'Срок',
    nav_calendar: 'Календарь',
    nav_balance: 'Баланс',
    due_h: 'Когда истекает срок',
    due_intro: 'Выберите регламент или введите срок, затем укажите дату и время подачи документов.',
    f_regulation: 'Регламент',
    f_regulation_none: '— без регламента, по сроку, указанному ниже —',
    f_term: 'Срок',
    f_term_hint: 'Например: «15 рабочих дней», «30 календарных дней», «15 жұмыс күні».',
    f_channel: 'Канал обращения',
    ch_provider: 'Услугодатель',
    ch_portal: 'Портал электронного правительства',
    ch_state_corporation: 'Государственная корпорация',
    f_submitted: 'Дата и время подачи документов (время Алматы)',
    f_now: 'Сейчас',
    f_more: 'Дополнительные параметры',
    f_start: 'Первый день срока',
    start_default: 'По умолчанию',
    start_submission_day: 'День подачи',
    start_next_day: 'Следующий день',
    f_week: 'Рабочая неделя',
    week_five: 'Пятидневная',
    week_six: 'Шестидневная',
    f_schedule: 'График работы',
    f_schedule_hint: 'Если не заполнено — график государственного органа. Например:',
    f_as_known_on: 'Календарь в состоянии на дату',
    f_horizon: 'За пределами календаря',
    horizon_coverage: 'Только период, по которому есть данные',
    horizon_provisional: 'Предварительный расчёт по нормам закона',
    f_outcome: 'Результат по регламенту',
    outcome_approve: 'Оказание услуги',
    outcome_refuse: 'Отказ',
    f_submit: 'Рассчитать срок',
    loading: 'Загрузка…',
    r_h: 'Ответ',
    r_due: 'Срок истекает',
    r_registered: 'Дата регистрации',
    r_day_one: 'Первый день срока',
    r_last_day: 'Последний день срока',
    r_handoff: 'Срок передачи результата в Государственную корпорацию',
    r_refusal: 'Срок отказа при неполном пакете документов',
    r_provisional: 'Предварительный результат',
    r_yes: 'Да',
    r_no: 'Нет',
    r_provisional_yes: 'Да: часть дней рассчитана по нормам закона и ещё не подтверждена официальными актами.',
    r_end: 'Окончание процедур',
    r_term_due: 'Срок по регламенту',
    r_within: 'Процедуры завершаются в пределах срока',
    r_alternatives: 'Варианты срока',
    r_warnings: 'Предупреждения',
    r_explain: 'Что не засчитано в срок',
    r_days_off: 'Выходные и праздничные дни',
    r_office: 'Нерабочее время',
    r_office_note: 'Нерабочее время и обеденный перерыв (по графику работы) не засчитываются.',
    r_after_hours: 'Нерабочее время',
    r_lunch: 'Обеденный перерыв',
    r_source: 'Источник',
    r_sources: 'Источники',
    r_act: 'Акт',
    r_none_off: 'На этот срок выходные дни не пришлись.',
    r_timeline: 'Процедуры: кто что делает',
    r_step: 'Процедура',
    r_actor: 'Исполнитель',
    r_action: 'Действие',
    r_duration: 'Длительность',
    r_when: 'Начало — окончание',
    r_share: 'Ссылка на этот ответ',
    r_print: 'Распечатать',
    r_estimated: 'ожидаемая дата',
    r_provisional_mark: 'предварительно',
    r_regulation_act: 'Акт, утвердивший регламент',
    cal_h: 'Производственный календарь',
    cal_year: 'Год',
    cal_week: 'Рабочая неделя',
    cal_known: 'В состоянии на дату',
    cal_known_hint: 'Если не заполнено — текущие данные.',
    cal_compare: 'Сравнить с состоянием на дату',
    cal_show: 'Показать',
    cal_legend: 'Обозначения',
    cal_working_days: 'рабочих дней',
    cal_month_working: 'Рабочих дней',
    cal_detail_hint: 'Выберите отмеченный день, чтобы узнать о нём подробнее.',
    cal_changes: 'Изменения',
    cal_changes_none: 'Между этими датами календарь не менялся.',
    cal_changes_intro: 'Различия между двумя состояниями календаря',
    cal_was: 'было',
    cal_now: 'стало',
    cal_known_today: 'текущие данные',
    cal_downloads: 'Скачать',
    dl_csv: 'Таблица CSV',
    dl_excel: 'CSV для электронных таблиц (;, десятичная запятая)',
    dl_ics: 'Календарь iCalendar',
    dl_1c: 'Классификатор для 1С (XML)',
    kind_working: 'Рабочий день',
    kind_weekend: 'Выходной день',
    kind_holiday: 'Праздничный день',
    kind_religious_day_off: 'Выходной день по религиозному празднику',
    kind_substitute_day_off: 'Перенесённый выходной день (праздник пришёлся на выходной)',
    kind_transferred_day_off: 'Выходной день, перенесённый актом',
    kind_transferred_working_day: 'Рабочий день, перенесённый актом',
    kind_working_weekend: 'Выходной день, объявленный рабочим актом',
    kind_other: 'Прочее',
    bal_h: 'Баланс рабочего времени',
    bal_intro: 'Норма рабочих дней и часов при пятидневной и шестидневной рабочей неделе.',
    bal_period: 'Период',
    bal_cal_days: 'Календарных дней',
    bal_cal_wo: 'Календарных дней без праздничных',
    bal_five: 'Пятидневная неделя',
    bal_six: 'Шестидневная неделя',
    bal_days: 'Рабочих дней',
    bal_h40: 'Часов при 40-часовой неделе',
    bal_h36: 'Часов при 36-часовой неделе',
    bal_h24: 'Часов при 24-часовой неделе',
    bal_q: 'квартал',
    bal_h_half: 'полугодие',
    bal_year: 'Год',
    bal_provisional: '{year} год предварительный: акты о переносе ещё не опубликованы или дата предварительная, числа могут измениться.',
    bal_published: 'Сегодняшние данные отличаются от опубликованной таблицы министерства в эти дни:',
    bal_published_was: 'в опубликованной таблице',
    footer: 'Все данные предоставляет сервис merzim; страница ничего не рассчитывает сама.',
    footer_api: 'Описание API',
    footer_data: 'Версия данных',
    err_invalid_input: 'Неверное значение.',
    err_term: 'Срок не распознан. Укажите срок числом и единицей, например «15 рабочих дней».',
    err_submitted: 'Неверная дата или время.',
    err_out_of_coverage: 'Эта дата или срок выходит за пределы периода календаря. В параметре «За пределами календаря» можно выбрать предварительный расчёт.',
    err_schedule: 'График работы не распознан. Например:',
    err_as_known_on: 'Неверная дата.',
    err_channel: 'Этот канал не предусмотрен регламентом.',
    err_required: 'Заполните это поле.',
    err_term_or_reg: 'Выберите регламент или введите срок.',
    err_not_found: 'Такой регламент не найден.',
    err_network: 'Нет связи с сервисом. Повторите попытку позже.',
    err_bad_answer: 'Сервис дал непонятный ответ.',
    err_generic: 'Сервис не смог выполнить запрос.',
    err_year: 'Укажите год от 2000 до 2100.',
    err_details: 'Сообщение сервиса (на английском языке)',
  },
  en: {
    w_not_yet: 'The text of the regulation is in force from {from}, after the submission date ({date}).',
    w_repealed: 'The regulation was repealed on {repealed}, before the submission date ({date}).',
    w_lapse: 'The regulation may no longer apply to documents submitted on {date}: the law it rests on has changed. Check the service\'s current rules.',
    w_storage: 'The end of storage of the result is unknown: it falls after the end of the calendar\'s data ({last}).',
    w_other: 'Warning from the service',
    w_full: 'The service\'s full text',
    bal_table: 'Table of the balance of working time',
    bal_9m: '9 months',
    r_storage: 'Result kept until',
    r_steps_total: 'Number of steps',
    doc_title: 'Deadline desk — deadlines of public services',
    title: 'Deadline desk',
    subtitle: 'Deadlines of public services of the Republic of Kazakhstan, the working-day calendar and the balance of working time',
    lang_switch: 'Language',
    skip: 'Skip to the main content',
    nav_label: 'Sections',
    nav_due: 'Deadline',
    nav_calendar: 'Calendar',
    nav_balance: 'Balance',
    due_h: 'When is the answer due',
    due_intro: 'Choose a regulation or type a term, then give the date and time the documents were submitted.',
    f_regulation: 'Regulation',
    f_regulation_none: '— no regulation, the term typed below —',
    f_term: 'Term',
    f_term_hint: 'For example: "15 working days", "30 calendar days", "15 рабочих дней", "15 жұмыс күні".',
    f_channel: 'Channel',
    ch_provider: 'Service provider',
    ch_portal: 'E-government portal',
    ch_state_corporation: 'State Corporation',
    f_submitted: 'Date and time of submission (Almaty time)',
    f_now: 'Now',
    f_more: 'More options',
    f_start: 'Day one of the term',
    start_default: 'Default',
    start_submission_day: 'The day of submission',
    start_next_day: 'The next day',
    f_week: 'Working week',
    week_five: 'Five-day',
    week_six: 'Six-day',
    f_schedule: 'Office hours',
    f_schedule_hint: 'Empty: the state bodies\' schedule. For example:',
    f_as_known_on: 'Calendar as known on',
    f_horizon: 'Beyond the calendar',
    horizon_coverage: 'Only the period with data',
    horizon_provisional: 'Provisional, by the statutory rules',
    f_outcome: 'Outcome under the regulation',
    outcome_approve: 'Service provided',
    outcome_refuse: 'Refusal',
    f_submit: 'Compute the deadline',
    loading: 'Loading…',
    r_h: 'Answer',
    r_due: 'Due',
    r_registered: 'Registered on',
    r_day_one: 'Day one of the term',
    r_last_day: 'Last day of the term',
    r_handoff: 'Handoff of the result to the State Corporation',
    r_refusal: 'Refusal deadline for incomplete documents',
    r_provisional: 'Provisional result',
    r_yes: 'Yes',
    r_no: 'No',
    r_provisional_yes: 'Yes: some days follow the statutory rules and are not yet confirmed by official acts.',
    r_end: 'End of the procedures',
    r_term_due: 'Term under the regulation',
    r_within: 'The procedures end within the term',
    r_alternatives: 'Forms of the term',
    r_warnings: 'Warnings',
    r_explain: 'What did not count',
    r_days_off: 'Days off and holidays',
    r_office: 'Outside office hours',
    r_office_note: 'Time outside office hours and the lunch break (by the schedule) does not count.',
    r_after_hours: 'Outside office hours',
    r_lunch: 'Lunch break',
    r_source: 'Source',
    r_sources: 'Sources',
    r_act: 'Act',
    r_none_off: 'No days off fell within this term.',
    r_timeline: 'Procedures: who does what',
    r_step: 'Step',
    r_actor: 'Who',
    r_action: 'Action',
    r_duration: 'Duration',
    r_when: 'Start — end',
    r_share: 'Link to this answer',
    r_print: 'Print',
    r_estimated: 'estimated date',
    r_provisional_mark: 'provisional',
    r_regulation_act: 'Act approving the regulation',
    cal_h: 'Working-day calendar',
    cal_year: 'Year',
    cal_week: 'Working week',
    cal_known: 'As known on',
    cal_known_hint: 'Empty: the current data.',
    cal_compare: 'Compare with the calendar as known on',
    cal_show: 'Show',
    cal_legend: 'Legend',
    cal_working_days: 'working days',
    cal_month_working: 'Working days',
    cal_detail_hint: 'Choose a marked day to read about it.',
    cal_changes: 'Changes',
    cal_changes_none: 'The calendar did not change between these dates.',
    cal_changes_intro: 'Differences between the two states of the calendar',
    cal_was: 'was',
    cal_now: 'became',
    cal_known_today: 'current data',
    cal_downloads: 'Downloads',
    dl_csv: 'CSV table',
    dl_excel: 'CSV for spreadsheets in Russian or Kazakh (;, decimal comma)',
    dl_ics: 'iCalendar file',
    dl_1c: '1C classifier (XML)',
    kind_working: 'Working day',
    kind_weekend: 'Weekend',
    kind_holiday: 'Holiday',
    kind_religious_day_off: 'Day off for a religious holiday',
    kind_substitute_day_off: 'Substitute day off (a holiday fell on a weekend)',
    kind_transferred_day_off: 'Day off moved by an act',
    kind_transferred_working_day: 'Working day moved by an act',
    kind_working_weekend: 'Weekend day worked by an act',
    kind_other: 'Other',
    bal_h: 'Balance of working time',
    bal_intro: 'The norm of working days and hours for the five-day and six-day week.',
    bal_period: 'Period',
    bal_cal_days: 'Calendar days',
    bal_cal_wo: 'Calendar days without holidays',
    bal_five: 'Five-day week',
    bal_six: 'Six-day week',
    bal_days: 'Working days',
    bal_h40: 'Hours, 40-hour week',
    bal_h36: 'Hours, 36-hour week',
    bal_h24: 'Hours, 24-hour week',
    bal_q: 'quarter',
    bal_h_half: 'half-year',
    bal_year: 'Year',
    bal_provisional: '{year} is provisional: its transfer acts may not all be published yet, or a date is estimated; the figures may change.',
    bal_published: "Today's data differ from the Ministry's table as published on these days:",
    bal_published_was: 'published',
    footer: 'Every figure comes from the merzim service; the page computes nothing itself.',
    footer_api: 'API description',
    footer_data: 'Data version',
    err_invalid_input: 'The value is not valid.',
    err_term: 'The term was not understood. Give an amount and a unit, for example "15 working days".',
    err_submitted: 'The date or time is not valid.',
    err_out_of_coverage: 'This date or term is outside the period the calendar covers. Under "Beyond the calendar" a provisional computation can be chosen.',
    err_schedule: 'The office hours were not understood. For example:',
    err_as_known_on: 'The date is not valid.',
    err_channel: 'The regulation does not offer this channel.',
    err_required: 'Fill in this field.',
    err_term_or_reg: 'Choose a regulation or type a term.',
    err_not_found: 'No such regulation.',
    err_network: 'The service cannot be reached. Please try again later.',
    err_bad_answer: 'The service gave an answer that cannot be read.',
    err_generic: 'The service could not answer the request.',
    err_year: 'Give a year from 2000 to 2100.',
    err_details: 'The service\'s message',
  },
};

/** The text of `key` in `lang` (English, then the key, if missing). */
export function t(lang, key) {
  const v = (T[lang] || T.en)[key];
  return v === undefined ? (T.en[key] ?? key) : v;
}

/**
 * A text the API gives in three languages: the chosen one, else the first
 * language that has it; with the language it is in (for the `lang` attribute).
 */
export function pick(obj, lang) {
  if (obj == null) return null;
  if (typeof obj === 'string') return { text: obj, lang: null };
  for (const l of [lang, ...(lang === 'kk' ? ['ru'] : lang === 'ru' ? ['kk'] : []), 'ru', 'kk', 'en']) {
    if (typeof obj[l] === 'string' && obj[l].trim() !== '') return { text: obj[l], lang: l };
  }
  return null;
}

// Dates and times, in each language's conventions (DD.MM.YYYY in kk and ru).
function parts(iso) {
  // "2026-04-15T18:30:00+05:00" or "2026-04-15": the local time as the API wrote it.
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(String(iso));
  if (!m) return null;
  return { y: +m[1], mo: +m[2], d: +m[3], h: m[4] === undefined ? null : +m[4], mi: m[5] === undefined ? null : +m[5] };
}
const pad = (n) => String(n).padStart(2, '0');

/** A date of the API (`YYYY-MM-DD...`) as the language writes it. */
export function fmtDate(iso, lang) {
  const p = parts(iso);
  if (!p) return String(iso ?? '');
  if (lang === 'en') {
    return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
      .format(new Date(Date.UTC(p.y, p.mo - 1, p.d)));
  }
  return `${pad(p.d)}.${pad(p.mo)}.${p.y}`;
}

/** A date and time of the API, in the local time the API wrote (the office's). */
export function fmtDateTime(iso, lang) {
  const p = parts(iso);
  if (!p) return String(iso ?? '');
  if (p.h === null) return fmtDate(iso, lang);
  return `${fmtDate(iso, lang)}, ${pad(p.h)}:${pad(p.mi)}`;
}

// Kazakh names of months and weekdays: browsers' Intl data often lacks kk
// (Chromium's falls back to English), so the page carries them.
const KK_MONTHS = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек',
  'қазан', 'қараша', 'желтоқсан'];
const KK_WEEKDAYS = ['дүйсенбі', 'сейсенбі', 'сәрсенбі', 'бейсенбі', 'жұма', 'сенбі', 'жексенбі'];
const KK_WEEKDAYS_SHORT = ['дс', 'сс', 'ср', 'бс', 'жм', 'сб', 'жс'];

/**
 * The locale for numbers: Kazakh writes them as Russian does (a space between
 * thousands, a decimal comma); Chromium claims kk-KZ but formats it as en, so
 * kk takes ru-RU's conventions unless the browser really has kk's.
 */
function numberLocale(lang) {
  if (lang !== 'kk') return LOCALES[lang];
  try {
    if (new Intl.NumberFormat('kk-KZ').format(1.5).includes(',')) return 'kk-KZ';
  } catch (e) { /* old browser */ }
  return 'ru-RU';
}

/** The weekday of an API date, in the language. */
export function fmtWeekday(iso, lang) {
  const p = parts(iso);
  if (!p) return '';
  const date = new Date(Date.UTC(p.y, p.mo - 1, p.d));
  if (lang === 'kk') return KK_WEEKDAYS[(date.getUTCDay() + 6) % 7];
  return new Intl.DateTimeFormat(LOCALES[lang], { weekday: 'long', timeZone: 'UTC' }).format(date);
}

/** Month names (1..12), standalone, capitalised, in the language. */
export function monthName(month, lang) {
  const s = lang === 'kk' ? KK_MONTHS[month - 1]
    : new Intl.DateTimeFormat(LOCALES[lang], { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2001, month - 1, 1)));
  return s.charAt(0).toLocaleUpperCase(LOCALES[lang]) + s.slice(1);
}

/** Short weekday names, Monday first. */
export function weekdayShort(lang) {
  if (lang === 'kk') return KK_WEEKDAYS_SHORT.slice();
  const f = new Intl.DateTimeFormat(LOCALES[lang], { weekday: 'short', timeZone: 'UTC' });
  // 2001-01-01 was a Monday.
  return [0, 1, 2, 3, 4, 5, 6].map((i) => f.format(new Date(Date.UTC(2001, 0, 1 + i))));
}

/** A number in the language's conventions. */
export function fmtNumber(n, lang, digits) {
  if (typeof n !== 'number' || !Number.isFinite(n)) return String(n ?? '');
  const o = digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits };
  return new Intl.NumberFormat(numberLocale(lang), o).format(n);
}

// Units of the terms the API writes ("15 minutes", "1 working day"), in each
// language; ru by its plural rules (one / few / many).
const UNITS = {
  minute: { kk: 'минут', ru: ['минута', 'минуты', 'минут'], en: ['minute', 'minutes'] },
  hour: { kk: 'сағат', ru: ['час', 'часа', 'часов'], en: ['hour', 'hours'] },
  'working day': { kk: 'жұмыс күні', ru: ['рабочий день', 'рабочих дня', 'рабочих дней'], en: ['working day', 'working days'] },
  'calendar day': { kk: 'күнтізбелік күн', ru: ['календарный день', 'календарных дня', 'календарных дней'], en: ['calendar day', 'calendar days'] },
  day: { kk: 'күн', ru: ['день', 'дня', 'дней'], en: ['day', 'days'] },
  week: { kk: 'апта', ru: ['неделя', 'недели', 'недель'], en: ['week', 'weeks'] },
  month: { kk: 'ай', ru: ['месяц', 'месяца', 'месяцев'], en: ['month', 'months'] },
  year: { kk: 'жыл', ru: ['год', 'года', 'лет'], en: ['year', 'years'] },
};

/**
 * A term as the API writes it ("22 working days") in the language; null when
 * it is not of the form "N unit" (the caller then shows it as given).
 */
export function fmtTerm(s, lang) {
  const m = /^\s*(\d+)\s+(minute|hour|working day|calendar day|day|week|month|year)s?\s*$/i.exec(String(s ?? ''));
  if (!m) return null;
  const n = Number(m[1]);
  const u = UNITS[m[2].toLowerCase()];
  let word;
  if (lang === 'kk') word = u.kk;
  else if (lang === 'ru') {
    const r = new Intl.PluralRules('ru-RU').select(n);
    word = u.ru[r === 'one' ? 0 : r === 'few' ? 1 : 2];
  } else word = u.en[n === 1 ? 0 : 1];
  return `${fmtNumber(n, lang)} ${word}`;
}
