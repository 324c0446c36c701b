#include "ui/goalstab.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/errors.h"
#include "core/goalprogress.h"
#include "core/timeutil.h"
#include "ui/displaytext.h"
#include "ui/formerrors.h"
#include "ui/goaldialog.h"
#include "ui/goaltablemodel.h"
#include "ui/plantext.h"
#include "ui/progressdelegate.h"
#include "ui/removerecord.h"
#include "ui/undocontext.h"
#include "ui/updaterecord.h"
#include "ui/widgetstyle.h"

namespace rapport::ui {

namespace {
constexpr int kMaxRowsShown = 8;
}  // namespace

GoalsTab::GoalsTab(UndoContext& undo, const core::Clock& clock, QWidget* parent)
    : QWidget(parent),
      m_undo(undo),
      m_clock(clock),
      m_model(new GoalTableModel(undo.store(), clock, this)),
      m_view(new QTableView(this)),
      m_empty(new QLabel(this)),
      m_details(nullptr),
      m_vanity(new QFrame(this)),
      m_vanityPlan(new QLabel(this)),
      m_convertTitle(new QLineEdit(this)),
      m_convertTarget(new QSpinBox(this)),
      m_convertButton(nullptr),
      m_convertError(FormErrors::makeLine(this)),
      m_edit(actionButton(tr("Edit…"), QStringLiteral("editGoal"), this)),
      m_delete(actionButton(tr("Delete"), QStringLiteral("deleteGoal"), this)) {
    setObjectName(QStringLiteral("goalsTab"));
    auto* add = actionButton(tr("New goal…"), QStringLiteral("newGoal"), this);
    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(8);
    buttons->addWidget(add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_delete);
    buttons->addStretch(1);

    m_view->setObjectName(QStringLiteral("goalTable"));
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(GoalTableModel::Progress, new ProgressDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 18);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    QHeaderView* header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(GoalTableModel::Title, QHeaderView::Stretch);
    header->setSectionResizeMode(GoalTableModel::Progress, QHeaderView::Fixed);
    header->resizeSection(GoalTableModel::Progress, 170);
    header->setMinimumSectionSize(60);

    m_empty->setObjectName(QStringLiteral("goalsEmptyNote"));
    m_empty->setText(
        tr("No goals yet. A goal says what the relationships should lead to: "
           "“25 real relationships with SEO readers by March”."));
    m_empty->setWordWrap(true);
    m_empty->setContentsMargins(4, 8, 4, 8);
    makeQuiet(m_empty);

    // The vanity card: the note, and the way out in one click.
    m_vanity->setObjectName(QStringLiteral("vanityCard"));
    styleNote(m_vanity, NoteTone::Caution);
    auto* card = new QVBoxLayout(m_vanity);
    card->setContentsMargins(14, 12, 14, 12);
    card->setSpacing(8);
    auto* heading = new QLabel(tr("This goal counts followers, not relationships"), m_vanity);
    makeHeading(heading, 1.0);
    auto* note = new QLabel(qs(core::GoalProgress::vanityNote()), m_vanity);
    note->setObjectName(QStringLiteral("vanityNote"));
    note->setWordWrap(true);
    m_convertTitle->setObjectName(QStringLiteral("convertTitle"));
    m_convertTitle->setMinimumWidth(260);
    m_convertTarget->setObjectName(QStringLiteral("convertTarget"));
    m_convertTarget->setRange(1, 100000);
    m_convertTarget->setMinimumWidth(90);
    auto* fields = new QHBoxLayout;
    fields->setSpacing(8);
    fields->addWidget(new QLabel(tr("New title"), m_vanity));
    fields->addWidget(m_convertTitle, 1);
    fields->addSpacing(8);
    fields->addWidget(new QLabel(tr("Aim for"), m_vanity));
    fields->addWidget(m_convertTarget);
    m_vanityPlan->setParent(m_vanity);
    m_vanityPlan->setObjectName(QStringLiteral("conversionPlan"));
    makeHint(m_vanityPlan);
    const auto better = core::GoalProgress::suggestedReplacement(core::MetricKind::AudienceSize);
    m_convertButton = actionButton(tr("Count %1 instead").arg(metricName(better).toLower()),
                                   QStringLiteral("convertGoal"), m_vanity);
    m_convertError->setParent(m_vanity);
    m_convertError->setObjectName(QStringLiteral("error-conversion"));
    card->addWidget(heading);
    card->addWidget(note);
    card->addLayout(fields);
    card->addWidget(m_vanityPlan);
    card->addWidget(m_convertError);
    card->addWidget(m_convertButton, 0, Qt::AlignLeft);

    QScrollArea* detailPanel = makeDetailPanel(this, &m_details, QStringLiteral("goalDetails"));
    // The stretch added by makeDetailPanel stays last, under the card.
    auto* detailLayout = qobject_cast<QVBoxLayout*>(detailPanel->widget()->layout());
    detailLayout->insertWidget(1, m_vanity);

    auto* line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Plain);
    line->setForegroundRole(QPalette::Midlight);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 12, 0, 0);
    layout->setSpacing(10);
    layout->addLayout(buttons);
    layout->addWidget(m_empty);
    layout->addWidget(m_view);
    layout->addWidget(line);
    layout->addWidget(detailPanel, 1);

    connect(add, &QPushButton::clicked, this, [this] { newGoal(); });
    connect(m_edit, &QPushButton::clicked, this, [this] { editGoal(currentId()); });
    connect(m_delete, &QPushButton::clicked, this, [this] { deleteGoal(currentId()); });
    connect(m_view, &QTableView::doubleClicked, this, [this] { editGoal(currentId()); });
    auto* del = new QShortcut(QKeySequence::Delete, m_view, nullptr, nullptr, Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, [this] { deleteGoal(currentId()); });
    connect(m_convertButton, &QPushButton::clicked, this,
            [this] { convertToRelationships(currentId()); });
    connect(m_convertTarget, &QSpinBox::valueChanged, this, &GoalsTab::suggestTitle);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &GoalsTab::updateDetails);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &GoalsTab::updateDetails);
    // A reset (a niche went, a restore) keeps the reader on the goal they were reading.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this,
            [this] { m_keepSelected = currentId(); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        select(std::exchange(m_keepSelected, 0));
        updateDetails();
    });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &GoalsTab::updateDetails);
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex&, int first) {
                // A goal just made (or brought back by undo) is the one to look at.
                m_view->setCurrentIndex(m_model->index(first, 0));
            });
    if (m_model->rowCount() > 0) {
        m_view->setCurrentIndex(m_model->index(0, 0));
    }
    updateDetails();
}

