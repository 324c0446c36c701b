#include "ui/campaignstab.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSplitter>
#include <QVBoxLayout>

#include <array>
#include <map>

#include "core/errors.h"
#include "ui/campaigndialog.h"
#include "ui/campaignlistmodel.h"
#include "ui/campaignwizard.h"
#include "ui/compositecommand.h"
#include "ui/displaytext.h"
#include "ui/plantext.h"
#include "ui/removerecord.h"
#include "ui/undocontext.h"
#include "ui/widgetstyle.h"

namespace rapport::ui {

CampaignsTab::CampaignsTab(UndoContext& undo, const core::Clock& clock, QWidget* parent)
    : QWidget(parent),
      m_undo(undo),
      m_clock(clock),
      m_model(new CampaignListModel(undo.store(), this)),
      m_view(makeRecordView(this, QStringLiteral("campaignList"))),
      m_empty(new QLabel(this)),
      m_details(nullptr),
      m_edit(actionButton(tr("Edit…"), QStringLiteral("editCampaign"), this)),
      m_delete(actionButton(tr("Delete"), QStringLiteral("deleteCampaign"), this)) {
    setObjectName(QStringLiteral("campaignsTab"));
    auto* add = actionButton(tr("New campaign…"), QStringLiteral("newCampaign"), this);
    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(8);
    buttons->addWidget(add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_delete);
    buttons->addStretch(1);

    m_view->setModel(m_model);
    m_empty->setObjectName(QStringLiteral("campaignsEmptyNote"));
    m_empty->setText(
        tr("No campaigns yet. “New campaign…” walks from your goals and niche to a "
           "draft plan of posts that gives before it asks."));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_empty->setContentsMargins(4, 8, 4, 8);
    makeQuiet(m_empty);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_empty);
    leftLayout->addWidget(m_view, 1);
    QScrollArea* panel = makeDetailPanel(this, &m_details, QStringLiteral("campaignDetails"));
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setChildrenCollapsible(false);
    split->addWidget(left);
    split->addWidget(panel);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    // The list takes two fifths and the reading panel the rest, whatever their size hints say.
    split->setSizes({400, 600});
    panel->setMinimumWidth(320);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 12, 0, 0);
    layout->setSpacing(10);
    layout->addLayout(buttons);
    layout->addWidget(split, 1);

    connect(add, &QPushButton::clicked, this, [this] { newCampaign(); });
    connect(m_edit, &QPushButton::clicked, this, [this] { editCampaign(currentId()); });
    connect(m_delete, &QPushButton::clicked, this, [this] { askToDelete(currentId()); });
    connect(m_view, &QListView::doubleClicked, this, [this] { editCampaign(currentId()); });
    auto* del = new QShortcut(QKeySequence::Delete, m_view, nullptr, nullptr, Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, [this] { askToDelete(currentId()); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CampaignsTab::updateDetails);
    // A campaign's row changes with every post added to it (its count): a plan of sixty posts
    // would read the details sixty times. Once, after the last, is enough.
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        if (!m_detailsQueued) {
            m_detailsQueued = true;
            QMetaObject::invokeMethod(
                this,
                [this] {
                    m_detailsQueued = false;
                    updateDetails();
                },
                Qt::QueuedConnection);
        }
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &CampaignsTab::updateDetails);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &CampaignsTab::updateDetails);
    connect(
        m_model, &QAbstractItemModel::rowsInserted, this,
        [this](const QModelIndex&, int first) { m_view->setCurrentIndex(m_model->index(first)); });
    if (m_model->rowCount() > 0) {
        m_view->setCurrentIndex(m_model->index(0));
    }
    updateDetails();
}

core::Id CampaignsTab::currentId() const {
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->idAt(current.row()) : 0;
}

void CampaignsTab::select(core::Id id) {
    const int row = m_model->rowOf(id);
    if (row >= 0) {
        m_view->setCurrentIndex(m_model->index(row));
    }
}

