#pragma once
// "Relationships, not numbers" as Qt Charts (issue 7): contacts by stage over time (stacked),
// inbound conversations per week (bars), the posts that started the most conversations
// (horizontal bars) and each sequence's funnel. The charts take their colours from a palette,
// so they read in light and dark. The Dashboard page shows them in a RelationshipCharts
// widget; the weekly review renders the same charts to images (renderChart).

#include <QColor>
#include <QImage>
#include <QPalette>
#include <QWidget>

#include <array>
#include <vector>

#include "core/relationshipstats.h"

class QChart;
class QChartView;

namespace rapport::ui {

/// The colours of the charts under a palette.
struct ChartColours {
    QColor text;
    QColor quiet;  ///< axis labels, grid lines
    QColor grid;
    QColor background;
    std::array<QColor, 6> stages;  ///< by core::Stage: cool to warm as relationships grow
    QColor inbound;
    QColor posts;
    bool dark = false;

    static ChartColours from(const QPalette& palette);
};

/// The stage's name for legends: "Looker" .. "Advocate".
QString stageLabel(core::Stage stage);
/// The labels of a run of weeks on an axis, short enough for a dozen to fit: the month where it
/// changes ("Nov 2"), the day alone otherwise ("9", "16"). Labels stay distinct, since the axis
/// tells its categories apart by text.
QStringList weekLabels(const std::vector<core::Date>& mondays);

// Each returns a new chart the caller owns (a QChartView takes it over).
QChart* makeStagesChart(const std::vector<core::StagePoint>& points, const QPalette& palette);
QChart* makeInboundChart(const std::vector<core::WeekCount>& weeks, const QPalette& palette);
QChart* makeTopPostsChart(const std::vector<core::PostConversations>& posts,
                          const QPalette& palette);
/// Every sequence's funnel as grouped horizontal bars (one set per stage of the funnel).
QChart* makeFunnelsChart(const std::vector<core::Funnel>& funnels, const QPalette& palette);

/// Draws a chart into an image of `size` logical pixels at `scale` device pixels each; the
/// chart is left where it was (not deleted). Needs a QApplication.
QImage renderChart(QChart* chart, QSize size, qreal scale = 2.0);

/// The four charts in a grid, kept in the palette's colours when the theme changes.
class RelationshipCharts : public QWidget {
    Q_OBJECT
public:
    explicit RelationshipCharts(QWidget* parent = nullptr);

    void setFigures(const core::RelationshipFigures& figures);
    const core::RelationshipFigures& figures() const { return m_figures; }

    QChartView* stagesView() const { return m_views[0]; }
    QChartView* inboundView() const { return m_views[1]; }
    QChartView* topPostsView() const { return m_views[2]; }
    QChartView* funnelsView() const { return m_views[3]; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();

    core::RelationshipFigures m_figures;
    std::array<QChartView*, 4> m_views{};
};

}  // namespace rapport::ui