core::Id GoalsTab::currentId() const {
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->goalAt(current.row()).id : 0;
}

void GoalsTab::select(core::Id id) {
    const int row = m_model->rowOf(id);
    if (row >= 0) {
        m_view->setCurrentIndex(m_model->index(row, 0));
    }
}

GoalDialog* GoalsTab::newGoal() {
    auto* dialog = new GoalDialog(m_undo, m_clock, std::nullopt, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

GoalDialog* GoalsTab::editGoal(core::Id id) {
    const int row = m_model->rowOf(id);
    if (row < 0) {
        return nullptr;
    }
    auto* dialog = new GoalDialog(m_undo, m_clock, m_model->goalAt(row), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void GoalsTab::deleteGoal(core::Id id) {
    const int row = m_model->rowOf(id);
    if (row < 0) {
        return;
    }
    // No "are you sure": the Edit menu's Undo brings it back, with its campaigns' links.
    const QString title = qs(m_model->goalAt(row).title);
    try {
        m_undo.perform(std::make_unique<RemoveRecord<core::Goal>>(
            m_undo, id, tr("Delete goal “%1”").arg(title)));
    } catch (const std::exception& e) {
        m_undo.reportFailure(qs(e.what()));
    }
}

void GoalsTab::fitTable() {
    // As tall as its rows, up to a point: the selected goal's story below needs the room more
    // than empty table lines do.
    const int rows = std::clamp(m_model->rowCount(), 1, kMaxRowsShown);
    const int height = m_view->horizontalHeader()->sizeHint().height() +
                       rows * m_view->verticalHeader()->defaultSectionSize() +
                       2 * m_view->frameWidth() + 2;
    m_view->setFixedHeight(height);
}

void GoalsTab::updateDetails() {
    const int rows = m_model->rowCount();
    m_empty->setVisible(rows == 0);
    m_view->setVisible(rows > 0);
    fitTable();
    if (!m_view->currentIndex().isValid() && rows > 0) {
        m_view->setCurrentIndex(m_model->index(0, 0));  // calls back here
        return;
    }
    const QModelIndex current = m_view->currentIndex();
    const bool has = current.isValid();
    m_edit->setEnabled(has);
    m_delete->setEnabled(has);
    if (!has) {
        m_details->setText(rows == 0 ? QString{}
                                     : tr("<p style='color:%1'>Select a goal to see where it "
                                          "stands.</p>")
                                           .arg(quietColour(this)));
        m_vanity->hide();
        return;
    }
    const int row = current.row();
    m_details->setText(detailsHtml(row));
    const core::Goal& goal = m_model->goalAt(row);
    const bool vanity = m_model->reportAt(row).vanity;
    m_vanity->setVisible(vanity);
    if (vanity) {
        prepareConversion(goal);
    }
}

QString GoalsTab::detailsHtml(int row) const {
    const core::Goal& g = m_model->goalAt(row);
    const core::GoalReport& r = m_model->reportAt(row);
    const core::Date today = m_model->today();
    const QString quiet = quietColour(this);
    QString html = QStringLiteral("<p style='font-size:large; font-weight:600; margin:0'>%1</p>")
                       .arg(htmlText(qs(g.title)));
    if (!g.why.empty()) {
        html += QStringLiteral("<p style='color:%1; margin-top:4px'>%2</p>")
                    .arg(quiet, htmlText(qs(g.why)));
    }
    QString niche;
    if (g.nicheId) {
        if (const auto n = m_undo.store().find<core::Niche>(*g.nicheId)) {
            niche = qs(n->name);
        }
    }
    html += QStringLiteral("<p>") +
            (niche.isEmpty()
                 ? tr("Counts <b>%1</b>: %2.")
                       .arg(metricName(g.metric).toLower(), metricMeaning(g.metric).toHtmlEscaped())
                 : tr("Counts <b>%1</b> in <b>%2</b>: %3.")
                       .arg(metricName(g.metric).toLower(), niche.toHtmlEscaped(),
                            metricMeaning(g.metric).toHtmlEscaped())) +
            QStringLiteral("<br>") +
            tr("From %1 to %2, %3 until %4.")
                .arg(goalValue(g, g.baseline), goalValue(g, g.target), formatDate(g.startDate),
                     formatDate(g.deadline)) +
            QStringLiteral("</p>");

    const Pace pace = paceOf(g, r);
    const QString percent = QStringLiteral("%1%").arg(std::lround(r.progress * 100));
    QString standing;
    switch (pace) {
        case Pace::NotStarted:
            standing = tr("Starts on %1.").arg(formatDate(g.startDate));
            break;
        case Pace::OnTrack:
        case Pace::Behind:
            standing = tr("%1 of the way with %2% of the time gone: <b>%3</b>.")
                           .arg(percent)
                           .arg(std::lround(r.elapsed * 100))
                           .arg(paceText(pace).toLower());
            break;
        case Pace::Ended:
            standing = tr("The period is over; it ended %1 of the way.").arg(percent);
            break;
        case Pace::Achieved:
            standing = tr("Marked achieved.");
            break;
        case Pace::Abandoned:
            standing = tr("Set aside.");
            break;
    }
    html +=
        tr("<p><b>Now %1</b>%2. %3</p>")
            .arg(goalValue(g, r.current),
                 r.manual ? tr(", entered by hand") : tr(", counted from the workspace"), standing);
    const QString forecast = forecastText(g, r, today);
    if (!forecast.isEmpty() && r.forecast) {
        const double gap = g.target - *r.forecast;
        const bool rising = g.target >= g.baseline;
        const double shortBy = rising ? gap : -gap;
        QString against;
        if (std::round(shortBy) > 0) {
            against = tr(", %1 short of the target").arg(goalValue(g, shortBy));
        } else if (std::round(shortBy) < 0) {
            against = tr(", %1 past the target").arg(goalValue(g, -shortBy));
        } else {
            against = tr(", right on the target");
        }
        html += tr("<p>At this pace: <b>%1</b>%2.</p>").arg(forecast, against);
    }
    return html;
}

void GoalsTab::prepareConversion(const core::Goal& goal) {
    if (m_preparedFor == goal.id) {
        return;  // keep what the user typed while the goal stays selected
    }
    m_preparedFor = goal.id;
    m_suggestedTitle.clear();
    m_convertTitle->clear();
    m_convertError->hide();
    core::Goal converted = convertedGoal(goal);
    const QSignalBlocker quiet(m_convertTarget);
    m_convertTarget->setMinimum(static_cast<int>(std::floor(converted.baseline)) + 1);
    m_convertTarget->setValue(static_cast<int>(converted.baseline) + 10);
    suggestTitle();
}

void GoalsTab::suggestTitle() {
    const int row = m_model->rowOf(m_preparedFor);
    if (row < 0) {
        return;
    }
    const core::Goal& goal = m_model->goalAt(row);
    const core::Goal converted = convertedGoal(goal);
    QString niche;
    if (goal.nicheId) {
        if (const auto n = m_undo.store().find<core::Niche>(*goal.nicheId)) {
            niche = qs(n->name);
        }
    }
    // The suggestion follows the target until the user writes a title of their own.
    if (m_convertTitle->text() == m_suggestedTitle) {
        m_suggestedTitle =
            niche.isEmpty()
                ? tr("%1 real relationships").arg(m_convertTarget->value())
                : tr("%1 real relationships with %2").arg(m_convertTarget->value()).arg(niche);
        m_convertTitle->setText(m_suggestedTitle);
    }
    const QString from = goalValue(converted, converted.baseline);
    m_vanityPlan->setText(
        tr("The goal will count contacts at stage relationship or beyond%1, starting %2 from "
           "the %3 you have now, until %4. One step in Edit ▸ Undo if you change your mind.")
            .arg(niche.isEmpty() ? QString{} : tr(" in %1").arg(niche),
                 converted.startDate == goal.startDate ? tr("on %1").arg(formatDate(goal.startDate))
                                                       : tr("today"),
                 from, formatDate(goal.deadline)));
}

core::Goal GoalsTab::convertedGoal(const core::Goal& goal) const {
    core::Goal g = goal;
    g.metric = core::GoalProgress::suggestedReplacement(goal.metric);
    g.manualValue.reset();
    // Relationships are counted as they are today, so the new count starts today, from what
    // there is: the follower history says nothing about them.
    const core::Date today = m_model->today();
    if (core::daysBetween(g.startDate, today) > 0 && core::daysBetween(today, g.deadline) > 0) {
        g.startDate = today;
    }
    g.baseline = core::GoalProgress(m_undo.store(), m_clock).currentValue(g);
    return g;
}

bool GoalsTab::convertToRelationships(core::Id id) {
    const int row = m_model->rowOf(id);
    if (row < 0) {
        return false;
    }
    const core::Goal before = m_model->goalAt(row);
    if (!m_model->reportAt(row).vanity) {
        return false;
    }
    if (m_preparedFor != id) {
        prepareConversion(before);
    }
    core::Goal after = convertedGoal(before);
    const QString title = m_convertTitle->text().trimmed();
    if (!title.isEmpty()) {
        after.title = title.toStdString();
    }
    after.target = m_convertTarget->value();
    m_convertError->hide();
    try {
        m_undo.perform(std::make_unique<UpdateRecord<core::Goal>>(
            m_undo, before, after,
            tr("Count %1 instead of “%2”")
                .arg(metricName(after.metric).toLower(), qs(before.title))));
    } catch (const core::ValidationError& e) {
        m_convertError->setText(capitalized(qs(e.problem())) + QLatin1Char('.'));
        m_convertError->show();
        return false;
    }
    m_preparedFor = 0;
    return true;
}

}  // namespace rapport::ui
