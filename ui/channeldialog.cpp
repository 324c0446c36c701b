#include "ui/channeldialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

#include "core/errors.h"
#include "core/timeutil.h"
#include "core/validation.h"
#include "ui/addrecord.h"
#include "ui/displaytext.h"
#include "ui/formerrors.h"
#include "ui/formgrid.h"
#include "ui/plantext.h"
#include "ui/records.h"
#include "ui/undocontext.h"
#include "ui/updaterecord.h"
#include "ui/widgetstyle.h"

namespace rapport::ui {

namespace {

// 0 is the spin boxes' "none".
QSpinBox* optionalNumber(QWidget* parent, const QString& name, const QString& none, int max) {
    auto* box = new QSpinBox(parent);
    box->setObjectName(name);
    box->setRange(0, max);
    box->setSpecialValueText(none);
    box->setGroupSeparatorShown(true);
    box->setMinimumWidth(140);
    return box;
}

std::optional<int> optionalValue(const QSpinBox* box) {
    return box->value() == 0 ? std::nullopt : std::optional<int>{box->value()};
}

}  // namespace

ChannelDialog::ChannelDialog(UndoContext& undo, std::optional<core::Channel> channel,
                             QWidget* parent)
    : QDialog(parent),
      m_undo(undo),
      m_original(std::move(channel)),
      m_kind(new QComboBox(this)),
      m_name(new QLineEdit(this)),
      m_handle(new QLineEdit(this)),
      m_charLimit(optionalNumber(this, QStringLiteral("charLimit"), tr("No limit"), 1000000)),
      m_dailyCap(optionalNumber(this, QStringLiteral("dailyCap"), tr("No cap"), 100)),
      m_times(new QLineEdit(this)),
      m_defaultsNote(new QLabel(this)),
      m_general(FormErrors::makeLine(this)),
      m_errors(new FormErrors(this)) {
    setObjectName(QStringLiteral("channelDialog"));
    setWindowTitle(m_original ? tr("Edit channel") : tr("Add a channel"));
    setMinimumWidth(520);

    m_kind->setObjectName(QStringLiteral("kind"));
    m_kind->setMinimumWidth(200);
    for (std::size_t i = 0; i < core::enumCount<core::ChannelKind>(); ++i) {
        m_kind->addItem(channelKindName(static_cast<core::ChannelKind>(i)), static_cast<int>(i));
    }
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("How you call it, e.g. “LinkedIn” or “Weekly letter”"));
    m_handle->setObjectName(QStringLiteral("handle"));
    m_handle->setPlaceholderText(tr("@you, a page address, a list name (optional)"));
    m_charLimit->setSuffix(tr(" characters"));
    // The suffix keeps its grammar as the number changes.
    const auto capSuffix = [this](int value) {
        m_dailyCap->setSuffix(value == 1 ? tr(" post a day") : tr(" posts a day"));
    };
    connect(m_dailyCap, &QSpinBox::valueChanged, this, capSuffix);
    capSuffix(m_dailyCap->value());
    m_times->setObjectName(QStringLiteral("preferredTimes"));
    m_times->setPlaceholderText(tr("e.g. 08:30, 12:15, 17:00"));
    m_defaultsNote->setObjectName(QStringLiteral("defaultsNote"));
    makeHint(m_defaultsNote);

    auto* form = new FormGrid;
    form->addRow(tr("Kind"), m_errors->wrap(QStringLiteral("kind"), FormGrid::leftAligned(m_kind)));
    form->addRow(m_defaultsNote);
    form->addRow(tr("Name"), m_errors->wrap(QStringLiteral("name"), m_name, tr("The name")));
    form->addRow(tr("Handle"), m_errors->wrap(QStringLiteral("handle"), m_handle));
    form->addRow(tr("Character limit"),
                 m_errors->wrap(QStringLiteral("charLimit"), FormGrid::leftAligned(m_charLimit),
                                tr("The character limit")));
    form->addRow(tr("Daily cap"),
                 m_errors->wrap(QStringLiteral("dailyCap"), FormGrid::leftAligned(m_dailyCap),
                                tr("The daily cap")));
    form->addRow(tr("Posting times"),
                 m_errors->wrap(QStringLiteral("preferredTimes"), m_times, tr("Posting times")));
    auto* timesHint = new QLabel(tr("Local times in the workspace's time zone; the campaign "
                                    "wizard lays posts on them."),
                                 this);
    makeHint(timesHint);
    form->addRow(timesHint);

