#include "ui/contactview.h"

#include <QCalendarWidget>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QThread>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <map>

#include "core/contactquery.h"
#include "core/errors.h"
#include "core/followupqueue.h"
#include "core/stagesuggester.h"
#include "core/timeutil.h"
#include "ui/contactcommands.h"
#include "ui/displaytext.h"
#include "ui/enrolldialog.h"
#include "ui/loginteractiondialog.h"
#include "ui/raiseideadialog.h"
#include "ui/roles.h"
#include "ui/twolinedelegate.h"
#include "ui/undocontext.h"

namespace rapport::ui {

namespace {

enum CadenceMode : int { StageCadence, OwnCadence, NeverCadence };

}  // namespace

ContactView::ContactView(core::Store& store, UndoContext& undo, const core::Clock& clock,
                         QWidget* parent)
    : QWidget(parent),
      m_store(store),
      m_undo(undo),
      m_clock(clock),
      m_query(std::make_unique<core::ContactQuery>(store, clock)),
      m_queue(std::make_unique<core::FollowUpQueue>(store, clock)),
      m_suggester(std::make_unique<core::StageSuggester>(store, clock)),
      m_name(new QLabel(this)),
      m_facts(new QLabel(this)),
      m_status(new QLabel(this)),
      m_suggestion(new QFrame(this)),
      m_suggestionText(new QLabel(m_suggestion)),
      m_acceptSuggestion(new QPushButton(m_suggestion)),
      m_error(new QLabel(this)),
      m_stage(new QComboBox(this)),
      m_cadenceMode(new QComboBox(this)),
      m_cadenceDays(new QSpinBox(this)),
      m_planned(new QCheckBox(tr("On"), this)),
      m_plannedDate(new QDateEdit(this)),
      m_timelineTitle(new QLabel(this)),
      m_timeline(new QStandardItemModel(this)),
      m_timelineView(new QListView(this)),
      m_body(new QWidget(this)),
      m_empty(
          new QLabel(tr("Open a contact to see their timeline and what they need next."), this)) {
    setObjectName(QStringLiteral("contactView"));
    m_name->setObjectName(QStringLiteral("contactName"));
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    m_name->setFont(big);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_facts->setWordWrap(true);
    makeQuiet(m_facts);
    m_status->setObjectName(QStringLiteral("contactStatus"));
    m_status->setWordWrap(true);

    // The suggestion: a quiet band with the reason and the one click that accepts it.
    m_suggestion->setObjectName(QStringLiteral("stageSuggestion"));
    m_suggestion->setFrameShape(QFrame::StyledPanel);
    m_suggestion->setAutoFillBackground(true);
    m_suggestion->setBackgroundRole(QPalette::AlternateBase);
    m_suggestionText->setWordWrap(true);
    m_acceptSuggestion->setObjectName(QStringLiteral("acceptSuggestion"));
    auto* band = new QHBoxLayout(m_suggestion);
    band->setContentsMargins(10, 6, 6, 6);
    band->addWidget(m_suggestionText, 1);
    band->addWidget(m_acceptSuggestion);
    connect(m_acceptSuggestion, &QPushButton::clicked, this, [this] {
        if (m_suggested) {
            const core::Stage to = *m_suggested;
            guarded([&] { setStage(m_undo, m_contactId, to); });
        }
    });

    m_error->setObjectName(QStringLiteral("contactError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->hide();

    // Actions.
    auto* log = new QPushButton(tr("&Log interaction…"), this);
    log->setObjectName(QStringLiteral("logInteraction"));
    log->setDefault(false);
    connect(log, &QPushButton::clicked, this, [this] { logInteraction(); });
    auto* actions = new QHBoxLayout;
    actions->setContentsMargins(0, 0, 0, 0);
    actions->addWidget(log);
    actions->addWidget(makeSnoozeButton());
    auto* enroll = new QPushButton(tr("&Enroll in sequence…"), this);
    enroll->setObjectName(QStringLiteral("enrollContact"));
    connect(enroll, &QPushButton::clicked, this, [this] {
        if (m_contactId != 0) {
            enrollContacts(this, m_undo, m_clock, {m_contactId});
        }
    });
    actions->addWidget(enroll);
    actions->addStretch(1);

    // Stage, cadence, planned follow-up.
    m_stage->setObjectName(QStringLiteral("stage"));
    for (std::size_t i = 0; i < core::enumCount<core::Stage>(); ++i) {
        m_stage->addItem(capitalized(words(static_cast<core::Stage>(i))), static_cast<int>(i));
    }
    connect(m_stage, &QComboBox::activated, this, [this](int index) {
        const auto stage = static_cast<core::Stage>(m_stage->itemData(index).toInt());
        guarded([&] { setStage(m_undo, m_contactId, stage); });
    });
    m_cadenceMode->setObjectName(QStringLiteral("cadenceMode"));
    m_cadenceMode->addItem(tr("The stage's"), StageCadence);
    m_cadenceMode->addItem(tr("Every"), OwnCadence);
    m_cadenceMode->addItem(tr("Never remind me"), NeverCadence);
    m_cadenceDays->setObjectName(QStringLiteral("cadenceDays"));
    m_cadenceDays->setRange(1, 3650);
    m_cadenceDays->setSuffix(tr(" days"));
    m_cadenceDays->setKeyboardTracking(false);
    connect(m_cadenceMode, &QComboBox::activated, this, [this] { applyCadence(); });
    connect(m_cadenceDays, &QSpinBox::valueChanged, this, [this] { applyCadence(); });
    auto* cadence = new QHBoxLayout;
    cadence->setContentsMargins(0, 0, 0, 0);
    cadence->addWidget(m_cadenceMode);
    cadence->addWidget(m_cadenceDays);
    cadence->addStretch(1);

    m_planned->setObjectName(QStringLiteral("plannedOn"));
    m_plannedDate->setObjectName(QStringLiteral("plannedDate"));
    m_plannedDate->setCalendarPopup(true);
    m_plannedDate->setDisplayFormat(QStringLiteral("ddd d MMM yyyy"));
    connect(m_planned, &QCheckBox::toggled, this, [this] { applyPlanned(); });
    connect(m_plannedDate, &QDateEdit::dateChanged, this, [this] {
        if (m_planned->isChecked()) {
            applyPlanned();
        }
    });
    auto* planned = new QHBoxLayout;
    planned->setContentsMargins(0, 0, 0, 0);
    planned->addWidget(m_planned);
    planned->addWidget(m_plannedDate);
    planned->addStretch(1);

    auto* form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(tr("&Stage"), m_stage);
    auto* cadenceLabel = new QLabel(tr("&Cadence"), this);
    cadenceLabel->setBuddy(m_cadenceMode);
    form->addRow(cadenceLabel, cadence);
    auto* plannedLabel = new QLabel(tr("&Next follow-up"), this);
    plannedLabel->setBuddy(m_planned);
    form->addRow(plannedLabel, planned);

    m_timelineTitle->setObjectName(QStringLiteral("timelineTitle"));
    QFont bold = m_timelineTitle->font();
    bold.setBold(true);
    m_timelineTitle->setFont(bold);
    m_timelineView->setObjectName(QStringLiteral("timeline"));
    m_timelineView->setModel(m_timeline);
    m_timelineView->setItemDelegate(new TwoLineDelegate(m_timelineView));
    m_timelineView->setFrameShape(QFrame::NoFrame);
    m_timelineView->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_timelineView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_timelineView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_timelineView->setUniformItemSizes(false);
    // The feedback loop starts here: what someone asked becomes a topic idea.
    m_timelineView->setContextMenuPolicy(Qt::CustomContextMenu);
    m_timelineView->setToolTip(tr("Right-click an interaction to raise a topic idea from it."));
    connect(m_timelineView, &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        const QModelIndex index = m_timelineView->indexAt(at);
        if (!index.isValid()) {
            return;
        }
        const auto id = static_cast<core::Id>(index.data(RecordIdRole).toLongLong());
        QMenu menu(this);
        menu.addAction(tr("Raise a topic idea from this…"), this,
                       [this, id] { raiseTopicIdea(this, m_undo, id); });
        menu.exec(m_timelineView->viewport()->mapToGlobal(at));
    });

    auto* body = new QVBoxLayout(m_body);
    body->setContentsMargins(0, 0, 0, 0);
    body->setSpacing(8);
    body->addWidget(m_name);
    body->addWidget(m_facts);
    body->addWidget(m_status);
    body->addWidget(m_suggestion);
    body->addLayout(actions);
    body->addWidget(m_error);
    body->addLayout(form);
    body->addSpacing(6);
    body->addWidget(m_timelineTitle);
    body->addWidget(m_timelineView, 1);

    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    makeQuiet(m_empty);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 4, 4, 4);
    layout->addWidget(m_body, 1);
    layout->addWidget(m_empty, 1);
    m_body->hide();

    m_subscription = m_store.subscribe([this](const core::Change& change) { onChange(change); });
}

ContactView::~ContactView() = default;

QToolButton* ContactView::makeSnoozeButton() {
    auto* button = new QToolButton(this);
    button->setObjectName(QStringLiteral("snooze"));
    button->setText(tr("Snooze"));
    button->setPopupMode(QToolButton::InstantPopup);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto* menu = new QMenu(button);
    const auto after = [this](int days) {
        return [this, days] { snoozeUntil(core::addDays(m_query->today(), days)); };
    };
    menu->addAction(tr("1 day"), this, after(1))->setObjectName(QStringLiteral("snooze1"));
    menu->addAction(tr("3 days"), this, after(3))->setObjectName(QStringLiteral("snooze3"));
    menu->addAction(tr("A week"), this, after(7))->setObjectName(QStringLiteral("snooze7"));
    menu->addAction(tr("Until a date…"), this, [this] { snoozeToPickedDate(); });
    menu->addSeparator();
    menu->addAction(tr("Wake up (no snooze)"), this, [this] { snoozeUntil(std::nullopt); })
        ->setObjectName(QStringLiteral("wake"));
    button->setMenu(menu);
    return button;
}

void ContactView::snoozeToPickedDate() {
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Snooze until"));
    auto* calendar = new QCalendarWidget(&dialog);
    calendar->setMinimumDate(toQDate(core::addDays(m_query->today(), 1)));
    calendar->setSelectedDate(toQDate(core::addDays(m_query->today(), 14)));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(calendar);
    layout->addWidget(buttons);
    if (dialog.exec() == QDialog::Accepted) {
        snoozeUntil(fromQDate(calendar->selectedDate()));
    }
}

void ContactView::snoozeUntil(std::optional<core::Date> until) {
    if (m_contactId != 0) {
        guarded([&] { snooze(m_undo, m_contactId, until); });
    }
}

LogInteractionDialog* ContactView::logInteraction() {
    if (m_contactId == 0) {
        return nullptr;
    }
    auto* dialog = new LogInteractionDialog(m_store, m_clock, m_contactId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const core::Interaction interaction = dialog->interaction();
        guarded([&] { rapport::ui::logInteraction(m_undo, m_clock, interaction); });
    });
    dialog->open();
    return dialog;
}

