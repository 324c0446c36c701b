#include "ui/nichedialog.h"

#include <QDialogButtonBox>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include "core/errors.h"
#include "core/validation.h"
#include "ui/addrecord.h"
#include "ui/checklist.h"
#include "ui/displaytext.h"
#include "ui/formerrors.h"
#include "ui/plantext.h"
#include "ui/records.h"
#include "ui/undocontext.h"
#include "ui/updaterecord.h"
#include "ui/widgetstyle.h"

namespace rapport::ui {

namespace {

QLabel* question(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    QFont font = label->font();
    font.setWeight(QFont::DemiBold);
    label->setFont(font);
    return label;
}

QLabel* sectionHeading(const QString& text, const QString& hint, QVBoxLayout* layout,
                       QWidget* parent) {
    auto* heading = new QLabel(text, parent);
    makeHeading(heading, 1.2);
    layout->addSpacing(6);
    layout->addWidget(heading);
    if (!hint.isEmpty()) {
        auto* hintLabel = new QLabel(hint, parent);
        makeHint(hintLabel);
        layout->addWidget(hintLabel);
    }
    layout->addSpacing(2);
    return heading;
}

}  // namespace

NicheDialog::NicheDialog(UndoContext& undo, std::optional<core::Niche> niche, QWidget* parent)
    : QDialog(parent), m_undo(undo), m_original(std::move(niche)), m_errors(new FormErrors(this)) {
    setObjectName(QStringLiteral("nicheDialog"));
    setWindowTitle(m_original ? tr("Edit niche") : tr("Describe a niche"));
    resize(660, 760);

    auto* page = new QWidget;
    auto* form = new QVBoxLayout(page);
    form->setContentsMargins(24, 16, 24, 20);
    form->setSpacing(6);

    auto* intro = new QLabel(
        tr("A niche is a small group of people you can serve better than anyone: the same "
           "problem, the same questions, the same places to meet them. Answer in your own "
           "words; you can come back and fill in more later."),
        page);
    makeHint(intro);
    form->addWidget(intro);

    sectionHeading(tr("Who you serve"), {}, form, page);
    m_name = addLine(form, QStringLiteral("name"), tr("Give this niche a short name"),
                     tr("e.g. SEO readers"), tr("The name"));
    m_topic =
        addLine(form, QStringLiteral("topic"), tr("What is the topic you help them with?"),
                tr("e.g. Search traffic without tricks for small businesses"), tr("The topic"));
    m_who = addText(form, QStringLiteral("whoTheyAre"), tr("Who are they?"),
                    tr("Their work, their situation, what they have tried already."));
    m_questions =
        addText(form, QStringLiteral("questions"), tr("What do they ask? What are they stuck on?"),
                tr("The questions you hear again and again, in their words."));
    m_where = addText(form, QStringLiteral("whereTheyGather"), tr("Where do they gather?"),
                      tr("Forums, groups, hashtags, newsletters, podcasts, events."));

    auto* channelsQuestion = question(tr("Which of your channels reach them?"), page);
    form->addSpacing(2);
    form->addWidget(channelsQuestion);
    m_channels = new CheckList(page);
    m_channels->setObjectName(QStringLiteral("gatherChannels"));
    const auto channels = undo.store().list<core::Channel>();
    for (const auto& channel : channels) {
        m_channels->addChoice(channelLabel(channel), channel.id);
    }
    if (channels.empty()) {
        auto* none = new QLabel(tr("No channels yet: add the places you publish on the "
                                   "Channels tab, then tick them here."),
                                page);
        makeHint(none);
        form->addWidget(none);
        m_channels->hide();
    }
    form->addWidget(m_errors->wrap(QStringLiteral("gatherChannels"), m_channels));

    sectionHeading(tr("Your value proposition"),
                   tr("Why would they choose you? Three questions; short answers are fine."), form,
                   page);
    m_unique = addText(form, QStringLiteral("unique"), tr("What makes you unique?"),
                       tr("Your experience, your angle, the way you work."));
    m_provides =
        addText(form, QStringLiteral("provides"), tr("What do you provide that no one else does?"),
                tr("The help they cannot get anywhere else."));
    m_draw = addText(form, QStringLiteral("draw"), tr("What is your draw?"),
                     tr("What brings them to you: a free worksheet, a weekly tip, a community."));
    form->addStretch(1);

    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("nicheForm"));
    scroll->setWidget(page);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_hintFrame = new QFrame(this);
    m_hintFrame->setObjectName(QStringLiteral("stillEmptyFrame"));
    auto* hintLayout = new QVBoxLayout(m_hintFrame);
    hintLayout->setContentsMargins(12, 8, 12, 8);
    m_hint = new QLabel(m_hintFrame);
    m_hint->setObjectName(QStringLiteral("stillEmpty"));
    m_hint->setWordWrap(true);
    hintLayout->addWidget(m_hint);

