#include "ui/sequencespage.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <memory>
#include <unordered_map>

#include "core/nurtureengine.h"
#include "ui/displaytext.h"
#include "ui/enrolldialog.h"
#include "ui/enrollmentboard.h"
#include "ui/funnelchart.h"
#include "ui/nurturecommands.h"
#include "ui/roles.h"
#include "ui/sequenceeditor.h"
#include "ui/undocontext.h"
#include "ui/widgetstyle.h"

namespace rapport::ui {

SequencesPage::SequencesPage(core::Store& store, UndoContext& undo, const core::Clock& clock,
                             QWidget* parent)
    : Page(store, tr("Sequences"), parent),
      m_undo(undo),
      m_clock(clock),
      m_model(new QStandardItemModel(this)),
      m_list(makeRecordView(this, QStringLiteral("sequenceList"))),
      m_edit(actionButton(tr("Edit…"), QStringLiteral("editSequence"), this)),
      m_remove(actionButton(tr("Delete"), QStringLiteral("removeSequence"), this)),
      m_name(new QLabel(this)),
      m_about(new QLabel(this)),
      m_summary(new QLabel(this)),
      m_detail(new QWidget(this)),
      m_empty(new QLabel(this)),
      m_funnel(new FunnelChart(this)),
      m_board(new EnrollmentBoard(undo, clock, this)) {
    m_list->setModel(m_model);

    // Left: the sequences, with what can be done to them.
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->setSpacing(8);
    auto* add = actionButton(tr("New sequence…"), QStringLiteral("newSequence"), this);
    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(6);
    buttons->addWidget(add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    leftLayout->addLayout(buttons);
    leftLayout->addWidget(m_list, 1);

    // Right: the selected sequence.
    m_name->setObjectName(QStringLiteral("sequenceName"));
    makeHeading(m_name, 1.25);
    m_about->setObjectName(QStringLiteral("sequenceAbout"));
    m_about->setWordWrap(true);
    makeQuiet(m_about);
    m_summary->setObjectName(QStringLiteral("sequenceSummary"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto* summaryPanel = new QFrame(this);
    styleNote(summaryPanel, NoteTone::Info);
    auto* summaryLayout = new QVBoxLayout(summaryPanel);
    summaryLayout->setContentsMargins(14, 10, 14, 10);
    summaryLayout->addWidget(m_summary);
    summaryLayout->addStretch(1);

    auto* funnelBox = new QWidget(this);
    auto* funnelLayout = new QVBoxLayout(funnelBox);
    funnelLayout->setContentsMargins(0, 0, 0, 0);
    funnelLayout->setSpacing(4);
    auto* funnelTitle = new QLabel(tr("Funnel"), funnelBox);
    makeHeading(funnelTitle, 1.0);
    funnelLayout->addWidget(funnelTitle);
    funnelLayout->addWidget(m_funnel, 1);

    auto* top = new QHBoxLayout;
    top->setSpacing(16);
    top->addWidget(summaryPanel, 1);
    top->addWidget(funnelBox, 1);

    auto* detailLayout = new QVBoxLayout(m_detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->setSpacing(10);
    detailLayout->addWidget(m_name);
    detailLayout->addWidget(m_about);
    detailLayout->addLayout(top);
    detailLayout->addSpacing(4);
    detailLayout->addWidget(m_board, 1);

    m_empty->setObjectName(QStringLiteral("emptyNote"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setText(
        tr("No nurture sequences yet. A sequence builds a relationship first and shares your "
           "offer only once it is earned. Start one from a template with “New sequence…”."));
    makeQuiet(m_empty);

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(8, 0, 0, 0);
    rightLayout->addWidget(m_detail, 1);
    rightLayout->addWidget(m_empty, 1);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("sequencesSplit"));
    split->setChildrenCollapsible(false);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setSizes({230, 1000});
    contentLayout()->addWidget(split, 1);

    connect(add, &QPushButton::clicked, this, &SequencesPage::newSequence);
    connect(m_edit, &QPushButton::clicked, this, &SequencesPage::editSequence);
    connect(m_remove, &QPushButton::clicked, this, &SequencesPage::askRemove);
    connect(m_list, &QListView::doubleClicked, this, &SequencesPage::editSequence);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) {
                if (m_rebuilding) {
                    return;
                }
                m_selected = current.isValid() ? current.data(RecordIdRole).toLongLong() : 0;
                showSelected();
            });
    connect(m_board, &EnrollmentBoard::enrollRequested, this, &SequencesPage::enrollContacts);
}

QString SequencesPage::summaryText() const {
    return m_summary->text();
}

void SequencesPage::rebuild() {
    core::Store& s = store();
    const auto sequences = s.list<core::Sequence>();
    std::unordered_map<core::Id, std::pair<int, int>> counts;  // enrolled, open
    {
        auto st = s.db().prepare(
            "SELECT sequence_id, count(*), sum(state IN ('active', 'waiting', 'qualified')) "
            "FROM enrollments GROUP BY sequence_id");
        while (st.step()) {
            counts[st.integer(0)] = {st.int32(1), st.int32(2)};
        }
    }
    int enrolled = 0;
    int open = 0;
    for (const auto& [id, c] : counts) {
        enrolled += c.first;
        open += c.second;
    }
    setHeaderText(QStringList{
        countOf(static_cast<std::int64_t>(sequences.size()), tr("sequence"), tr("sequences")),
        countOf(enrolled, tr("enrollment"), tr("enrollments")), tr("%1 open").arg(open)}
                      .join(dot()));

    m_rebuilding = true;
    m_model->clear();
    int selectedRow = -1;
    for (const auto& seq : sequences) {
        int p1 = 0;
        int p2 = 0;
        for (const auto& st : seq.steps) {
            (st.phase == 1 ? p1 : p2) += 1;
        }
        const auto c = counts[seq.id];
        auto* item = new QStandardItem(qs(seq.name));
        item->setData(tr("%1 then %2")
                              .arg(countOf(p1, tr("touch"), tr("touches")),
                                   countOf(p2, tr("offer step"), tr("offer steps"))) +
                          dot() + tr("%1 in it").arg(c.second),
                      SecondaryTextRole);
        item->setData(QVariant::fromValue<qlonglong>(seq.id), RecordIdRole);
        item->setEditable(false);
        if (seq.id == m_selected) {
            selectedRow = m_model->rowCount();
        }
        m_model->appendRow(item);
    }
    if (selectedRow < 0 && m_model->rowCount() > 0) {
        selectedRow = 0;
    }
    m_selected = selectedRow >= 0 ? m_model->item(selectedRow)->data(RecordIdRole).toLongLong() : 0;
    if (selectedRow >= 0) {
        m_list->selectionModel()->setCurrentIndex(m_model->index(selectedRow, 0),
                                                  QItemSelectionModel::ClearAndSelect);
    }
    m_rebuilding = false;
    showSelected();
}

void SequencesPage::showSelected() {
    core::Store& s = store();
    const auto seq = m_selected ? s.find<core::Sequence>(m_selected) : std::nullopt;
    m_detail->setVisible(seq.has_value());
    m_empty->setVisible(!seq.has_value());
    m_edit->setEnabled(seq.has_value());
    m_remove->setEnabled(seq.has_value());
    if (!seq) {
        m_board->setSequence(0);
        return;
    }
    m_name->setText(qs(seq->name));
    m_about->setText(qs(seq->description));
    m_about->setVisible(!seq->description.empty());

    std::unordered_map<core::Id, QString> channels;
    for (const auto& c : s.list<core::Channel>()) {
        channels.emplace(c.id, qs(c.name));
    }
    const QString quiet = quietColour(this);
    QString html;
    for (const int phase : {1, 2}) {
        html += QStringLiteral("<p style='margin:0 0 3px 0'><b>%1</b></p>")
                    .arg(phase == 1 ? tr("Phase 1 · Build the relationship")
                                    : tr("Phase 2 · Share what you have"));
        if (phase == 2 && !seq->assetTitle.empty()) {
            QString asset = htmlText(qs(seq->assetTitle));
            if (!seq->assetLink.empty()) {
                asset =
                    QStringLiteral("<a href='%1'>%2</a>").arg(htmlText(qs(seq->assetLink)), asset);
            }
            html +=
                QStringLiteral("<p style='margin:0 0 3px 0'>%1 %2</p>").arg(tr("Shares:"), asset);
        }
        html += QStringLiteral("<ol style='margin:0 0 6px 0; -qt-list-indent:1'>");
        for (const auto& st : seq->steps) {
            if (st.phase != phase) {
                continue;
            }
            QStringList facts{words(st.kind)};
            if (st.channelId && channels.count(*st.channelId)) {
                facts << channels[*st.channelId];
            }
            facts << (st.delayDays == 0
                          ? tr("at once")
                          : tr("after %1").arg(countOf(st.delayDays, tr("day"), tr("days"))));
            html += QStringLiteral("<li>%1<br><span style='color:%2'>%3</span></li>")
                        .arg(htmlText(qs(st.action)), quiet, htmlText(facts.join(dot())));
        }
        html += QStringLiteral("</ol>");
        if (phase == 1) {
            // The gate, said plainly between the two.
            html += QStringLiteral(
                        "<p style='margin:0 0 8px 0'><b>%1</b> "
                        "<span style='color:%2'>%3</span></p>")
                        .arg(tr("Gate ·"), quiet,
                             tr("%1 since enrolment, or the relationship stage")
                                 .arg(countOf(seq->minInbound, tr("inbound reply"),
                                              tr("inbound replies"))));
        }
    }
    m_summary->setText(html);
    m_funnel->setFunnel(core::NurtureEngine(s, m_clock).funnel(seq->id));
    m_board->setSequence(seq->id);
}

bool SequencesPage::selectSequence(core::Id id) {
    for (int r = 0; r < m_model->rowCount(); ++r) {
        if (m_model->item(r)->data(RecordIdRole).toLongLong() == id) {
            m_list->selectionModel()->setCurrentIndex(m_model->index(r, 0),
                                                      QItemSelectionModel::ClearAndSelect);
            m_selected = id;
            showSelected();
            return true;
        }
    }
    return false;
}

core::Id SequencesPage::selectedSequence() const {
    return m_selected;
}

void SequencesPage::newSequence() {
    SequenceEditor editor(m_undo, std::nullopt, this);
    if (editor.exec() == QDialog::Accepted) {
        m_selected = editor.savedId();
        refresh();
    }
}

void SequencesPage::editSequence() {
    const auto seq = store().find<core::Sequence>(m_selected);
    if (!seq) {
        return;
    }
    SequenceEditor editor(m_undo, seq, this);
    editor.exec();
}

void SequencesPage::removeSequence(core::Id id) {
    const auto seq = store().find<core::Sequence>(id);
    if (!seq) {
        return;
    }
    m_undo.perform(std::make_unique<SequenceChange>(
        m_undo, tr("Delete sequence “%1”").arg(qs(seq->name)), seq, std::nullopt));
}

void SequencesPage::askRemove() {
    const auto seq = store().find<core::Sequence>(m_selected);
    if (!seq) {
        return;
    }
    auto st = store().db().prepare("SELECT count(*) FROM enrollments WHERE sequence_id = ?1");
    st.bind(1, seq->id);
    const int enrolled = st.step() ? st.int32(0) : 0;
    QMessageBox box(
        QMessageBox::Question, tr("Delete sequence"),
        enrolled > 0
            ? tr("Delete “%1” and its %2? The interactions already logged stay. "
                 "You can undo this.")
                  .arg(qs(seq->name), countOf(enrolled, tr("enrollment"), tr("enrollments")))
            : tr("Delete “%1”? You can undo this.").arg(qs(seq->name)),
        QMessageBox::Cancel, this);
    box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.buttonRole(box.clickedButton()) == QMessageBox::DestructiveRole) {
        removeSequence(seq->id);
    }
}

void SequencesPage::enrollContacts() {
    if (m_selected == 0) {
        return;
    }
    ContactPicker picker(store(), m_clock, this);
    if (picker.exec() != QDialog::Accepted || picker.chosen().empty()) {
        return;
    }
    EnrollDialog dialog(m_undo, m_clock, picker.chosen(), this);
    dialog.setSequence(m_selected);
    dialog.exec();
}

}  // namespace rapport::ui
