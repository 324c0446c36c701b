#include "ui/calendarpage.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>
#include <array>
#include <unordered_map>

#include "core/errors.h"
#include "core/localdays.h"
#include "core/mixadvisor.h"
#include "core/recurrence.h"
#include "core/timeutil.h"
#include "ui/agendamodel.h"
#include "ui/calendarexportdialog.h"
#include "ui/displaytext.h"
#include "ui/monthview.h"
#include "ui/postchip.h"
#include "ui/posteditcommand.h"
#include "ui/posteditor.h"
#include "ui/undocontext.h"
#include "ui/weekview.h"
#include "ui/widgetstyle.h"

namespace rapport::ui {

namespace {

QDate mondayOf(const QDate& day) {
    return day.addDays(1 - day.dayOfWeek());
}

template <class E>
std::optional<E> chosenEnum(const QComboBox* box) {
    const int i = box->currentIndex();
    return i <= 0 ? std::nullopt : std::optional<E>(static_cast<E>(i - 1));
}

std::optional<core::Id> chosenId(const QComboBox* box) {
    const QVariant v = box->currentData();
    return v.isValid() ? std::optional<core::Id>(v.toLongLong()) : std::nullopt;
}

// Rotates a weekly rule's weekdays (bit 0 Monday) by `days`, so moving Tuesday's occurrence to
// Thursday moves every weekday of the rule by the same two days.
unsigned shiftWeekdays(unsigned bits, int days) {
    const int s = ((days % 7) + 7) % 7;
    return ((bits << s) | (bits >> (7 - s))) & 0x7fu;
}

// Keeps an edited occurrence as a post of its own after a "this and all following" split: an
// exception of the new series `seriesId` when the series falls on its day (and no other post
// replaces that day), else a post on its own. `id` is the stored post to update; 0 adds one,
// which `made` records for undo.
void keepOccurrence(core::Store& s, core::Post post, core::Id seriesId, core::Date day,
                    const std::string& zone, core::Id id, PostEditCommand::Made& made) {
    const auto series = s.get<core::Series>(seriesId);
    if (post.scheduledAt) {
        day = core::localDate(*post.scheduledAt, zone);
    } else {
        post.scheduledAt = core::occurrenceInstant(series, day, zone);
    }
    bool taken = false;
    for (core::Id other : postsOfSeries(s, seriesId)) {
        const auto p = other == id ? std::nullopt : s.find<core::Post>(other);
        taken = taken || (p && p->occurrenceDate == day);
    }
    if (core::isOccurrence(series, day) && !taken) {
        post.seriesId = seriesId;
        post.occurrenceDate = day;
    } else {
        post.seriesId.reset();
        post.occurrenceDate.reset();
    }
    post.id = id;
    if (id != 0) {
        s.update(post);
    } else {
        made.posts.push_back(s.add(post));
    }
}

}  // namespace

CalendarPage::CalendarPage(core::Store& store, UndoContext& undo, const core::Clock& clock,
                           QWidget* parent)
    : Page(store, tr("Calendar"), parent), m_undo(undo), m_clock(clock), m_timeline(store) {
    setFocusPolicy(Qt::StrongFocus);
    buildToolbar();
    buildFilters();

    m_views = new QStackedWidget(this);
    m_month = new MonthView(m_views);
    m_week = new WeekView;
    m_weekScroll = new QScrollArea(m_views);
    m_weekScroll->setWidget(m_week);
    m_weekScroll->setWidgetResizable(true);
    m_weekScroll->setFrameShape(QFrame::NoFrame);
    // The week keeps its day names at the top of the view: scrolling repaints, not blits.
    connect(m_weekScroll->verticalScrollBar(), &QScrollBar::valueChanged, m_week,
            qOverload<>(&QWidget::update));
    m_agenda = new AgendaModel(this);
    m_agendaView = new QListView(m_views);
    m_agendaView->setObjectName(QStringLiteral("agenda"));
    m_agendaView->setModel(m_agenda);
    m_agendaView->setUniformItemSizes(true);
    m_agendaView->setAlternatingRowColors(true);
    m_views->addWidget(m_month);
    m_views->addWidget(m_weekScroll);
    m_views->addWidget(m_agendaView);

    m_mix = new QLabel(this);
    m_mix->setObjectName(QStringLiteral("mixPanel"));
    m_mix->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_mix->setWordWrap(true);
    m_mix->setFixedWidth(210);
    m_mix->setTextFormat(Qt::RichText);

    auto* body = new QHBoxLayout;
    body->addWidget(m_views, 1);
    body->addWidget(m_mix);
    contentLayout()->addLayout(body, 1);

    connect(m_month, &MonthView::dateClicked, this, &CalendarPage::setDate);
    connect(m_week, &WeekView::dateClicked, this, &CalendarPage::setDate);
    connect(m_month, &MonthView::itemActivated, this, &CalendarPage::openItem);
    connect(m_week, &WeekView::itemActivated, this, &CalendarPage::openItem);
    connect(m_month, &MonthView::moreClicked, this, [this](const QDate& day) {
        setDate(day);
        setView(View::Week);
    });
    connect(m_month, &MonthView::postDropped, this,
            [this](const QString& key, const QDate& day) { movePost(key, day); });
    connect(
        m_week, &WeekView::postDropped, this,
        [this](const QString& key, const QDate& day, int minutes) { movePost(key, day, minutes); });
    connect(
        m_month, &MonthView::contextMenuRequested, this,
        [this](const CalendarItem* item, const QPoint& global) { chipMenu(item)->popup(global); });
    connect(
        m_week, &WeekView::contextMenuRequested, this,
        [this](const CalendarItem* item, const QPoint& global) { chipMenu(item)->popup(global); });
    connect(m_agendaView, &QListView::activated, this,
            [this](const QModelIndex& index) { openItem(m_agenda->itemAt(index.row())); });

    m_date = toQDate(core::localDate(m_clock.now(), store.timeZone()));
    // Any change (an edit here, another page's, a restore) makes every loaded period stale.
    const bool onFile = store.path() != ":memory:";
    m_cacheSubscription = store.subscribe([this, onFile](const core::Change& change) {
        m_loaded.clear();
        m_choicesStale = true;
        ++m_prefetchGeneration;
        // After a restore or an import every post is read again; on a worker when the page is
        // not on screen, once for all the kinds of record reset together.
        if (onFile && change.kind == core::ChangeKind::Reset && !m_timelineReadQueued) {
            m_timelineReadQueued = true;
            QTimer::singleShot(0, this, &CalendarPage::readTimelineInBackground);
        }
    });
    if (onFile) {
        // Not at once: the window's first paint and the dashboard come first.
        m_timelineReadQueued = true;
        QTimer::singleShot(750, this, &CalendarPage::readTimelineInBackground);
    }
}

void CalendarPage::readTimelineInBackground() {
    m_timelineReadQueued = false;
    // A page on screen reads at once when it needs the posts; a worker would come too late.
    if (!m_timeline.needsFullRead() || isVisible()) {
        return;
    }
    const std::uint64_t ticket = m_timeline.expectSnapshot();
    using Snapshot = std::optional<core::PostSnapshot>;
    auto* watcher = new QFutureWatcher<Snapshot>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, ticket] {
        if (Snapshot snapshot = watcher->future().takeResult()) {
            m_timeline.adopt(ticket, std::move(*snapshot));
        }
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run([path = store().path()]() -> Snapshot {
        try {
            const auto connection = core::Store::openConnection(path);
            return core::PostTimeline::read(*connection);
        } catch (const std::exception&) {
            return std::nullopt;  // the page reads the posts itself when it needs them
        }
    }));
}