void ContactView::guarded(const std::function<void()>& edit) {
    try {
        m_error->hide();
        edit();
    } catch (const core::ValidationError& e) {
        m_error->setText(qs(e.what()));
        m_error->show();
        refresh();  // put the fields back to what the store holds
    }
}

void ContactView::applyCadence() {
    if (m_filling || m_contactId == 0) {
        return;
    }
    const int mode = m_cadenceMode->currentData().toInt();
    m_cadenceDays->setEnabled(mode == OwnCadence);
    const std::optional<int> days =
        mode == OwnCadence ? std::optional<int>{m_cadenceDays->value()} : std::nullopt;
    const bool never = mode == NeverCadence;
    const auto contact = m_store.find<core::Contact>(m_contactId);
    if (contact && contact->cadenceNever == never && contact->cadenceDays == days) {
        return;  // nothing to change: no undo step
    }
    guarded([&] { setCadence(m_undo, m_contactId, days, never); });
}

void ContactView::applyPlanned() {
    if (m_filling || m_contactId == 0) {
        return;
    }
    m_plannedDate->setEnabled(m_planned->isChecked());
    const std::optional<core::Date> on =
        m_planned->isChecked() ? std::optional{fromQDate(m_plannedDate->date())} : std::nullopt;
    const auto contact = m_store.find<core::Contact>(m_contactId);
    if (contact && contact->nextFollowUp == on) {
        return;
    }
    guarded([&] { planFollowUp(m_undo, m_contactId, on); });
}

