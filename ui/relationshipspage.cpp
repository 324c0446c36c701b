#include "ui/relationshipspage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <array>

#include "core/sqlite.h"
#include "ui/contactsmenu.h"
#include "ui/contacttablemodel.h"
#include "ui/contactview.h"
#include "ui/displaytext.h"
#include "ui/enrolldialog.h"
#include "ui/followupqueuemodel.h"
#include "ui/followupqueueview.h"
#include "ui/roles.h"

namespace rapport::ui {

namespace {
// The pause after a keystroke before the table reads again: typing a word is one read.
constexpr int kSearchDelayMs = 150;
const auto kTabKey = QStringLiteral("relationshipsPage/tab");
}  // namespace

RelationshipsPage::RelationshipsPage(core::Store& store, UndoContext& undo,
                                     const core::Clock& clock, QWidget* parent)
    : Page(store, tr("Relationships"), parent),
      m_undo(undo),
      m_clock(clock),
      m_model(new ContactTableModel(store, clock, this)),
      m_tabs(new QTabWidget(this)),
      m_splitter(new QSplitter(Qt::Horizontal, this)),
      m_queue(new FollowUpQueueView(store, undo, clock, m_tabs)),
      m_contact(new ContactView(store, undo, clock, m_splitter)) {
    m_tabs->setObjectName(QStringLiteral("relationshipsTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_queue, tr("Today"));
    m_tabs->addTab(makeContactsTab(), tr("Contacts"));
    // The queue is the reason to open Rapport in the morning; after that, the tab the user
    // last worked in.
    m_tabs->setCurrentIndex(QSettings().value(kTabKey, QueueTab).toInt());
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        QSettings().setValue(kTabKey, index);
        openFirstIfNoneOpen();
    });
    connect(m_queue, &FollowUpQueueView::openContact, this, &RelationshipsPage::openContact);

    m_splitter->setObjectName(QStringLiteral("relationshipsSplitter"));
    m_splitter->addWidget(m_tabs);
    m_splitter->addWidget(m_contact);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({640, 420});

    // Import, duplicates and exports, beside the tabs.
    auto* contactsButton = new QToolButton(m_tabs);
    contactsButton->setObjectName(QStringLiteral("contactsMenuButton"));
    contactsButton->setText(tr("Contacts"));
    contactsButton->setPopupMode(QToolButton::InstantPopup);
    contactsButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    contactsButton->setAutoRaise(true);
    contactsButton->setMenu(makeContactsMenu(contactsButton, store, undo, clock));
    m_tabs->setCornerWidget(contactsButton, Qt::TopRightCorner);

    m_emptyNote = new QLabel(tr("No contacts yet. The people you talk with go here: a "
                                "relationship starts with one reply. Contacts ▸ Import "
                                "contacts… brings them in from LinkedIn, CSV or vCard."),
                             this);
    m_emptyNote->setObjectName(QStringLiteral("emptyNote"));
    m_emptyNote->setWordWrap(true);
    m_emptyNote->setContentsMargins(12, 8, 12, 8);
    makeQuiet(m_emptyNote);
    m_emptyNote->hide();
    contentLayout()->addWidget(m_emptyNote);
    contentLayout()->addWidget(m_splitter, 1);
    updateCount();
}

QWidget* RelationshipsPage::makeContactsTab() {
    auto* tab = new QWidget(m_tabs);
    m_search = new QLineEdit(tab);
    m_search->setObjectName(QStringLiteral("contactSearch"));
    m_search->setPlaceholderText(tr("Search contacts"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(
        tr("Every word must appear in the name, email, company, a handle or a "
           "tag"));
    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(kSearchDelayMs);
    connect(m_searchDelay, &QTimer::timeout, this, &RelationshipsPage::applyFilter);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        applyFilter();
        if (m_model->rowCount() > 0) {
            m_table->setFocus();
            m_table->selectRow(0);
        }
    });

    m_stage = new QComboBox(tab);
    m_stage->setObjectName(QStringLiteral("stageFilter"));
    m_stage->addItem(tr("All stages"), QVariant());
    for (std::size_t i = 0; i < core::enumCount<core::Stage>(); ++i) {
        m_stage->addItem(capitalized(words(static_cast<core::Stage>(i))), static_cast<int>(i));
    }
    m_niche = new QComboBox(tab);
    m_niche->setObjectName(QStringLiteral("nicheFilter"));
    m_tag = new QComboBox(tab);
    m_tag->setObjectName(QStringLiteral("tagFilter"));
    m_losingTouch = new QCheckBox(tr("Losing touch"), tab);
    m_losingTouch->setObjectName(QStringLiteral("losingTouchFilter"));
    m_losingTouch->setToolTip(
        tr("Only contacts whose last touch is older than twice their "
           "cadence"));
    fillFilterChoices();
    for (QComboBox* box : {m_stage, m_niche, m_tag}) {
        connect(box, &QComboBox::activated, this, &RelationshipsPage::applyFilter);
    }
    connect(m_losingTouch, &QCheckBox::toggled, this, &RelationshipsPage::applyFilter);

    m_table = new QTableView(tab);
    m_table->setObjectName(QStringLiteral("contactTable"));
    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicator(ContactTableModel::NameColumn,
                                                  Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setShowGrid(false);
    m_table->setFrameShape(QFrame::NoFrame);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Fixed row heights: the view never measures rows it has not drawn, so 100,000 stay cheap.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 12);
    auto* header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(ContactTableModel::NameColumn, QHeaderView::Stretch);
    header->setStretchLastSection(false);
    header->setMinimumSectionSize(60);
    header->resizeSection(ContactTableModel::StageColumn, 95);
    header->resizeSection(ContactTableModel::NicheColumn, 110);
    header->resizeSection(ContactTableModel::LastTouchColumn, 150);
    header->resizeSection(ContactTableModel::NextDueColumn, 125);
    header->resizeSection(ContactTableModel::TagsColumn, 120);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) {
        openContact(m_model->idAt(index.row()));
        m_contact->setFocus();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid()) {
                    m_contact->setContact(m_model->idAt(current.row()));
                }
            });
    // A read of the list (a filter, a sort, an edit) keeps the open contact selected.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this,
            [this] { m_keepSelected = m_contact->contactId(); });
    connect(m_model, &ContactTableModel::refreshed, this, [this] {
        if (m_keepSelected != 0) {
            const int row = m_model->rowOf(m_keepSelected);
            if (row >= 0) {
                const QSignalBlocker block(m_table->selectionModel());
                m_table->selectionModel()->setCurrentIndex(
                    m_model->index(row, 0),
                    QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            }
        }
        m_keepSelected = 0;
        updateCount();
        updateEnrollButton();
    });

    m_count = new QLabel(tab);
    m_count->setObjectName(QStringLiteral("contactCount"));
    makeQuiet(m_count);

    m_enroll = new QPushButton(tr("Enroll in sequence…"), tab);
    m_enroll->setObjectName(QStringLiteral("enrollSelected"));
    m_enroll->setEnabled(false);
    m_enroll->setToolTip(tr("Enroll the selected contacts in a nurture sequence"));
    connect(m_enroll, &QPushButton::clicked, this, [this] {
        std::vector<core::Id> ids;
        for (const QModelIndex& row : m_table->selectionModel()->selectedRows()) {
            ids.push_back(m_model->idAt(row.row()));
        }
        if (!ids.empty()) {
            enrollContacts(this, m_undo, m_clock, std::move(ids));
        }
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RelationshipsPage::updateEnrollButton);
    auto* countRow = new QHBoxLayout;
    countRow->setContentsMargins(0, 0, 0, 0);
    countRow->addWidget(m_count, 1);
    countRow->addWidget(m_enroll);

    auto* filters = new QHBoxLayout;
    filters->setContentsMargins(0, 0, 0, 0);
    filters->addWidget(m_search, 3);
    filters->addWidget(m_stage, 1);
    filters->addWidget(m_niche, 1);
    filters->addWidget(m_tag, 1);
    filters->addWidget(m_losingTouch);
    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(filters);
    layout->addLayout(countRow);
    layout->addWidget(m_table, 1);
    return tab;
}

void RelationshipsPage::fillFilterChoices() {
    // Keep what is chosen when the choices are read again.
    const QVariant niche = m_niche->currentData();
    const QString tag = m_tag->currentData().toString();
    m_niche->clear();
    m_niche->addItem(tr("All niches"), QVariant());
    for (const auto& n : store().list<core::Niche>()) {
        m_niche->addItem(qs(n.name), QVariant::fromValue<qlonglong>(n.id));
    }
    m_niche->setCurrentIndex(std::max(0, m_niche->findData(niche)));
    m_tag->clear();
    m_tag->addItem(tr("All tags"), QString());
    for (const auto& t : m_model->tags()) {
        m_tag->addItem(QLatin1Char('#') + qs(t), qs(t));
    }
    m_tag->setCurrentIndex(tag.isEmpty() ? 0 : std::max(0, m_tag->findData(tag)));
}

void RelationshipsPage::applyFilter() {
    m_searchDelay->stop();
    core::ContactFilter filter;
    filter.text = m_search->text().trimmed().toStdString();
    if (m_stage->currentData().isValid()) {
        filter.stage = static_cast<core::Stage>(m_stage->currentData().toInt());
    }
    if (m_niche->currentData().isValid()) {
        filter.nicheId = m_niche->currentData().toLongLong();
    }
    filter.tag = m_tag->currentData().toString().toStdString();
    filter.losingTouch = m_losingTouch->isChecked();
    const auto& now = m_model->filter();
    if (now.text == filter.text && now.stage == filter.stage && now.nicheId == filter.nicheId &&
        now.tag == filter.tag && now.losingTouch == filter.losingTouch) {
        return;
    }
    m_model->setFilter(filter);
}

void RelationshipsPage::updateCount() {
    const auto total = m_model->total();
    const auto all = m_model->workspaceTotal();
    if (m_emptyNote == nullptr || m_count == nullptr) {
        return;  // still being built
    }
    m_emptyNote->setVisible(all == 0);
    m_count->setText(total == all ? countOf(all, tr("contact"), tr("contacts"))
                                  : tr("%1 of %2 match")
                                        .arg(formatNumber(static_cast<double>(total)),
                                             formatNumber(static_cast<double>(all))));
}

void RelationshipsPage::updateEnrollButton() {
    if (m_enroll == nullptr) {
        return;  // still being built
    }
    const auto n = m_table->selectionModel()->selectedRows().size();
    m_enroll->setEnabled(n > 0);
    m_enroll->setText(n > 1 ? tr("Enroll %1 in sequence…").arg(n) : tr("Enroll in sequence…"));
}

void RelationshipsPage::showQueue(QDate day) {
    m_tabs->setCurrentIndex(QueueTab);
    m_queue->showDay(day);
}

void RelationshipsPage::openContact(core::Id id) {
    m_contact->setContact(id);
    const int row = m_model->rowOf(id);
    if (row >= 0) {
        const QSignalBlocker block(m_table->selectionModel());
        m_table->selectionModel()->setCurrentIndex(
            m_model->index(row, 0),
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_table->scrollTo(m_model->index(row, 0));
    }
    updateEnrollButton();
}

void RelationshipsPage::openFirstIfNoneOpen() {
    if (m_contact->contactId() != 0) {
        return;
    }
    if (m_tabs->currentIndex() == QueueTab) {
        const auto& q = m_queue->model()->queue();
        for (const auto* bucket : {&q.overdue, &q.today, &q.thisWeek}) {
            if (!bucket->empty()) {
                m_queue->select(bucket->front().contactId);
                openContact(bucket->front().contactId);
                return;
            }
        }
    } else if (m_model->rowCount() > 0) {
        openContact(m_model->idAt(0));
    }
}

void RelationshipsPage::rebuild() {
    // The table, the queue and the contact follow the store through their models; the header
    // and the filters' choices are read here.
    core::Store& s = store();
    fillFilterChoices();
    std::array<std::int64_t, core::enumCount<core::Stage>()> byStage{};
    {
        auto st = s.db().prepare("SELECT stage, count(*) FROM contacts GROUP BY stage");
        while (st.step()) {
            if (const auto stage = core::parseEnum<core::Stage>(st.text(0))) {
                byStage[static_cast<std::size_t>(*stage)] = st.integer(1);
            }
        }
    }
    QStringList stages;
    for (std::size_t i = 0; i < byStage.size(); ++i) {
        if (byStage[i] > 0) {
            stages
                << QStringLiteral("%1 %2").arg(byStage[i]).arg(words(static_cast<core::Stage>(i)));
        }
    }
    const auto& q = m_queue->model()->queue();
    QStringList header{
        countOf(s.count<core::Contact>(), tr("contact"), tr("contacts")),
        countOf(s.count<core::Interaction>(), tr("interaction"), tr("interactions"))};
    if (!stages.isEmpty()) {
        header << stages.join(QStringLiteral(", "));
    }
    const auto needsYou = static_cast<std::int64_t>(q.overdue.size() + q.today.size());
    if (needsYou > 0 && m_queue->model()->day() == m_queue->model()->today()) {
        header << tr("%1 need you today").arg(needsYou);
    }
    setHeaderText(header.join(dot()));
    updateCount();
    // A page that opens on someone: the first who needs you, their timeline beside.
    openFirstIfNoneOpen();
}

}  // namespace rapport::ui
