#include "ui/nichestab.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSplitter>
#include <QVBoxLayout>

#include "ui/displaytext.h"
#include "ui/nichedialog.h"
#include "ui/nichelistmodel.h"
#include "ui/plantext.h"
#include "ui/removerecord.h"
#include "ui/undocontext.h"
#include "ui/widgetstyle.h"

namespace rapport::ui {

NichesTab::NichesTab(UndoContext& undo, QWidget* parent)
    : QWidget(parent),
      m_undo(undo),
      m_model(new NicheListModel(undo.store(), this)),
      m_view(makeRecordView(this, QStringLiteral("nicheList"))),
      m_empty(new QLabel(this)),
      m_details(nullptr),
      m_edit(actionButton(tr("Edit…"), QStringLiteral("editNiche"), this)),
      m_delete(actionButton(tr("Delete"), QStringLiteral("deleteNiche"), this)) {
    setObjectName(QStringLiteral("nichesTab"));
    auto* add = actionButton(tr("New niche…"), QStringLiteral("newNiche"), this);
    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(8);
    buttons->addWidget(add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_delete);
    buttons->addStretch(1);

    m_view->setModel(m_model);
    m_empty->setObjectName(QStringLiteral("nichesEmptyNote"));
    m_empty->setText(
        tr("No niches yet. A niche is a small group you can serve better than "
           "anyone: describe one, and the campaign wizard aims posts at it."));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_empty->setContentsMargins(4, 8, 4, 8);
    makeQuiet(m_empty);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_empty);
    leftLayout->addWidget(m_view, 1);

    QScrollArea* panel = makeDetailPanel(this, &m_details, QStringLiteral("nicheDetails"));
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

    connect(add, &QPushButton::clicked, this, [this] { newNiche(); });
    connect(m_edit, &QPushButton::clicked, this, [this] { editNiche(currentId()); });
    connect(m_delete, &QPushButton::clicked, this, [this] { deleteNiche(currentId()); });
    connect(m_view, &QListView::doubleClicked, this, [this] { editNiche(currentId()); });
    auto* del = new QShortcut(QKeySequence::Delete, m_view, nullptr, nullptr, Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, [this] { deleteNiche(currentId()); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &NichesTab::updateDetails);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &NichesTab::updateDetails);
    connect(m_model, &QAbstractItemModel::modelReset, this, &NichesTab::updateDetails);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &NichesTab::updateDetails);
    connect(
        m_model, &QAbstractItemModel::rowsInserted, this,
        [this](const QModelIndex&, int first) { m_view->setCurrentIndex(m_model->index(first)); });
    if (m_model->rowCount() > 0) {
        m_view->setCurrentIndex(m_model->index(0));
    }
    updateDetails();
}

core::Id NichesTab::currentId() const {
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->idAt(current.row()) : 0;
}

void NichesTab::select(core::Id id) {
    const int row = m_model->rowOf(id);
    if (row >= 0) {
        m_view->setCurrentIndex(m_model->index(row));
    }
}

NicheDialog* NichesTab::newNiche() {
    auto* dialog = new NicheDialog(m_undo, std::nullopt, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

NicheDialog* NichesTab::editNiche(core::Id id) {
    const auto niche = m_undo.store().find<core::Niche>(id);
    if (!niche) {
        return nullptr;
    }
    auto* dialog = new NicheDialog(m_undo, niche, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void NichesTab::deleteNiche(core::Id id) {
    const auto niche = m_undo.store().find<core::Niche>(id);
    if (!niche) {
        return;
    }
    try {
        m_undo.perform(std::make_unique<RemoveRecord<core::Niche>>(
            m_undo, id, tr("Delete niche “%1”").arg(qs(niche->name))));
    } catch (const std::exception& e) {
        m_undo.reportFailure(qs(e.what()));
    }
}

void NichesTab::updateDetails() {
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
    const auto niche = id ? m_undo.store().find<core::Niche>(id) : std::nullopt;
    if (!niche) {
        m_details->setText(
            rows == 0
                ? QString{}
                : tr("<p style='color:%1'>Select a niche to read it.</p>").arg(quietColour(this)));
        return;
    }
    const QString quiet = quietColour(this);
    const auto answer = [&](const std::string& text) {
        return text.empty()
                   ? QStringLiteral("<p style='color:%1; margin-top:2px'><i>%2</i></p>")
                         .arg(quiet, tr("Not answered yet."))
                   : QStringLiteral("<p style='margin-top:2px'>%1</p>").arg(htmlText(qs(text)));
    };
    const auto question = [](const QString& text) {
        return QStringLiteral("<p style='font-weight:600; margin-bottom:0'>%1</p>")
            .arg(text.toHtmlEscaped());
    };
    QString html = QStringLiteral(
                       "<p style='font-size:large; font-weight:600; margin:0'>%1</p>"
                       "<p style='margin-top:4px'>%2</p>")
                       .arg(htmlText(qs(niche->name)), htmlText(qs(niche->topic)));
    const QString empty = nicheStillEmptyText(*niche);
    if (!empty.isEmpty()) {
        html += QStringLiteral("<p style='color:#9a5b00'>%1 %2</p>")
                    .arg(empty.toHtmlEscaped(),
                         tr("Edit the niche to answer; the more you know them, the better the "
                            "posts."));
    }
    html += question(tr("Who are they?")) + answer(niche->whoTheyAre);
    html += question(tr("What do they ask? What are they stuck on?")) + answer(niche->questions);
    QString where =
        niche->whereTheyGather.empty() ? QString{} : htmlText(qs(niche->whereTheyGather));
    QStringList channels;
    for (const core::Id channelId : niche->gatherChannelIds) {
        if (const auto channel = m_undo.store().find<core::Channel>(channelId)) {
            channels << qs(channel->name).toHtmlEscaped();
        }
    }
    html += question(tr("Where do they gather?"));
    if (where.isEmpty() && channels.isEmpty()) {
        html += answer({});
    } else {
        html += QStringLiteral("<p style='margin-top:2px'>%1%2</p>")
                    .arg(where, channels.isEmpty()
                                    ? QString{}
                                    : (where.isEmpty() ? QString{} : QStringLiteral("<br>")) +
                                          tr("Your channels there: %1.").arg(joinedList(channels)));
    }
    html += QStringLiteral(
                "<p style='font-size:large; font-weight:600; margin-top:14px; "
                "margin-bottom:0'>%1</p>")
                .arg(tr("Your value proposition"));
    html += question(tr("What makes you unique?")) + answer(niche->unique);
    html += question(tr("What do you provide that no one else does?")) + answer(niche->provides);
    html += question(tr("What is your draw?")) + answer(niche->draw);
    m_details->setText(html);
}

}  // namespace rapport::ui
