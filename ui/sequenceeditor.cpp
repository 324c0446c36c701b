#include "ui/sequenceeditor.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFrame>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>
#include <set>

#include "core/errors.h"
#include "core/store.h"
#include "core/validation.h"
#include "ui/displaytext.h"
#include "ui/formerrors.h"
#include "ui/formgrid.h"
#include "ui/nurturecommands.h"
#include "ui/sequencetemplates.h"
#include "ui/undocontext.h"
#include "ui/widgetstyle.h"

namespace rapport::ui {

namespace {

enum Column { ActionColumn, KindColumn, ChannelColumn, DelayColumn, ColumnCount };
constexpr int kStepIdRole = Qt::UserRole + 1;

/// The interaction kinds a step can log: the outbound touches (purchase is the contact's).
const std::vector<core::InteractionKind>& stepKinds() {
    using K = core::InteractionKind;
    static const std::vector<K> kinds{K::Comment,  K::Reply, K::Mention, K::DirectMessage,
                                      K::Email,    K::Call,  K::Meeting, K::Share,
                                      K::Referral, K::Other};
    return kinds;
}

}  // namespace

// ---- StepTable --------------------------------------------------------------------------------

StepTable::StepTable(core::Store& store, int phase, QWidget* parent)
    : QTableWidget(0, ColumnCount, parent), m_phase(phase) {
    setObjectName(QStringLiteral("phase%1Steps").arg(phase));
    setHorizontalHeaderLabels({tr("Action"), tr("Logs as"), tr("Channel"), tr("After")});
    horizontalHeader()->setSectionResizeMode(ActionColumn, QHeaderView::Stretch);
    horizontalHeader()->setSectionResizeMode(KindColumn, QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(ChannelColumn, QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(DelayColumn, QHeaderView::ResizeToContents);
    horizontalHeader()->setHighlightSections(false);
    verticalHeader()->setVisible(true);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 18);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setShowGrid(false);
    setAlternatingRowColors(true);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    for (const auto& c : store.list<core::Channel>()) {
        m_channels.emplace_back(qs(c.name), c.id);
    }
}

QSize StepTable::sizeHint() const {
    const int rows = std::max(rowCount(), 2);
    const int h = horizontalHeader()->height() + rows * verticalHeader()->defaultSectionSize() +
                  2 * frameWidth() + 2;
    return {QTableWidget::sizeHint().width(), h};
}

void StepTable::fillRow(int row, const core::SequenceStep& step) {
    auto* action = new QTableWidgetItem(qs(step.action));
    action->setData(kStepIdRole, QVariant::fromValue<qlonglong>(step.id));
    setItem(row, ActionColumn, action);

    auto* kind = new QComboBox(this);
    kind->setObjectName(QStringLiteral("kind"));
    for (const auto k : stepKinds()) {
        kind->addItem(capitalized(words(k)), static_cast<int>(k));
    }
    kind->setCurrentIndex(std::max(0, kind->findData(static_cast<int>(step.kind))));
    setCellWidget(row, KindColumn, kind);

    auto* channel = new QComboBox(this);
    channel->setObjectName(QStringLiteral("channel"));
    channel->addItem(tr("Any channel"), QVariant::fromValue<qlonglong>(0));
    for (const auto& [name, id] : m_channels) {
        channel->addItem(name, QVariant::fromValue<qlonglong>(id));
    }
    channel->setCurrentIndex(
        std::max(0, channel->findData(QVariant::fromValue<qlonglong>(step.channelId.value_or(0)))));
    setCellWidget(row, ChannelColumn, channel);

    // Core says what a delay may be; the box lets any number through so its sentence can.
    auto* delay = new QSpinBox(this);
    delay->setObjectName(QStringLiteral("delay"));
    delay->setRange(-999, 999);
    const auto suffix = [delay](int days) {
        delay->setSuffix(days == 1 || days == -1 ? tr(" day") : tr(" days"));
    };
    connect(delay, &QSpinBox::valueChanged, delay, suffix);
    delay->setValue(step.delayDays);
    suffix(step.delayDays);
    delay->setToolTip(m_phase == 1 && row == 0
                          ? tr("Days after enrolling")
                          : tr("Days after the step before is done (or the gate opens)"));
    setCellWidget(row, DelayColumn, delay);
}

void StepTable::setSteps(const std::vector<core::SequenceStep>& steps) {
    setRowCount(0);
    for (const auto& s : steps) {
        if (s.phase == m_phase) {
            addStep(s);
        }
    }
    updateGeometry();
}

int StepTable::addStep(const core::SequenceStep& step) {
    const int row = rowCount();
    insertRow(row);
    fillRow(row, step);
    updateGeometry();
    return row;
}

core::SequenceStep StepTable::stepAt(int row) const {
    core::SequenceStep s;
    s.phase = m_phase;
    s.position = row;
    if (const auto* action = item(row, ActionColumn)) {
        s.action = action->text().toStdString();
        s.id = action->data(kStepIdRole).toLongLong();
    }
    if (auto* kind = qobject_cast<QComboBox*>(cellWidget(row, KindColumn))) {
        s.kind = static_cast<core::InteractionKind>(kind->currentData().toInt());
    }
    if (auto* channel = qobject_cast<QComboBox*>(cellWidget(row, ChannelColumn))) {
        const core::Id id = channel->currentData().toLongLong();
        if (id != 0) {
            s.channelId = id;
        }
    }
    if (auto* delay = qobject_cast<QSpinBox*>(cellWidget(row, DelayColumn))) {
        s.delayDays = delay->value();
    }
    return s;
}

std::vector<core::SequenceStep> StepTable::steps() const {
    std::vector<core::SequenceStep> out;
    for (int row = 0; row < rowCount(); ++row) {
        out.push_back(stepAt(row));
    }
    return out;
}

void StepTable::removeCurrent() {
    const int row = currentRow();
    if (row >= 0) {
        removeRow(row);
        updateGeometry();
    }
}

void StepTable::moveCurrent(int by) {
    const int row = currentRow();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= rowCount()) {
        return;
    }
    const auto a = stepAt(row);
    const auto b = stepAt(to);
    fillRow(row, b);
    fillRow(to, a);
    setCurrentCell(to, ActionColumn);
}

void StepTable::setDelay(int row, int days) {
    if (auto* delay = qobject_cast<QSpinBox*>(cellWidget(row, DelayColumn))) {
        delay->setValue(days);
    }
}

void StepTable::setAction(int row, const QString& action) {
    if (auto* a = item(row, ActionColumn)) {
        a->setText(action);
    }
}

// ---- SequenceEditor ---------------------------------------------------------------------------

SequenceEditor::SequenceEditor(UndoContext& undo, std::optional<core::Sequence> sequence,
                               QWidget* parent)
    : QDialog(parent),
      m_undo(undo),
      m_original(std::move(sequence)),
      m_name(new QLineEdit(this)),
      m_niche(new QComboBox(this)),
      m_description(new QPlainTextEdit(this)),
      m_phase1(new StepTable(undo.store(), 1, this)),
      m_phase2(new StepTable(undo.store(), 2, this)),
      m_minInbound(new QSpinBox(this)),
      m_assetTitle(new QLineEdit(this)),
      m_assetLink(new QLineEdit(this)),
      m_general(FormErrors::makeLine(this)),
      m_errors(new FormErrors(this)) {
    setObjectName(QStringLiteral("sequenceEditor"));
    setWindowTitle(m_original ? tr("Edit sequence") : tr("New sequence"));
    setMinimumWidth(760);

    auto* form = new FormGrid;
    if (!m_original) {
        m_template = new QComboBox(this);
        m_template->setObjectName(QStringLiteral("template"));
        m_template->addItem(tr("Start from a template…"), -1);
        int i = 0;
        for (const auto& t : sequenceTemplates()) {
            m_template->addItem(t.name, i);
            m_template->setItemData(i + 1, t.summary, Qt::ToolTipRole);
            ++i;
        }
        connect(m_template, &QComboBox::activated, this, [this](int index) {
            const int t = m_template->itemData(index).toInt();
            if (t >= 0) {
                applyTemplate(t);
            }
        });
        form->addRow(tr("Template"), m_template);
    }
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("What the sequence is for"));
    form->addRow(tr("Name"), m_errors->wrap(QStringLiteral("name"), m_name, tr("The name")));
    m_niche->setObjectName(QStringLiteral("niche"));
    m_niche->addItem(tr("Any niche"), QVariant::fromValue<qlonglong>(0));
    for (const auto& n : undo.store().list<core::Niche>()) {
        m_niche->addItem(qs(n.name), QVariant::fromValue<qlonglong>(n.id));
    }
    form->addRow(tr("Niche"), FormGrid::leftAligned(m_niche));
    m_description->setObjectName(QStringLiteral("description"));
    m_description->setPlaceholderText(tr("What it does for the people in it (optional)"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 2 + 14);
    form->addRow(tr("About"), m_description);

    // The gate, between the phases: what earns the offer.
    auto* gate = new QFrame(this);
    gate->setObjectName(QStringLiteral("gate"));
    styleNote(gate, NoteTone::Caution);
    auto* gateLayout = new QVBoxLayout(gate);
    gateLayout->setContentsMargins(14, 10, 14, 10);
    gateLayout->setSpacing(4);
    auto* gateTitle = new QLabel(tr("The gate: phase 2 is earned"), gate);
    makeHeading(gateTitle, 1.0);
    auto* gateRow = new QWidget(gate);
    auto* gateRowLayout = new QHBoxLayout(gateRow);
    gateRowLayout->setContentsMargins(0, 0, 0, 0);
    gateRowLayout->addWidget(new QLabel(tr("Opens after"), gateRow));
    m_minInbound->setObjectName(QStringLiteral("minInbound"));
    m_minInbound->setRange(-99, 99);
    gateRowLayout->addWidget(m_minInbound);
    gateRowLayout->addWidget(
        new QLabel(tr("inbound replies since enrolment, or once the contact is at the "
                      "relationship stage."),
                   gateRow),
        1);
    gateLayout->addWidget(gateTitle);
    gateLayout->addWidget(
        m_errors->wrap(QStringLiteral("minInbound"), gateRow, tr("The number of replies")));
    auto* gateHint = new QLabel(
        tr("Until then the enrollment waits and says why. You can open the gate by hand for "
           "one person, with a reason."),
        gate);
    makeHint(gateHint);
    gateLayout->addWidget(gateHint);

    // Phase 2's asset: what you share.
    auto* asset = new QWidget(this);
    auto* assetForm = new FormGrid;
    assetForm->setContentsMargins(0, 0, 0, 0);
    asset->setLayout(assetForm);
    m_assetTitle->setObjectName(QStringLiteral("assetTitle"));
    m_assetTitle->setPlaceholderText(tr("The free chapter, the product, the offer"));
    m_assetLink->setObjectName(QStringLiteral("assetLink"));
    m_assetLink->setPlaceholderText(QStringLiteral("https://"));
    assetForm->addRow(tr("What you share"), m_assetTitle);
    assetForm->addRow(tr("Link"),
                      m_errors->wrap(QStringLiteral("assetLink"), m_assetLink, tr("The link")));

    auto* content = new QWidget(this);
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(20, 18, 20, 8);
    contentLayout->setSpacing(14);
    contentLayout->addLayout(form);
    contentLayout->addWidget(phasePanel(1, m_phase1, nullptr));
    contentLayout->addWidget(gate);
    contentLayout->addWidget(phasePanel(2, m_phase2, asset));
    m_general->setObjectName(QStringLiteral("error-general"));
    m_errors->setGeneral(m_general);
    contentLayout->addWidget(m_general);
    contentLayout->addStretch(1);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setText(m_original ? tr("Save") : tr("Add sequence"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SequenceEditor::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SequenceEditor::reject);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 14);
    layout->addWidget(scroll, 1);
    auto* buttonRow = new QHBoxLayout;
    buttonRow->setContentsMargins(20, 0, 20, 0);
    buttonRow->addWidget(buttons);
    layout->addLayout(buttonRow);

    if (m_original) {
        fill(*m_original);
    } else {
        core::Sequence fresh;
        fresh.steps.push_back({0, 1, 0, {}, core::InteractionKind::Comment, {}, 0});
        fresh.steps.push_back({0, 2, 0, {}, core::InteractionKind::DirectMessage, {}, 1});
        fill(fresh);
    }
    // Tall enough to show both phases whole where the screen allows.
    const QScreen* screen = parent ? parent->screen() : QGuiApplication::primaryScreen();
    const int room = screen ? screen->availableGeometry().height() - 60 : 700;
    resize(840, std::clamp(room, 560, 790));
    m_name->setFocus();
}

QWidget* SequenceEditor::phasePanel(int phase, StepTable* table, QWidget* extra) {
    auto* panel = new QFrame(this);
    panel->setObjectName(QStringLiteral("phase%1").arg(phase));
    styleNote(panel, NoteTone::Info);
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(14, 10, 14, 12);
    layout->setSpacing(6);
    auto* title = new QLabel(
        phase == 1 ? tr("Phase 1 · Build the relationship") : tr("Phase 2 · Share what you have"),
        panel);
    makeHeading(title, 1.12);
    auto* hint = new QLabel(
        phase == 1 ? tr("Value touches that give and ask nothing. Each is due the day the one "
                        "before is done, plus its delay.")
                   : tr("Once the gate opens: share the asset, then follow up."),
        panel);
    makeHint(hint);
    layout->addWidget(title);
    layout->addWidget(hint);
    if (extra) {
        layout->addWidget(extra);
    }
    const QString name = QStringLiteral("phase%1").arg(phase);
    layout->addWidget(m_errors->wrap(name, table));

    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(6);
    auto* add = new QPushButton(tr("Add step"), panel);
    add->setObjectName(QStringLiteral("addStep%1").arg(phase));
    auto* remove = new QPushButton(tr("Remove"), panel);
    auto* up = new QPushButton(tr("Move up"), panel);
    auto* down = new QPushButton(tr("Move down"), panel);
    for (auto* b : {add, remove, up, down}) {
        b->setAutoDefault(false);
        buttons->addWidget(b);
    }
    buttons->addStretch(1);
    layout->addLayout(buttons);
    connect(add, &QPushButton::clicked, this, [table, phase] {
        core::SequenceStep s;
        s.phase = phase;
        s.kind = phase == 1 ? core::InteractionKind::Comment : core::InteractionKind::DirectMessage;
        s.delayDays = 3;
        const int row = table->addStep(s);
        table->setCurrentCell(row, 0);
        table->editItem(table->item(row, 0));
    });
    connect(remove, &QPushButton::clicked, table, &StepTable::removeCurrent);
    connect(up, &QPushButton::clicked, table, [table] { table->moveCurrent(-1); });
    connect(down, &QPushButton::clicked, table, [table] { table->moveCurrent(1); });
    return panel;
}

void SequenceEditor::fill(const core::Sequence& s) {
    m_name->setText(qs(s.name));
    m_niche->setCurrentIndex(
        std::max(0, m_niche->findData(QVariant::fromValue<qlonglong>(s.nicheId.value_or(0)))));
    m_description->setPlainText(qs(s.description));
    m_minInbound->setValue(s.minInbound);
    m_assetTitle->setText(qs(s.assetTitle));
    m_assetLink->setText(qs(s.assetLink));
    m_phase1->setSteps(s.steps);
    m_phase2->setSteps(s.steps);
}

void SequenceEditor::applyTemplate(int index) {
    const auto templates = sequenceTemplates();
    if (index < 0 || index >= static_cast<int>(templates.size())) {
        return;
    }
    m_errors->clear();
    fill(templates[static_cast<std::size_t>(index)].sequence);
    if (m_template) {
        m_template->setCurrentIndex(index + 1);
    }
}

core::Sequence SequenceEditor::values() const {
    core::Sequence s = m_original.value_or(core::Sequence{});
    s.name = m_name->text().trimmed().toStdString();
    const core::Id niche = m_niche->currentData().toLongLong();
    s.nicheId = niche != 0 ? std::optional<core::Id>(niche) : std::nullopt;
    s.description = m_description->toPlainText().trimmed().toStdString();
    s.minInbound = m_minInbound->value();
    s.assetTitle = m_assetTitle->text().trimmed().toStdString();
    s.assetLink = m_assetLink->text().trimmed().toStdString();
    s.steps = m_phase1->steps();
    for (auto& st : m_phase2->steps()) {
        s.steps.push_back(st);
    }
    return s;
}

void SequenceEditor::show(const core::ValidationError& e, std::size_t phase1Count) {
    const QString field = qs(e.field());
    const QString problem = qs(e.problem());
    if (field == QLatin1String("steps")) {
        const bool first = problem.contains(QLatin1String("phase-1"));
        m_errors->show(first ? QStringLiteral("phase1") : QStringLiteral("phase2"),
                       tr("This phase needs at least one step: %1.")
                           .arg(first ? tr("the relationship comes first")
                                      : tr("what you share once it is earned")));
        return;
    }
    if (field.startsWith(QLatin1String("steps["))) {
        const std::size_t index = field.mid(6, field.indexOf(QLatin1Char(']')) - 6).toULongLong();
        const bool first = index < phase1Count;
        const std::size_t row = first ? index : index - phase1Count;
        QString what = tr("The step");
        if (field.endsWith(QLatin1String(".delayDays"))) {
            what = tr("The delay");
        } else if (field.endsWith(QLatin1String(".action"))) {
            what = tr("The action");
        }
        m_errors->show(first ? QStringLiteral("phase1") : QStringLiteral("phase2"),
                       tr("Step %1: %2 %3.").arg(row + 1).arg(what.toLower(), problem));
        return;
    }
    m_errors->show(e);
}

void SequenceEditor::accept() {
    m_errors->clear();
    const core::Sequence s = values();
    const std::size_t phase1Count = static_cast<std::size_t>(m_phase1->rowCount());
    // Every problem at once: check, say it, mend a copy so the next rule has its say.
    core::Sequence probe = s;
    bool clean = true;
    for (int round = 0; round < 12; ++round) {
        try {
            core::validate(probe);
            break;
        } catch (const core::ValidationError& e) {
            show(e, phase1Count);
            clean = false;
            const std::string& f = e.field();
            if (f == "name") {
                probe.name = "x";
            } else if (f == "assetLink") {
                probe.assetLink.clear();
            } else if (f == "minInbound") {
                probe.minInbound = 0;
            } else if (f == "steps") {
                const bool first = e.problem().find("phase-1") != std::string::npos;
                probe.steps.push_back({0, first ? 1 : 2, 999, "x", {}, {}, 0});
            } else if (f.rfind("steps[", 0) == 0) {
                const std::size_t i = std::stoul(f.substr(6));
                if (i < probe.steps.size()) {
                    probe.steps[i].delayDays = std::max(0, probe.steps[i].delayDays);
                    if (probe.steps[i].action.find_first_not_of(" \t") == std::string::npos) {
                        probe.steps[i].action = "x";
                    }
                }
            } else {
                break;
            }
        }
    }
    if (!clean) {
        return;
    }
    // A step someone is on may not go: they would be left without a next step.
    if (m_original) {
        std::set<core::Id> kept;
        for (const auto& st : s.steps) {
            kept.insert(st.id);
        }
        auto st = m_undo.store().db().prepare(
            "SELECT e.current_step_id, count(*) FROM enrollments e WHERE e.sequence_id = ?1 AND "
            "e.state IN ('active', 'waiting', 'qualified') AND e.current_step_id IS NOT NULL "
            "GROUP BY e.current_step_id");
        st.bind(1, m_original->id);
        while (st.step()) {
            const core::Id step = st.integer(0);
            if (kept.count(step)) {
                continue;
            }
            for (const auto& old : m_original->steps) {
                if (old.id == step) {
                    m_errors->show(
                        old.phase == 1 ? QStringLiteral("phase1") : QStringLiteral("phase2"),
                        tr("“%1” is the next step for %2, so it stays: change it instead, or "
                           "end their enrollments first.")
                            .arg(qs(old.action),
                                 countOf(st.integer(1), tr("person"), tr("people"))));
                    return;
                }
            }
        }
    }
    try {
        auto command =
            std::make_unique<SequenceChange>(m_undo,
                                             m_original ? tr("Edit sequence “%1”").arg(qs(s.name))
                                                        : tr("Add sequence “%1”").arg(qs(s.name)),
                                             m_original, s);
        auto* raw = command.get();
        m_undo.perform(std::move(command));
        m_savedId = raw->sequenceId();
    } catch (const core::ValidationError& e) {
        show(e, phase1Count);
        return;
    } catch (const std::exception& e) {
        m_errors->show(QString{}, qs(e.what()));
        return;
    }
    QDialog::accept();
}

}  // namespace rapport::ui
