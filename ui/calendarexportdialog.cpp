#include "ui/calendarexportdialog.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include "ui/displaytext.h"
#include "ui/formerrors.h"

namespace rapport::ui {

CalendarExportDialog::CalendarExportDialog(core::Store& store, CalendarExport::Format format,
                                           const QDate& visibleFrom, const QDate& visibleTo,
                                           QWidget* parent)
    : QDialog(parent),
      m_visibleFrom(visibleFrom),
      m_visibleTo(visibleTo),
      m_visible(new QRadioButton(this)),
      m_chosen(new QRadioButton(tr("From"), this)),
      m_from(new QDateEdit(visibleFrom, this)),
      m_to(new QDateEdit(visibleTo, this)),
      m_error(FormErrors::makeLine(this)) {
    const bool ics = format == CalendarExport::Format::ICalendar;
    setObjectName(QStringLiteral("calendarExport"));
    setWindowTitle(ics ? tr("Export iCalendar") : tr("Export scheduler CSV"));
    const QLocale locale;
    m_visible->setText(tr("What the calendar shows: %1 to %2")
                           .arg(locale.toString(visibleFrom, QStringLiteral("d MMM yyyy")),
                                locale.toString(visibleTo, QStringLiteral("d MMM yyyy"))));
    m_visible->setChecked(true);
    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("d MMM yyyy"));
        edit->setEnabled(false);
    }
    connect(m_chosen, &QRadioButton::toggled, m_from, &QWidget::setEnabled);
    connect(m_chosen, &QRadioButton::toggled, m_to, &QWidget::setEnabled);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Which posts?"), this));
    layout->addWidget(m_visible);
    auto* chosenRow = new QHBoxLayout;
    chosenRow->addWidget(m_chosen);
    chosenRow->addWidget(m_from);
    chosenRow->addWidget(new QLabel(tr("to"), this));
    chosenRow->addWidget(m_to);
    chosenRow->addStretch(1);
    layout->addLayout(chosenRow);
    if (ics) {
        m_everything =
            new QRadioButton(tr("Everything: every post with a time and every series"), this);
        layout->addWidget(m_everything);
    } else {
        m_channel = new QComboBox(this);
        m_channel->setObjectName(QStringLiteral("exportChannel"));
        m_channel->addItem(tr("Every channel, a file each (choose a folder)"), QVariant());
        for (const auto& c : store.list<core::Channel>()) {
            m_channel->addItem(qs(c.name), QVariant::fromValue<qlonglong>(c.id));
        }
        auto* form = new QFormLayout;
        form->addRow(tr("Channel"), m_channel);
        layout->addLayout(form);
        auto* note = new QLabel(tr("Scheduled posts only, as date, time_24hr, message_text and "
                                   "link, for bulk schedulers."),
                                this);
        note->setWordWrap(true);
        note->setForegroundRole(QPalette::PlaceholderText);
        layout->addWidget(note);
    }
    layout->addWidget(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Choose file…"));
    connect(buttons, &QDialogButtonBox::accepted, this, &CalendarExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

std::optional<std::pair<QDate, QDate>> CalendarExportDialog::range() const {
    if (m_everything && m_everything->isChecked()) {
        return std::nullopt;
    }
    if (m_chosen->isChecked()) {
        return std::pair{m_from->date(), m_to->date()};
    }
    return std::pair{m_visibleFrom, m_visibleTo};
}

std::optional<core::Id> CalendarExportDialog::channel() const {
    if (!m_channel || !m_channel->currentData().isValid()) {
        return std::nullopt;
    }
    return m_channel->currentData().toLongLong();
}

void CalendarExportDialog::accept() {
    if (m_chosen->isChecked() && m_to->date() < m_from->date()) {
        m_error->setText(
            tr("The last day (%1) is before the first (%2).")
                .arg(QLocale().toString(m_to->date(), QStringLiteral("d MMM yyyy")),
                     QLocale().toString(m_from->date(), QStringLiteral("d MMM yyyy"))));
        m_error->show();
        return;
    }
    QDialog::accept();
}

}  // namespace rapport::ui
