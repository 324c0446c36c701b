#include "ui/contactexporttask.h"

#include <QFileInfo>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>
#include <string>

#include "core/contactexport.h"
#include "core/errors.h"
#include "core/followupcalendar.h"
#include "core/followupqueue.h"
#include "ui/displaytext.h"

namespace rapport::ui {

ContactExportTask::ContactExportTask(QString workspacePath, ContactExportKind kind, QString target,
                                     core::Instant now, QObject* parent)
    : QObject(parent),
      m_path(std::move(workspacePath)),
      m_kind(kind),
      m_target(std::move(target)),
      m_now(now) {
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, [this] {
        m_result = m_watcher.result();
        emit finished(m_result.outcome, m_result.message);
    });
}

ContactExportTask::~ContactExportTask() {
    cancel();
    m_watcher.waitForFinished();
}

void ContactExportTask::start() {
    Q_ASSERT(!isRunning());
    m_watcher.setFuture(QtConcurrent::run([this, path = m_path.toStdString(), kind = m_kind,
                                           target = m_target, now = m_now]() -> Result {
        try {
            const auto store = core::Store::openConnection(path);
            const core::FixedClock clock{now};
            return run(*store, clock, kind, target, [this](qint64 done, qint64 total) {
                emit progressed(done, total);
                return !m_cancelled.load();
            });
        } catch (const std::exception& e) {
            return {Outcome::Failed,
                    QObject::tr("Could not export to %1: %2").arg(target, qs(e.what()))};
        }
    }));
}

void ContactExportTask::cancel() {
    m_cancelled.store(true);
}

bool ContactExportTask::isRunning() const {
    return m_watcher.isRunning();
}

ContactExportTask::Result ContactExportTask::run(
    core::Store& store, const core::Clock& clock, ContactExportKind kind, const QString& target,
    const std::function<bool(qint64, qint64)>& progress) {
    qint64 records = 0;
    const core::Progress step = [&](std::size_t done, std::size_t total) {
        records = static_cast<qint64>(total);
        return !progress || progress(static_cast<qint64>(done), static_cast<qint64>(total));
    };
    std::string text;
    try {
        if (progress && !progress(0, 0)) {
            throw core::Cancelled{};
        }
        switch (kind) {
            case ContactExportKind::Csv:
                text = core::ContactExport::toCsv(store, step);
                break;
            case ContactExportKind::VCard:
                text = core::ContactExport::toVCard(store, core::VCardVersion::V4, step);
                break;
            case ContactExportKind::FollowUps: {
                core::FollowUpQueue queue{store, clock};
                const auto day = queue.forToday();
                text = core::FollowUpCalendar::toICalendar(day, clock.now(), step);
                break;
            }
        }
    } catch (const core::Cancelled&) {
        return {Outcome::Cancelled, QObject::tr("Export cancelled; no file was written.")};
    } catch (const std::exception& e) {
        return {Outcome::Failed,
                QObject::tr("Could not export to %1: %2").arg(target, qs(e.what()))};
    }
    // QSaveFile writes next to the target and renames over it on commit(); a failure on the
    // way leaves whatever was there before, never half a file.
    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly)) {
        return {Outcome::Failed,
                QObject::tr("Could not write %1: %2").arg(target, file.errorString())};
    }
    const auto size = static_cast<qint64>(text.size());
    if (file.write(text.data(), size) != size) {
        const QString error = file.errorString();
        file.cancelWriting();
        return {Outcome::Failed, QObject::tr("Could not write %1: %2").arg(target, error)};
    }
    if (progress && !progress(records, records)) {
        file.cancelWriting();  // the last moment a cancel still leaves no file
        return {Outcome::Cancelled, QObject::tr("Export cancelled; no file was written.")};
    }
    if (!file.commit()) {
        return {Outcome::Failed,
                QObject::tr("Could not write %1: %2").arg(target, file.errorString())};
    }
    const QString what = kind == ContactExportKind::FollowUps
                             ? countOf(records, QObject::tr("follow-up"), QObject::tr("follow-ups"))
                             : countOf(records, QObject::tr("contact"), QObject::tr("contacts"));
    return {Outcome::Exported,
            QObject::tr("Exported %1 to %2.").arg(what, QFileInfo(target).fileName())};
}

}  // namespace rapport::ui
