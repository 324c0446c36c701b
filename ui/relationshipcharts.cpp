#include "ui/relationshipcharts.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QGraphicsScene>
#include <QGridLayout>
#include <QHorizontalBarSeries>
#include <QLegendMarker>
#include <QPainter>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

#include "ui/displaytext.h"
#include "ui/funnelchart.h"

namespace rapport::ui {

namespace {

// A blend of two colours, `t` of the way from a to b.
QColor mix(const QColor& a, const QColor& b, double t) {
    return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * t),
                            static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * t),
                            static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * t));
}

void styleChart(QChart* chart, const ChartColours& c, const QString& title) {
    chart->setTitle(title);
    QFont titleFont = chart->titleFont();
    titleFont.setBold(true);
    titleFont.setPointSizeF(std::max(9.0, titleFont.pointSizeF() * 1.05));
    chart->setTitleFont(titleFont);
    chart->setTitleBrush(c.text);
    chart->setBackgroundBrush(c.background);
    chart->setBackgroundVisible(true);
    chart->setBackgroundRoundness(0);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setLabelColor(c.text);
    chart->legend()->setAlignment(Qt::AlignBottom);
}

void styleAxis(QAbstractAxis* axis, const ChartColours& c) {
    // A little smaller than the text, so twelve weeks' labels fit under their bars.
    QFont font = axis->labelsFont();
    font.setPointSizeF(std::max(6.5, font.pointSizeF() * 0.85));
    axis->setLabelsFont(font);
    axis->setLabelsColor(c.quiet);
    axis->setLinePenColor(c.grid);
    axis->setGridLineColor(c.grid);
    axis->setTitleBrush(c.quiet);
}

// A value axis from 0 with whole numbers and room above the highest value.
QValueAxis* countAxis(int most, const ChartColours& c) {
    auto* axis = new QValueAxis;
    const int top = std::max(4, static_cast<int>(std::ceil(most * 1.15)));
    axis->setRange(0, top);
    axis->setLabelFormat(QStringLiteral("%d"));
    axis->setTickCount(std::min(top, 4) + 1);
    axis->applyNiceNumbers();
    styleAxis(axis, c);
    return axis;
}

QString elided(const QString& text, int max) {
    return text.size() <= max ? text : text.left(max - 1) + QChar(0x2026);
}

}  // namespace

ChartColours ChartColours::from(const QPalette& palette) {
    ChartColours c;
    c.background = palette.color(QPalette::Base);
    c.text = palette.color(QPalette::Text);
    c.dark = c.background.lightness() < 128;
    c.quiet = mix(c.text, c.background, 0.35);
    c.grid = mix(c.text, c.background, 0.82);
    // Looker to advocate: from a cool grey-blue through teal and green to a warm amber; in the
    // dark the same hues, lighter and a little less saturated.
    const std::array<int, 6> hues = {215, 200, 178, 145, 95, 35};
    const std::array<int, 6> sat = {40, 120, 150, 140, 150, 190};
    for (std::size_t i = 0; i < hues.size(); ++i) {
        c.stages[i] = QColor::fromHsl(hues[i], c.dark ? sat[i] * 3 / 4 : sat[i],
                                      c.dark ? 150 : 120 + static_cast<int>(i) * 4);
    }
    c.inbound = QColor::fromHsl(205, c.dark ? 150 : 170, c.dark ? 155 : 110);
    c.posts = QColor::fromHsl(28, c.dark ? 170 : 190, c.dark ? 150 : 120);
    return c;
}

QString stageLabel(core::Stage stage) {
    return capitalized(words(stage));
}

QStringList weekLabels(const std::vector<core::Date>& mondays) {
    QStringList labels;
    int lastMonth = 0;
    for (const auto& monday : mondays) {
        const QDate day = toQDate(monday);
        QString label = day.month() != lastMonth ? day.toString(QStringLiteral("MMM d"))
                                                 : QString::number(day.day());
        lastMonth = day.month();
        // The same day number can come back a month later; a zero-width space keeps it apart.
        while (labels.contains(label)) {
            label += QChar(0x200B);
        }
        labels << label;
    }
    return labels;
}

QChart* makeStagesChart(const std::vector<core::StagePoint>& points, const QPalette& palette) {
    const auto c = ChartColours::from(palette);
    auto* chart = new QChart;
    styleChart(chart, c, QObject::tr("Contacts by stage"));
    auto* series = new QStackedBarSeries;
    std::vector<core::Date> mondays;
    for (const auto& p : points) {
        mondays.push_back(p.weekStart);
    }
    const QStringList weeks = weekLabels(mondays);
    int most = 0;
    for (const auto& p : points) {
        most = std::max(most, p.total());
    }
    for (std::size_t k = 0; k < core::enumCount<core::Stage>(); ++k) {
        auto* set = new QBarSet(stageLabel(static_cast<core::Stage>(k)));
        for (const auto& p : points) {
            *set << p.byStage[k];
        }
        set->setColor(c.stages[k]);
        set->setBorderColor(c.background);
        series->append(set);
    }
    series->setBarWidth(0.72);
    chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->append(weeks);
    x->setGridLineVisible(false);
    styleAxis(x, c);
    chart->addAxis(x, Qt::AlignBottom);
    auto* y = countAxis(most, c);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    return chart;
}

