#include "ui/goaldialog.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <limits>

#include "core/errors.h"
#include "core/goalprogress.h"
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

constexpr double kLargest = 1e9;
constexpr double kSuggestedGain = 10;

QDoubleSpinBox* numberBox(QWidget* parent, const QString& name) {
    auto* box = new QDoubleSpinBox(parent);
    box->setObjectName(name);
    box->setRange(-kLargest, kLargest);
    box->setDecimals(0);
    box->setGroupSeparatorShown(true);
    box->setAccelerated(true);
    box->setMinimumWidth(120);
    return box;
}

QDateEdit* dateBox(QWidget* parent, const QString& name) {
    auto* box = new QDateEdit(parent);
    box->setObjectName(name);
    box->setCalendarPopup(true);
    box->setDisplayFormat(QStringLiteral("ddd d MMM yyyy"));
    box->setMinimumWidth(150);
    return box;
}

}  // namespace

GoalDialog::GoalDialog(UndoContext& undo, const core::Clock& clock, std::optional<core::Goal> goal,
                       QWidget* parent)
    : QDialog(parent),
      m_undo(undo),
      m_clock(clock),
      m_original(std::move(goal)),
      m_title(new QLineEdit(this)),
      m_why(new QPlainTextEdit(this)),
      m_metric(new QComboBox(this)),
      m_metricHelp(new QLabel(this)),
      m_vanity(new QFrame(this)),
      m_niche(new QComboBox(this)),
      m_computedNow(new QLabel(this)),
      m_current(numberBox(this, QStringLiteral("manualValue"))),
      m_baseline(numberBox(this, QStringLiteral("baseline"))),
      m_target(numberBox(this, QStringLiteral("target"))),
      m_start(dateBox(this, QStringLiteral("startDate"))),
      m_deadline(dateBox(this, QStringLiteral("deadline"))),
      m_status(new QComboBox(this)),
      m_general(FormErrors::makeLine(this)),
      m_errors(new FormErrors(this)) {
    setObjectName(QStringLiteral("goalDialog"));
    setWindowTitle(m_original ? tr("Edit goal") : tr("New goal"));
    setMinimumWidth(560);

    m_title->setObjectName(QStringLiteral("title"));
    m_title->setPlaceholderText(tr("What should the relationships lead to?"));
    m_why->setObjectName(QStringLiteral("why"));
    m_why->setPlaceholderText(tr("Why it matters to you (optional)"));
    m_why->setTabChangesFocus(true);
    m_why->setFixedHeight(m_why->fontMetrics().lineSpacing() * 3 + 14);

    m_metric->setObjectName(QStringLiteral("metric"));
    for (std::size_t i = 0; i < core::enumCount<core::MetricKind>(); ++i) {
        const auto kind = static_cast<core::MetricKind>(i);
        m_metric->addItem(metricName(kind), static_cast<int>(i));
    }
    m_metricHelp->setWordWrap(true);
    makeQuiet(m_metricHelp);

    // The vanity note: said once, plainly, with the way out next to it.
    m_vanity->setObjectName(QStringLiteral("vanityNote"));
    styleNote(m_vanity, NoteTone::Caution);
    auto* vanityLayout = new QVBoxLayout(m_vanity);
    vanityLayout->setContentsMargins(12, 10, 12, 10);
    auto* vanityText = new QLabel(qs(core::GoalProgress::vanityNote()), m_vanity);
    vanityText->setWordWrap(true);
    auto* switchMetric = new QPushButton(
        tr("Count %1 instead")
            .arg(
                metricName(core::GoalProgress::suggestedReplacement(core::MetricKind::AudienceSize))
                    .toLower()),
        m_vanity);
    switchMetric->setObjectName(QStringLiteral("switchMetric"));
    connect(switchMetric, &QPushButton::clicked, this, [this] {
        const auto better =
            core::GoalProgress::suggestedReplacement(core::MetricKind::AudienceSize);
        m_metric->setCurrentIndex(m_metric->findData(static_cast<int>(better)));
    });
    vanityLayout->addWidget(vanityText);
    vanityLayout->addWidget(switchMetric, 0, Qt::AlignLeft);

    m_niche->setObjectName(QStringLiteral("niche"));
    m_niche->addItem(tr("Any niche"), QVariant::fromValue<qlonglong>(0));
    for (const auto& niche : undo.store().list<core::Niche>()) {
        m_niche->addItem(qs(niche.name), QVariant::fromValue<qlonglong>(niche.id));
    }

    m_computedNow->setObjectName(QStringLiteral("computedNow"));
    m_computedNow->setContentsMargins(0, 4, 0, 0);  // level with its row's caption
    m_current->setToolTip(tr("The value today, entered by hand"));

    m_status->setObjectName(QStringLiteral("status"));
    m_status->setMinimumWidth(150);
    for (std::size_t i = 0; i < core::enumCount<core::GoalStatus>(); ++i) {
        m_status->addItem(capitalized(words(static_cast<core::GoalStatus>(i))),
                          static_cast<int>(i));
    }

    auto* form = new FormGrid;
    form->addRow(tr("Goal"), m_errors->wrap(QStringLiteral("title"), m_title, tr("The goal")));
    form->addRow(tr("Why"), m_why);

    auto* metricBox = new QWidget(this);
    auto* metricLayout = new QVBoxLayout(metricBox);
    metricLayout->setContentsMargins(0, 0, 0, 0);
    metricLayout->setSpacing(6);
    metricLayout->addWidget(m_metric);
    metricLayout->addWidget(m_metricHelp);
    metricLayout->addWidget(m_vanity);
    form->addRow(tr("Counts"), m_errors->wrap(QStringLiteral("metric"), metricBox));
    form->addRow(tr("Niche"), m_errors->wrap(QStringLiteral("niche"), m_niche, tr("The niche")));

    auto* nowBox = new QWidget(this);
    auto* nowLayout = new QHBoxLayout(nowBox);
    nowLayout->setContentsMargins(0, 0, 0, 0);
    nowLayout->addWidget(m_computedNow);
    nowLayout->addWidget(m_current);
    nowLayout->addStretch(1);
    form->addRow(tr("Now"),
                 m_errors->wrap(QStringLiteral("manualValue"), nowBox, tr("The current value")));

    form->addRow(tr("Start value"),
                 m_errors->wrap(QStringLiteral("baseline"), FormGrid::leftAligned(m_baseline),
                                tr("The start value")));
    form->addRow(tr("Target"), m_errors->wrap(QStringLiteral("target"),
                                              FormGrid::leftAligned(m_target), tr("The target")));
    form->addRow(tr("Start date"),
                 m_errors->wrap(QStringLiteral("startDate"), FormGrid::leftAligned(m_start),
                                tr("The start date")));
    form->addRow(tr("Deadline"),
                 m_errors->wrap(QStringLiteral("deadline"), FormGrid::leftAligned(m_deadline),
                                tr("The deadline")));
    form->addRow(tr("Status"), FormGrid::leftAligned(m_status));

    m_general->setObjectName(QStringLiteral("error-general"));
    m_errors->setGeneral(m_general);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setText(m_original ? tr("Save") : tr("Add goal"));
    connect(buttons, &QDialogButtonBox::accepted, this, &GoalDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &GoalDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 14);
    layout->setSpacing(12);
    layout->addLayout(form);
    layout->addWidget(m_general);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(m_metric, &QComboBox::currentIndexChanged, this, &GoalDialog::onMetricChanged);
    connect(m_niche, &QComboBox::currentIndexChanged, this, &GoalDialog::updateNow);
    connect(m_start, &QDateEdit::dateChanged, this, &GoalDialog::updateNow);
    connect(m_deadline, &QDateEdit::dateChanged, this, &GoalDialog::updateNow);
    connect(m_baseline, &QDoubleSpinBox::valueChanged, this, [this] {
        if (!m_filling) {
            m_baselineTouched = true;
        }
    });
    connect(m_target, &QDoubleSpinBox::valueChanged, this, [this] {
        if (!m_filling) {
            m_targetTouched = true;
        }
    });

    if (m_original) {
        fill(*m_original);
        m_baselineTouched = true;
    } else {
        // A new goal starts today and runs a quarter; its starting value is what the
        // workspace counts today, so progress starts at zero.
        core::Goal fresh;
        fresh.startDate = core::localDate(clock.now(), undo.store().timeZone());
        fresh.deadline = core::addDays(fresh.startDate, 90);
        fresh.target = kSuggestedGain;
        fill(fresh);
    }
    m_title->setFocus();
}

