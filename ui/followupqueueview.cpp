#include "ui/followupqueueview.h"

#include <QCalendarWidget>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include "core/errors.h"
#include "core/timeutil.h"
#include "ui/contactcommands.h"
#include "ui/displaytext.h"
#include "ui/followupqueuemodel.h"
#include "ui/roles.h"
#include "ui/undocontext.h"

namespace rapport::ui {

namespace {

// Rows with room to breathe: the queue is read, not scanned like a spreadsheet.
class RoomyDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        const bool heading = index.data(SectionLevelRole).toInt() > 0;
        size.setHeight(size.height() + (heading ? 14 : 10));
        return size;
    }
};

}  // namespace

FollowUpQueueView::FollowUpQueueView(core::Store& store, UndoContext& undo,
                                     const core::Clock& clock, QWidget* parent)
    : QWidget(parent),
      m_undo(undo),
      m_clock(clock),
      m_model(new FollowUpQueueModel(store, clock, this)),
      m_view(new QTreeView(this)),
      m_day(new QDateEdit(this)),
      m_todayButton(new QPushButton(tr("Today"), this)),
      m_done(new QPushButton(tr("&Mark done"), this)),
      m_snooze(new QToolButton(this)),
      m_open(new QPushButton(tr("&Open contact"), this)),
      m_empty(new QLabel(this)),
      m_error(new QLabel(this)) {
    setObjectName(QStringLiteral("followUpQueue"));
    m_day->setObjectName(QStringLiteral("queueDay"));
    m_day->setCalendarPopup(true);
    m_day->setDisplayFormat(QStringLiteral("dddd d MMMM yyyy"));
    m_day->setDate(toQDate(m_model->day()));
    m_day->setToolTip(tr("Show the queue of another day"));
    connect(m_day, &QDateEdit::dateChanged, this, [this](const QDate& day) {
        if (day.isValid() && fromQDate(day) != m_model->day()) {
            m_model->setDay(fromQDate(day));
        }
    });
    m_todayButton->setObjectName(QStringLiteral("queueToday"));
    connect(m_todayButton, &QPushButton::clicked, this, [this] { showDay({}); });

    m_done->setObjectName(QStringLiteral("markDone"));
    m_done->setToolTip(tr("Logs the touch: an outbound interaction, or the sequence step done"));
    connect(m_done, &QPushButton::clicked, this, [this] { markSelectedDone(); });
    m_snooze->setObjectName(QStringLiteral("queueSnooze"));
    m_snooze->setText(tr("Snooze"));
    m_snooze->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(m_snooze);
    const auto after = [this](int days) {
        return [this, days] { snoozeSelected(core::addDays(m_model->today(), days)); };
    };
    menu->addAction(tr("1 day"), this, after(1));
    menu->addAction(tr("3 days"), this, after(3));
    menu->addAction(tr("A week"), this, after(7));
    menu->addAction(tr("Until a date…"), this, [this] {
        QDialog dialog(this);
        dialog.setWindowTitle(tr("Snooze until"));
        auto* calendar = new QCalendarWidget(&dialog);
        calendar->setMinimumDate(toQDate(core::addDays(m_model->today(), 1)));
        calendar->setSelectedDate(toQDate(core::addDays(m_model->today(), 14)));
        auto* buttons =
            new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
        connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        auto* layout = new QVBoxLayout(&dialog);
        layout->addWidget(calendar);
        layout->addWidget(buttons);
        if (dialog.exec() == QDialog::Accepted) {
            snoozeSelected(fromQDate(calendar->selectedDate()));
        }
    });
    m_snooze->setMenu(menu);
    m_open->setObjectName(QStringLiteral("openContact"));
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (const core::Id id = selectedContact()) {
            emit openContact(id);
        }
    });

    m_view->setObjectName(QStringLiteral("queueView"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new RoomyDelegate(m_view));
    m_view->setIndentation(14);
    m_view->setRootIsDecorated(false);
    m_view->setItemsExpandable(false);
    m_view->setUniformRowHeights(false);
    m_view->setAlternatingRowColors(false);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(FollowUpQueueModel::ContactColumn,
                                           QHeaderView::Interactive);
    m_view->header()->setSectionResizeMode(FollowUpQueueModel::ReasonsColumn, QHeaderView::Stretch);
    m_view->header()->resizeSection(FollowUpQueueModel::ContactColumn, 200);
    m_view->header()->resizeSection(FollowUpQueueModel::LastTouchColumn, 170);
    m_view->header()->resizeSection(FollowUpQueueModel::DueColumn, 130);
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex& index) {
        if (const auto* item = m_model->itemAt(index.siblingAtColumn(0))) {
            emit openContact(item->contactId);
        }
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { updateButtons(); });
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this,
            [this] { m_keepSelected = selectedContact(); });
    connect(m_model, &FollowUpQueueModel::refreshed, this, [this] { onRefreshed(); });

    m_empty->setObjectName(QStringLiteral("queueEmpty"));
    m_empty->setWordWrap(true);
    m_empty->setContentsMargins(12, 8, 12, 8);
    makeQuiet(m_empty);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->hide();

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_day);
    bar->addWidget(m_todayButton);
    bar->addStretch(1);
    bar->addWidget(m_done);
    bar->addWidget(m_snooze);
    bar->addWidget(m_open);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_error);
    layout->addWidget(m_empty);
    layout->addWidget(m_view, 1);
    onRefreshed();
}