    m_general = FormErrors::makeLine(this);
    m_general->setObjectName(QStringLiteral("error-general"));
    m_errors->setGeneral(m_general);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setText(m_original ? tr("Save") : tr("Add niche"));
    connect(buttons, &QDialogButtonBox::accepted, this, &NicheDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &NicheDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 14);
    layout->setSpacing(10);
    layout->addWidget(scroll, 1);
    auto* bottom = new QVBoxLayout;
    bottom->setContentsMargins(24, 0, 24, 0);
    bottom->setSpacing(8);
    bottom->addWidget(m_hintFrame);
    bottom->addWidget(m_general);
    bottom->addWidget(buttons);
    layout->addLayout(bottom);

    if (m_original) {
        const core::Niche& n = *m_original;
        m_name->setText(qs(n.name));
        m_topic->setText(qs(n.topic));
        m_who->setPlainText(qs(n.whoTheyAre));
        m_questions->setPlainText(qs(n.questions));
        m_where->setPlainText(qs(n.whereTheyGather));
        m_channels->setCheckedIds(n.gatherChannelIds);
        m_unique->setPlainText(qs(n.unique));
        m_provides->setPlainText(qs(n.provides));
        m_draw->setPlainText(qs(n.draw));
    }
    for (QLineEdit* line : {m_name, m_topic}) {
        connect(line, &QLineEdit::textChanged, this, &NicheDialog::updateHint);
    }
    for (QPlainTextEdit* text : {m_who, m_questions, m_where, m_unique, m_provides, m_draw}) {
        connect(text, &QPlainTextEdit::textChanged, this, &NicheDialog::updateHint);
    }
    connect(m_channels, &CheckList::checkedChanged, this, &NicheDialog::updateHint);
    updateHint();
    m_name->setFocus();
}

QLineEdit* NicheDialog::addLine(QVBoxLayout* layout, const QString& name, const QString& text,
                                const QString& placeholder, const QString& subject) {
    auto* parent = layout->parentWidget();
    layout->addSpacing(2);
    layout->addWidget(question(text, parent));
    auto* line = new QLineEdit(parent);
    line->setObjectName(name);
    line->setPlaceholderText(placeholder);
    layout->addWidget(m_errors->wrap(name, line, subject));
    return line;
}

QPlainTextEdit* NicheDialog::addText(QVBoxLayout* layout, const QString& name, const QString& text,
                                     const QString& placeholder) {
    auto* parent = layout->parentWidget();
    layout->addSpacing(2);
    layout->addWidget(question(text, parent));
    auto* edit = new QPlainTextEdit(parent);
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    edit->setTabChangesFocus(true);
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 3 + 14);
    layout->addWidget(m_errors->wrap(name, edit));
    return edit;
}

core::Niche NicheDialog::values() const {
    core::Niche n = m_original.value_or(core::Niche{});
    const auto text = [](const QString& s) { return s.trimmed().toStdString(); };
    n.name = text(m_name->text());
    n.topic = text(m_topic->text());
    n.whoTheyAre = text(m_who->toPlainText());
    n.questions = text(m_questions->toPlainText());
    n.whereTheyGather = text(m_where->toPlainText());
    n.gatherChannelIds = m_channels->checkedIds();
    n.unique = text(m_unique->toPlainText());
    n.provides = text(m_provides->toPlainText());
    n.draw = text(m_draw->toPlainText());
    return n;
}

QString NicheDialog::stillEmptyText() const {
    return m_hint->text();
}

void NicheDialog::updateHint() {
    const QString empty = nicheStillEmptyText(values());
    if (empty.isEmpty()) {
        m_hint->setText(
            tr("Every question has an answer. Come back when you learn more about "
               "them."));
        styleNote(m_hintFrame, NoteTone::Info);
    } else {
        m_hint->setText(empty);
        styleNote(m_hintFrame, NoteTone::Caution);
    }
}

void NicheDialog::accept() {
    m_errors->clear();
    const core::Niche n = values();
    const bool valid = m_errors->showAll(
        n, [](const core::Niche& r) { core::validate(r); },
        [](core::Niche& r, const std::string& field) {
            if (field == "name") {
                r.name = "-";
            } else if (field == "topic") {
                r.topic = "-";
            } else {
                return false;
            }
            return true;
        });
    if (!valid) {
        return;
    }
    try {
        if (!m_original) {
            auto add = std::make_unique<AddRecord<core::Niche>>(
                m_undo, n, tr("Add niche “%1”").arg(qs(n.name)));
            auto* command = add.get();
            m_undo.perform(std::move(add));
            m_savedId = command->recordId();
        } else {
            if (!sameRecord(*m_original, n)) {
                m_undo.perform(std::make_unique<UpdateRecord<core::Niche>>(
                    m_undo, *m_original, n, tr("Edit niche “%1”").arg(qs(n.name))));
            }
            m_savedId = n.id;
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
