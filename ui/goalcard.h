#pragma once

#include <QFrame>

#include "core/dashboard.h"

class QLabel;

namespace rapport::ui {

/// One goal on the dashboard: its title, a slim progress bar, a badge saying whether it is on
/// track, and the forecast at the pace so far ("At this pace: 19 of 25 by 1 Mar"). Colours come
/// from the palette, with calm green and amber for the pace, so it reads in light and dark.
class GoalCard : public QFrame {
    Q_OBJECT
public:
    explicit GoalCard(QWidget* parent = nullptr);

    void setGoal(const core::GoalCard& card, core::Date today);

    core::Id goalId() const { return m_goalId; }
    QString titleText() const;
    /// "12 of 25 relationships".
    QString valueText() const;
    /// "On track", "Behind", ...
    QString badgeText() const;
    /// "At this pace: 19 by 1 Mar", or a sentence for a goal without a pace.
    QString forecastText() const;
    /// The bar's fill, 0..1.
    double progress() const { return m_progress; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyPalette();

    core::Id m_goalId = 0;
    double m_progress = 0;
    int m_pace = 0;
    QLabel* m_title;
    QLabel* m_value;
    QLabel* m_badge;
    QLabel* m_forecast;
    QWidget* m_bar;
};

/// The calm colour of a pace: green on track or achieved, amber behind, the palette's quiet
/// text colour otherwise. Shared by the goal cards and the dashboard's mix bars.
QColor paceColour(int pace, const QPalette& palette);

}  // namespace rapport::ui