void GoalDialog::fill(const core::Goal& g) {
    m_filling = true;
    m_title->setText(qs(g.title));
    m_why->setPlainText(qs(g.why));
    m_metric->setCurrentIndex(m_metric->findData(static_cast<int>(g.metric)));
    const int niche = m_niche->findData(QVariant::fromValue<qlonglong>(g.nicheId.value_or(0)));
    m_niche->setCurrentIndex(std::max(0, niche));
    m_start->setDate(toQDate(g.startDate));
    m_deadline->setDate(toQDate(g.deadline));
    m_status->setCurrentIndex(m_status->findData(static_cast<int>(g.status)));
    onMetricChanged();
    m_baseline->setValue(g.baseline);
    m_target->setValue(g.target);
    m_current->setValue(g.manualValue.value_or(g.baseline));
    m_filling = false;
    updateNow();
}

bool GoalDialog::isManual() const {
    const auto metric = static_cast<core::MetricKind>(m_metric->currentData().toInt());
    return metric == core::MetricKind::AudienceSize || metric == core::MetricKind::Custom;
}

void GoalDialog::onMetricChanged() {
    const auto metric = static_cast<core::MetricKind>(m_metric->currentData().toInt());
    m_metricHelp->setText(metricExplanation(metric));
    m_vanity->setVisible(metric == core::MetricKind::AudienceSize);
    // Counts are whole; a custom metric may be a rate or an amount.
    const int decimals = metric == core::MetricKind::Custom ? 2 : 0;
    for (QDoubleSpinBox* box : {m_baseline, m_target, m_current}) {
        box->setDecimals(decimals);
    }
    const bool manual = isManual();
    m_current->setVisible(manual);
    m_computedNow->setVisible(!manual);
    updateNow();
    adjustSize();
}

