#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>
#include <vector>

#include "core/store.h"

namespace rapport::ui {

/// What to export from the calendar, and where.
struct CalendarExport {
    enum class Format { ICalendar, SchedulerCsv };
    Format format = Format::ICalendar;
    /// Local days; iCalendar without them exports everything. Scheduler CSV needs both.
    std::optional<core::Date> from;
    std::optional<core::Date> to;
    /// iCalendar: the .ics file. Scheduler CSV: the .csv file for one channel, or the folder
    /// that gets one file per channel.
    QString target;
    /// Scheduler CSV: the channels; empty means every channel of the workspace.
    std::vector<core::Id> channels;
    core::Instant now{};  ///< DTSTAMP of the iCalendar file
};

/// The file a channel's scheduler CSV gets in a folder: "X 2026-11-01 to 2026-11-30.csv", with
/// characters that no file system takes replaced.
QString schedulerCsvFileName(const std::string& channelName, core::Date from, core::Date to);

/// Exports the calendar off the GUI thread. A core::Store is one SQLite connection and not
/// thread-safe, so the worker opens its own connection to the same workspace file (as the
/// restore does); it only reads. Files are written whole or not at all (QSaveFile), so a
/// cancel or a failure never leaves half a file behind.
class CalendarExportTask : public QObject {
    Q_OBJECT
public:
    enum class Outcome { Exported, Cancelled, Failed };
    Q_ENUM(Outcome)

    struct Result {
        Outcome outcome = Outcome::Failed;
        QString message;  ///< what was written, or why not, as a sentence
        QStringList files;
    };

    CalendarExportTask(QString workspacePath, CalendarExport request, QObject* parent = nullptr);
    /// Cancels a running export and waits for it, so the file is never left busy.
    ~CalendarExportTask() override;

    void start();
    void cancel();
    bool isRunning() const;
    const Result& result() const { return m_result; }

    /// The work itself on the calling thread, over `store`. `progress(done, total)` is asked
    /// between files; false cancels. Every failure comes back as a Result with a sentence.
    static Result run(core::Store& store, const CalendarExport& request,
                      const std::function<bool(qint64, qint64)>& progress);

signals:
    void progressed(qint64 done, qint64 total);
    void finished(rapport::ui::CalendarExportTask::Outcome outcome, const QString& message);

private:
    QString m_path;
    CalendarExport m_request;
    std::atomic<bool> m_cancelled{false};
    QFutureWatcher<Result> m_watcher;
    Result m_result;
};

}  // namespace rapport::ui