void ContactView::setContact(core::Id id) {
    m_contactId = id;
    m_error->hide();
    refresh();
}

void ContactView::refresh() {
    const auto contact = m_contactId != 0 ? m_store.find<core::Contact>(m_contactId)
                                          : std::optional<core::Contact>{};
    if (!contact) {
        const bool wasShown = m_contactId != 0;
        m_contactId = 0;
        m_body->hide();
        m_empty->show();
        m_timeline->clear();
        if (wasShown) {
            emit contactGone();
        }
        return;
    }
    m_empty->hide();
    m_body->show();
    fill(*contact);
    fillTimeline();
}

void ContactView::fill(const core::Contact& c) {
    m_filling = true;
    m_name->setText(qs(c.displayName));
    QStringList facts;
    if (c.nicheId) {
        if (const auto niche = m_store.find<core::Niche>(*c.nicheId)) {
            facts << qs(niche->name);
        }
    }
    if (!c.role.empty() && !c.company.empty()) {
        facts << tr("%1 at %2").arg(qs(c.role), qs(c.company));
    } else if (!c.role.empty() || !c.company.empty()) {
        facts << qs(c.role.empty() ? c.company : c.role);
    }
    if (!c.email.empty()) {
        facts << qs(c.email);
    }
    for (const auto& h : c.handles) {
        facts << channelKindName(h.kind) + QLatin1Char(' ') + qs(h.handle);
    }
    if (!c.tags.empty()) {
        QStringList tags;
        for (const auto& tag : c.tags) {
            tags << QLatin1Char('#') + qs(tag);
        }
        facts << tags.join(QLatin1Char(' '));
    }
    m_facts->setText(facts.join(dot()));
    m_facts->setVisible(!facts.isEmpty());

    // When they are next due, and why.
    const core::Date today = m_query->today();
    const core::FollowUpStatus st = m_queue->statusOf(c.id, today);
    QStringList status;
    if (!st.due) {
        status << tr("No follow-up due");
    } else {
        const int in = core::daysBetween(today, *st.due);
        const QString when = in < 0    ? tr("overdue since %1").arg(formatDate(*st.due))
                             : in == 0 ? tr("due today")
                                       : tr("due %1").arg(formatDate(*st.due));
        status << (st.snoozed ? tr("Snoozed, %1").arg(when) : capitalized(when));
    }
    status << (st.touched ? tr("last touch %1")
                                .arg(st.daysSinceLastTouch == 0
                                         ? tr("today")
                                         : countOf(st.daysSinceLastTouch, tr("day"), tr("days")) +
                                               tr(" ago"))
                          : tr("never touched"));
    QString text = status.join(dot());
    if (st.losingTouch) {
        text += dot() + QStringLiteral("<span style='color:#b35c1e'>%1</span>")
                            .arg(tr("losing touch").toHtmlEscaped());
    }
    QStringList reasons;
    for (const auto& reason : st.reasons) {
        reasons << QStringLiteral("• ") + qs(core::FollowUpQueue::describe(reason)).toHtmlEscaped();
    }
    if (!reasons.isEmpty()) {
        // Halfway between the text and the background: quiet on light and dark palettes alike
        // (rich text drops the placeholder colour's alpha).
        const QColor ink = palette().color(QPalette::WindowText);
        const QColor paper = palette().color(QPalette::Window);
        const QString quiet =
            QColor((ink.red() + paper.red()) / 2, (ink.green() + paper.green()) / 2,
                   (ink.blue() + paper.blue()) / 2)
                .name();
        text += QStringLiteral("<br><span style='color:%1'>").arg(quiet) +
                reasons.join(QStringLiteral("<br>")) + QStringLiteral("</span>");
    }
    m_status->setText(text);

    // The stage, and what core suggests.
    m_stage->setCurrentIndex(static_cast<int>(c.stage));
    const auto suggestion = m_suggester->suggest(c.id, today);
    m_suggested.reset();
    if (suggestion) {
        m_suggested = suggestion->to;
        m_suggestionText->setText(tr("<b>Suggested: %1.</b> %2")
                                      .arg(capitalized(words(suggestion->to)),
                                           capitalized(qs(suggestion->reason)).toHtmlEscaped()));
        m_acceptSuggestion->setText(tr("Make %1").arg(words(suggestion->to)));
    }
    m_suggestion->setVisible(suggestion.has_value());

    // Cadence: the stage's, the contact's own, or never.
    const auto stageDays = core::FollowUpQueue::defaultCadence(c.stage);
    m_cadenceMode->setItemText(
        StageCadence, stageDays
                          ? tr("The stage's (%1)").arg(countOf(*stageDays, tr("day"), tr("days")))
                          : tr("The stage's (never)"));
    m_cadenceMode->setCurrentIndex(c.cadenceNever  ? NeverCadence
                                   : c.cadenceDays ? OwnCadence
                                                   : StageCadence);
    m_cadenceDays->setValue(c.cadenceDays.value_or(stageDays.value_or(30)));
    m_cadenceDays->setEnabled(!c.cadenceNever && c.cadenceDays.has_value());

    m_planned->setChecked(c.nextFollowUp.has_value());
    m_plannedDate->setDate(toQDate(c.nextFollowUp.value_or(core::addDays(today, 7))));
    m_plannedDate->setEnabled(c.nextFollowUp.has_value());
    m_filling = false;
}

