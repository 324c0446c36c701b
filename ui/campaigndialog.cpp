#include "ui/campaigndialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

#include "core/errors.h"
#include "core/timeutil.h"
#include "core/validation.h"
#include "ui/cadenceeditor.h"
#include "ui/checklist.h"
#include "ui/displaytext.h"
#include "ui/formerrors.h"
#include "ui/formgrid.h"
#include "ui/mixpolicyeditor.h"
#include "ui/plantext.h"
#include "ui/records.h"
#include "ui/undocontext.h"
#include "ui/updaterecord.h"
#include "ui/widgetstyle.h"

namespace rapport::ui {

namespace {

QWidget* tabPage(QTabWidget* tabs, const QString& title, QVBoxLayout** layout) {
    auto* page = new QWidget(tabs);
    *layout = new QVBoxLayout(page);
    (*layout)->setContentsMargins(16, 14, 16, 12);
    (*layout)->setSpacing(8);
    tabs->addTab(page, title);
    return page;
}

}  // namespace

CampaignDialog::CampaignDialog(UndoContext& undo, const core::Clock& clock, core::Campaign campaign,
                               QWidget* parent)
    : QDialog(parent),
      m_undo(undo),
      m_original(std::move(campaign)),
      m_channels(undo.store().list<core::Channel>()),
      m_errors(new FormErrors(this)),
      m_tabs(new QTabWidget(this)),
      m_name(new QLineEdit(this)),
      m_status(new QComboBox(this)),
      m_hasPeriod(new QCheckBox(tr("Runs over a set period"), this)),
      m_start(new QDateEdit(this)),
      m_end(new QDateEdit(this)),
      m_goals(new CheckList(this)),
      m_niches(new CheckList(this)),
      m_cadence(new CadenceEditor(this)),
      m_mix(new MixPolicyEditor(this)),
      m_general(FormErrors::makeLine(this)) {
    setObjectName(QStringLiteral("campaignDialog"));
    setWindowTitle(tr("Edit campaign"));
    resize(680, 500);

    m_name->setObjectName(QStringLiteral("name"));
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setMinimumWidth(160);
    for (std::size_t i = 0; i < core::enumCount<core::CampaignStatus>(); ++i) {
        m_status->addItem(capitalized(words(static_cast<core::CampaignStatus>(i))),
                          static_cast<int>(i));
    }
    m_hasPeriod->setObjectName(QStringLiteral("hasPeriod"));
    m_start->setObjectName(QStringLiteral("startDate"));
    m_end->setObjectName(QStringLiteral("endDate"));
    for (QDateEdit* edit : {m_start, m_end}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("ddd d MMM yyyy"));
        edit->setMinimumWidth(160);
    }
    m_goals->setObjectName(QStringLiteral("goals"));
    for (const auto& goal : undo.store().list<core::Goal>()) {
        m_goals->addChoice(qs(goal.title), goal.id);
    }
    m_niches->setObjectName(QStringLiteral("niches"));
    for (const auto& niche : undo.store().list<core::Niche>()) {
        m_niches->addChoice(qs(niche.name), niche.id);
    }

    QVBoxLayout* layout = nullptr;
    tabPage(m_tabs, tr("Campaign"), &layout);
    auto* form = new FormGrid;
    form->addRow(tr("Name"), m_errors->wrap(QStringLiteral("name"), m_name, tr("The name")));
    form->addRow(tr("Status"), FormGrid::leftAligned(m_status));
    auto* period = new QWidget(this);
    auto* periodLayout = new QHBoxLayout(period);
    periodLayout->setContentsMargins(0, 0, 0, 0);
    periodLayout->addWidget(m_start);
    periodLayout->addWidget(new QLabel(tr("to"), period));
    periodLayout->addWidget(m_end);
    periodLayout->addStretch(1);
    auto* periodBox = new QWidget(this);
    auto* periodBoxLayout = new QVBoxLayout(periodBox);
    periodBoxLayout->setContentsMargins(0, 0, 0, 0);
    periodBoxLayout->setSpacing(4);
    periodBoxLayout->addWidget(m_hasPeriod);
    periodBoxLayout->addWidget(period);
    QLabel* startError = FormErrors::makeLine(periodBox);
    startError->setObjectName(QStringLiteral("error-startDate"));
    QLabel* endError = FormErrors::makeLine(periodBox);
    endError->setObjectName(QStringLiteral("error-endDate"));
    periodBoxLayout->addWidget(startError);
    periodBoxLayout->addWidget(endError);
    m_errors->add(QStringLiteral("startDate"), startError, m_start, tr("The first day"));
    m_errors->add(QStringLiteral("endDate"), endError, m_end, tr("The last day"));
    form->addRow(tr("Period"), periodBox);
    form->addRow(tr("Goals"), m_errors->wrap(QStringLiteral("goals"), m_goals));
    form->addRow(tr("Niches"), m_errors->wrap(QStringLiteral("niches"), m_niches));
    layout->addLayout(form);
    layout->addStretch(1);

