#include "ui/ideaspage.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <array>

#include "core/errors.h"
#include "core/timeutil.h"
#include "core/topicideas.h"
#include "ui/displaytext.h"
#include "ui/formerrors.h"
#include "ui/ideacommands.h"
#include "ui/ideasmodel.h"
#include "ui/recordlist.h"
#include "ui/undocontext.h"
#include "ui/updaterecord.h"
#include "ui/widgetstyle.h"

namespace rapport::ui {

namespace {

// Sizes a button whose text follows the selection for the widest of its texts, with a margin
// around it: it neither clips its text nor moves its neighbour as the selection changes.
void fitTexts(QPushButton* button, const QStringList& texts) {
    const QString shown = button->text();
    int width = 0;
    for (const QString& text : texts) {
        button->setText(text);
        width = std::max(width, button->sizeHint().width());
    }
    button->setText(shown);
    button->setMinimumWidth(
        width + 2 * button->style()->pixelMetric(QStyle::PM_ButtonMargin, nullptr, button));
}

}  // namespace

IdeasPage::IdeasPage(core::Store& store, UndoContext& undo, QWidget* parent)
    : Page(store, tr("Ideas"), parent),
      m_undo(undo),
      m_model(new IdeasModel(store, this)),
      m_table(new QTableView(this)),
      m_empty(new QLabel(this)),
      m_toPost(actionButton(tr("Turn into a post"), QStringLiteral("turnIntoPost"), this)),
      m_drop(actionButton(tr("Drop"), QStringLiteral("dropIdea"), this)),
      m_error(FormErrors::makeLine(this)),
      m_details(new QLabel(this)),
      m_askedHeading(new QLabel(tr("Asked by"), this)),
      m_askers(new RecordList(this)) {
    setObjectName(QStringLiteral("ideasPage"));
    m_toPost->setToolTip(
        tr("A draft post with the idea's title, niche and notes; the idea becomes planned, and "
           "covered once the post is published."));
    auto* hint = new QLabel(
        tr("What people asked you about, most asked first. Raise an idea from any interaction "
           "on a contact's timeline; each ask moves it up."),
        this);
    makeHint(hint);
    fitTexts(m_toPost, {tr("Turn into a post"), tr("Another post from it")});
    fitTexts(m_drop, {tr("Drop"), tr("Reopen")});
    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(8);
    buttons->addWidget(m_toPost);
    buttons->addWidget(m_drop);
    buttons->addStretch(1);
    m_error->setObjectName(QStringLiteral("ideasError"));

    m_empty->setObjectName(QStringLiteral("ideasEmptyNote"));
    m_empty->setText(
        tr("No topic ideas yet. When someone asks a question, raise it as an idea from the "
           "interaction: it is your next post."));
    m_empty->setWordWrap(true);
    makeQuiet(m_empty);

    m_table->setObjectName(QStringLiteral("ideasTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setFrameShape(QFrame::NoFrame);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 16);
    QHeaderView* header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(IdeasModel::Title, QHeaderView::Stretch);
    header->setSectionResizeMode(IdeasModel::Post, QHeaderView::Interactive);
    header->resizeSection(IdeasModel::Post, 280);

    auto* detail = new QWidget(this);
    auto* detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 10, 0, 0);
    detailLayout->setSpacing(6);
    m_details->setObjectName(QStringLiteral("ideaDetails"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_askedHeading->setObjectName(QStringLiteral("askedHeading"));
    makeHeading(m_askedHeading, 1.0);
    m_askers->setObjectName(QStringLiteral("ideaAskers"));
    detailLayout->addWidget(m_details);
    detailLayout->addWidget(m_askedHeading);
    detailLayout->addWidget(m_askers, 1);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_table);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    contentLayout()->addWidget(hint);
    contentLayout()->addLayout(buttons);
    contentLayout()->addWidget(m_error);
    contentLayout()->addWidget(m_empty);
    contentLayout()->addWidget(splitter, 1);

    connect(m_toPost, &QPushButton::clicked, this, [this] { turnIntoPost(currentId()); });
    connect(m_drop, &QPushButton::clicked, this, [this] { toggleDropped(currentId()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &IdeasPage::updateDetails);
    updateDetails();
}

core::Id IdeasPage::currentId() const {
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_model->ideaAt(current.row()).id : 0;
}

bool IdeasPage::select(core::Id ideaId) {
    const int row = m_model->rowOf(ideaId);
    if (row < 0) {
        return false;
    }
    m_table->setCurrentIndex(m_model->index(row, 0));
    return true;
}

QString IdeasPage::errorText() const {
    return m_error->isHidden() ? QString{} : m_error->text();
}

core::Id IdeasPage::turnIntoPost(core::Id ideaId) {
    m_error->hide();
    m_error->clear();
    core::Store& s = store();
    const auto idea = s.find<core::TopicIdea>(ideaId);
    if (!idea) {
        return 0;
    }
    try {
        auto command =
            std::make_unique<TurnIdeaIntoPost>(m_undo, *idea, core::draftPostForIdea(s, *idea));
        auto* made = command.get();
        m_undo.perform(std::move(command));
        return made->postId();
    } catch (const std::exception& e) {
        m_error->setText(qs(e.what()));
        m_error->show();
        return 0;
    }
}

void IdeasPage::toggleDropped(core::Id ideaId) {
    m_error->hide();
    m_error->clear();
    const auto idea = store().find<core::TopicIdea>(ideaId);
    if (!idea) {
        return;
    }
    core::TopicIdea after = *idea;
    const bool reopen = idea->status == core::IdeaStatus::Dropped;
    after.status = reopen ? core::IdeaStatus::New : core::IdeaStatus::Dropped;
    try {
        m_undo.perform(std::make_unique<UpdateRecord<core::TopicIdea>>(
            m_undo, *idea, after,
            reopen ? tr("Reopen idea “%1”").arg(qs(idea->title))
                   : tr("Drop idea “%1”").arg(qs(idea->title))));
    } catch (const std::exception& e) {
        m_error->setText(qs(e.what()));
        m_error->show();
    }
}

void IdeasPage::rebuild() {
    const core::Id keep = currentId();
    m_model->reload();
    if (!select(keep) && m_model->rowCount() > 0) {
        m_table->setCurrentIndex(m_model->index(0, 0));
    }

    std::array<std::int64_t, core::enumCount<core::IdeaStatus>()> byStatus{};
    std::int64_t asks = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const auto& idea = m_model->ideaAt(row);
        ++byStatus[static_cast<std::size_t>(idea.status)];
        asks += idea.askedCount;
    }
    QStringList header{countOf(m_model->rowCount(), tr("topic idea"), tr("topic ideas"))};
    for (std::size_t i = 0; i < byStatus.size(); ++i) {
        if (byStatus[i] > 0) {
            header << QStringLiteral("%1 %2")
                          .arg(byStatus[i])
                          .arg(words(static_cast<core::IdeaStatus>(i)));
        }
    }
    header << countOf(asks, tr("ask"), tr("asks"));
    setHeaderText(header.join(dot()));
    m_empty->setVisible(m_model->rowCount() == 0);
    updateDetails();
}

void IdeasPage::updateDetails() {
    const core::Id id = currentId();
    m_toPost->setEnabled(id != 0);
    m_drop->setEnabled(id != 0);
    m_askers->beginRebuild();
    if (id == 0) {
        m_details->clear();
        m_askedHeading->hide();
        m_askers->endRebuild();
        return;
    }
    const core::RankedIdea& idea = m_model->ideaAt(m_model->rowOf(id));
    m_drop->setText(idea.storedStatus == core::IdeaStatus::Dropped ? tr("Reopen") : tr("Drop"));
    m_toPost->setText(idea.postCount > 0 ? tr("Another post from it") : tr("Turn into a post"));

    const QString quiet = quietColour(this);
    QString html =
        QStringLiteral("<p style='font-size:large'><b>%1</b></p>").arg(htmlText(qs(idea.title)));
    QStringList facts{capitalized(words(idea.status))};
    if (!idea.nicheName.empty()) {
        facts << htmlText(qs(idea.nicheName));
    }
    facts << htmlText(idea.askedCount == 1 ? tr("asked once")
                                           : tr("asked %1 times").arg(idea.askedCount));
    html += QStringLiteral("<p style='color:%1'>%2</p>").arg(quiet, facts.join(dot()));
    if (!idea.notes.empty()) {
        html += QStringLiteral("<p>%1</p>").arg(htmlText(qs(idea.notes)));
    }
    if (idea.postId) {
        const QString line =
            idea.status == core::IdeaStatus::Covered &&
                    idea.postStatus == core::PostStatus::Published
                ? tr("Covered by “%1”, published.").arg(htmlText(qs(idea.postTitle)))
                : tr("Answered by “%1” (%2).")
                      .arg(htmlText(qs(idea.postTitle)),
                           idea.postStatus ? words(*idea.postStatus) : QString{});
        html += QStringLiteral("<p>%1</p>").arg(line);
    } else if (idea.status == core::IdeaStatus::New || idea.status == core::IdeaStatus::Planned) {
        html +=
            QStringLiteral("<p style='color:%1'>%2</p>").arg(quiet, tr("No post answers it yet."));
    }
    m_details->setText(html);

    m_askedHeading->show();
    const std::string zone = store().timeZone();
    const auto askers = core::askersOf(store(), id);
    if (askers.empty()) {
        m_askers->addNote(tr("Nobody yet: raise it from an interaction to count who asked."));
    }
    for (const auto& asker : askers) {
        QStringList facts2{formatDate(core::localDate(asker.at, zone)),
                           capitalized(words(asker.kind)), words(asker.direction)};
        const QString note = asker.note.empty() ? QString{} : qs(asker.note);
        m_askers->addRecord(
            qs(asker.contactName) + (note.isEmpty() ? QString{} : QStringLiteral(": ") + note),
            facts2.join(dot()), asker.interactionId);
    }
    m_askers->endRebuild();
}

}  // namespace rapport::ui
