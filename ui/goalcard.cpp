#include "ui/goalcard.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "ui/displaytext.h"
#include "ui/plantext.h"

namespace rapport::ui {

namespace {

constexpr int kBarHeight = 8;

bool isDark(const QPalette& palette) {
    return palette.color(QPalette::Window).lightness() < 128;
}

// A slim rounded bar, painted: a track of the palette's mid-light colour and the pace's fill.
class ProgressBar : public QWidget {
public:
    explicit ProgressBar(QWidget* parent) : QWidget(parent) {
        setFixedHeight(kBarHeight + 2);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    }
    void set(double progress, QColor fill) {
        m_progress = std::clamp(progress, 0.0, 1.0);
        m_fill = fill;
        update();
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
        if (m_progress > 0) {
            QRectF fill = track;
            fill.setWidth(std::max(static_cast<double>(kBarHeight), track.width() * m_progress));
            painter.setBrush(m_fill);
            painter.drawRoundedRect(fill, kBarHeight / 2.0, kBarHeight / 2.0);
        }
    }

private:
    double m_progress = 0;
    QColor m_fill;
};

}  // namespace

QColor paceColour(int pace, const QPalette& palette) {
    const bool dark = isDark(palette);
    switch (static_cast<Pace>(pace)) {
        case Pace::OnTrack:
        case Pace::Achieved:
            return dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x43, 0xa0, 0x47);
        case Pace::Behind:
            return dark ? QColor(0xf0, 0xb4, 0x5a) : QColor(0xd0, 0x8a, 0x1b);
        default: {
            QColor quiet = palette.color(QPalette::Text);
            quiet.setAlphaF(0.45f);
            return quiet;
        }
    }
}

GoalCard::GoalCard(QWidget* parent)
    : QFrame(parent),
      m_title(new QLabel(this)),
      m_value(new QLabel(this)),
      m_badge(new QLabel(this)),
      m_forecast(new QLabel(this)),
      m_bar(new ProgressBar(this)) {
    setObjectName(QStringLiteral("goalCard"));
    m_title->setObjectName(QStringLiteral("goalTitle"));
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_value->setObjectName(QStringLiteral("goalValue"));
    m_badge->setObjectName(QStringLiteral("goalBadge"));
    m_badge->setAlignment(Qt::AlignCenter);
    m_forecast->setObjectName(QStringLiteral("goalForecast"));
    m_forecast->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    makeQuiet(m_forecast);
    makeQuiet(m_value);

    auto* top = new QHBoxLayout;
    top->setSpacing(8);
    top->addWidget(m_title, 1);
    top->addWidget(m_badge, 0, Qt::AlignTop);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 6);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(m_bar);
    auto* bottom = new QHBoxLayout;
    bottom->setSpacing(8);
    bottom->addWidget(m_value);
    bottom->addStretch(1);
    bottom->addWidget(m_forecast);
    layout->addLayout(bottom);
    applyPalette();
}

void GoalCard::setGoal(const core::GoalCard& card, core::Date today) {
    const core::Goal& goal = card.goal;
    const core::GoalReport& report = card.report;
    m_goalId = goal.id;
    m_progress = std::clamp(report.progress, 0.0, 1.0);
    const Pace pace = paceOf(goal, report);
    m_pace = static_cast<int>(pace);
    m_title->setText(qs(goal.title));
    m_value->setText(tr("%1 of %2 %3")
                         .arg(goalValue(goal, report.current), goalValue(goal, goal.target),
                              metricName(goal.metric).toLower()));
    m_badge->setText(paceText(pace));
    const QString forecast = rapport::ui::forecastText(goal, report, today);
    if (!forecast.isEmpty()) {
        m_forecast->setText(tr("At this pace: %1").arg(forecast));
    } else if (pace == Pace::NotStarted) {
        m_forecast->setText(tr("Starts %1").arg(shortDate(goal.startDate, today)));
    } else if (pace == Pace::Ended) {
        m_forecast->setText(tr("Ended %1").arg(shortDate(goal.deadline, today)));
    } else {
        m_forecast->clear();
    }
    setToolTip(goal.why.empty() ? QString{} : qs(goal.why));
    applyPalette();
}

QString GoalCard::titleText() const {
    return m_title->text();
}

QString GoalCard::valueText() const {
    return m_value->text();
}

QString GoalCard::badgeText() const {
    return m_badge->text();
}

QString GoalCard::forecastText() const {
    return m_forecast->text();
}

void GoalCard::applyPalette() {
    const QColor colour = paceColour(m_pace, palette());
    QColor soft = colour;
    soft.setAlphaF(0.16f);
    m_badge->setStyleSheet(
        QStringLiteral(
            "QLabel { color: %1; background: %2; border-radius: 9px; padding: 1px 9px; }")
            .arg(colour.name(), soft.name(QColor::HexArgb)));
    static_cast<ProgressBar*>(m_bar)->set(m_progress, colour);
}

void GoalCard::changeEvent(QEvent* event) {
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyPalette();
    }
}

}  // namespace rapport::ui
