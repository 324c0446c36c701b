#include "ui/dashboardpage.h"

#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>

#include <algorithm>
#include <unordered_map>

#include "core/timeutil.h"
#include "ui/dashboardtask.h"
#include "ui/displaytext.h"
#include "ui/funnelchart.h"
#include "ui/goalcard.h"
#include "ui/plantext.h"
#include "ui/postchip.h"
#include "ui/relationshipcharts.h"
#include "ui/widgetstyle.h"

namespace rapport::ui {

namespace {

constexpr int kChipsPerDay = 4;
constexpr int kChipTitleChars = 40;
constexpr int kChartHeight = 280;
constexpr int kBarHeight = 8;

bool isDark(const QPalette& palette) {
    return palette.color(QPalette::Window).lightness() < 128;
}

// `from` moved `amount` of the way towards `to`.
QColor mixed(const QColor& from, const QColor& to, double amount) {
    const auto mix = [amount](int a, int b) {
        return static_cast<int>(a + (b - a) * amount + 0.5);
    };
    return QColor(mix(from.red(), to.red()), mix(from.green(), to.green()),
                  mix(from.blue(), to.blue()));
}

QColor valueColour(const QPalette& palette) {
    return isDark(palette) ? QColor(0x6f, 0xc3, 0xa8) : QColor(0x2f, 0x9e, 0x7a);
}

QColor promoColour(const QPalette& palette) {
    return isDark(palette) ? QColor(0xf0, 0xb4, 0x5a) : QColor(0xd0, 0x8a, 0x1b);
}

QColor cautionText(const QPalette& palette) {
    return isDark(palette) ? QColor(0xf0, 0xb4, 0x5a) : QColor(0x9a, 0x5b, 0x00);
}

QColor goodText(const QPalette& palette) {
    return isDark(palette) ? QColor(0x81, 0xc7, 0x84) : QColor(0x2e, 0x7d, 0x32);
}

// Empties a layout of its widgets and inner layouts.
void clearLayout(QLayout* layout) {
    while (QLayoutItem* item = layout->takeAt(0)) {
        if (QWidget* widget = item->widget()) {
            delete widget;
        } else if (QLayout* inner = item->layout()) {
            clearLayout(inner);
        }
        delete item;
    }
}

QLabel* quietLabel(const QString& text, QWidget* parent = nullptr) {
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    makeQuiet(label);
    return label;
}

// A slim bar split in two: the value share and the promotional share of a niche's posts.
class SplitBar : public QWidget {
public:
    SplitBar(int value, int promotional, QWidget* parent)
        : QWidget(parent), m_value(value), m_promotional(promotional) {
        setFixedHeight(kBarHeight + 2);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        const QRectF track(0, 1, width(), kBarHeight);
        QColor trackColour = palette().color(QPalette::Text);
        trackColour.setAlphaF(0.12f);
        painter.setBrush(trackColour);
        painter.drawRoundedRect(track, kBarHeight / 2.0, kBarHeight / 2.0);
        const int total = m_value + m_promotional;
        if (total == 0) {
            return;
        }
        // The promotional part first, under the whole; the value part over it from the left.
        painter.setBrush(promoColour(palette()));
        painter.drawRoundedRect(track, kBarHeight / 2.0, kBarHeight / 2.0);
        if (m_value > 0) {
            QRectF value = track;
            value.setWidth(std::max(static_cast<double>(kBarHeight),
                                    track.width() * m_value / static_cast<double>(total)));
            painter.setBrush(valueColour(palette()));
            painter.drawRoundedRect(value, kBarHeight / 2.0, kBarHeight / 2.0);
        }
    }

private:
    int m_value;
    int m_promotional;
};

QString percent(double share) {
    return QStringLiteral("%1%").arg(static_cast<int>(share * 100 + 0.5));
}

QString ruleName(std::size_t kind) {
    switch (static_cast<core::FlagKind>(kind)) {
        case core::FlagKind::EarnFirst:
            return DashboardPage::tr("Earn first");
        case core::FlagKind::Ratio:
            return DashboardPage::tr("Mix ratio");
        case core::FlagKind::DailyCap:
            return DashboardPage::tr("Daily cap");
        case core::FlagKind::CharLimit:
            return DashboardPage::tr("Character limit");
    }
    return {};
}

}  // namespace

DashboardPage::DashboardPage(core::Store& store, const core::Clock& clock, QWidget* parent)
    : Page(store, tr("Dashboard"), parent),
      m_clock(clock),
      m_task(new DashboardTask(store, clock, this)),
      m_scroll(new QScrollArea(this)),
      m_status(quietLabel({}, this)),
      m_needsYou(new QLabel(QStringLiteral("–"), this)),
      m_needsCaption(new QLabel(tr("need you today"), this)),
      m_names(new QVBoxLayout),
      m_openQueue(new QPushButton(tr("Open the queue"), this)),
      m_weekSummary(quietLabel({}, this)),
      m_week(new QHBoxLayout),
      m_goals(new QVBoxLayout),
      m_mixSummary(quietLabel({}, this)),
      m_mix(new QVBoxLayout),
      m_charts(new QVBoxLayout),
      m_chartsNote(quietLabel(tr("Working out the charts…"), this)) {
    setObjectName(QStringLiteral("dashboardPage"));
    m_status->setObjectName(QStringLiteral("dashboardStatus"));
    m_status->setText(tr("Working out today’s figures…"));

    auto* inner = new QWidget(m_scroll);
    inner->setObjectName(QStringLiteral("dashboardBody"));
    auto* body = new QVBoxLayout(inner);
    body->setContentsMargins(0, 0, 12, 12);
    body->setSpacing(14);

    // Who needs you today.
    QVBoxLayout* queue = nullptr;
    QFrame* queueCard = makeCard(QStringLiteral("queueCard"), tr("Who needs you today"), &queue);
    m_needsYou->setObjectName(QStringLiteral("needsYou"));
    QFont big = m_needsYou->font();
    big.setPointSizeF(big.pointSizeF() * 2.4);
    big.setBold(true);
    m_needsYou->setFont(big);
    m_needsCaption->setObjectName(QStringLiteral("needsCaption"));
    makeQuiet(m_needsCaption);
    auto* headline = new QHBoxLayout;
    headline->setSpacing(10);
    headline->addWidget(m_needsYou, 0, Qt::AlignBottom);
    headline->addWidget(m_needsCaption, 1, Qt::AlignBottom);
    auto* counts = new QHBoxLayout;
    counts->setSpacing(18);
    const QString countNames[] = {QStringLiteral("queueOverdue"), QStringLiteral("queueToday"),
                                  QStringLiteral("queueThisWeek")};
    for (const QString& name : countNames) {
        auto* label = new QLabel(queueCard);
        label->setObjectName(name);
        label->setTextFormat(Qt::RichText);
        m_counts << label;
        counts->addWidget(label);
    }
    counts->addStretch(1);
    m_names->setSpacing(3);
    m_openQueue->setObjectName(QStringLiteral("openQueue"));
    m_openQueue->setCursor(Qt::PointingHandCursor);
    queue->addLayout(headline);
    queue->addLayout(counts);
    queue->addSpacing(4);
    queue->addLayout(m_names);
    queue->addStretch(1);
    queue->addWidget(m_openQueue, 0, Qt::AlignLeft);

    // What goes out this week.
    QVBoxLayout* week = nullptr;
    QFrame* weekCard = makeCard(QStringLiteral("weekCard"), tr("What goes out this week"), &week);
    m_weekSummary->setObjectName(QStringLiteral("weekSummary"));
    m_week->setSpacing(6);
    week->addWidget(m_weekSummary);
    week->addLayout(m_week, 1);

    // How the goals stand.
    QVBoxLayout* goals = nullptr;
    QFrame* goalsCard = makeCard(QStringLiteral("goalsCard"), tr("How the goals stand"), &goals);
    m_goals->setSpacing(8);
    goals->addLayout(m_goals);
    goals->addStretch(1);

    // Value first?
    QVBoxLayout* mix = nullptr;
    QFrame* mixCard = makeCard(QStringLiteral("mixCard"), tr("Is the plan value first?"), &mix);
    m_mixSummary->setObjectName(QStringLiteral("mixSummary"));
    m_mix->setSpacing(10);
    mix->addWidget(m_mixSummary);
    mix->addLayout(m_mix);
    mix->addStretch(1);

    auto* answers = new QGridLayout;
    answers->setHorizontalSpacing(14);
    answers->setVerticalSpacing(14);
    answers->addWidget(queueCard, 0, 0);
    answers->addWidget(weekCard, 0, 1);
    answers->addWidget(goalsCard, 1, 0);
    answers->addWidget(mixCard, 1, 1);
    answers->setColumnStretch(0, 2);
    answers->setColumnStretch(1, 3);

    // Relationships, not numbers.
    auto* chartsHeading = new QLabel(tr("Relationships, not numbers"), inner);
    chartsHeading->setObjectName(QStringLiteral("chartsHeading"));
    QFont headingFont = chartsHeading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
    chartsHeading->setFont(headingFont);
    m_chartsNote->setObjectName(QStringLiteral("chartsNote"));
    m_charts->setSpacing(14);

    body->addWidget(m_status);
    body->addLayout(answers);
    body->addSpacing(10);
    body->addWidget(chartsHeading);
    body->addWidget(m_chartsNote);
    body->addLayout(m_charts);
    body->addStretch(1);

    m_scroll->setObjectName(QStringLiteral("dashboardScroll"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setWidget(inner);
    m_scroll->viewport()->setAutoFillBackground(false);
    inner->setAutoFillBackground(false);
    contentLayout()->addWidget(m_scroll, 1);

    connect(m_openQueue, &QPushButton::clicked, this, [this] { emit openQueue(m_today); });
    connect(m_task, &DashboardTask::answersReady, this, &DashboardPage::showAnswers);
    connect(m_task, &DashboardTask::chartsReady, this, &DashboardPage::showCharts);
    connect(m_task, &DashboardTask::failed, this, [this](const QString& sentence) {
        m_status->setText(tr("The figures could not be worked out: %1").arg(sentence));
        m_status->show();
    });
    applyPalette();
    setHeaderText(formatLongDate(core::localDate(clock.now(), store.timeZone())));
    // The figures of the file as it is now are on their way before the window even shows.
    m_task->request();
}

DashboardPage::~DashboardPage() = default;

QFrame* DashboardPage::makeCard(const QString& objectName, const QString& title,
                                QVBoxLayout** body) {
    auto* card = new QFrame(this);
    card->setObjectName(objectName);
    auto* layout = new QVBoxLayout(card);
    layout->setContentsMargins(18, 14, 18, 14);
    layout->setSpacing(8);
    auto* heading = new QLabel(title, card);
    heading->setObjectName(objectName + QStringLiteral("Title"));
    QFont font = heading->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.08);
    heading->setFont(font);
    layout->addWidget(heading);
    m_cards << card;
    *body = layout;
    return card;
}

void DashboardPage::applyPalette() {
    const QPalette pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor card = mixed(base, pal.color(QPalette::Window), isDark(pal) ? 0.9 : 0.55);
    const QColor border = mixed(base, pal.color(QPalette::Text), 0.1);
    for (QFrame* frame : m_cards) {
        frame->setStyleSheet(QStringLiteral("QFrame#%1 { background: %2; border: 1px solid %3; "
                                            "border-radius: 10px; }")
                                 .arg(frame->objectName(), card.name(), border.name()));
    }
    if (m_hasAnswers) {
        showAnswers();
    }
    if (m_hasCharts) {
        showCharts();
    }
}

void DashboardPage::changeEvent(QEvent* event) {
    Page::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyPalette();
    }
}

void DashboardPage::rebuild() {
    // Called after store changes (and when shown after some): the task computes again,
    // debounced, and the page keeps showing the last figures until the new ones are in.
    m_task->request();
}

void DashboardPage::showAnswers() {
    if (!m_task->hasAnswers()) {
        return;
    }
    const core::DashboardFigures& f = m_task->answers();
    m_today = toQDate(f.today);
    m_hasAnswers = true;
    m_status->hide();
    showQueue();
    showWeek();
    showGoals();
    showMix();

    int onTrack = 0;
    int active = 0;
    for (const auto& card : f.goals) {
        if (card.goal.status == core::GoalStatus::Active && card.report.started &&
            !card.report.ended) {
            ++active;
            onTrack += card.report.onTrack ? 1 : 0;
        }
    }
    QStringList header{formatLongDate(f.today)};
    header << (f.queue.needsYou() == 0 ? tr("nobody waiting")
                                       : tr("%1 waiting for you").arg(f.queue.needsYou()));
    header << countOf(f.weekPostCount(), tr("post this week"), tr("posts this week"));
    if (active > 0) {
        header << tr("%1 of %2 goals on track").arg(onTrack).arg(active);
    }
    setHeaderText(header.join(dot()));
}

void DashboardPage::showQueue() {
    const core::QueueSummary& q = m_task->answers().queue;
    m_needsYou->setText(QLocale{}.toString(q.needsYou()));
    m_needsCaption->setText(q.needsYou() == 1 ? tr("person needs you today")
                                              : tr("people need you today"));
    const QPalette pal = palette();
    const struct {
        int count;
        QString caption;
        QColor colour;
    } parts[] = {{q.overdue, tr("overdue"), q.overdue > 0 ? cautionText(pal) : QColor{}},
                 {q.today, tr("today"), QColor{}},
                 {q.thisWeek, tr("later this week"), QColor{}}};
    for (int i = 0; i < 3; ++i) {
        const QString number = QStringLiteral("<b>%1</b>").arg(parts[i].count);
        const QString colour =
            parts[i].colour.isValid() ? parts[i].colour.name() : quietColour(this);
        m_counts[i]->setText(QStringLiteral("%1 <span style='color:%2'>%3</span>")
                                 .arg(number, colour, parts[i].caption));
        m_counts[i]->setProperty("count", parts[i].count);
    }
    clearLayout(m_names);
    if (q.first.empty()) {
        m_names->addWidget(
            quietLabel(tr("Nobody is due this week. A good week to start a "
                          "conversation.")));
    }
    const QString quiet = quietColour(this);
    const QColor text = pal.color(QPalette::Text);
    for (const auto& entry : q.first) {
        auto* name = new QLabel;
        name->setObjectName(QStringLiteral("queueName"));
        name->setProperty("name", qs(entry.displayName));
        name->setTextFormat(Qt::RichText);
        QString when;
        switch (entry.bucket) {
            case core::QueueBucket::Overdue:
                when = QStringLiteral("<span style='color:%1'>%2</span>")
                           .arg(cautionText(pal).name(), tr("overdue"));
                break;
            case core::QueueBucket::Today:
                when = tr("today");
                break;
            case core::QueueBucket::ThisWeek:
                when = QLocale{}.toString(toQDate(entry.due), QStringLiteral("ddd"));
                break;
        }
        // The name is a link to the contact; the reason and the day are quiet beside it.
        name->setProperty("contactId", QVariant::fromValue<qlonglong>(entry.contactId));
        name->setText(QStringLiteral("<a href='contact:%1' style='color:%2; text-decoration:none'>"
                                     "%3</a> <span style='color:%4'>%5 %6</span>")
                          .arg(QString::number(entry.contactId), text.name(),
                               qs(entry.displayName).toHtmlEscaped(), quiet,
                               (dot() + qs(entry.reason)).toHtmlEscaped(), dot() + when));
        name->setToolTip(tr("Open %1").arg(qs(entry.displayName)));
        connect(name, &QLabel::linkActivated, this, [this](const QString& link) {
            emit openContact(link.section(QLatin1Char(':'), 1).toLongLong());
        });
        m_names->addWidget(name);
    }
    const int rest = q.total() - static_cast<int>(q.first.size());
    if (rest > 0) {
        m_names->addWidget(quietLabel(tr("and %1 more").arg(rest)));
    }
    m_openQueue->setEnabled(true);
}

void DashboardPage::showWeek() {
    const core::DashboardFigures& f = m_task->answers();
    clearLayout(m_week);
    // Channel colours as the calendar gives them: by position in the channel list.
    std::unordered_map<core::Id, int> channelIndex;
    int index = 0;
    for (const auto& channel : store().list<core::Channel>()) {
        channelIndex.emplace(channel.id, index++);
    }
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::Text);
    const QColor base = pal.color(QPalette::Base);
    const std::string zone = store().timeZone();
    int dayIndex = 0;
    for (const auto& day : f.week) {
        auto* column = new QFrame;
        column->setObjectName(QStringLiteral("day-%1").arg(dayIndex));
        column->setProperty("postCount", static_cast<int>(day.posts.size()));
        const bool today = dayIndex == 0;
        auto* layout = new QVBoxLayout(column);
        layout->setContentsMargins(4, 4, 4, 4);
        layout->setSpacing(4);
        auto* heading = new QLabel(
            today ? tr("Today") : QLocale{}.toString(toQDate(day.day), QStringLiteral("ddd d")),
            column);
        heading->setObjectName(QStringLiteral("dayHeading"));
        if (today) {
            QFont font = heading->font();
            font.setBold(true);
            heading->setFont(font);
        } else {
            makeQuiet(heading);
        }
        layout->addWidget(heading);
        if (today) {
            const QColor tint = mixed(base, pal.color(QPalette::Highlight), 0.1);
            column->setStyleSheet(
                QStringLiteral("QFrame#%1 { background: %2; border-radius: 6px; }")
                    .arg(column->objectName(), tint.name()));
        }
        const int shown = std::min<int>(kChipsPerDay, static_cast<int>(day.posts.size()));
        for (int i = 0; i < shown; ++i) {
            const core::WeekPost& post = day.posts[static_cast<std::size_t>(i)];
            const auto found = channelIndex.find(post.channelId);
            const QColor colour = channelColour(found == channelIndex.end() ? 0 : found->second);
            auto* chip = new QLabel(column);
            chip->setObjectName(QStringLiteral("chip"));
            chip->setProperty("title", qs(post.title));
            const QString time = formatTime(core::localTimeOfDay(post.at, zone));
            // The time on its own line, the title wrapped under it (cut short if long), so a
            // narrow column still says what goes out.
            QString title = qs(post.title);
            if (title.size() > kChipTitleChars) {
                title = title.left(kChipTitleChars - 1).trimmed() + QChar(0x2026);
            }
            chip->setText(time + QLatin1Char('\n') + title);
            chip->setWordWrap(true);
            chip->setToolTip(
                QStringList{qs(post.title), formatTime(core::localTimeOfDay(post.at, zone)),
                            qs(post.channelName), purposeName(post.purpose), words(post.status)}
                    .join(dot()));
            chip->setMinimumWidth(10);
            chip->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
            const QColor fill = mixed(base, colour, isDark(pal) ? 0.35 : 0.18);
            const bool promo = core::isPromotional(post.purpose);
            chip->setStyleSheet(
                QStringLiteral("QLabel { background: %1; color: %2; border-left: 3px solid %3; "
                               "border-radius: 4px; padding: 2px 4px; %4 }")
                    .arg(fill.name(), text.name(), colour.name(),
                         promo ? QStringLiteral("font-style: italic;") : QString{}));
            layout->addWidget(chip);
        }
        if (static_cast<int>(day.posts.size()) > shown) {
            auto* more =
                quietLabel(tr("+%1 more").arg(static_cast<int>(day.posts.size()) - shown), column);
            more->setObjectName(QStringLiteral("more"));
            layout->addWidget(more);
        }
        if (day.posts.empty()) {
            auto* none = quietLabel(QStringLiteral("·"), column);
            none->setAlignment(Qt::AlignHCenter);
            layout->addWidget(none);
        }
        layout->addStretch(1);
        m_week->addWidget(column, 1);
        ++dayIndex;
    }
    const int total = f.weekPostCount();
    int promotional = 0;
    for (const auto& day : f.week) {
        for (const auto& post : day.posts) {
            promotional += core::isPromotional(post.purpose) ? 1 : 0;
        }
    }
    const QString posts = countOf(total, tr("post"), tr("posts"));
    m_weekSummary->setText(
        total == 0 ? tr("Nothing planned for the next seven days. The calendar is where posts "
                        "get a day.")
        : promotional == 0 ? tr("%1 in the next seven days, every one giving value.").arg(posts)
                           : tr("%1 in the next seven days; %2 promotional, in italics.")
                                 .arg(posts)
                                 .arg(promotional));
}

