#pragma once

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QTimer>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/dashboard.h"
#include "core/relationshipstats.h"
#include "core/store.h"

namespace rapport::ui {

/// Computes the dashboard's figures off the GUI thread. A core::Store is one SQLite connection
/// and not thread-safe, so the worker reads through a connection of its own to the same file
/// (WAL lets it read while the GUI's connection writes), opened for each run on the thread that
/// runs it. A workspace in memory has no file to share: its
/// figures are computed on the calling thread.
///
/// A run computes the four answers first (core::Dashboard) and hands them over at once, then
/// the charts' figures (core::RelationshipStats). Requests are debounced: a burst of store
/// changes makes one run after it, and a request during a run makes one more run after it.
class DashboardTask : public QObject {
    Q_OBJECT
public:
    DashboardTask(core::Store& store, const core::Clock& clock, QObject* parent = nullptr);
    /// Waits for a running computation, so its connection never outlives the task.
    ~DashboardTask() override;

    /// Computes again after a short quiet time (debounced) when the store changed since the
    /// last run; the first request runs at once.
    void request();
    /// Starts a run now (or right after the running one).
    void start();
    bool isRunning() const;
    /// True once a run's answers came in.
    bool hasAnswers() const { return m_answers.has_value(); }
    const core::DashboardFigures& answers() const { return *m_answers; }
    bool hasCharts() const { return m_charts.has_value(); }
    const core::RelationshipFigures& charts() const { return *m_charts; }
    /// Milliseconds from the start of the last run to its answers.
    qint64 answersMs() const { return m_answersMs; }

    void setDebounceMs(int ms) { m_debounce.setInterval(ms); }
    /// Runs on the calling thread, even for a file (for tests that want no thread).
    void setSynchronous(bool synchronous) { m_synchronous = synchronous; }

signals:
    /// The four answers of a run are in answers().
    void answersReady();
    /// The charts' figures of a run are in charts().
    void chartsReady();
    /// A run failed; the sentence says why. The figures shown before stay.
    void failed(const QString& sentence);

private:
    struct Result {
        std::optional<core::RelationshipFigures> charts;
        QString error;
    };
    Result run(core::Store& store);
    void finish(const Result& result);
    void deliverAnswers(core::DashboardFigures figures);

    core::Store& m_store;
    const core::Clock& m_clock;
    std::string m_path;
    bool m_synchronous = false;
    bool m_pending = false;
    std::optional<core::DashboardFigures> m_answers;
    std::optional<core::RelationshipFigures> m_charts;
    qint64 m_answersMs = 0;
    QElapsedTimer m_runClock;
    QTimer m_debounce;
    QFutureWatcher<Result> m_watcher;
    // Changes the store announced, and how many there had been when the last run started: a
    // request with nothing new since then needs no run, and one during a run that started
    // before a change needs another after it.
    std::uint64_t m_changes = 0;
    std::uint64_t m_runChanges = 0;
    std::uint64_t m_runs = 0;
    core::Subscription m_subscription;  // last, so it goes first
};

}  // namespace rapport::ui
