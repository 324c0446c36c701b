#pragma once
// Helpers for the planning page's tests: a small workspace with channels, niches, goals and
// contacts on a fixed "today", and a catcher for QAbstractItemModelTester's complaints.

#include <QStringList>
#include <QtGlobal>

#include <memory>

#include "core/clock.h"
#include "core/store.h"

namespace rapport::ui::test {

/// "Today" in the planning tests: Monday 23 November 2026, 15:00 UTC (16:00 in Berlin).
core::Instant planningNow();

/// What seedPlanning() made.
struct Planning {
    core::Id x = 0;                  ///< channel X: cap 3, three posting times
    core::Id linkedIn = 0;           ///< channel LinkedIn: cap 1, one posting time
    core::Id blog = 0;               ///< channel Blog: cap 1, one posting time
    core::Id seo = 0;                ///< niche "SEO readers", gathering on X and LinkedIn
    core::Id agencies = 0;           ///< niche "Content agencies", with an empty draw
    core::Id relationshipsGoal = 0;  ///< 4 -> 25 relationships in SEO readers
    core::Id audienceGoal = 0;       ///< audience_size, 3200 -> 5000, 3410 now
};

/// Fills an empty store (time zone Europe/Berlin): the records above, and contacts so that 6
/// SEO readers are at stage relationship or beyond.
Planning seedPlanning(core::Store& store);

/// Collects what QAbstractItemModelTester reports in Warning mode, so a broken model fails the
/// test with the tester's own words instead of aborting the whole test program.
class ModelTesterWarnings {
public:
    ModelTesterWarnings();
    ~ModelTesterWarnings();
    const QStringList& messages() const;

private:
    QtMessageHandler m_previous;
};

}  // namespace rapport::ui::test