QChart* makeInboundChart(const std::vector<core::WeekCount>& weeks, const QPalette& palette) {
    const auto c = ChartColours::from(palette);
    auto* chart = new QChart;
    styleChart(chart, c, QObject::tr("Inbound conversations per week"));
    auto* set = new QBarSet(QObject::tr("Inbound"));
    std::vector<core::Date> mondays;
    int most = 0;
    for (const auto& w : weeks) {
        *set << w.count;
        mondays.push_back(w.weekStart);
        most = std::max(most, w.count);
    }
    const QStringList labels = weekLabels(mondays);
    set->setColor(c.inbound);
    set->setBorderColor(c.inbound);
    set->setLabelColor(c.text);
    auto* series = new QBarSeries;
    series->append(set);
    series->setBarWidth(0.6);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    chart->addSeries(series);
    chart->legend()->hide();
    auto* x = new QBarCategoryAxis;
    x->append(labels);
    x->setGridLineVisible(false);
    styleAxis(x, c);
    chart->addAxis(x, Qt::AlignBottom);
    auto* y = countAxis(most, c);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    return chart;
}

QChart* makeTopPostsChart(const std::vector<core::PostConversations>& posts,
                          const QPalette& palette) {
    const auto c = ChartColours::from(palette);
    auto* chart = new QChart;
    styleChart(chart, c, QObject::tr("Posts that started the most conversations"));
    auto* set = new QBarSet(QObject::tr("Conversations"));
    QStringList labels;
    int most = 0;
    // The first category is drawn at the bottom: add the most-talked-about post last.
    for (auto it = posts.rbegin(); it != posts.rend(); ++it) {
        *set << it->interactions;
        labels << elided(qs(it->title), 34);
        most = std::max(most, it->interactions);
    }
    set->setColor(c.posts);
    set->setBorderColor(c.posts);
    set->setLabelColor(c.text);
    auto* series = new QHorizontalBarSeries;
    series->append(set);
    series->setBarWidth(0.6);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    chart->addSeries(series);
    chart->legend()->hide();
    auto* y = new QBarCategoryAxis;
    y->append(labels.isEmpty() ? QStringList{QObject::tr("No posts with conversations yet")}
                               : labels);
    y->setGridLineVisible(false);
    styleAxis(y, c);
    y->setLabelsColor(c.text);
    chart->addAxis(y, Qt::AlignLeft);
    auto* x = countAxis(most, c);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(y);
    series->attachAxis(x);
    return chart;
}

QChart* makeFunnelsChart(const std::vector<core::Funnel>& funnels, const QPalette& palette) {
    const auto c = ChartColours::from(palette);
    auto* chart = new QChart;
    styleChart(chart, c, QObject::tr("Sequence funnels"));
    auto* series = new QHorizontalBarSeries;
    int most = 0;
    QStringList names;
    for (auto it = funnels.rbegin(); it != funnels.rend(); ++it) {
        names << elided(qs(it->sequenceName), 28);
    }
    for (int stage = core::Funnel::kStages - 1; stage >= 0; --stage) {
        auto* set = new QBarSet(FunnelChart::stageName(stage));
        for (auto it = funnels.rbegin(); it != funnels.rend(); ++it) {
            *set << it->at(stage);
            most = std::max(most, it->at(stage));
        }
        // Enrolled in the first stage colour, converted in the last: the same ramp as stages.
        const auto colour = c.stages[static_cast<std::size_t>(stage + 1)];
        set->setColor(colour);
        set->setBorderColor(c.background);
        set->setLabelColor(c.text);
        series->append(set);
    }
    series->setBarWidth(0.85);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    chart->addSeries(series);
    // The legend reads top to bottom in the funnel's order.
    auto* y = new QBarCategoryAxis;
    y->append(names.isEmpty() ? QStringList{QObject::tr("No sequences yet")} : names);
    y->setGridLineVisible(false);
    styleAxis(y, c);
    y->setLabelsColor(c.text);
    chart->addAxis(y, Qt::AlignLeft);
    auto* x = countAxis(most, c);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(y);
    series->attachAxis(x);
    chart->legend()->setReverseMarkers(true);
    return chart;
}

QImage renderChart(QChart* chart, QSize size, qreal scale) {
    QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(chart->backgroundBrush().color());
    QGraphicsScene scene;
    scene.addItem(chart);
    chart->setGeometry(QRectF(QPointF(0, 0), QSizeF(size)));
    scene.setSceneRect(QRectF(QPointF(0, 0), QSizeF(size)));
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        scene.render(&painter, QRectF(QPointF(0, 0), QSizeF(size)),
                     QRectF(QPointF(0, 0), QSizeF(size)));
    }
    scene.removeItem(chart);
    return image;
}

RelationshipCharts::RelationshipCharts(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("relationshipCharts"));
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(12);
    const std::array<const char*, 4> names = {"stagesChart", "inboundChart", "topPostsChart",
                                              "funnelsChart"};
    for (std::size_t i = 0; i < m_views.size(); ++i) {
        auto* view = new QChartView(this);
        view->setObjectName(QString::fromLatin1(names[i]));
        view->setRenderHint(QPainter::Antialiasing);
        view->setFrameShape(QFrame::NoFrame);
        view->setMinimumSize(320, 220);
        m_views[i] = view;
        grid->addWidget(view, static_cast<int>(i / 2), static_cast<int>(i % 2));
    }
    rebuild();
}

void RelationshipCharts::setFigures(const core::RelationshipFigures& figures) {
    m_figures = figures;
    rebuild();
}

void RelationshipCharts::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        rebuild();
    }
}

void RelationshipCharts::rebuild() {
    const QPalette p = palette();
    const std::array<QChart*, 4> charts = {
        makeStagesChart(m_figures.stages, p), makeInboundChart(m_figures.inbound, p),
        makeTopPostsChart(m_figures.topPosts, p), makeFunnelsChart(m_figures.funnels, p)};
    for (std::size_t i = 0; i < m_views.size(); ++i) {
        QChart* old = m_views[i]->chart();
        m_views[i]->setChart(charts[i]);  // the view owns the new chart
        m_views[i]->setBackgroundBrush(p.color(QPalette::Base));
        delete old;
    }
}

}  // namespace rapport::ui