void ContactView::fillTimeline() {
    const std::string zone = m_store.timeZone();
    const auto interactions = m_query->timeline(m_contactId);
    std::map<core::Id, QString> channels;
    for (const auto& channel : m_store.list<core::Channel>()) {
        channels[channel.id] = qs(channel.name);
    }
    std::map<core::Id, QString> posts;
    m_timeline->clear();
    m_timelineTitle->setText(interactions.empty()
                                 ? tr("No interactions yet")
                                 : tr("Timeline · %1")
                                       .arg(countOf(static_cast<std::int64_t>(interactions.size()),
                                                    tr("interaction"), tr("interactions"))));
    for (const auto& i : interactions) {
        QStringList first{i.direction == core::Direction::Inbound
                              ? tr("← %1 from them").arg(capitalized(words(i.kind)))
                              : tr("→ %1 from you").arg(capitalized(words(i.kind)))};
        if (i.channelId) {
            first << channels[*i.channelId];
        }
        QStringList second{formatDate(core::localDate(i.at, zone)) + QLatin1Char(' ') +
                           formatTime(core::localTimeOfDay(i.at, zone))};
        if (i.postId) {
            auto it = posts.find(*i.postId);
            if (it == posts.end()) {
                const auto post = m_store.find<core::Post>(*i.postId);
                it = posts.emplace(*i.postId, post ? qs(post->title) : QString()).first;
            }
            if (!it->second.isEmpty()) {
                second << tr("about “%1”").arg(it->second);
            }
        }
        if (!i.note.empty()) {
            second << qs(i.note);
        }
        auto* item = new QStandardItem(first.join(dot()));
        item->setData(second.join(dot()), SecondaryTextRole);
        item->setData(QVariant::fromValue<qlonglong>(i.id), RecordIdRole);
        item->setEditable(false);
        m_timeline->appendRow(item);
    }
}

void ContactView::onChange(const core::Change& change) {
    Q_ASSERT(QThread::currentThread() == thread());
    using core::Entity;
    if (m_contactId == 0 ||
        (change.entity != Entity::Contact && change.entity != Entity::Interaction &&
         change.entity != Entity::Enrollment && change.entity != Entity::Niche &&
         change.entity != Entity::Channel && change.entity != Entity::Post)) {
        return;
    }
    if (change.entity == Entity::Contact && change.kind != core::ChangeKind::Reset &&
        change.id != m_contactId) {
        return;  // another contact
    }
    m_turnRefresh.request();
}

}  // namespace rapport::ui