    tabPage(m_tabs, tr("Channels and cadence"), &layout);
    auto* cadenceHint = new QLabel(tr("Tick the channels this campaign posts on, and how often. "
                                      "Posts already planned stay as they are."),
                                   this);
    makeHint(cadenceHint);
    layout->addWidget(cadenceHint);
    layout->addWidget(m_cadence);
    layout->addStretch(1);

    tabPage(m_tabs, tr("Content mix"), &layout);
    layout->addWidget(m_mix);
    layout->addStretch(1);
    m_mix->registerErrors(m_errors);

    m_general->setObjectName(QStringLiteral("error-general"));
    m_errors->setGeneral(m_general);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &CampaignDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &CampaignDialog::reject);

    auto* main = new QVBoxLayout(this);
    main->setContentsMargins(16, 16, 16, 12);
    main->setSpacing(10);
    main->addWidget(m_tabs, 1);
    main->addWidget(m_general);
    main->addWidget(buttons);

    // Fill in.
    const core::Campaign& c = m_original;
    m_name->setText(qs(c.name));
    m_status->setCurrentIndex(m_status->findData(static_cast<int>(c.status)));
    m_hasPeriod->setChecked(c.startDate || c.endDate);
    const core::Date anyDay =
        c.startDate ? *c.startDate
                    : c.endDate.value_or(core::localDate(clock.now(), undo.store().timeZone()));
    m_start->setDate(toQDate(c.startDate.value_or(anyDay)));
    m_end->setDate(
        toQDate(c.endDate.value_or(core::Date{date::sys_days{anyDay} + date::days{27}})));
    period->setEnabled(m_hasPeriod->isChecked());
    connect(m_hasPeriod, &QCheckBox::toggled, period, &QWidget::setEnabled);
    m_goals->setCheckedIds(c.goalIds);
    m_niches->setCheckedIds(c.nicheIds);
    m_cadence->setChannels(m_channels, true);
    m_cadence->setCadence(c.cadence);
    m_mix->setPolicy(c.mix);
}

core::Campaign CampaignDialog::values() const {
    core::Campaign c = m_original;
    c.name = m_name->text().trimmed().toStdString();
    c.status = static_cast<core::CampaignStatus>(m_status->currentData().toInt());
    if (m_hasPeriod->isChecked()) {
        c.startDate = fromQDate(m_start->date());
        c.endDate = fromQDate(m_end->date());
    } else {
        c.startDate.reset();
        c.endDate.reset();
    }
    c.goalIds = m_goals->checkedIds();
    c.nicheIds = m_niches->checkedIds();
    c.cadence = m_cadence->cadence();
    c.mix = m_mix->policy();
    return c;
}

void CampaignDialog::accept() {
    m_errors->clear();
    m_cadence->registerErrors(m_errors);
    const core::Campaign c = values();
    // core would say "must be greater than 0"; here the channel can be named.
    for (std::size_t i = 0; i < c.cadence.size(); ++i) {
        if (c.cadence[i].postsPerWeek <= 0) {
            QString name;
            for (const auto& channel : m_channels) {
                if (channel.id == c.cadence[i].channelId) {
                    name = qs(channel.name);
                }
            }
            m_errors->show(QStringLiteral("cadence[%1]").arg(i),
                           tr("Post at least once a week on %1, or untick it.").arg(name));
            return;
        }
    }
    const bool valid = m_errors->showAll(
        c, [](const core::Campaign& r) { core::validate(r); },
        [](core::Campaign& r, const std::string& field) {
            if (field == "name") {
                r.name = "-";
            } else if (field == "startDate" || field == "endDate") {
                r.endDate = r.startDate;
            } else if (field.starts_with("mix")) {
                r.mix = core::MixPolicy::fromPreset(core::MixPreset::EightyTwenty);
            } else {
                return false;
            }
            return true;
        });
    if (!valid) {
        return;
    }
    try {
        if (!sameRecord(m_original, c)) {
            m_undo.perform(std::make_unique<UpdateRecord<core::Campaign>>(
                m_undo, m_original, c, tr("Edit campaign “%1”").arg(qs(c.name))));
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
