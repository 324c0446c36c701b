#include "ui/weeklyreviewdialog.h"

#include <QApplication>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

#include "core/timeutil.h"
#include "core/weeklyreview.h"
#include "ui/displaytext.h"
#include "ui/reviewdocument.h"

namespace rapport::ui {

namespace {

// A path field with a Browse… button that asks for a file to save.
QWidget* pathRow(QLineEdit* edit, const QString& filter, QWidget* parent) {
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    auto* browse = new QPushButton(QObject::tr("Browse…"), row);
    QObject::connect(browse, &QPushButton::clicked, row, [edit, filter, row] {
        const QString chosen = QFileDialog::getSaveFileName(
            row, QObject::tr("Save the weekly review"), edit->text(), filter);
        if (!chosen.isEmpty()) {
            edit->setText(chosen);
        }
    });
    layout->addWidget(browse);
    return row;
}

}  // namespace

WeeklyReviewDialog::WeeklyReviewDialog(core::Store& store, const core::Clock& clock,
                                       QWidget* parent)
    : QDialog(parent),
      m_store(store),
      m_clock(clock),
      m_day(new QDateEdit(this)),
      m_week(new QLabel(this)),
      m_pdf(new QLineEdit(this)),
      m_html(new QLineEdit(this)),
      m_problem(new QLabel(this)) {
    setWindowTitle(tr("Weekly review"));
    // The week that just ended is the one people review, so it is the default.
    const QDate today = toQDate(core::localDate(clock.now(), store.timeZone()));
    m_day->setDate(today.addDays(-7));
    m_day->setCalendarPopup(true);
    m_day->setDisplayFormat(QStringLiteral("ddd d MMM yyyy"));
    connect(m_day, &QDateEdit::dateChanged, this, [this] { updateWeek(); });
    connect(m_pdf, &QLineEdit::textEdited, this,
            [this] { m_pdf->setProperty("suggested", false); });
    m_html->setPlaceholderText(tr("Optional: also save as a web page"));

    auto* form = new QFormLayout;
    form->addRow(tr("Any day of the &week"), m_day);
    form->addRow(QString(), m_week);
    form->addRow(tr("&PDF"), pathRow(m_pdf, tr("PDF (*.pdf)"), this));
    form->addRow(tr("&HTML"), pathRow(m_html, tr("Web page (*.html)"), this));

    m_problem->setWordWrap(true);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setStyleSheet(QStringLiteral("color: palette(link)"));
    m_problem->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Goals, the week's posts and what they started, conversations, "
                                "follow-ups done and missed, and how each sequence moved."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    updateWeek();
    resize(520, sizeHint().height());
}

void WeeklyReviewDialog::updateWeek() {
    const auto week = core::IsoWeek::of(fromQDate(m_day->date()));
    const QString name = QString::fromStdString(week.text());
    m_week->setText(tr("Week %1: %2 to %3")
                        .arg(name, toQDate(week.monday()).toString(QStringLiteral("ddd d MMM")),
                             toQDate(week.sunday()).toString(QStringLiteral("ddd d MMM yyyy"))));
    // Follow the week in the suggested names until the user types a path of their own.
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString base = QDir(folder).filePath(tr("Rapport review %1").arg(name));
    if (m_pdf->text().isEmpty() || m_pdf->property("suggested").toBool()) {
        m_pdf->setText(base + QStringLiteral(".pdf"));
        m_pdf->setProperty("suggested", true);
    }
}

void WeeklyReviewDialog::accept() {
    const QString pdf = m_pdf->text().trimmed();
    const QString html = m_html->text().trimmed();
    if (pdf.isEmpty() && html.isEmpty()) {
        m_problem->setText(tr("Say where the review goes: a PDF, a web page, or both."));
        m_problem->show();
        return;
    }
    const auto week = core::IsoWeek::of(fromQDate(m_day->date()));
    QString error;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool written = writeWeeklyReview(m_store, m_clock, week, pdf, html, &error);
    QApplication::restoreOverrideCursor();
    if (!written) {
        m_problem->setText(error);
        m_problem->show();
        return;
    }
    QDialog::accept();
}

}  // namespace rapport::ui
