#include "ui/funnelchart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

#include "ui/displaytext.h"

namespace rapport::ui {

FunnelChart::FunnelChart(QWidget* parent)
    : QWidget(parent),
      m_chart(new QChart),
      m_view(new QChartView(m_chart, this)),
      m_series(new QHorizontalBarSeries),
      m_set(new QBarSet(tr("People"))),
      m_categories(new QBarCategoryAxis),
      m_values(new QValueAxis) {
    setObjectName(QStringLiteral("funnel"));
    // Top to bottom, as people move through it: the first category is drawn at the bottom.
    QStringList names;
    for (int i = core::Funnel::kStages - 1; i >= 0; --i) {
        names << stageName(i);
        *m_set << 0;
    }
    m_series->append(m_set);
    m_series->setLabelsVisible(true);
    m_series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    m_series->setBarWidth(0.62);
    m_chart->addSeries(m_series);
    m_categories->append(names);
    m_chart->addAxis(m_categories, Qt::AlignLeft);
    m_chart->addAxis(m_values, Qt::AlignBottom);
    m_series->attachAxis(m_categories);
    m_series->attachAxis(m_values);
    m_values->setLabelFormat(QStringLiteral("%d"));
    m_values->setVisible(false);
    m_categories->setGridLineVisible(false);
    m_chart->legend()->hide();
    m_chart->setMargins(QMargins(0, 4, 0, 0));
    m_chart->setBackgroundRoundness(0);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_view->setObjectName(QStringLiteral("funnelChart"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(300, 150);
    m_view->setFrameShape(QFrame::NoFrame);

    auto* numbers = new QGridLayout;
    numbers->setHorizontalSpacing(14);
    numbers->setVerticalSpacing(3);
    for (int i = 0; i < core::Funnel::kStages; ++i) {
        m_names[static_cast<std::size_t>(i)] = new QLabel(stageName(i), this);
        auto* count = new QLabel(this);
        count->setObjectName(QStringLiteral("count%1").arg(i));
        count->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        QFont bold = count->font();
        bold.setBold(true);
        count->setFont(bold);
        auto* rate = new QLabel(this);
        rate->setObjectName(QStringLiteral("rate%1").arg(i));
        makeQuiet(rate);
        m_counts[static_cast<std::size_t>(i)] = count;
        m_rates[static_cast<std::size_t>(i)] = rate;
        numbers->addWidget(m_names[static_cast<std::size_t>(i)], i, 0);
        numbers->addWidget(count, i, 1);
        numbers->addWidget(rate, i, 2);
    }
    numbers->setRowStretch(core::Funnel::kStages, 1);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(16);
    layout->addWidget(m_view, 1);
    layout->addLayout(numbers, 0);
    applyPalette();
}

QString FunnelChart::stageName(int stage) {
    switch (stage) {
        case 0:
            return tr("Enrolled");
        case 1:
            return tr("Phase 1 done");
        case 2:
            return tr("Qualified");
        case 3:
            return tr("Offered");
        case 4:
            return tr("Converted");
        default:
            return {};
    }
}

void FunnelChart::setFunnel(const core::Funnel& funnel) {
    m_funnel = funnel;
    int most = 1;
    for (int i = 0; i < core::Funnel::kStages; ++i) {
        const int n = funnel.at(i);
        most = std::max(most, n);
        m_set->replace(core::Funnel::kStages - 1 - i, n);
        const auto k = static_cast<std::size_t>(i);
        m_counts[k]->setText(QString::number(n));
        m_rates[k]->setText(i == 0 ? QString{} : rateText(i));
    }
    // Room above the tallest bar for its label.
    m_values->setRange(0, std::ceil(most * 1.25));
}

QString FunnelChart::countText(int stage) const {
    return m_counts[static_cast<std::size_t>(stage)]->text();
}

QString FunnelChart::rateText(int stage) const {
    if (stage <= 0 || stage >= core::Funnel::kStages) {
        return {};
    }
    const int before = m_funnel.at(stage - 1);
    if (before == 0) {
        return tr("no one to go on from %1").arg(stageName(stage - 1).toLower());
    }
    return tr("%1% of %2")
        .arg(static_cast<int>(std::lround(m_funnel.rate(stage) * 100)))
        .arg(stageName(stage - 1).toLower());
}

double FunnelChart::barValue(int stage) const {
    return m_set->at(core::Funnel::kStages - 1 - stage);
}

void FunnelChart::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        applyPalette();
    }
}

void FunnelChart::applyPalette() {
    const QPalette p = palette();
    m_chart->setBackgroundVisible(false);
    m_chart->setPlotAreaBackgroundVisible(false);
    m_view->setBackgroundBrush(Qt::NoBrush);
    m_view->setStyleSheet(QStringLiteral("background: transparent"));
    QColor bar = p.color(QPalette::Highlight);
    m_set->setColor(bar);
    m_set->setBorderColor(bar);
    m_set->setLabelColor(p.color(QPalette::WindowText));
    m_categories->setLabelsColor(p.color(QPalette::WindowText));
    m_categories->setLinePenColor(p.color(QPalette::Mid));
    m_values->setLabelsColor(p.color(QPalette::PlaceholderText));
    QFont f = font();
    m_categories->setLabelsFont(f);
    f.setBold(true);
    m_set->setLabelFont(f);
}

}  // namespace rapport::ui