void DashboardPage::showGoals() {
    const core::DashboardFigures& f = m_task->answers();
    clearLayout(m_goals);
    if (f.goals.empty()) {
        m_goals->addWidget(
            quietLabel(tr("No goals yet. A goal says what the relationships "
                          "should lead to; add one under Goals & Niches.")));
        return;
    }
    for (const auto& card : f.goals) {
        auto* widget = new GoalCard;
        widget->setGoal(card, f.today);
        m_goals->addWidget(widget);
    }
}

void DashboardPage::showMix() {
    const core::DashboardFigures& f = m_task->answers();
    clearLayout(m_mix);
    m_mixSummary->setText(tr("The posts of the next 30 days, %1 to %2, by niche.")
                              .arg(shortDate(f.mixFrom, f.today), shortDate(f.mixTo, f.today)));
    const QPalette pal = palette();
    bool any = false;
    for (const auto& card : f.mix) {
        const core::NicheMix& mix = card.mix;
        if (mix.total() == 0 && card.flaggedPosts == 0) {
            continue;
        }
        any = true;
        auto* row = new QWidget;
        row->setObjectName(QStringLiteral("mixRow"));
        auto* layout = new QVBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(3);
        auto* top = new QHBoxLayout;
        auto* name = new QLabel(qs(mix.name), row);
        QFont bold = name->font();
        bold.setBold(true);
        name->setFont(bold);
        auto* share = new QLabel(tr("%1 value").arg(percent(mix.valueShare())), row);
        top->addWidget(name, 1);
        top->addWidget(share);
        layout->addLayout(top);
        layout->addWidget(new SplitBar(mix.value, mix.promotional, row));
        QString counts = tr("%1, %2 promotional")
                             .arg(countOf(mix.value, tr("value post"), tr("value posts")))
                             .arg(mix.promotional);
        auto* countsLabel = quietLabel(counts, row);
        layout->addWidget(countsLabel);
        QStringList lines;
        std::size_t message = 0;
        for (std::size_t kind = 0; kind < card.broken.size(); ++kind) {
            if (card.broken[kind] == 0) {
                continue;
            }
            const QString sentence =
                message < card.messages.size() ? qs(card.messages[message]) : QString{};
            ++message;
            lines << tr("%1 broken by %2: %3")
                         .arg(ruleName(kind), countOf(card.broken[kind], tr("post"), tr("posts")),
                              sentence);
        }
        auto* rules = new QLabel(row);
        rules->setObjectName(QStringLiteral("mixRules"));
        rules->setWordWrap(true);
        if (lines.isEmpty()) {
            rules->setText(tr("Keeps every rule."));
            rules->setStyleSheet(QStringLiteral("color: %1;").arg(goodText(pal).name()));
        } else {
            rules->setText(lines.join(QLatin1Char('\n')));
            rules->setStyleSheet(QStringLiteral("color: %1;").arg(cautionText(pal).name()));
        }
        layout->addWidget(rules);
        row->setProperty("text",
                         QStringList{qs(mix.name), share->text(), counts, rules->text()}.join(
                             QLatin1Char('\n')));
        m_mix->addWidget(row);
    }
    if (!any) {
        m_mix->addWidget(quietLabel(tr("Nothing planned for the next 30 days yet.")));
    }
}