void CalendarPage::buildToolbar() {
    auto* bar = new QHBoxLayout;
    auto* today = new QPushButton(tr("Today"), this);
    auto* prev = new QToolButton(this);
    prev->setArrowType(Qt::LeftArrow);
    prev->setToolTip(tr("Previous (Page Up)"));
    auto* next = new QToolButton(this);
    next->setArrowType(Qt::RightArrow);
    next->setToolTip(tr("Next (Page Down)"));
    m_periodLabel = new QLabel(this);
    QFont f = m_periodLabel->font();
    f.setPointSizeF(f.pointSizeF() * 1.25);
    f.setBold(true);
    m_periodLabel->setFont(f);
    m_picker = new QDateEdit(this);
    m_picker->setCalendarPopup(true);
    m_picker->setDisplayFormat(QStringLiteral("d MMM yyyy"));
    auto* add = new QPushButton(tr("New post"), this);
    auto* exportButton = new QToolButton(this);
    exportButton->setObjectName(QStringLiteral("export"));
    exportButton->setText(tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto* exportMenu = new QMenu(exportButton);
    QAction* ics = exportMenu->addAction(tr("Export iCalendar…"), this, [this] {
        exportWithDialogs(CalendarExport::Format::ICalendar);
    });
    ics->setObjectName(QStringLiteral("exportIcs"));
    QAction* csv = exportMenu->addAction(tr("Export scheduler CSV…"), this, [this] {
        exportWithDialogs(CalendarExport::Format::SchedulerCsv);
    });
    csv->setObjectName(QStringLiteral("exportCsv"));
    exportButton->setMenu(exportMenu);
    m_exportStatus = new QLabel(this);
    m_exportStatus->setObjectName(QStringLiteral("exportStatus"));
    m_exportStatus->setForegroundRole(QPalette::PlaceholderText);

    bar->addWidget(today);
    bar->addWidget(prev);
    bar->addWidget(next);
    bar->addSpacing(8);
    bar->addWidget(m_periodLabel);
    bar->addStretch(1);
    bar->addWidget(m_picker);
    auto* group = new QButtonGroup(this);
    const QStringList names{tr("Month"), tr("Week"), tr("Agenda")};
    for (int i = 0; i < 3; ++i) {
        m_viewButtons[i] = new QToolButton(this);
        m_viewButtons[i]->setText(names[i]);
        m_viewButtons[i]->setCheckable(true);
        group->addButton(m_viewButtons[i], i);
        bar->addWidget(m_viewButtons[i]);
    }
    m_viewButtons[0]->setChecked(true);
    bar->addSpacing(8);
    bar->addWidget(exportButton);
    bar->addWidget(add);
    contentLayout()->addLayout(bar);

    connect(today, &QPushButton::clicked, this, &CalendarPage::goToToday);
    connect(prev, &QToolButton::clicked, this, &CalendarPage::previous);
    connect(next, &QToolButton::clicked, this, &CalendarPage::next);
    connect(m_picker, &QDateEdit::dateChanged, this, [this](const QDate& day) {
        if (!m_updatingFields) {
            setDate(day);
        }
    });
    connect(group, &QButtonGroup::idClicked, this,
            [this](int id) { setView(static_cast<View>(id)); });
    connect(add, &QPushButton::clicked, this, [this] { newPost(m_date); });
}

void CalendarPage::buildFilters() {
    auto* bar = new QHBoxLayout;
    m_channelFilter = new QComboBox(this);
    m_nicheFilter = new QComboBox(this);
    m_campaignFilter = new QComboBox(this);
    m_statusFilter = new QComboBox(this);
    m_purposeFilter = new QComboBox(this);
    m_search = new QLineEdit(this);
    m_channelFilter->setObjectName(QStringLiteral("channelFilter"));
    m_nicheFilter->setObjectName(QStringLiteral("nicheFilter"));
    m_campaignFilter->setObjectName(QStringLiteral("campaignFilter"));
    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    m_purposeFilter->setObjectName(QStringLiteral("purposeFilter"));
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(tr("Search titles and bodies"));
    m_search->setClearButtonEnabled(true);
    m_statusFilter->addItem(tr("Any status"));
    for (std::size_t i = 0; i < core::enumCount<core::PostStatus>(); ++i) {
        m_statusFilter->addItem(capitalized(words(static_cast<core::PostStatus>(i))));
    }
    m_purposeFilter->addItem(tr("Any purpose"));
    for (std::size_t i = 0; i < core::enumCount<core::Purpose>(); ++i) {
        m_purposeFilter->addItem(capitalized(words(static_cast<core::Purpose>(i))));
    }
    for (QComboBox* box :
         {m_channelFilter, m_nicheFilter, m_campaignFilter, m_statusFilter, m_purposeFilter}) {
        bar->addWidget(box);
        connect(box, &QComboBox::currentIndexChanged, this, &CalendarPage::readFilterFields);
    }
    bar->addWidget(m_search, 1);
    connect(m_search, &QLineEdit::textChanged, this, &CalendarPage::readFilterFields);
    contentLayout()->addLayout(bar);
}

void CalendarPage::fillFilterChoices() {
    // Keeps the user's choice across rebuilds: the records rarely change, the choice stays.
    const auto refill = [](QComboBox* box, const QString& any, const auto& records) {
        const QSignalBlocker block(box);
        const QVariant current = box->currentData();
        box->clear();
        box->addItem(any);
        for (const auto& r : records) {
            box->addItem(qs(r.name), QVariant::fromValue<qlonglong>(r.id));
        }
        box->setCurrentIndex(std::max(0, current.isValid() ? box->findData(current) : 0));
    };
    refill(m_channelFilter, tr("All channels"), store().list<core::Channel>());
    refill(m_nicheFilter, tr("All niches"), store().list<core::Niche>());
    refill(m_campaignFilter, tr("All campaigns"), store().list<core::Campaign>());
}

void CalendarPage::readFilterFields() {
    if (m_updatingFields) {
        return;
    }
    CalendarFilter f;
    f.channelId = chosenId(m_channelFilter);
    f.nicheId = chosenId(m_nicheFilter);
    f.campaignId = chosenId(m_campaignFilter);
    f.status = chosenEnum<core::PostStatus>(m_statusFilter);
    f.purpose = chosenEnum<core::Purpose>(m_purposeFilter);
    f.search = m_search->text().trimmed();
    m_filter = f;
    applyFilter();
}

void CalendarPage::setFilter(const CalendarFilter& filter) {
    // The fields show the filter, so the next change made in them starts from it.
    m_updatingFields = true;
    const auto pick = [](QComboBox* box, const std::optional<core::Id>& id) {
        box->setCurrentIndex(id ? std::max(0, box->findData(QVariant::fromValue<qlonglong>(*id)))
                                : 0);
    };
    pick(m_channelFilter, filter.channelId);
    pick(m_nicheFilter, filter.nicheId);
    pick(m_campaignFilter, filter.campaignId);
    m_statusFilter->setCurrentIndex(filter.status ? static_cast<int>(*filter.status) + 1 : 0);
    m_purposeFilter->setCurrentIndex(filter.purpose ? static_cast<int>(*filter.purpose) + 1 : 0);
    m_search->setText(filter.search);
    m_updatingFields = false;
    m_filter = filter;
    applyFilter();
}

void CalendarPage::setView(View view) {
    if (m_view == view && !isStale()) {
        return;
    }
    m_view = view;
    m_viewButtons[static_cast<int>(view)]->setChecked(true);
    m_views->setCurrentIndex(static_cast<int>(view));
    refresh();
}

void CalendarPage::setDate(const QDate& day) {
    if (!day.isValid()) {
        return;
    }
    const QDate old = m_date;
    m_date = day;
    if (day >= m_from && day <= m_to && !isStale() &&
        (m_view != View::Week || mondayOf(old) == mondayOf(day)) &&
        (m_view == View::Week || (old.month() == day.month() && old.year() == day.year()))) {
        // Same period: only the selection moves.
        m_month->setSelectedDate(day);
        m_week->setSelectedDate(day);
        const QSignalBlocker block(m_picker);
        m_picker->setDate(day);
        return;
    }
    refresh();
}

void CalendarPage::next() {
    setDate(m_view == View::Week ? m_date.addDays(7) : m_date.addMonths(1));
}

void CalendarPage::previous() {
    setDate(m_view == View::Week ? m_date.addDays(-7) : m_date.addMonths(-1));
}

void CalendarPage::goToToday() {
    setDate(toQDate(core::localDate(m_clock.now(), store().timeZone())));
}

void CalendarPage::forgetIfChangedElsewhere() {
    if (m_timeline.changedElsewhere()) {
        // Another program (the command line) wrote to the file: what was loaded may be old.
        m_loaded.clear();
        m_choicesStale = true;
    }
}

void CalendarPage::rebuild() {
    forgetIfChangedElsewhere();
    if (m_choicesStale) {
        fillFilterChoices();
        m_choicesStale = false;
    }
    std::tie(m_from, m_to) = rangeOf(m_view, m_date);
    const Loaded& loaded = load(m_view, m_from, m_to);
    // The period shown before lets go of its chips once this one is on screen: freeing
    // thousands of them is no part of the switch the user waits for. (The views keep pointing
    // at them until applyFilter below, so they must live until then anyway.)
    if (m_items.use_count() == 1) {
        QTimer::singleShot(0, this, [old = std::move(m_items)] {});
    }
    m_items = loaded.items;
    m_mix->setText(loaded.mix);
    prefetchNeighbours();
    setHeaderText(
        QStringList{countOf(static_cast<std::int64_t>(m_items->size()), tr("post"), tr("posts")),
                    tr("%1 flagged by the mix advisor").arg(loaded.flagged),
                    tr("times in %1").arg(qs(store().timeZone()))}
            .join(dot()));
    applyFilter();
}

std::pair<QDate, QDate> CalendarPage::rangeOf(View view, const QDate& day) {
    const QDate first(day.year(), day.month(), 1);
    switch (view) {
        case View::Month:
            return {mondayOf(first), mondayOf(first).addDays(41)};
        case View::Week:
            return {mondayOf(day), mondayOf(day).addDays(6)};
        case View::Agenda:
            break;
    }
    return {first, first.addMonths(1).addDays(-1)};
}

const CalendarPage::Loaded& CalendarPage::load(View view, const QDate& from, const QDate& to) {
    forgetIfChangedElsewhere();
    for (const auto& loaded : m_loaded) {
        if (loaded.from == from && loaded.to == to) {
            return loaded;
        }
    }
    // Loaded once for the period; the advisor works on the same posts, not a second read.
    core::Store& s = store();
    const std::string zone = s.timeZone();
    const core::Date f = fromQDate(from);
    const core::Date t = fromQDate(to);
    core::MixReport report = core::MixAdvisor(s).advise(f, t, m_timeline.effectivePosts(f, t));

    std::unordered_map<core::Id, std::pair<int, QString>> channels;
    int index = 0;
    for (const auto& c : s.list<core::Channel>()) {
        channels.emplace(c.id, std::pair{index++, qs(c.name)});
    }
    // Times converted and names looked up once here, so filtering and painting never do: in
    // one zone object (by name per post, the zone lookup would cost more than the post), and
    // each sentence of the advisor made a QString once however many posts share it.
    core::LocalDays days{zone};
    std::unordered_map<std::string, QString> sentences;
    const std::string* last = nullptr;
    const QString* lastText = nullptr;
    auto items = std::make_shared<std::vector<CalendarItem>>();
    items->reserve(report.posts.size());
    for (std::size_t i = 0; i < report.posts.size(); ++i) {
        auto& post = report.posts[i];
        if (!post.scheduledAt) {
            continue;
        }
        CalendarItem& item = items->emplace_back();
        const core::Instant at = *post.scheduledAt;
        item.day = toQDate(days.dateOf(at));
        item.minutes = static_cast<int>(days.timeOf(at).count());
        const auto c = channels.find(post.channelId);
        item.colour = channelColour(c == channels.end() ? 0 : c->second.first);
        if (c != channels.end()) {
            item.channel = c->second.second;
        }
        const auto& flags = report.flags[i];
        if (!flags.empty()) {
            item.flags.reserve(static_cast<qsizetype>(flags.size()));
            for (const auto& flag : flags) {
                // Neighbouring posts mostly share their sentences (one day's cap on a channel).
                if (last == nullptr || *last != flag.message) {
                    auto known = sentences.find(flag.message);
                    if (known == sentences.end()) {
                        known = sentences.emplace(flag.message, qs(flag.message)).first;
                    }
                    last = &known->first;
                    lastText = &known->second;
                }
                item.flags << *lastText;
            }
        }
        item.post = std::move(post);
    }

    // Quiet figures in the palette's own quiet colour, so they read on a light or dark page;
    // a niche over a fifth promotional in amber, which reads on both.
    const QString quiet = quietColour(this);
    QString mix = QStringLiteral("<b>%1</b>").arg(tr("Mix per niche"));
    for (const auto& niche : report.niches) {
        mix += QStringLiteral(
                   "<p style='margin-top:8px'>%1<br><span style='color:%5'>%2 value · "
                   "%3 promotional · %4% value</span></p>")
                   .arg(qs(niche.name).toHtmlEscaped())
                   .arg(niche.value)
                   .arg(niche.promotional)
                   .arg(qRound(niche.valueShare() * 100))
                   .arg(niche.promotionalShare() > 0.2 ? QStringLiteral("#b86a10") : quiet);
    }
    if (report.niches.empty()) {
        mix += QStringLiteral("<p>%1</p>").arg(tr("No scheduled or published posts here."));
    }

    // The shown period and its two neighbours in each view are plenty; drop the oldest.
    constexpr std::size_t kKept = 6;
    if (m_loaded.size() >= kKept) {
        QTimer::singleShot(0, this, [old = std::move(m_loaded.front().items)] {});
        m_loaded.erase(m_loaded.begin());
    }
    m_loaded.push_back({view, from, to, std::move(items), std::move(mix), report.flaggedPosts()});
    // What is left of the report (its sentences, the posts moved out) goes when the view is up.
    QTimer::singleShot(0, this, [done = std::make_shared<core::MixReport>(std::move(report))] {});
    return m_loaded.back();
}

void CalendarPage::prefetchNeighbours() {
    const int generation = ++m_prefetchGeneration;
    const View view = m_view;
    const QDate day = m_date;
    const bool week = view == View::Week;
    const std::array<QDate, 2> around{week ? day.addDays(7) : day.addMonths(1),
                                      week ? day.addDays(-7) : day.addMonths(-1)};
    for (std::size_t i = 0; i < around.size(); ++i) {
        // One period per turn of the event loop: input that arrives meanwhile goes first.
        QTimer::singleShot(static_cast<int>(20 * (i + 1)), this,
                           [this, generation, view, d = around[i]] {
                               if (generation != m_prefetchGeneration || !isVisible()) {
                                   return;
                               }
                               const auto [from, to] = rangeOf(view, d);
                               load(view, from, to);
                           });
    }
}

void CalendarPage::applyFilter() {
    m_visible.clear();
    for (const auto& item : *m_items) {
        if (m_filter.isEmpty() || m_filter.matches(item.post)) {
            m_visible.push_back(&item);
        }
    }
    showPeriod();
}

void CalendarPage::showPeriod() {
    const QDate today = toQDate(core::localDate(m_clock.now(), store().timeZone()));
    {
        const QSignalBlocker block(m_picker);
        m_picker->setDate(m_date);
    }
    m_views->setCurrentIndex(static_cast<int>(m_view));
    // The hidden views let go of chips from an earlier load, which may no longer exist.
    static const std::vector<const CalendarItem*> none;
    if (m_view != View::Month) {
        m_month->setMonth(m_date, none);
    }
    if (m_view != View::Week) {
        m_week->setWeek(mondayOf(m_date), none);
    }
    if (m_view != View::Agenda && m_agenda->totalCount() > 0) {
        m_agenda->setItems({});
    }
    switch (m_view) {
        case View::Month:
            m_periodLabel->setText(QLocale().toString(m_date, QStringLiteral("MMMM yyyy")));
            m_month->setToday(today);
            m_month->setSelectedDate(m_date);
            m_month->setMonth(m_date, m_visible);
            break;
        case View::Week:
            m_periodLabel->setText(
                tr("Week of %1").arg(QLocale().toString(m_from, QStringLiteral("d MMMM yyyy"))));
            m_week->setToday(today);
            m_week->setSelectedDate(m_date);
            m_week->setWeek(m_from, m_visible);
            if (!m_weekScrolled) {
                // Opens at the working day, not at midnight.
                m_weekScrolled = true;
                m_weekScroll->verticalScrollBar()->setValue(7 * WeekView::kHourHeight);
            }
            break;
        case View::Agenda:
            m_periodLabel->setText(QLocale().toString(m_date, QStringLiteral("MMMM yyyy")));
            m_agenda->setItems(m_visible);
            break;
    }
}

std::optional<CalendarPage::SeriesScope> CalendarPage::askScope(const QString& action) {
    if (m_scope != SeriesScope::Ask) {
        return m_scope;
    }
    QMessageBox box(QMessageBox::Question, action,
                    tr("This post repeats. Change only this one, or this and all following?"),
                    QMessageBox::Cancel, this);
    auto* one = box.addButton(tr("Only this post"), QMessageBox::AcceptRole);
    auto* all = box.addButton(tr("This and all following"), QMessageBox::AcceptRole);
    box.setDefaultButton(one);
    box.exec();
    if (box.clickedButton() == one) {
        return SeriesScope::ThisOnly;
    }
    if (box.clickedButton() == all) {
        return SeriesScope::AllFollowing;
    }
    return std::nullopt;
}

void CalendarPage::savePost(const core::Post& before, core::Post after, SeriesScope scope,
                            const QString& text, const std::optional<core::Series>& editedRule) {
    std::unique_ptr<PostEditCommand> command;
    const bool occurrence = before.seriesId && before.occurrenceDate;
    if (occurrence && scope == SeriesScope::AllFollowing) {
        const core::Id sid = *before.seriesId;
        const core::Date at = *before.occurrenceDate;
        const std::string zone = store().timeZone();
        command = std::make_unique<PostEditCommand>(
            m_undo, text, std::vector<core::Id>{}, std::vector<core::Id>{sid},
            [sid, at, before, after, zone, editedRule](core::Store& s) {
                const core::Series series = s.get<core::Series>(sid);
                core::Series rule = editedRule ? *editedRule : core::continuationOf(series, at);
                // The rest of the series takes the edit's content and time, not what belongs to
                // this one post: its results, a published or skipped status, its topic idea.
                const auto oldTemplate = core::seriesTemplate(s, sid);
                core::Post templ = after;
                templ.results = {};
                const bool planned = after.status == core::PostStatus::Idea ||
                                     after.status == core::PostStatus::Draft ||
                                     after.status == core::PostStatus::Scheduled;
                if (!(planned && after.status != before.status)) {
                    templ.status = oldTemplate &&
                                           oldTemplate->status != core::PostStatus::Published &&
                                           oldTemplate->status != core::PostStatus::Skipped
                                       ? oldTemplate->status
                                       : core::PostStatus::Scheduled;
                }
                if (after.topicIdeaId == before.topicIdeaId) {
                    templ.topicIdeaId = oldTemplate ? oldTemplate->topicIdeaId : std::nullopt;
                }
                core::Date day = editedRule ? editedRule->startDate : at;
                if (after.scheduledAt && !editedRule) {
                    day = core::localDate(*after.scheduledAt, zone);
                    const int shift = core::daysBetween(at, day);
                    rule.time = core::localTimeOfDay(*after.scheduledAt, zone);
                    if (rule.frequency == core::Frequency::Weekly) {
                        rule.weekdays = shiftWeekdays(rule.weekdays, shift);
                    } else if (rule.frequency == core::Frequency::Monthly) {
                        rule.monthDay = static_cast<int>(unsigned{day.day()});
                    }
                }
                templ.id = 0;
                templ.seriesId.reset();
                templ.occurrenceDate.reset();
                templ.scheduledAt.reset();
                const auto split = core::splitSeries(s, sid, at, templ, rule);
                // splitSeries starts the new part at `at`; a moved occurrence starts it on the
                // day it was moved to, or the rule (every N days, or a weekday moved back)
                // would not produce that day and the moved post would vanish.
                if (day != at) {
                    core::Series next = s.get<core::Series>(split.newSeriesId);
                    next.startDate = day;
                    s.update(next);
                    core::Post t = s.get<core::Post>(split.templateId);
                    const auto first = core::firstOccurrences(next, 1);
                    t.scheduledAt =
                        core::occurrenceInstant(next, first.empty() ? day : first.front(), zone);
                    s.update(t);
                }
                PostEditCommand::Made made;
                made.series = {split.newSeriesId};
                made.posts = {split.templateId};
                // An occurrence stored as its own post (published, with results, interactions
                // or a topic idea linked to it) stays that post, now as edited; so does one the
                // edit made published, skipped or given results, which the template does not.
                const bool own = before.id != 0 && s.find<core::Post>(before.id).has_value();
                if (own || after.status != templ.status || after.results != templ.results ||
                    after.topicIdeaId != templ.topicIdeaId) {
                    keepOccurrence(s, after, split.newSeriesId, day, zone, own ? before.id : 0,
                                   made);
                }
                return made;
            });
    } else if (occurrence) {
        std::vector<core::Id> kept;
        if (before.id != 0) {
            kept.push_back(before.id);
        }
        command = std::make_unique<PostEditCommand>(
            m_undo, text, kept, std::vector<core::Id>{}, [after](core::Store& s) {
                PostEditCommand::Made made;
                const core::Id id = core::saveOccurrence(s, after);
                if (after.id == 0) {
                    made.posts = {id};
                }
                return made;
            });
    } else if (before.id == 0) {
        command = std::make_unique<PostEditCommand>(m_undo, text, std::vector<core::Id>{},
                                                    std::vector<core::Id>{},
                                                    [after](core::Store& s) mutable {
                                                        after.id = 0;
                                                        PostEditCommand::Made made;
                                                        made.posts = {s.add(after)};
                                                        return made;
                                                    });
    } else {
        command =
            std::make_unique<PostEditCommand>(m_undo, text, std::vector<core::Id>{before.id},
                                              std::vector<core::Id>{}, [after](core::Store& s) {
                                                  s.update(after);
                                                  return PostEditCommand::Made{};
                                              });
    }
    m_undo.perform(std::move(command));
}

bool CalendarPage::movePost(const QString& key, const QDate& day, std::optional<int> minutes) {
    const auto it = std::find_if(m_items->begin(), m_items->end(),
                                 [&key](const CalendarItem& item) { return item.key() == key; });
    if (it == m_items->end() || !day.isValid()) {
        return false;
    }
    const int newMinutes = minutes.value_or(it->minutes);
    if (day == it->day && newMinutes == it->minutes) {
        return false;
    }
    const core::Post before = it->post;
    core::Post after = before;
    after.scheduledAt =
        core::toInstant(fromQDate(day), core::TimeOfDay{newMinutes}, store().timeZone());
    SeriesScope scope = SeriesScope::ThisOnly;
    if (before.seriesId && before.occurrenceDate) {
        const auto asked = askScope(tr("Move post"));
        if (!asked) {
            return false;
        }
        scope = *asked;
    }
    try {
        savePost(before, after, scope,
                 tr("Move “%1” to %2").arg(qs(before.title), formatDate(fromQDate(day))));
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Move post"), qs(e.what()));
        return false;
    }
    refresh();  // the store's notice would do it after the event loop; the view is now
    return true;
}

void CalendarPage::openItem(const CalendarItem* item) {
    if (!item) {
        return;
    }
    const core::Post before = item->post;
    PostEditor editor(store(), before, item->flags, this);
    editor.setNow(m_clock.now());
    // A store change while the modal editor is open reloads the items and frees `item`.
    item = nullptr;
    if (editor.exec() != QDialog::Accepted) {
        return;
    }
    try {
        if (editor.skipRequested()) {
            // Looked up again: the occurrence may have been stored (a new id) meanwhile.
            for (const auto& i : *m_items) {
                if (before.occurrenceDate && i.post.seriesId == before.seriesId &&
                    i.post.occurrenceDate == before.occurrenceDate) {
                    skipItem(&i);
                    break;
                }
            }
            return;
        }
        core::Post after = editor.post();
        const bool occurrence = before.seriesId && before.occurrenceDate;
        if (editor.duplicateRequested()) {
            after.id = 0;
            after.seriesId.reset();
            after.occurrenceDate.reset();
            savePost(core::Post{}, after, SeriesScope::ThisOnly,
                     tr("Duplicate “%1”").arg(qs(before.title)));
        } else if (occurrence && editor.ruleChanged() && editor.rule()) {
            // A new rule is about the series from here on, never about one date.
            savePost(before, after, SeriesScope::AllFollowing,
                     tr("Change the repeat of “%1”").arg(qs(after.title)), editor.rule());
        } else if (occurrence) {
            const auto asked = askScope(tr("Edit post"));
            if (!asked) {
                return;
            }
            savePost(before, after, *asked, tr("Edit “%1”").arg(qs(after.title)));
        } else if (const auto rule = editor.rule()) {
            makeRecurring(before, after, *rule);
        } else {
            savePost(before, after, SeriesScope::ThisOnly, tr("Edit “%1”").arg(qs(after.title)));
        }
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Save post"), qs(e.what()));
    }
}

void CalendarPage::makeRecurring(const core::Post& before, const core::Post& after,
                                 const core::Series& rule) {
    std::vector<core::Id> kept;
    if (before.id != 0) {
        kept.push_back(before.id);
    }
    const std::string zone = store().timeZone();
    const bool existing = before.id != 0;
    auto command = std::make_unique<PostEditCommand>(
        m_undo,
        existing ? tr("Repeat “%1”").arg(qs(after.title))
                 : tr("Add repeating post “%1”").arg(qs(after.title)),
        kept, std::vector<core::Id>{}, [after, rule, zone, existing](core::Store& s) {
            core::Series series = rule;
            series.id = 0;
            const core::Id sid = s.add(series);
            // The post becomes the series' template: what every occurrence starts from.
            core::Post templ = after;
            templ.seriesId = sid;
            templ.occurrenceDate.reset();
            const auto first = core::firstOccurrences(series, 1);
            templ.scheduledAt = core::occurrenceInstant(
                series, first.empty() ? series.startDate : first.front(), zone);
            PostEditCommand::Made made;
            made.series = {sid};
            if (existing) {
                s.update(templ);
            } else {
                templ.id = 0;
                made.posts = {s.add(templ)};
            }
            return made;
        });
    m_undo.perform(std::move(command));
    refresh();
}

bool CalendarPage::skipItem(const CalendarItem* item) {
    if (!item || !item->post.seriesId || !item->post.occurrenceDate) {
        return false;
    }
    const core::Post before = item->post;
    std::vector<core::Id> kept;
    if (before.id != 0) {
        kept.push_back(before.id);
    }
    const core::Id sid = *before.seriesId;
    const core::Date day = *before.occurrenceDate;
    try {
        m_undo.perform(std::make_unique<PostEditCommand>(
            m_undo, tr("Skip “%1” on %2").arg(qs(before.title), formatDate(day)), kept,
            std::vector<core::Id>{}, [sid, day, generated = before.id == 0](core::Store& s) {
                PostEditCommand::Made made;
                const core::Id id = core::skipOccurrence(s, sid, day);
                if (generated) {
                    made.posts = {id};
                }
                return made;
            }));
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Skip post"), qs(e.what()));
        return false;
    }
    refresh();
    return true;
}

QMenu* CalendarPage::chipMenu(const CalendarItem* item) {
    auto* menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    if (!item) {
        return menu;
    }
    const QString key = item->key();
    // Looked up again when chosen: a reload in between would leave `item` dangling.
    const auto find = [this, key]() -> const CalendarItem* {
        for (const auto& i : *m_items) {
            if (i.key() == key) {
                return &i;
            }
        }
        return nullptr;
    };
    menu->addAction(tr("Edit…"), this, [this, find] { openItem(find()); });
    QAction* skip =
        menu->addAction(tr("Skip this occurrence"), this, [this, find] { skipItem(find()); });
    skip->setObjectName(QStringLiteral("skipOccurrence"));
    skip->setEnabled(item->post.seriesId && item->post.occurrenceDate &&
                     item->post.status != core::PostStatus::Skipped);
    return menu;
}

void CalendarPage::exportWithDialogs(CalendarExport::Format format) {
    if (m_export) {
        return;
    }
    CalendarExportDialog ask(store(), format, m_from, m_to, this);
    if (ask.exec() != QDialog::Accepted) {
        return;
    }
    CalendarExport request;
    request.format = format;
    if (const auto range = ask.range()) {
        request.from = fromQDate(range->first);
        request.to = fromQDate(range->second);
    }
    const QString folder = QDir::homePath();
    if (format == CalendarExport::Format::ICalendar) {
        request.target = QFileDialog::getSaveFileName(
            this, tr("Export iCalendar"), QDir(folder).filePath(QStringLiteral("calendar.ics")),
            tr("iCalendar (*.ics)"));
    } else if (const auto channel = ask.channel()) {
        request.channels = {*channel};
        request.target = QFileDialog::getSaveFileName(
            this, tr("Export scheduler CSV"),
            QDir(folder).filePath(schedulerCsvFileName(store().get<core::Channel>(*channel).name,
                                                       *request.from, *request.to)),
            tr("CSV (*.csv)"));
    } else {
        request.target = QFileDialog::getExistingDirectory(
            this, tr("Folder for the scheduler CSV files"), folder);
    }
    if (request.target.isEmpty()) {
        return;
    }
    startExport(std::move(request));
}

void CalendarPage::startExport(CalendarExport request) {
    if (m_export) {
        return;
    }
    request.now = m_clock.now();
    const auto done = [this](CalendarExportTask::Outcome outcome, const QString& message,
                             const QStringList& files) {
        m_exportStatus->setText(outcome == CalendarExportTask::Outcome::Exported ? message
                                                                                 : QString());
        if (outcome == CalendarExportTask::Outcome::Failed) {
            QMessageBox::warning(this, tr("Export"), message);
        }
        emit exportFinished(outcome, message, files);
    };
    const std::string& path = store().path();
    if (path.empty() || path == ":memory:") {
        // Nothing another connection could open: a scratch workspace is small, export here.
        const auto result = CalendarExportTask::run(store(), request, {});
        done(result.outcome, result.message, result.files);
        return;
    }
    m_export = new CalendarExportTask(qs(path), std::move(request), this);
    auto* progress = new QProgressDialog(tr("Exporting…"), tr("Cancel"), 0, 0, this);
    progress->setObjectName(QStringLiteral("exportProgress"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(400);
    connect(progress, &QProgressDialog::canceled, m_export, &CalendarExportTask::cancel);
    connect(m_export, &CalendarExportTask::progressed, progress, [progress](qint64 d, qint64 t) {
        progress->setMaximum(static_cast<int>(t));
        progress->setValue(static_cast<int>(d));
    });
    connect(m_export, &CalendarExportTask::finished, this,
            [this, progress, done](CalendarExportTask::Outcome outcome, const QString& message) {
                // hide(), not close(): closing a progress dialog reports a cancel.
                progress->hide();
                progress->deleteLater();
                const QStringList files = m_export->result().files;
                m_export->deleteLater();
                m_export = nullptr;
                done(outcome, message, files);
            });
    m_export->start();
}

void CalendarPage::newPost(const QDate& day) {
    core::Post p;
    p.status = core::PostStatus::Draft;
    const auto channels = store().list<core::Channel>();
    if (channels.empty()) {
        QMessageBox::information(this, tr("New post"),
                                 tr("Add a channel first, on the Goals and niches page."));
        return;
    }
    p.channelId = m_filter.channelId.value_or(channels.front().id);
    p.scheduledAt = core::toInstant(fromQDate(day), core::TimeOfDay{9 * 60}, store().timeZone());
    PostEditor editor(store(), p, {}, this);
    editor.setNow(m_clock.now());
    if (editor.exec() != QDialog::Accepted) {
        return;
    }
    try {
        const core::Post after = editor.post();
        if (const auto rule = editor.rule()) {
            makeRecurring(core::Post{}, after, *rule);
        } else {
            savePost(core::Post{}, after, SeriesScope::ThisOnly,
                     tr("Add post “%1”").arg(qs(after.title)));
        }
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("New post"), qs(e.what()));
    }
}

void CalendarPage::keyPressEvent(QKeyEvent* event) {
    switch (event->key()) {
        case Qt::Key_Left:
            setDate(m_date.addDays(-1));
            break;
        case Qt::Key_Right:
            setDate(m_date.addDays(1));
            break;
        case Qt::Key_Up:
            setDate(m_date.addDays(-7));
            break;
        case Qt::Key_Down:
            setDate(m_date.addDays(7));
            break;
        case Qt::Key_PageUp:
            previous();
            break;
        case Qt::Key_PageDown:
            next();
            break;
        case Qt::Key_T:
            goToToday();
            break;
        case Qt::Key_Return:
        case Qt::Key_Enter: {
            const auto& day = m_month->itemsOn(m_date);
            if (m_view == View::Month && !day.empty()) {
                openItem(day.front());
            } else {
                newPost(m_date);
            }
            break;
        }
        default:
            Page::keyPressEvent(event);
            return;
    }
    event->accept();
}

}  // namespace rapport::ui
