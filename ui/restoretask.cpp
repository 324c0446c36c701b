#include "ui/restoretask.h"

#include <QtConcurrent/QtConcurrentRun>

#include "core/errors.h"
#include "core/store.h"

namespace rapport::ui {

RestoreTask::RestoreTask(QString workspacePath, core::WorkspaceData data,
                         core::workspacejson::Existing existing, QObject* parent)
    : QObject(parent),
      m_path(std::move(workspacePath)),
      m_data(std::make_shared<const core::WorkspaceData>(std::move(data))),
      m_existing(existing) {
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, [this] {
        const Result result = m_watcher.result();
        emit finished(result.outcome, result.message);
    });
}

RestoreTask::~RestoreTask() {
    cancel();
    m_watcher.waitForFinished();
}

void RestoreTask::start() {
    Q_ASSERT(!isRunning());
    // The worker holds its own reference to the data, and reads the flag through `this`, which
    // the destructor keeps alive until the worker is done.
    m_watcher.setFuture(QtConcurrent::run(
        [this, path = m_path.toStdString(), data = m_data, existing = m_existing] {
            return run(path, *data, existing, [this](std::size_t done, std::size_t total) {
                emit progressed(static_cast<qint64>(done), static_cast<qint64>(total));
                return !m_cancelled.load();
            });
        }));
}

void RestoreTask::cancel() {
    m_cancelled.store(true);
}

bool RestoreTask::isRunning() const {
    return m_watcher.isRunning();
}

std::size_t RestoreTask::recordCount() const {
    return m_data->recordCount();
}

RestoreTask::Result RestoreTask::run(const std::string& workspacePath,
                                     const core::WorkspaceData& data,
                                     core::workspacejson::Existing existing,
                                     const core::Progress& progress) {
    try {
        const auto store = core::Store::open(workspacePath);
        core::workspacejson::restore(*store, data, existing, progress);
        return {Outcome::Restored, {}};
    } catch (const core::Cancelled& e) {
        return {Outcome::Cancelled, QString::fromStdString(e.what())};
    } catch (const std::exception& e) {
        // OpenError, ImportError, ValidationError and StorageError all carry a sentence.
        return {Outcome::Failed, QString::fromStdString(e.what())};
    }
}

}  // namespace rapport::ui