void DashboardPage::showCharts() {
    if (!m_task->hasCharts()) {
        return;
    }
    const core::RelationshipFigures& r = m_task->charts();
    m_hasCharts = true;
    m_chartsNote->hide();
    clearLayout(m_charts);
    const QPalette pal = palette();
    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(18);
    grid->setVerticalSpacing(18);
    int cell = 0;
    const auto place = [&](const QString& title, QWidget* widget, const QString& name) {
        auto* box = new QWidget;
        box->setObjectName(name);
        auto* layout = new QVBoxLayout(box);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(4);
        auto* label = new QLabel(title, box);
        label->setObjectName(QStringLiteral("chartTitle"));
        QFont bold = label->font();
        bold.setBold(true);
        label->setFont(bold);
        widget->setParent(box);
        widget->setMinimumHeight(kChartHeight);
        layout->addWidget(label);
        layout->addWidget(widget, 1);
        grid->addWidget(box, cell / 2, cell % 2);
        ++cell;
    };
    const auto chartView = [&](QChart* chart) {
        chart->setTitle({});  // the heading above says it
        auto* view = new QChartView;
        view->setChart(chart);  // the view owns it
        view->setRenderHint(QPainter::Antialiasing);
        view->setFrameShape(QFrame::NoFrame);
        view->setBackgroundBrush(pal.color(QPalette::Base));
        return view;
    };
    place(tr("Contacts by stage, week by week"), chartView(makeStagesChart(r.stages, pal)),
          QStringLiteral("stagesChart"));
    place(tr("Inbound conversations per week"), chartView(makeInboundChart(r.inbound, pal)),
          QStringLiteral("inboundChart"));
    place(tr("Posts that started the most conversations"),
          chartView(makeTopPostsChart(r.topPosts, pal)), QStringLiteral("topPostsChart"));
    for (const auto& funnel : r.funnels) {
        auto* chart = new FunnelChart;
        chart->setFunnel(funnel);
        place(tr("Funnel: %1").arg(qs(funnel.sequenceName)), chart, QStringLiteral("funnelChart"));
    }
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    m_charts->addLayout(grid);
    if (r.funnels.empty()) {
        m_charts->addWidget(
            quietLabel(tr("No nurture sequences yet: each one's funnel will show here.")));
    }
}