void FollowUpQueueView::showDay(const QDate& day) {
    if (day.isValid()) {
        m_model->setDay(fromQDate(day));
    } else {
        m_model->followToday();
    }
}

void FollowUpQueueView::onRefreshed() {
    expandAll();
    {
        const QSignalBlocker block(m_day);
        m_day->setDate(toQDate(m_model->day()));
    }
    const auto& q = m_model->queue();
    const bool isToday = m_model->day() == m_model->today();
    m_todayButton->setEnabled(!isToday);
    if (q.empty()) {
        m_empty->setText(
            isToday ? tr("Nobody needs you today or this week. A good day to "
                         "reach out to someone new.")
                    : tr("Nobody is due in the week from %1.").arg(formatDate(m_model->day())));
    } else {
        QStringList parts{
            countOf(static_cast<std::int64_t>(q.overdue.size()), tr("overdue"), tr("overdue")),
            tr("%1 today").arg(q.today.size()), tr("%1 later this week").arg(q.thisWeek.size())};
        m_empty->setText(parts.join(dot()));
    }
    if (m_keepSelected != 0 && !select(m_keepSelected)) {
        // Done or snoozed away: the next one waiting takes its place.
    }
    m_keepSelected = 0;
    updateButtons();
}

void FollowUpQueueView::expandAll() {
    m_view->expandAll();
    for (int s = 0; s < m_model->rowCount(); ++s) {
        m_view->setFirstColumnSpanned(s, {}, true);
    }
}

bool FollowUpQueueView::select(core::Id contactId) {
    const QModelIndex at = m_model->indexOf(contactId);
    if (!at.isValid()) {
        return false;
    }
    m_view->setCurrentIndex(at);
    m_view->selectionModel()->select(
        at, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(at);
    return true;
}

core::Id FollowUpQueueView::selectedContact() const {
    const auto rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        return 0;
    }
    const auto* item = m_model->itemAt(rows.first());
    return item ? item->contactId : 0;
}

void FollowUpQueueView::updateButtons() {
    const bool any = selectedContact() != 0;
    m_done->setEnabled(any);
    m_snooze->setEnabled(any);
    m_open->setEnabled(any);
}

void FollowUpQueueView::markSelectedDone() {
    const auto rows = m_view->selectionModel()->selectedRows();
    const auto* item = rows.isEmpty() ? nullptr : m_model->itemAt(rows.first());
    if (!item) {
        return;
    }
    const core::FollowUpItem copy = *item;  // the model reads again during the edit
    try {
        m_error->hide();
        markDone(m_undo, m_clock, copy);
    } catch (const core::ValidationError& e) {
        m_error->setText(qs(e.what()));
        m_error->show();
    }
}

void FollowUpQueueView::snoozeSelected(std::optional<core::Date> until) {
    const core::Id id = selectedContact();
    if (id == 0) {
        return;
    }
    try {
        m_error->hide();
        snooze(m_undo, id, until);
    } catch (const core::ValidationError& e) {
        m_error->setText(qs(e.what()));
        m_error->show();
    }
}

}  // namespace rapport::ui