    m_general->setObjectName(QStringLiteral("error-general"));
    m_errors->setGeneral(m_general);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setText(m_original ? tr("Save") : tr("Add channel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ChannelDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ChannelDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 14);
    layout->setSpacing(12);
    layout->addLayout(form);
    layout->addWidget(m_general);
    layout->addStretch(1);
    layout->addWidget(buttons);

    // Only what the user does counts as touching a field; the defaults filling it does not.
    connect(m_name, &QLineEdit::textEdited, this, [this] { m_nameTouched = true; });
    connect(m_times, &QLineEdit::textEdited, this, [this] { m_timesTouched = true; });
    connect(m_charLimit, &QSpinBox::valueChanged, this, [this] {
        if (!m_filling) {
            m_limitTouched = true;
        }
    });
    connect(m_dailyCap, &QSpinBox::valueChanged, this, [this] {
        if (!m_filling) {
            m_capTouched = true;
        }
    });

    m_filling = true;
    if (m_original) {
        const core::Channel& c = *m_original;
        m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(c.kind)));
        m_name->setText(qs(c.name));
        m_handle->setText(qs(c.handle));
        m_charLimit->setValue(c.charLimit.value_or(0));
        m_dailyCap->setValue(c.dailyCap.value_or(0));
        m_times->setText(timesText(c.preferredTimes));
        m_filling = false;
    } else {
        m_filling = false;
        m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(core::ChannelKind::LinkedIn)));
        applyDefaults();
    }
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_original) {
            applyDefaults();
        }
        updateDefaultsNote();
    });
    updateDefaultsNote();
    m_kind->setFocus();
}

QString ChannelDialog::timesText(const std::vector<core::TimeOfDay>& times) {
    QStringList parts;
    for (const auto t : times) {
        parts << formatTime(t);
    }
    return parts.join(QStringLiteral(", "));
}

std::optional<std::vector<core::TimeOfDay>> ChannelDialog::parseTimes(const QString& text,
                                                                      QString* bad) {
    std::vector<core::TimeOfDay> out;
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    for (QString part : text.split(separators, Qt::SkipEmptyParts)) {
        // "8:30" reads as "08:30"; the stored form is always two digits.
        if (part.indexOf(QLatin1Char(':')) == 1) {
            part.prepend(QLatin1Char('0'));
        }
        const auto t = core::parseTimeOfDay(part.toStdString());
        if (!t) {
            if (bad) {
                *bad = part;
            }
            return std::nullopt;
        }
        out.push_back(*t);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

void ChannelDialog::applyDefaults() {
    const auto kind = static_cast<core::ChannelKind>(m_kind->currentData().toInt());
    const core::Channel defaults = core::Channel::withDefaults(kind);
    m_filling = true;
    if (!m_nameTouched) {
        m_name->setText(channelKindName(kind));
    }
    if (!m_limitTouched) {
        m_charLimit->setValue(defaults.charLimit.value_or(0));
    }
    if (!m_capTouched) {
        m_dailyCap->setValue(defaults.dailyCap.value_or(0));
    }
    if (!m_timesTouched) {
        m_times->setText(timesText(defaults.preferredTimes));
    }
    m_filling = false;
}

void ChannelDialog::updateDefaultsNote() {
    const auto kind = static_cast<core::ChannelKind>(m_kind->currentData().toInt());
    const core::Channel d = core::Channel::withDefaults(kind);
    QStringList facts;
    facts << (d.charLimit ? countOf(*d.charLimit, tr("character"), tr("characters"))
                          : tr("no character limit"));
    facts << (d.dailyCap ? tr("up to %1 a day").arg(countOf(*d.dailyCap, tr("post"), tr("posts")))
                         : tr("no daily cap"));
    if (!d.preferredTimes.empty()) {
        facts << tr("at %1").arg(
            joinedList(timesText(d.preferredTimes).split(QStringLiteral(", "))));
    }
    m_defaultsNote->setText(
        m_original
            ? tr("Usual for %1: %2.").arg(channelKindName(kind), facts.join(QStringLiteral(", ")))
            : tr("Filled in for %1: %2. Change anything that does not fit.")
                  .arg(channelKindName(kind), facts.join(QStringLiteral(", "))));
}

core::Channel ChannelDialog::values() const {
    core::Channel c = m_original.value_or(core::Channel{});
    c.kind = static_cast<core::ChannelKind>(m_kind->currentData().toInt());
    c.name = m_name->text().trimmed().toStdString();
    c.handle = m_handle->text().trimmed().toStdString();
    c.charLimit = optionalValue(m_charLimit);
    c.dailyCap = optionalValue(m_dailyCap);
    c.preferredTimes = parseTimes(m_times->text()).value_or(std::vector<core::TimeOfDay>{});
    return c;
}

void ChannelDialog::accept() {
    m_errors->clear();
    QString bad;
    if (!parseTimes(m_times->text(), &bad)) {
        m_errors->show(
            QStringLiteral("preferredTimes"),
            tr("“%1” is not a time of day. Write times like 08:30, 12:15, 17:00.").arg(bad));
        return;
    }
    const core::Channel c = values();
    const bool valid = m_errors->showAll(
        c, [](const core::Channel& r) { core::validate(r); },
        [](core::Channel& r, const std::string& field) {
            if (field == "name") {
                r.name = "-";
            } else if (field == "charLimit") {
                r.charLimit.reset();
            } else if (field == "dailyCap") {
                r.dailyCap.reset();
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
            auto add = std::make_unique<AddRecord<core::Channel>>(
                m_undo, c, tr("Add channel “%1”").arg(qs(c.name)));
            auto* command = add.get();
            m_undo.perform(std::move(add));
            m_savedId = command->recordId();
        } else {
            if (!sameRecord(*m_original, c)) {
                m_undo.perform(std::make_unique<UpdateRecord<core::Channel>>(
                    m_undo, *m_original, c, tr("Edit channel “%1”").arg(qs(c.name))));
            }
            m_savedId = c.id;
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