QList<int> DashboardPage::queueCounts() const {
    QList<int> out;
    for (const QLabel* label : m_counts) {
        out << label->property("count").toInt();
    }
    return out;
}

QStringList DashboardPage::queueNames() const {
    QStringList out;
    for (int i = 0; i < m_names->count(); ++i) {
        if (const QWidget* w = m_names->itemAt(i)->widget();
            w && w->objectName() == QStringLiteral("queueName")) {
            out << w->property("name").toString();
        }
    }
    return out;
}

QList<int> DashboardPage::weekCounts() const {
    QList<int> out;
    for (int i = 0; i < m_week->count(); ++i) {
        const QWidget* column = m_week->itemAt(i)->widget();
        int count = 0;
        for (const QLabel* label : column->findChildren<QLabel*>()) {
            if (label->objectName() == QStringLiteral("chip")) {
                ++count;
            } else if (label->objectName() == QStringLiteral("more")) {
                count += label->text().mid(1).section(QLatin1Char(' '), 0, 0).toInt();
            }
        }
        out << count;
    }
    return out;
}

QStringList DashboardPage::dayChips(int day) const {
    QStringList out;
    if (day < 0 || day >= m_week->count()) {
        return out;
    }
    for (const QLabel* label :
         m_week->itemAt(day)->widget()->findChildren<QLabel*>(QStringLiteral("chip"))) {
        out << label->property("title").toString();
    }
    return out;
}

QList<GoalCard*> DashboardPage::goalCards() const {
    QList<GoalCard*> out;
    for (int i = 0; i < m_goals->count(); ++i) {
        if (auto* card = qobject_cast<GoalCard*>(m_goals->itemAt(i)->widget())) {
            out << card;
        }
    }
    return out;
}

QStringList DashboardPage::mixTexts() const {
    QStringList out;
    for (int i = 0; i < m_mix->count(); ++i) {
        if (const QWidget* row = m_mix->itemAt(i)->widget();
            row && row->objectName() == QStringLiteral("mixRow")) {
            out << row->property("text").toString();
        }
    }
    return out;
}

QStringList DashboardPage::chartTitles() const {
    QStringList out;
    const QWidget* body = m_scroll->widget();
    for (const QLabel* label : body->findChildren<QLabel*>(QStringLiteral("chartTitle"))) {
        out << label->text();
    }
    return out;
}

}  // namespace rapport::ui
