#include "ui/duplicatesdialog.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QStandardItemModel>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <exception>

#include "core/sqlite.h"
#include "ui/compositecommand.h"
#include "ui/displaytext.h"
#include "ui/mergecommand.h"
#include "ui/roles.h"
#include "ui/undocontext.h"
#include "ui/widgetstyle.h"

namespace rapport::ui {

namespace {

std::int64_t interactionCount(core::Store& store, core::Id contactId) {
    auto s = store.db().prepare("SELECT count(*) FROM interactions WHERE contact_id = ?1");
    s.bind(1, contactId);
    return s.step() ? s.integer(0) : 0;
}

}  // namespace

DuplicatesDialog::DuplicatesDialog(UndoContext& undo, QWidget* parent)
    : QDialog(parent),
      m_undo(undo),
      m_header(new QLabel(this)),
      m_model(new QStandardItemModel(this)),
      m_list(makeRecordView(this, QStringLiteral("duplicateGroups"))),
      m_groupTitle(new QLabel(this)),
      m_choices(new QWidget(this)),
      m_choicesLayout(new QVBoxLayout(m_choices)),
      m_keepGroup(new QButtonGroup(this)),
      m_explain(new QLabel(this)),
      m_error(new QLabel(this)),
      m_merge(new QPushButton(tr("Merge"), this)) {
    setObjectName(QStringLiteral("duplicatesDialog"));
    setWindowTitle(tr("Find duplicates"));
    resize(860, 540);

    m_header->setObjectName(QStringLiteral("duplicatesHeader"));
    makeHeading(m_header);
    auto* intro = new QLabel(tr("Contacts that share an email, a handle on a network, or a name "
                                "written the same way. Choose the one to keep; merging moves "
                                "every interaction, handle, tag and note of the others into it. "
                                "Edit ▸ Undo takes a merge back."),
                             this);
    makeHint(intro);

    m_list->setModel(m_model);
    m_list->setMinimumWidth(300);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { showGroup(); });

    makeHeading(m_groupTitle);
    m_groupTitle->setObjectName(QStringLiteral("duplicateGroupTitle"));
    m_groupTitle->setWordWrap(true);
    m_choicesLayout->setContentsMargins(0, 0, 0, 0);
    m_choicesLayout->setSpacing(10);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_choices);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_explain->setObjectName(QStringLiteral("mergeExplanation"));
    makeHint(m_explain);
    m_error->setObjectName(QStringLiteral("mergeError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->setVisible(false);
    m_merge->setObjectName(QStringLiteral("mergeContacts"));
    m_merge->setDefault(true);
    connect(m_merge, &QPushButton::clicked, this, &DuplicatesDialog::mergeSelected);
    connect(m_keepGroup, &QButtonGroup::idClicked, this, [this](int) { updateExplanation(); });

    auto* right = new QVBoxLayout;
    right->setSpacing(8);
    right->addWidget(m_groupTitle);
    right->addWidget(scroll, 1);
    right->addWidget(m_explain);
    right->addWidget(m_error);
    auto* mergeRow = new QHBoxLayout;
    mergeRow->addStretch(1);
    mergeRow->addWidget(m_merge);
    right->addLayout(mergeRow);

    auto* body = new QHBoxLayout;
    body->setSpacing(18);
    body->addWidget(m_list, 2);
    body->addLayout(right, 3);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 16, 18, 14);
    layout->setSpacing(10);
    layout->addWidget(m_header);
    layout->addWidget(intro);
    layout->addLayout(body, 1);
    layout->addWidget(buttons);

    m_subscription = undo.store().subscribe([this](const core::Change& change) {
        if (change.entity != core::Entity::Contact || m_refreshQueued) {
            return;
        }
        m_refreshQueued = true;
        QTimer::singleShot(0, this, [this] { refresh(); });
    });
    refresh();
}

DuplicatesDialog::~DuplicatesDialog() = default;

int DuplicatesDialog::groupCount() const {
    return static_cast<int>(m_groups.size());
}

