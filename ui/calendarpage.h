#pragma once

#include <QDate>

#include <memory>
#include <optional>
#include <vector>

#include "core/clock.h"
#include "core/mixadvisor.h"
#include "core/posttimeline.h"
#include "ui/calendarexporttask.h"
#include "ui/calendarfilter.h"
#include "ui/calendaritem.h"
#include "ui/page.h"

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListView;
class QMenu;
class QScrollArea;
class QStackedWidget;
class QToolButton;

namespace rapport::ui {

class AgendaModel;
class MonthView;
class UndoContext;
class WeekView;

/// The content calendar: a month grid, a week of time slots or an agenda list of the posts in
/// the workspace's time zone, series expanded, each post flagged by the content-mix advisor;
/// filters and search over what is loaded; drag to reschedule, double-click to edit, each
/// change one undo step. Only the shown period is read from the store.
class CalendarPage : public Page {
    Q_OBJECT
public:
    enum class View { Month, Week, Agenda };
    /// What a change to one occurrence of a series applies to.
    enum class SeriesScope { Ask, ThisOnly, AllFollowing };

    CalendarPage(core::Store& store, UndoContext& undo, const core::Clock& clock,
                 QWidget* parent = nullptr);

    View view() const { return m_view; }
    void setView(View view);
    /// The selected day; the shown period is the month or week that holds it.
    QDate date() const { return m_date; }
    void setDate(const QDate& day);
    void next();
    void previous();
    void goToToday();

    const CalendarFilter& filter() const { return m_filter; }
    void setFilter(const CalendarFilter& filter);

    /// The local days loaded for the view, first and last.
    QDate rangeFrom() const { return m_from; }
    QDate rangeTo() const { return m_to; }
    /// The posts shown, after the filter, in time order.
    const std::vector<const CalendarItem*>& visibleItems() const { return m_visible; }
    /// Every post in memory, which the page's periods are taken from.
    const core::PostTimeline& timeline() const { return m_timeline; }

    MonthView* monthView() const { return m_month; }
    WeekView* weekView() const { return m_week; }
    AgendaModel* agendaModel() const { return m_agenda; }
    QLabel* mixPanel() const { return m_mix; }

    /// Tests and scripted use answer the "only this or all following" question up front.
    void setSeriesScope(SeriesScope scope) { m_scope = scope; }

    /// Moves the post `key` (CalendarItem::key()) to `day`, at `minutes` or keeping its time,
    /// as one undo step. False when there is no such post or the user cancelled.
    bool movePost(const QString& key, const QDate& day, std::optional<int> minutes = {});
    /// Opens the editor on a post; its OK (or Duplicate) is one undo step.
    void openItem(const CalendarItem* item);
    /// Opens the editor on a new post on `day`.
    void newPost(const QDate& day);
    /// Skips one occurrence of a series (the chip's menu, the editor's "Skip this one") as one
    /// undo step. False for a post that is not an occurrence.
    bool skipItem(const CalendarItem* item);
    /// The chip's context menu: Edit…, Skip this occurrence. Deletes itself when closed.
    QMenu* chipMenu(const CalendarItem* item);

    /// Asks what and where (the toolbar's Export actions), then exports.
    void exportWithDialogs(CalendarExport::Format format);
    /// Exports off the GUI thread on a connection of its own, with a progress dialog that can
    /// cancel; exportFinished() follows. A workspace in memory is exported on this thread.
    void startExport(CalendarExport request);
    /// The running export, if any.
    CalendarExportTask* exportTask() const { return m_export; }

signals:
    void exportFinished(rapport::ui::CalendarExportTask::Outcome outcome, const QString& message,
                        const QStringList& files);

protected:
    void rebuild() override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void buildToolbar();
    void buildFilters();
    void fillFilterChoices();
    void applyFilter();
    void showPeriod();
    void readFilterFields();
    std::optional<SeriesScope> askScope(const QString& action);
    /// Turns a single post (or a new one) into the template of a new series, one undo step.
    void makeRecurring(const core::Post& before, const core::Post& after, const core::Series& rule);
    /// Saves an edit or a move as one undo step. For "this and all following", `editedRule`
    /// (starting on the day the edited post falls on) replaces the series' rule from there on.
    void savePost(const core::Post& before, core::Post after, SeriesScope scope,
                  const QString& text, const std::optional<core::Series>& editedRule = {});

    UndoContext& m_undo;
    const core::Clock& m_clock;
    View m_view = View::Month;
    QDate m_date;
    QDate m_from;
    QDate m_to;
    CalendarFilter m_filter;
    SeriesScope m_scope = SeriesScope::Ask;
    /// The shown period's posts, shared with the loaded periods it came from.
    std::shared_ptr<const std::vector<CalendarItem>> m_items =
        std::make_shared<const std::vector<CalendarItem>>();
    std::vector<const CalendarItem*> m_visible;

    QLabel* m_periodLabel = nullptr;
    QDateEdit* m_picker = nullptr;
    QToolButton* m_viewButtons[3] = {};
    QComboBox* m_channelFilter = nullptr;
    QComboBox* m_nicheFilter = nullptr;
    QComboBox* m_campaignFilter = nullptr;
    QComboBox* m_statusFilter = nullptr;
    QComboBox* m_purposeFilter = nullptr;
    QLineEdit* m_search = nullptr;
    QStackedWidget* m_views = nullptr;
    MonthView* m_month = nullptr;
    WeekView* m_week = nullptr;
    QScrollArea* m_weekScroll = nullptr;
    QListView* m_agendaView = nullptr;
    AgendaModel* m_agenda = nullptr;
    QLabel* m_mix = nullptr;
    /// A period's posts as loaded and advised, kept so going back and forth between periods
    /// does not read them again; emptied by any change to the store.
    struct Loaded {
        View view;
        QDate from;
        QDate to;
        std::shared_ptr<const std::vector<CalendarItem>> items;
        QString mix;  ///< the mix panel's text
        std::size_t flagged = 0;
    };
    /// The range a view shows around `day`.
    static std::pair<QDate, QDate> rangeOf(View view, const QDate& day);
    const Loaded& load(View view, const QDate& from, const QDate& to);
    /// Loads the periods before and after the shown one while the user looks at it, one per
    /// turn of the event loop, so "next" and "previous" find them ready.
    void prefetchNeighbours();
    /// Reads every post for the timeline on a worker, through its own connection, shortly
    /// after the window opens; a look at the calendar before it is done reads them itself.
    void readTimelineInBackground();
    /// Drops the loaded periods when another connection wrote to the file since they were read.
    void forgetIfChangedElsewhere();

    /// Every post in memory, so a period never loaded before is read without the file.
    core::PostTimeline m_timeline;
    std::vector<Loaded> m_loaded;
    core::Subscription m_cacheSubscription;
    int m_prefetchGeneration = 0;
    CalendarExportTask* m_export = nullptr;
    QLabel* m_exportStatus = nullptr;
    bool m_updatingFields = false;
    bool m_choicesStale = true;  ///< the filters' channels, niches and campaigns
    bool m_weekScrolled = false;
    bool m_timelineReadQueued = false;
};

}  // namespace rapport::ui
