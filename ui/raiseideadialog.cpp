#include "ui/raiseideadialog.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <algorithm>

#include "core/errors.h"
#include "core/timeutil.h"
#include "core/topicideas.h"
#include "core/validation.h"
#include "ui/addrecord.h"
#include "ui/displaytext.h"
#include "ui/formerrors.h"
#include "ui/formgrid.h"
#include "ui/ideacommands.h"
#include "ui/undocontext.h"
#include "ui/updaterecord.h"
#include "ui/widgetstyle.h"

namespace rapport::ui {

namespace {

QString askedTimes(std::int64_t n) {
    return n == 0 ? QCoreApplication::translate("rapport::ui::RaiseIdeaDialog", "nobody asked yet")
           : n == 1 ? QCoreApplication::translate("rapport::ui::RaiseIdeaDialog", "asked once")
                    : QCoreApplication::translate("rapport::ui::RaiseIdeaDialog", "asked %1 times")
                          .arg(n);
}

}  // namespace

bool raiseTopicIdea(QWidget* parent, UndoContext& undo, core::Id interactionId) {
    RaiseIdeaDialog dialog(undo, interactionId, parent);
    return dialog.exec() == QDialog::Accepted && dialog.savedIdeaId() != 0;
}

RaiseIdeaDialog::RaiseIdeaDialog(UndoContext& undo, core::Id interactionId, QWidget* parent)
    : QDialog(parent),
      m_undo(undo),
      m_interactionId(interactionId),
      m_newIdea(new QRadioButton(tr("A new idea"), this)),
      m_existing(new QRadioButton(tr("Another ask for an idea already noted"), this)),
      m_title(new QLineEdit(this)),
      m_notes(new QPlainTextEdit(this)),
      m_niche(new QComboBox(this)),
      m_idea(new QComboBox(this)),
      m_general(FormErrors::makeLine(this)),
      m_errors(new FormErrors(this)) {
    setObjectName(QStringLiteral("raiseIdeaDialog"));
    setWindowTitle(tr("Raise a topic idea"));
    setMinimumWidth(520);
    core::Store& store = undo.store();
    const auto interaction = store.find<core::Interaction>(interactionId);

    // What was said, quoted, so the idea is written with the question in view.
    auto* quote = new QFrame(this);
    quote->setObjectName(QStringLiteral("interactionQuote"));
    styleNote(quote, NoteTone::Info);
    auto* quoteLayout = new QVBoxLayout(quote);
    quoteLayout->setContentsMargins(12, 10, 12, 10);
    quoteLayout->setSpacing(4);
    auto* who = new QLabel(quote);
    makeHeading(who, 1.0);
    auto* said = new QLabel(quote);
    said->setObjectName(QStringLiteral("interactionNote"));
    said->setWordWrap(true);
    said->setTextInteractionFlags(Qt::TextSelectableByMouse);
    quoteLayout->addWidget(who);
    quoteLayout->addWidget(said);

    std::vector<core::Id> raised;
    if (interaction) {
        const auto contact = store.find<core::Contact>(interaction->contactId);
        const std::string zone = store.timeZone();
        who->setText(QStringList{contact ? qs(contact->displayName) : tr("Someone"),
                                 capitalized(words(interaction->kind)),
                                 formatDate(core::localDate(interaction->at, zone))}
                         .join(dot()));
        said->setText(interaction->note.empty() ? tr("(no note)") : qs(interaction->note));
        raised = core::ideasRaisedBy(store, interactionId);
    } else {
        who->setText(tr("This interaction no longer exists"));
        said->setText(tr("It was deleted; there is nothing to raise an idea from."));
    }

    m_newIdea->setObjectName(QStringLiteral("newIdea"));
    m_existing->setObjectName(QStringLiteral("existingIdea"));
    auto* group = new QButtonGroup(this);
    group->addButton(m_newIdea);
    group->addButton(m_existing);

    m_title->setObjectName(QStringLiteral("title"));
    m_title->setPlaceholderText(tr("The question as a post would answer it"));
    m_notes->setObjectName(QStringLiteral("notes"));
    m_notes->setPlaceholderText(tr("Who asked and what they need (optional)"));
    m_notes->setTabChangesFocus(true);
    m_notes->setFixedHeight(m_notes->fontMetrics().lineSpacing() * 3 + 14);
    m_niche->setObjectName(QStringLiteral("niche"));
    m_niche->addItem(tr("No niche"), QVariant::fromValue<qlonglong>(0));
    for (const auto& niche : store.list<core::Niche>()) {
        m_niche->addItem(qs(niche.name), QVariant::fromValue<qlonglong>(niche.id));
    }
    if (interaction) {
        m_title->setText(qs(core::suggestedIdeaTitle(*interaction)));
        const core::TopicIdea suggested = core::ideaRaisedBy(store, interactionId, {});
        if (suggested.nicheId) {
            m_niche->setCurrentIndex(
                std::max(0, m_niche->findData(QVariant::fromValue<qlonglong>(*suggested.nicheId))));
        }
    }

    // The ideas already noted, most asked first; those this interaction already asked for
    // are shown but cannot be picked again.
    m_idea->setObjectName(QStringLiteral("idea"));
    int pickable = 0;
    QStringList already;
    for (const auto& row : core::rankedIdeas(store)) {
        const bool isRaised = std::find(raised.begin(), raised.end(), row.id) != raised.end();
        QString text =
            QStringLiteral("%1  (%2%3)")
                .arg(qs(row.title), askedTimes(row.askedCount),
                     row.status == core::IdeaStatus::New ? QString{} : dot() + words(row.status));
        m_idea->addItem(text, QVariant::fromValue<qlonglong>(row.id));
        if (isRaised) {
            already << QStringLiteral("“%1”").arg(qs(row.title));
            if (auto* model = qobject_cast<QStandardItemModel*>(m_idea->model())) {
                model->item(m_idea->count() - 1)->setEnabled(false);
            }
        } else {
            ++pickable;
        }
    }
    if (pickable == 0) {
        m_existing->setEnabled(false);
    } else {
        // The first idea that can be picked.
        for (int i = 0; i < m_idea->count(); ++i) {
            const auto id = m_idea->itemData(i).toLongLong();
            if (std::find(raised.begin(), raised.end(), id) == raised.end()) {
                m_idea->setCurrentIndex(i);
                break;
            }
        }
    }
    auto* alreadyLabel = new QLabel(this);
    alreadyLabel->setObjectName(QStringLiteral("alreadyRaised"));
    alreadyLabel->setWordWrap(true);
    makeHint(alreadyLabel);
    alreadyLabel->setText(
        already.isEmpty()
            ? QString{}
            : tr("This interaction already asked for %1.").arg(already.join(tr(", "))));
    alreadyLabel->setVisible(!already.isEmpty());

    auto* form = new FormGrid;
    form->addRow(m_newIdea);
    form->addRow(tr("Idea"), m_errors->wrap(QStringLiteral("title"), m_title, tr("The idea")));
    form->addRow(tr("Notes"), m_notes);
    form->addRow(tr("Niche"), FormGrid::leftAligned(m_niche));
    form->addRow(m_existing);
    form->addRow(tr("Idea"), m_errors->wrap(QStringLiteral("askedBy"), m_idea));

    m_general->setObjectName(QStringLiteral("error-general"));
    m_errors->setGeneral(m_general);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setText(tr("Raise idea"));
    buttons->button(QDialogButtonBox::Save)->setEnabled(interaction.has_value());
    connect(buttons, &QDialogButtonBox::accepted, this, &RaiseIdeaDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &RaiseIdeaDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 14);
    layout->setSpacing(12);
    layout->addWidget(quote);
    layout->addWidget(alreadyLabel);
    layout->addLayout(form);
    layout->addWidget(m_general);
    layout->addStretch(1);
    layout->addWidget(buttons);

    m_newIdea->setChecked(true);
    connect(m_newIdea, &QRadioButton::toggled, this, &RaiseIdeaDialog::updateEnabled);
    updateEnabled();
    m_title->setFocus();
    m_title->selectAll();
}

bool RaiseIdeaDialog::addsToExisting() const {
    return m_existing->isChecked();
}

void RaiseIdeaDialog::setAddsToExisting(bool existing) {
    (existing ? m_existing : m_newIdea)->setChecked(true);
}

bool RaiseIdeaDialog::selectIdea(core::Id ideaId) {
    const int index = m_idea->findData(QVariant::fromValue<qlonglong>(ideaId));
    if (index < 0) {
        return false;
    }
    m_idea->setCurrentIndex(index);
    return true;
}

void RaiseIdeaDialog::updateEnabled() {
    const bool existing = m_existing->isChecked();
    m_title->setEnabled(!existing);
    m_notes->setEnabled(!existing);
    m_niche->setEnabled(!existing);
    m_idea->setEnabled(existing);
}

void RaiseIdeaDialog::accept() {
    m_errors->clear();
    core::Store& store = m_undo.store();
    try {
        if (!m_existing->isChecked()) {
            core::TopicIdea idea =
                core::ideaRaisedBy(store, m_interactionId, m_title->text().trimmed().toStdString());
            idea.notes = m_notes->toPlainText().trimmed().toStdString();
            const auto niche = m_niche->currentData().toLongLong();
            idea.nicheId = niche == 0 ? std::nullopt : std::optional<core::Id>(niche);
            core::validate(idea);
            auto add = std::make_unique<AddRecord<core::TopicIdea>>(
                m_undo, idea, tr("Raise idea “%1”").arg(qs(idea.title)));
            auto* command = add.get();
            m_undo.perform(std::move(add));
            m_savedId = command->recordId();
        } else {
            const core::Id ideaId = m_idea->currentData().toLongLong();
            const auto before = store.find<core::TopicIdea>(ideaId);
            if (!before) {
                m_errors->show(QStringLiteral("askedBy"),
                               tr("That idea no longer exists; pick another one."));
                return;
            }
            const core::TopicIdea after = core::withAsker(*before, m_interactionId);
            if (!sameRecord(*before, after)) {
                m_undo.perform(std::make_unique<UpdateRecord<core::TopicIdea>>(
                    m_undo, *before, after, tr("Add an ask to idea “%1”").arg(qs(before->title))));
            }
            m_savedId = ideaId;
        }
    } catch (const core::ValidationError& e) {
        m_errors->show(e);
        return;
    } catch (const std::exception& e) {
        m_errors->show(QString{}, qs(e.what()));
        return;
    }
    QDialog::accept();
}

}  // namespace rapport::ui