QString DuplicatesDialog::reasonText(const core::DuplicateGroup& group) {
    switch (group.reason) {
        case core::DuplicateReason::Email:
            return tr("Same email: %1").arg(qs(group.key));
        case core::DuplicateReason::Handle:
            return tr("Same %1 handle: %2")
                .arg(channelKindName(group.channel.value_or(core::ChannelKind::Other)),
                     qs(group.key));
        case core::DuplicateReason::Name:
            return tr("Same name: %1").arg(qs(group.key));
    }
    return {};
}

void DuplicatesDialog::refresh() {
    m_refreshQueued = false;
    const int previous = selectedGroup();
    // The same contacts can share an email and a name: one entry, with every reason.
    m_groups.clear();
    m_reasons.clear();
    for (auto& g : core::DuplicateFinder{m_undo.store()}.all()) {
        const auto same = std::find_if(m_groups.begin(), m_groups.end(),
                                       [&](const auto& e) { return e.contactIds == g.contactIds; });
        if (same != m_groups.end()) {
            m_reasons[static_cast<std::size_t>(same - m_groups.begin())] << reasonText(g);
        } else {
            m_reasons.push_back({reasonText(g)});
            m_groups.push_back(std::move(g));
        }
    }
    m_model->clear();
    for (std::size_t i = 0; i < m_groups.size(); ++i) {
        const auto& g = m_groups[i];
        QStringList names;
        for (const core::Id id : g.contactIds) {
            if (const auto c = m_undo.store().find<core::Contact>(id)) {
                names << qs(c->displayName);
            }
        }
        auto* item = new QStandardItem(names.join(QStringLiteral(", ")));
        item->setData(m_reasons[i].join(dot()), SecondaryTextRole);
        item->setEditable(false);
        m_model->appendRow(item);
    }
    m_header->setText(m_groups.empty() ? tr("No duplicates found")
                                       : countOf(groupCount(), tr("possible duplicate"),
                                                 tr("possible duplicates")));
    if (!m_groups.empty()) {
        selectGroup(std::clamp(previous, 0, groupCount() - 1));
    } else {
        showGroup();
    }
}

void DuplicatesDialog::selectGroup(int index) {
    m_list->setCurrentIndex(m_model->index(index, 0));
    showGroup();
}