CampaignWizard* CampaignsTab::newCampaign() {
    auto* wizard = new CampaignWizard(m_undo, m_clock, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->open();
    return wizard;
}

CampaignDialog* CampaignsTab::editCampaign(core::Id id) {
    const auto campaign = m_undo.store().find<core::Campaign>(id);
    if (!campaign) {
        return nullptr;
    }
    auto* dialog = new CampaignDialog(m_undo, m_clock, *campaign, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

std::vector<core::Id> CampaignsTab::ideaPostsOf(core::Id campaign) const {
    std::vector<core::Id> ids;
    for (const auto& post : m_undo.store().list<core::Post>()) {
        if (post.campaignId == campaign && post.status == core::PostStatus::Idea) {
            ids.push_back(post.id);
        }
    }
    return ids;
}

void CampaignsTab::askToDelete(core::Id id) {
    const auto campaign = m_undo.store().find<core::Campaign>(id);
    if (!campaign) {
        return;
    }
    const auto ideas = ideaPostsOf(id);
    if (ideas.empty()) {
        deleteCampaign(id, false);
        return;
    }
    auto* box =
        new QMessageBox(QMessageBox::Question, tr("Delete campaign"),
                        tr("Delete “%1”?").arg(qs(campaign->name)), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("confirmDeleteCampaign"));
    box->setInformativeText(
        tr("It still has %1 that nobody has worked on. Posts you drafted, scheduled or published "
           "stay either way.")
            .arg(countOf(static_cast<std::int64_t>(ideas.size()), tr("idea post"),
                         tr("idea posts"))));
    QPushButton* withIdeas = box->addButton(tr("Delete with its ideas"), QMessageBox::AcceptRole);
    QPushButton* alone = box->addButton(tr("Keep the ideas"), QMessageBox::AcceptRole);
    box->setDefaultButton(box->addButton(QMessageBox::Cancel));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, withIdeas, alone, id] {
        if (box->clickedButton() == withIdeas) {
            deleteCampaign(id, true);
        } else if (box->clickedButton() == alone) {
            deleteCampaign(id, false);
        }
    });
    box->open();
}

void CampaignsTab::deleteCampaign(core::Id id, bool withIdeas) {
    const auto campaign = m_undo.store().find<core::Campaign>(id);
    if (!campaign) {
        return;
    }
    const QString name = qs(campaign->name);
    try {
        const auto ideas = withIdeas ? ideaPostsOf(id) : std::vector<core::Id>{};
        if (ideas.empty()) {
            m_undo.perform(std::make_unique<RemoveRecord<core::Campaign>>(
                m_undo, id, tr("Delete campaign “%1”").arg(name)));
            return;
        }
        auto command = std::make_unique<CompositeCommand>(
            m_undo, tr("Delete campaign “%1” and its %2")
                        .arg(name, countOf(static_cast<std::int64_t>(ideas.size()), tr("idea post"),
                                           tr("idea posts"))));
        // The posts first, so the campaign's own undo does not try to point them back at it.
        for (const core::Id post : ideas) {
            new RemoveRecord<core::Post>(m_undo, post, {}, command.get());
        }
        new RemoveRecord<core::Campaign>(m_undo, id, {}, command.get());
        m_undo.perform(std::move(command));
    } catch (const std::exception& e) {
        m_undo.reportFailure(qs(e.what()));
    }
}

void CampaignsTab::updateDetails() {
    const int rows = m_model->rowCount();
    m_empty->setVisible(rows == 0);
    m_view->setVisible(rows > 0);
    if (!m_view->currentIndex().isValid() && rows > 0) {
        m_view->setCurrentIndex(m_model->index(0));  // calls back here
        return;
    }
    const core::Id id = currentId();
    m_edit->setEnabled(id != 0);
    m_delete->setEnabled(id != 0);
    const auto campaign = id ? m_undo.store().find<core::Campaign>(id) : std::nullopt;
    if (!campaign) {
        m_details->setText(rows == 0 ? QString{}
                                     : tr("<p style='color:%1'>Select a campaign to see its "
                                          "plan.</p>")
                                           .arg(quietColour(this)));
        return;
    }
    core::Store& store = m_undo.store();
    const core::Campaign& c = *campaign;
    const QString quiet = quietColour(this);
    const auto section = [](const QString& title) {
        return QStringLiteral("<p style='font-weight:600; margin-bottom:0; margin-top:10px'>%1</p>")
            .arg(title.toHtmlEscaped());
    };
    QString html = QStringLiteral("<p style='font-size:large; font-weight:600; margin:0'>%1</p>")
                       .arg(htmlText(qs(c.name)));
    QStringList facts{capitalized(words(c.status))};
    if (c.startDate && c.endDate) {
        facts << tr("%1 to %2").arg(formatDate(*c.startDate), formatDate(*c.endDate));
    }
    html += QStringLiteral("<p style='color:%1; margin-top:4px'>%2</p>")
                .arg(quiet, facts.join(dot()).toHtmlEscaped());

    QStringList goals;
    for (const core::Id goalId : c.goalIds) {
        if (const auto goal = store.find<core::Goal>(goalId)) {
            goals << qs(goal->title).toHtmlEscaped();
        }
    }
    html += section(tr("Goals it moves"));
    html += goals.isEmpty() ? QStringLiteral("<p style='color:%1; margin-top:2px'><i>%2</i></p>")
                                  .arg(quiet, tr("None chosen."))
                            : QStringLiteral("<p style='margin-top:2px'>%1</p>")
                                  .arg(goals.join(QStringLiteral("<br>")));

    QStringList niches;
    for (const core::Id nicheId : c.nicheIds) {
        if (const auto niche = store.find<core::Niche>(nicheId)) {
            niches << qs(niche->name).toHtmlEscaped();
        }
    }
    html += section(tr("For"));
    html += QStringLiteral("<p style='margin-top:2px'>%1</p>")
                .arg(niches.isEmpty() ? tr("Your readers at large (no niche chosen).")
                                      : joinedList(niches));

    html += section(tr("Cadence"));
    QStringList cadence;
    int perWeek = 0;
    for (const auto& entry : c.cadence) {
        if (const auto channel = store.find<core::Channel>(entry.channelId)) {
            cadence << tr("%1: %2 a week")
                           .arg(qs(channel->name).toHtmlEscaped())
                           .arg(entry.postsPerWeek);
            perWeek += entry.postsPerWeek;
        }
    }
    html +=
        cadence.isEmpty()
            ? QStringLiteral("<p style='color:%1; margin-top:2px'><i>%2</i></p>")
                  .arg(quiet, tr("No channels chosen."))
            : QStringLiteral("<p style='margin-top:2px'>%1<br><span style='color:%2'>%3</span></p>")
                  .arg(cadence.join(QStringLiteral("<br>")), quiet,
                       tr("%1 a week in all").arg(countOf(perWeek, tr("post"), tr("posts"))));

    html += section(tr("Content mix: %1").arg(presetName(c.mix.preset)));
    html += QStringLiteral("<p style='margin-top:2px'>%1</p>").arg(mixRules(c.mix).toHtmlEscaped());

    // The plan: what the campaign holds now, by status and by purpose.
    std::map<core::PostStatus, int> byStatus;
    std::map<core::Purpose, int> byPurpose;
    int total = 0;
    for (const auto& post : store.list<core::Post>()) {
        if (post.campaignId == c.id) {
            ++byStatus[post.status];
            ++byPurpose[post.purpose];
            ++total;
        }
    }
    html += section(tr("Posts"));
    if (total == 0) {
        html += QStringLiteral("<p style='color:%1; margin-top:2px'><i>%2</i></p>")
                    .arg(quiet, tr("No posts yet."));
    } else {
        QStringList statuses;
        for (const auto& [status, n] : byStatus) {
            switch (status) {
                case core::PostStatus::Idea:
                    statuses << countOf(n, tr("idea"), tr("ideas"));
                    break;
                case core::PostStatus::Draft:
                    statuses << countOf(n, tr("draft"), tr("drafts"));
                    break;
                default:  // "scheduled", "published", "skipped" read the same for any number
                    statuses << QStringLiteral("%1 %2").arg(n).arg(words(status));
                    break;
            }
        }
        QStringList purposes;
        for (const auto& [purpose, n] : byPurpose) {
            purposes << QStringLiteral("%1 %2").arg(purposeName(purpose)).arg(n);
        }
        html += QStringLiteral(
                    "<p style='margin-top:2px'>%1: %2<br><span style='color:%3'>%4</span></p>")
                    .arg(countOf(total, tr("post"), tr("posts")), joinedList(statuses), quiet,
                         purposes.join(dot()).toHtmlEscaped());
    }
    m_details->setText(html);
}

}  // namespace rapport::ui
