#pragma once

#include <QDate>
#include <QList>
#include <QStringList>

#include "core/clock.h"
#include "ui/page.h"

class QFrame;
class QLabel;
class QPushButton;
class QScrollArea;
class QVBoxLayout;
class QHBoxLayout;

namespace rapport::ui {

class DashboardTask;
class GoalCard;

/// The first page, answering in one look: who needs you today (the follow-up queue's counts
/// and first names, one click to the queue), what goes out this week (seven small columns of
/// post chips), how the goals stand (a card per goal) and whether the plan is value first (the
/// coming 30 days' content mix per niche, with the rules it breaks). Below them, in the same
/// scroll area, "relationships, not numbers" as charts.
///
/// The figures come from core::Dashboard and core::RelationshipStats, computed off the GUI
/// thread by a DashboardTask on its own connection; after store changes the page asks for them
/// again, debounced, and keeps showing the last figures meanwhile.
class DashboardPage : public Page {
    Q_OBJECT
public:
    DashboardPage(core::Store& store, const core::Clock& clock, QWidget* parent = nullptr);
    ~DashboardPage() override;

    DashboardTask* task() const { return m_task; }
    /// True once the four answers are on screen.
    bool hasAnswers() const { return m_hasAnswers; }
    /// True once the charts are on screen.
    bool hasCharts() const { return m_hasCharts; }

    // What the page shows, for tests and accessibility.
    /// The queue's counts as shown: overdue, today, this week.
    QList<int> queueCounts() const;
    /// The names listed under the queue's counts.
    QStringList queueNames() const;
    /// Posts shown per day of the week (chips plus "+N more"), today first.
    QList<int> weekCounts() const;
    /// The chips' titles of one day (0 = today).
    QStringList dayChips(int day) const;
    QList<GoalCard*> goalCards() const;
    /// One text per niche of the content mix: its name, counts and the rules it breaks.
    QStringList mixTexts() const;
    /// The charts' titles, in order.
    QStringList chartTitles() const;

signals:
    /// The reader asked for the follow-up queue of `day`.
    void openQueue(QDate day);
    /// The reader clicked a name in the queue.
    void openContact(core::Id contactId);

protected:
    void rebuild() override;
    void changeEvent(QEvent* event) override;

private:
    void showAnswers();
    void showCharts();
    void showQueue();
    void showWeek();
    void showGoals();
    void showMix();
    void applyPalette();
    QFrame* makeCard(const QString& objectName, const QString& title, QVBoxLayout** body);

    const core::Clock& m_clock;
    DashboardTask* m_task;
    bool m_hasAnswers = false;
    bool m_hasCharts = false;
    QDate m_today;

    QScrollArea* m_scroll;
    QLabel* m_status;
    QList<QFrame*> m_cards;
    // Who needs you today.
    QLabel* m_needsYou;
    QLabel* m_needsCaption;
    QList<QLabel*> m_counts;  // overdue, today, this week
    QVBoxLayout* m_names;
    QPushButton* m_openQueue;
    // What goes out this week.
    QLabel* m_weekSummary;
    QHBoxLayout* m_week;
    // How the goals stand.
    QVBoxLayout* m_goals;
    // Value first?
    QLabel* m_mixSummary;
    QVBoxLayout* m_mix;
    // Relationships, not numbers.
    QVBoxLayout* m_charts;
    QLabel* m_chartsNote;
};

}  // namespace rapport::ui