void GoalDialog::updateNow() {
    if (m_filling) {
        return;
    }
    if (isManual()) {
        return;
    }
    core::GoalProgress progress(m_undo.store(), m_clock);
    const core::Goal g = values();
    const double now = progress.currentValue(g);
    m_computedNow->setText(tr("%1, counted from the workspace").arg(goalValue(g, now)));
    // Until the user sets it, a new goal starts from where things stand.
    if (!m_original && !m_baselineTouched) {
        m_filling = true;
        m_baseline->setValue(now);
        // And the suggested target stays ten ahead of it until the user picks one.
        if (!m_targetTouched) {
            m_target->setValue(now + kSuggestedGain);
        }
        m_filling = false;
    }
}

core::Goal GoalDialog::values() const {
    core::Goal g = m_original.value_or(core::Goal{});
    g.title = m_title->text().trimmed().toStdString();
    g.why = m_why->toPlainText().trimmed().toStdString();
    g.metric = static_cast<core::MetricKind>(m_metric->currentData().toInt());
    const core::Id niche = m_niche->currentData().toLongLong();
    g.nicheId = niche == 0 ? std::nullopt : std::optional<core::Id>{niche};
    g.baseline = m_baseline->value();
    g.target = m_target->value();
    g.startDate = fromQDate(m_start->date());
    g.deadline = fromQDate(m_deadline->date());
    g.status = static_cast<core::GoalStatus>(m_status->currentData().toInt());
    g.manualValue = isManual() ? std::optional<double>{m_current->value()} : std::nullopt;
    return g;
}

void GoalDialog::accept() {
    m_errors->clear();
    const core::Goal g = values();
    // The domain's own rules first, every one of them at once, before any write.
    const bool valid = m_errors->showAll(
        g, [](const core::Goal& r) { core::validate(r); },
        [](core::Goal& r, const std::string& field) {
            if (field == "title") {
                r.title = "-";
            } else if (field == "startDate" || field == "deadline") {
                r.deadline = core::addDays(r.startDate, 1);
            } else if (field == "target") {
                r.target = r.baseline + 1;
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
            auto add = std::make_unique<AddRecord<core::Goal>>(
                m_undo, g, tr("Add goal “%1”").arg(qs(g.title)));
            auto* command = add.get();
            m_undo.perform(std::move(add));
            m_savedId = command->recordId();
        } else if (!sameRecord(*m_original, g)) {
            m_undo.perform(std::make_unique<UpdateRecord<core::Goal>>(
                m_undo, *m_original, g, tr("Edit goal “%1”").arg(qs(g.title))));
            m_savedId = g.id;
        } else {
            m_savedId = g.id;
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
