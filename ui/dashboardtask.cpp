#include "ui/dashboardtask.h"

#include <QtConcurrent/QtConcurrentRun>

#include <exception>

#include "ui/displaytext.h"

namespace rapport::ui {

namespace {

constexpr int kDefaultDebounceMs = 200;

}  // namespace

DashboardTask::DashboardTask(core::Store& store, const core::Clock& clock, QObject* parent)
    : QObject(parent), m_store(store), m_clock(clock), m_path(store.path()) {
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDefaultDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &DashboardTask::start);
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this,
            [this] { finish(m_watcher.result()); });
    m_subscription = store.subscribe([this](const core::Change&) { ++m_changes; });
}

DashboardTask::~DashboardTask() {
    m_debounce.stop();
    m_watcher.waitForFinished();
}

bool DashboardTask::isRunning() const {
    return m_watcher.isRunning();
}

void DashboardTask::request() {
    if (isRunning()) {
        // A change after the running one started needs one more run once it is done.
        m_pending = m_pending || m_changes != m_runChanges;
        return;
    }
    if (m_runs == 0) {
        start();
        return;
    }
    if (m_changes == m_runChanges && !m_pending) {
        return;  // nothing new since the figures shown
    }
    m_debounce.start();
}

void DashboardTask::start() {
    m_debounce.stop();
    if (isRunning()) {
        m_pending = true;
        return;
    }
    m_pending = false;
    m_runChanges = m_changes;
    ++m_runs;
    m_runClock.start();
    if (m_synchronous || m_path.empty() || m_path == ":memory:") {
        finish(run(m_store));
        return;
    }
    // A connection of the run's own, opened and closed on the pool thread that runs it: a
    // connection stays on one thread, and opening a second one to a checked file takes
    // milliseconds (Store::openConnection skips the check open() made).
    m_watcher.setFuture(QtConcurrent::run([this]() -> Result {
        try {
            const auto store = core::Store::openConnection(m_path);
            return run(*store);
        } catch (const std::exception& e) {
            return {std::nullopt, qs(e.what())};
        }
    }));
}

DashboardTask::Result DashboardTask::run(core::Store& store) {
    try {
        core::DashboardFigures answers = core::Dashboard(store, m_clock).compute();
        const core::Date today = answers.today;
        deliverAnswers(std::move(answers));
        return {core::RelationshipStats(store, m_clock).compute(today), {}};
    } catch (const std::exception& e) {
        return {std::nullopt, qs(e.what())};
    }
}

void DashboardTask::deliverAnswers(core::DashboardFigures figures) {
    // From the worker: the answers go to this object's thread as soon as they are ready, before
    // the charts' figures. A task deleted meanwhile drops the call.
    QMetaObject::invokeMethod(
        this,
        [this, figures = std::move(figures)]() mutable {
            m_answers = std::move(figures);
            m_answersMs = m_runClock.isValid() ? m_runClock.elapsed() : 0;
            emit answersReady();
        },
        Qt::QueuedConnection);
}

void DashboardTask::finish(const Result& result) {
    if (result.charts) {
        m_charts = result.charts;
        emit chartsReady();
    } else if (!result.error.isEmpty()) {
        emit failed(result.error);
    }
    if (m_pending) {
        start();
    }
}

}  // namespace rapport::ui