int DuplicatesDialog::selectedGroup() const {
    const QModelIndex current = m_list->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void DuplicatesDialog::setKeep(core::Id contactId) {
    if (QAbstractButton* b = m_keepGroup->button(static_cast<int>(contactId))) {
        b->setChecked(true);
        updateExplanation();
    }
}

core::Id DuplicatesDialog::keep() const {
    return m_keepGroup->checkedId() > 0 ? m_keepGroup->checkedId() : 0;
}

QString DuplicatesDialog::contactSummary(const core::Contact& c) {
    QStringList facts;
    if (!c.email.empty()) {
        facts << qs(c.email);
    }
    if (!c.company.empty()) {
        facts << (c.role.empty() ? qs(c.company) : tr("%1 at %2").arg(qs(c.role), qs(c.company)));
    }
    for (const auto& h : c.handles) {
        facts << tr("%1 %2").arg(channelKindName(h.kind), qs(h.handle));
    }
    QStringList more;
    more << capitalized(words(c.stage));
    more << countOf(interactionCount(m_undo.store(), c.id), tr("interaction"), tr("interactions"));
    if (!c.tags.empty()) {
        QStringList tags;
        for (const auto& t : c.tags) {
            tags << QLatin1Char('#') + qs(t);
        }
        more << tags.join(QLatin1Char(' '));
    }
    more << tr("added %1").arg(formatDate(c.createdOn));
    return QStringLiteral("<b>%1</b><br><span style='color:%2'>%3<br>%4</span>")
        .arg(htmlText(qs(c.displayName)), quietColour(this), htmlText(facts.join(dot())),
             htmlText(more.join(dot())));
}

void DuplicatesDialog::showGroup() {
    const int index = selectedGroup();
    const core::Id wanted = keep();
    // The choices of the shown group are rebuilt; a group has a handful of contacts.
    for (QAbstractButton* b : m_keepGroup->buttons()) {
        m_keepGroup->removeButton(b);
    }
    while (QLayoutItem* item = m_choicesLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_error->setVisible(false);
    m_names.clear();
    if (index < 0 || index >= groupCount()) {
        m_groupTitle->setText(m_groups.empty() ? tr("Every contact looks like one person.")
                                               : QString{});
        m_explain->clear();
        m_merge->setEnabled(false);
        return;
    }
    const auto& g = m_groups[static_cast<std::size_t>(index)];
    m_groupTitle->setText(m_reasons[static_cast<std::size_t>(index)].join(dot()));
    std::vector<core::Contact> contacts;
    for (const core::Id id : g.contactIds) {
        if (auto c = m_undo.store().find<core::Contact>(id)) {
            contacts.push_back(std::move(*c));
        }
    }
    core::Id kept = 0;
    for (const auto& c : contacts) {
        if (c.id == wanted) {
            kept = c.id;
        }
    }
    if (kept == 0 && !contacts.empty()) {
        // The one with the most history is the likelier keeper.
        kept = std::max_element(contacts.begin(), contacts.end(),
                                [this](const core::Contact& a, const core::Contact& b) {
                                    return interactionCount(m_undo.store(), a.id) <
                                           interactionCount(m_undo.store(), b.id);
                                })
                   ->id;
    }
    m_names.clear();
    for (const auto& c : contacts) {
        auto* frame = new QFrame(m_choices);
        styleNote(frame, NoteTone::Info);
        auto* row = new QHBoxLayout(frame);
        row->setContentsMargins(12, 10, 12, 10);
        auto* radio = new QRadioButton(tr("Keep"), frame);
        radio->setObjectName(QStringLiteral("keepContact%1").arg(c.id));
        m_keepGroup->addButton(radio, static_cast<int>(c.id));
        radio->setChecked(c.id == kept);
        auto* text = new QLabel(contactSummary(c), frame);
        text->setTextFormat(Qt::RichText);
        text->setWordWrap(true);
        row->addWidget(radio, 0, Qt::AlignTop);
        row->addWidget(text, 1);
        m_choicesLayout->addWidget(frame);
        m_names[c.id] = qs(c.displayName);
    }
    m_choicesLayout->addStretch(1);
    updateExplanation();
}

void DuplicatesDialog::updateExplanation() {
    const auto it = m_names.find(keep());
    const int others = static_cast<int>(m_names.size()) - 1;
    if (it == m_names.end() || others < 1) {
        m_explain->clear();
        m_merge->setText(tr("Merge"));
        m_merge->setEnabled(false);
        return;
    }
    m_explain->setText(
        tr("“%1” stays; %2 merged into it and removed. Its own values win; its empty fields, "
           "handles, tags and notes take the others’, and every interaction moves over.")
            .arg(it->second,
                 others == 1 ? tr("the other is") : tr("the %1 others are").arg(others)));
    m_merge->setText(tr("Merge into “%1”").arg(it->second));
    m_merge->setEnabled(true);
}

void DuplicatesDialog::mergeSelected() {
    const int index = selectedGroup();
    const core::Id kept = keep();
    if (index < 0 || index >= groupCount() || kept == 0) {
        return;
    }
    const auto group = m_groups[static_cast<std::size_t>(index)];
    const auto keptContact = m_undo.store().find<core::Contact>(kept);
    if (!keptContact) {
        return;
    }
    std::vector<core::Id> others;
    for (const core::Id id : group.contactIds) {
        if (id != kept) {
            others.push_back(id);
        }
    }
    const QString text =
        tr("Merge %1 into “%2”")
            .arg(countOf(static_cast<std::int64_t>(others.size()), tr("contact"), tr("contacts")),
                 qs(keptContact->displayName));
    try {
        if (others.size() == 1) {
            m_undo.perform(
                std::make_unique<MergeContactsCommand>(m_undo, kept, others.front(), text));
        } else {
            auto all = std::make_unique<CompositeCommand>(m_undo, text);
            for (const core::Id other : others) {
                new MergeContactsCommand(m_undo, kept, other, text, all.get());
            }
            m_undo.perform(std::move(all));
        }
    } catch (const std::exception& e) {
        m_error->setText(tr("Could not merge: %1").arg(qs(e.what())));
        m_error->setVisible(true);
    }
}

}  // namespace rapport::ui
