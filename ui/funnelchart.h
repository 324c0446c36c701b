#pragma once

#include <QWidget>

#include <array>

#include "core/nurtureengine.h"

class QLabel;

class QBarSet;
class QHorizontalBarSeries;
class QBarCategoryAxis;
class QChart;
class QChartView;
class QValueAxis;

namespace rapport::ui {

/// One sequence's funnel (enrolled, phase 1 done, qualified, offered, converted) as a bar
/// chart in the palette's colours, and as numbers with the rate from each stage to the next.
class FunnelChart : public QWidget {
    Q_OBJECT
public:
    explicit FunnelChart(QWidget* parent = nullptr);

    void setFunnel(const core::Funnel& funnel);
    const core::Funnel& funnel() const { return m_funnel; }

    /// The stage's name, as the chart and the numbers say it.
    static QString stageName(int stage);
    /// The count shown for a stage, and its rate line ("67% of enrolled"); for tests.
    QString countText(int stage) const;
    QString rateText(int stage) const;
    /// The bar's value in the chart.
    double barValue(int stage) const;
    QChart* chart() const { return m_chart; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyPalette();

    core::Funnel m_funnel;
    QChart* m_chart;
    QChartView* m_view;
    QHorizontalBarSeries* m_series;
    QBarSet* m_set;
    QBarCategoryAxis* m_categories;
    QValueAxis* m_values;
    std::array<QLabel*, core::Funnel::kStages> m_counts{};
    std::array<QLabel*, core::Funnel::kStages> m_rates{};
    std::array<QLabel*, core::Funnel::kStages> m_names{};
};

}  // namespace rapport::ui
