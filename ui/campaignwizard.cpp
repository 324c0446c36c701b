#include "ui/campaignwizard.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QWizardPage>

#include <algorithm>
#include <array>

#include "core/contentmix.h"
#include "core/errors.h"
#include "core/timeutil.h"
#include "core/validation.h"
#include "ui/cadenceeditor.h"
#include "ui/checklist.h"
#include "ui/createcampaign.h"
#include "ui/displaytext.h"
#include "ui/formerrors.h"
#include "ui/formgrid.h"
#include "ui/mixpolicyeditor.h"
#include "ui/plantext.h"
#include "ui/records.h"
#include "ui/undocontext.h"
#include "ui/widgetstyle.h"

namespace rapport::ui {

namespace {

constexpr int kFirstPostsShown = 6;
// The purposes the preview counts, in the order a reader thinks of them: giving, then selling.
constexpr std::array kPurposes{core::Purpose::Value, core::Purpose::Conversation,
                               core::Purpose::Resource, core::Purpose::Promotion,
                               core::Purpose::Affiliate};

QVBoxLayout* pageLayout(QWizardPage* page) {
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(4, 8, 4, 4);
    layout->setSpacing(8);
    return layout;
}

QLabel* questionLabel(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    QFont font = label->font();
    font.setWeight(QFont::DemiBold);
    label->setFont(font);
    return label;
}

QPlainTextEdit* answerBox(QWidget* parent, const QString& name, const QString& placeholder) {
    auto* edit = new QPlainTextEdit(parent);
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    edit->setTabChangesFocus(true);
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 3 + 14);
    return edit;
}

QTableWidget* readOnlyTable(QWidget* parent, const QString& name) {
    auto* table = new QTableWidget(parent);
    table->setObjectName(name);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->setFocusPolicy(Qt::NoFocus);
    table->verticalHeader()->hide();
    table->setShowGrid(false);
    table->setAlternatingRowColors(true);
    table->horizontalHeader()->setHighlightSections(false);
    table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 10);
    return table;
}

core::Date nextMonday(core::Date today) {
    const date::weekday day{date::sys_days{today}};
    const unsigned ahead = (date::Monday - day).count();  // 0 on a Monday
    return core::addDays(today, static_cast<int>(ahead));
}

}  // namespace

CampaignWizard::CampaignWizard(UndoContext& undo, const core::Clock& clock, QWidget* parent)
    : QWizard(parent), m_undo(undo), m_clock(clock) {
    setObjectName(QStringLiteral("campaignWizard"));
    setWindowTitle(tr("New campaign"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::HaveHelpButton, false);
    setButtonText(QWizard::FinishButton, tr("Create campaign"));
    resize(740, 580);

    m_allChannels = undo.store().list<core::Channel>();
    for (auto& niche : undo.store().list<core::Niche>()) {
        m_nicheEdits.emplace(niche.id, std::move(niche));
    }

    setPage(GoalsPageId, makeGoalsPage());
    setPage(NichePageId, makeNichePage());
    setPage(ValuePageId, makeValuePage());
    setPage(ChannelsPageId, makeChannelsPage());
    setPage(CadencePageId, makeCadencePage());
    setPage(MixPageId, makeMixPage());
    setPage(PreviewPageId, makePreviewPage());
    setStartId(GoalsPageId);
}

FormErrors* CampaignWizard::errors(PageId page) const {
    const auto it = m_errors.find(page);
    return it == m_errors.end() ? nullptr : it->second;
}

// ---- pages ------------------------------------------------------------------------------------

QWizardPage* CampaignWizard::makeGoalsPage() {
    auto* page = new QWizardPage(this);
    page->setTitle(tr("Name the campaign and its goals"));
    page->setSubTitle(
        tr("A campaign is a stretch of posts with a purpose. What should this one "
           "move?"));
    auto* errors = new FormErrors(page);
    m_errors[GoalsPageId] = errors;
    auto* layout = pageLayout(page);

    m_name = new QLineEdit(page);
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("e.g. Book launch, Spring workshop"));
    layout->addWidget(questionLabel(tr("Name"), page));
    layout->addWidget(errors->wrap(QStringLiteral("name"), m_name, tr("The name")));

    layout->addSpacing(6);
    layout->addWidget(questionLabel(tr("Which goals should it move?"), page));
    m_goals = new CheckList(page);
    m_goals->setObjectName(QStringLiteral("goals"));
    for (const auto& goal : m_undo.store().list<core::Goal>()) {
        m_goals->addChoice(tr("%1 (%2)").arg(qs(goal.title), metricName(goal.metric).toLower()),
                           goal.id, goal.status == core::GoalStatus::Active);
    }
    if (m_goals->count() == 0) {
        auto* none = new QLabel(tr("No goals yet. A campaign can run without one; add goals on "
                                   "the Goals tab to see it move them."),
                                page);
        makeHint(none);
        layout->addWidget(none);
        m_goals->hide();
    }
    layout->addWidget(errors->wrap(QStringLiteral("goals"), m_goals));
    layout->addStretch(1);
    return page;
}

QWizardPage* CampaignWizard::makeNichePage() {
    auto* page = new QWizardPage(this);
    page->setTitle(tr("Who is it for?"));
    page->setSubTitle(
        tr("The niches the posts speak to. With more than one, posts take them in "
           "turn."));
    auto* errors = new FormErrors(page);
    m_errors[NichePageId] = errors;
    auto* layout = pageLayout(page);
    m_niches = new CheckList(page);
    m_niches->setObjectName(QStringLiteral("niches"));
    for (const auto& [id, niche] : m_nicheEdits) {
        m_niches->addChoice(tr("%1: %2").arg(qs(niche.name), qs(niche.topic)), id);
    }
    connect(m_niches, &CheckList::checkedChanged, this, [this] {
        if (!m_filling) {
            m_nichesTouched = true;
        }
    });
    layout->addWidget(errors->wrap(QStringLiteral("niches"), m_niches));
    auto* hint = new QLabel(m_niches->count() == 0
                                ? tr("No niches yet. Without one, the posts speak to “your "
                                     "readers”; describe a niche on the Niches tab to aim them.")
                                : tr("Without a niche, the posts speak to “your readers”."),
                            page);
    makeHint(hint);
    layout->addWidget(hint);
    layout->addStretch(1);
    return page;
}

QWizardPage* CampaignWizard::makeValuePage() {
    auto* page = new QWizardPage(this);
    page->setTitle(tr("Your value proposition"));
    page->setSubTitle(
        tr("Why they would follow you, in three answers. Sharpen them now; they are "
           "saved with the campaign, and undone with it."));
    m_errors[ValuePageId] = new FormErrors(page);
    auto* layout = pageLayout(page);

    m_valueNone = new QLabel(tr("No niche chosen, so there is no value proposition to look at. "
                                "Go back to choose one, or go on."),
                             page);
    makeHint(m_valueNone);
    layout->addWidget(m_valueNone);

    m_valueFields = new QWidget(page);
    auto* fields = new QVBoxLayout(m_valueFields);
    fields->setContentsMargins(0, 0, 0, 0);
    fields->setSpacing(6);
    m_valueNicheRow = new QWidget(m_valueFields);
    auto* nicheRow = new QHBoxLayout(m_valueNicheRow);
    nicheRow->setContentsMargins(0, 0, 0, 6);
    nicheRow->addWidget(new QLabel(tr("The value proposition for"), m_valueNicheRow));
    m_valueNiche = new QComboBox(m_valueNicheRow);
    m_valueNiche->setObjectName(QStringLiteral("valueNiche"));
    nicheRow->addWidget(m_valueNiche);
    m_valueNicheName = new QLabel(m_valueNicheRow);
    QFont bold = m_valueNicheName->font();
    bold.setBold(true);
    m_valueNicheName->setFont(bold);
    nicheRow->addWidget(m_valueNicheName);
    nicheRow->addStretch(1);
    fields->addWidget(m_valueNicheRow);
    fields->addWidget(questionLabel(tr("What makes you unique?"), m_valueFields));
    m_unique = answerBox(m_valueFields, QStringLiteral("unique"),
                         tr("Your experience, your angle, the way you work."));
    fields->addWidget(m_unique);
    fields->addWidget(
        questionLabel(tr("What do you provide that no one else does?"), m_valueFields));
    m_provides = answerBox(m_valueFields, QStringLiteral("provides"),
                           tr("The help they cannot get anywhere else."));
    fields->addWidget(m_provides);
    fields->addWidget(questionLabel(tr("What is your draw?"), m_valueFields));
    m_draw = answerBox(m_valueFields, QStringLiteral("draw"),
                       tr("What brings them to you: a free worksheet, a weekly tip, a community."));
    fields->addWidget(m_draw);
    m_valueHint = new QLabel(m_valueFields);
    m_valueHint->setObjectName(QStringLiteral("valueHint"));
    makeHint(m_valueHint);
    fields->addWidget(m_valueHint);
    layout->addWidget(m_valueFields);
    layout->addStretch(1);

    connect(m_valueNiche, &QComboBox::currentIndexChanged, this, [this] {
        if (m_filling) {
            return;
        }
        keepValueFields();
        showValueFields();
    });
    for (QPlainTextEdit* edit : {m_unique, m_provides, m_draw}) {
        connect(edit, &QPlainTextEdit::textChanged, this, &CampaignWizard::updateValueHint);
    }
    return page;
}

QWizardPage* CampaignWizard::makeChannelsPage() {
    auto* page = new QWizardPage(this);
    page->setTitle(tr("Where will you post?"));
    page->setSubTitle(
        tr("The channels that reach them. Those your niches gather on are ticked "
           "to start with."));
    auto* errors = new FormErrors(page);
    m_errors[ChannelsPageId] = errors;
    auto* layout = pageLayout(page);
    m_channels = new CheckList(page);
    m_channels->setObjectName(QStringLiteral("channels"));
    for (const auto& channel : m_allChannels) {
        m_channels->addChoice(channelLabel(channel), channel.id);
    }
    connect(m_channels, &CheckList::checkedChanged, this, [this] {
        if (!m_filling) {
            m_channelsTouched = true;
        }
    });
    layout->addWidget(errors->wrap(QStringLiteral("cadence"), m_channels));
    if (m_allChannels.empty()) {
        auto* none = new QLabel(tr("No channels yet: add the places you publish on the Channels "
                                   "tab first."),
                                page);
        makeHint(none);
        layout->addWidget(none);
    }
    layout->addStretch(1);
    return page;
}

QWizardPage* CampaignWizard::makeCadencePage() {
    auto* page = new QWizardPage(this);
    page->setTitle(tr("How often?"));
    page->setSubTitle(
        tr("Posts a week on each channel. The plan never puts more on a day than "
           "the channel's daily cap and posting times allow."));
    auto* errors = new FormErrors(page);
    m_errors[CadencePageId] = errors;
    auto* layout = pageLayout(page);
    m_cadence = new CadenceEditor(page);
    m_cadence->setObjectName(QStringLiteral("cadence"));
    layout->addWidget(m_cadence);
    m_cadencePeriod = new QLabel(page);
    makeHint(m_cadencePeriod);
    layout->addWidget(m_cadencePeriod);
    auto* general = FormErrors::makeLine(page);
    general->setObjectName(QStringLiteral("error-general"));
    errors->setGeneral(general);
    layout->addWidget(general);
    layout->addStretch(1);
    return page;
}

QWizardPage* CampaignWizard::makeMixPage() {
    auto* page = new QWizardPage(this);
    page->setTitle(tr("Content mix and period"));
    page->setSubTitle(
        tr("Earn the right to sell: value first, then only a few offers. The plan "
           "keeps to the mix in every niche."));
    auto* errors = new FormErrors(page);
    m_errors[MixPageId] = errors;
    auto* layout = pageLayout(page);
    m_mix = new MixPolicyEditor(page);
    m_mix->setObjectName(QStringLiteral("mix"));
    m_mix->registerErrors(errors);
    layout->addWidget(m_mix);

    layout->addSpacing(8);
    layout->addWidget(questionLabel(tr("When does it run?"), page));
    const core::Date today = core::localDate(m_clock.now(), m_undo.store().timeZone());
    const core::Date start = nextMonday(today);
    m_start = new QDateEdit(toQDate(start), page);
    m_start->setObjectName(QStringLiteral("startDate"));
    m_end = new QDateEdit(toQDate(core::addDays(start, 27)), page);
    m_end->setObjectName(QStringLiteral("endDate"));
    for (QDateEdit* edit : {m_start, m_end}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("ddd d MMM yyyy"));
        edit->setMinimumWidth(160);
    }
    auto* period = new FormGrid;
    period->addRow(tr("First day"),
                   errors->wrap(QStringLiteral("startDate"), FormGrid::leftAligned(m_start),
                                tr("The first day")));
    period->addRow(tr("Last day"), errors->wrap(QStringLiteral("endDate"),
                                                FormGrid::leftAligned(m_end), tr("The last day")));
    layout->addLayout(period);
    auto* general = FormErrors::makeLine(page);
    general->setObjectName(QStringLiteral("error-general"));
    errors->setGeneral(general);
    layout->addWidget(general);
    layout->addStretch(1);
    return page;
}

QWizardPage* CampaignWizard::makePreviewPage() {
    auto* page = new QWizardPage(this);
    page->setTitle(tr("Your draft plan"));
    page->setSubTitle(
        tr("Idea posts on your channels' posting times. Nothing is scheduled or "
           "published until you make it so."));
    page->setFinalPage(true);
    auto* errors = new FormErrors(page);
    m_errors[PreviewPageId] = errors;
    auto* layout = pageLayout(page);
    m_summary = new QLabel(page);
    m_summary->setObjectName(QStringLiteral("planSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_counts = readOnlyTable(page, QStringLiteral("planCounts"));
    layout->addWidget(m_counts);
    m_mixCheck = new QLabel(page);
    m_mixCheck->setObjectName(QStringLiteral("mixCheck"));
    m_mixCheck->setWordWrap(true);
    layout->addWidget(m_mixCheck);
    layout->addSpacing(4);
    layout->addWidget(questionLabel(tr("The first posts"), page));
    m_firstPosts = readOnlyTable(page, QStringLiteral("firstPosts"));
    layout->addWidget(m_firstPosts, 1);
    auto* general = FormErrors::makeLine(page);
    general->setObjectName(QStringLiteral("error-general"));
    errors->setGeneral(general);
    layout->addWidget(general);
    return page;
}

// ---- flow -------------------------------------------------------------------------------------

void CampaignWizard::initializePage(int id) {
    m_filling = true;
    switch (id) {
        case NichePageId:
            if (!m_nichesTouched) {
                // The niches the chosen goals are about, or the only one there is.
                std::vector<core::Id> ids;
                for (const core::Id goalId : m_goals->checkedIds()) {
                    const auto goal = m_undo.store().find<core::Goal>(goalId);
                    if (goal && goal->nicheId &&
                        std::find(ids.begin(), ids.end(), *goal->nicheId) == ids.end()) {
                        ids.push_back(*goal->nicheId);
                    }
                }
                if (ids.empty() && m_niches->count() == 1) {
                    ids = m_niches->ids();
                }
                m_niches->setCheckedIds(ids);
            }
            break;
        case ValuePageId: {
            m_valueNiche->clear();
            for (const core::Id niche : m_niches->checkedIds()) {
                m_valueNiche->addItem(qs(m_nicheEdits.at(niche).name),
                                      QVariant::fromValue<qlonglong>(niche));
            }
            const int keep = m_valueNiche->findData(QVariant::fromValue<qlonglong>(m_shownNiche));
            m_valueNiche->setCurrentIndex(std::max(0, keep));
            // With one niche there is nothing to choose; its name says whose answers these are.
            m_valueNiche->setVisible(m_valueNiche->count() > 1);
            m_valueNicheName->setVisible(m_valueNiche->count() == 1);
            m_valueNicheName->setText(m_valueNiche->currentText());
            m_valueFields->setVisible(m_valueNiche->count() > 0);
            m_valueNone->setVisible(m_valueNiche->count() == 0);
            m_shownNiche = 0;
            showValueFields();
            break;
        }
        case ChannelsPageId:
            if (!m_channelsTouched) {
                std::vector<core::Id> ids;
                for (const core::Id nicheId : m_niches->checkedIds()) {
                    for (const core::Id channel : m_nicheEdits.at(nicheId).gatherChannelIds) {
                        if (std::find(ids.begin(), ids.end(), channel) == ids.end()) {
                            ids.push_back(channel);
                        }
                    }
                }
                m_channels->setCheckedIds(ids.empty() ? m_channels->ids() : ids);
            }
            break;
        case CadencePageId: {
            m_cadence->setChannels(chosenChannels(), false);
            const int days =
                core::daysBetween(fromQDate(m_start->date()), fromQDate(m_end->date())) + 1;
            m_cadencePeriod->setText(
                tr("Checked against the period from %1 to %2 (%3); you can change it on the next "
                   "page.")
                    .arg(formatDate(fromQDate(m_start->date())),
                         formatDate(fromQDate(m_end->date())),
                         countOf(days, tr("day"), tr("days"))));
            break;
        }
        case PreviewPageId:
            buildPreview();
            break;
        default:
            break;
    }
    m_filling = false;
    QWizard::initializePage(id);
}

bool CampaignWizard::validateCurrentPage() {
    const int id = currentId();
    if (FormErrors* errors = m_errors[id]) {
        errors->clear();
    }
    switch (id) {
        case GoalsPageId: {
            core::Campaign c = campaign();
            c.cadence.clear();  // the later pages' business
            c.startDate.reset();
            c.endDate.reset();
            try {
                core::validate(c);
            } catch (const core::ValidationError& e) {
                m_errors[id]->show(e);
                return false;
            }
            return true;
        }
        case ValuePageId:
            keepValueFields();
            return true;
        case ChannelsPageId:
            if (m_channels->checkedIds().empty()) {
                m_errors[id]->show(QStringLiteral("cadence"),
                                   tr("Choose at least one channel to post on."));
                return false;
            }
            return true;
        case CadencePageId:
            return checkPlan(CadencePageId);
        case MixPageId: {
            try {
                core::validate(campaign());
            } catch (const core::ValidationError& e) {
                m_errors[id]->show(e);
                return false;
            }
            return checkPlan(MixPageId);
        }
        default:
            return true;
    }
}

bool CampaignWizard::checkPlan(PageId page) {
    FormErrors* errors = m_errors[page];
    try {
        m_plan = core::generatePlan(planRequest());
        return true;
    } catch (const core::ValidationError& e) {
        const QString field = qs(e.field());
        const bool aboutCadence = field.startsWith(QLatin1String("cadence"));
        if (page == CadencePageId) {
            if (!aboutCadence) {
                return true;  // the period is the next page's to check
            }
            m_cadence->registerErrors(errors);
            errors->show(e);
            return false;
        }
        if (aboutCadence) {
            // The period changed what the cadence can fit: say so here, and where to fix it.
            errors->show(QString{}, tr("%1 Go back to “How often?” to change it, or choose "
                                       "another period.")
                                        .arg(capitalized(qs(e.problem())) + QLatin1Char('.')));
        } else {
            errors->show(e);
        }
        return false;
    }
}

void CampaignWizard::keepValueFields() {
    if (m_shownNiche == 0) {
        return;
    }
    auto it = m_nicheEdits.find(m_shownNiche);
    if (it == m_nicheEdits.end()) {
        return;
    }
    it->second.unique = m_unique->toPlainText().trimmed().toStdString();
    it->second.provides = m_provides->toPlainText().trimmed().toStdString();
    it->second.draw = m_draw->toPlainText().trimmed().toStdString();
}

void CampaignWizard::showValueFields() {
    const core::Id id = m_valueNiche->currentData().toLongLong();
    m_shownNiche = id;
    const auto it = m_nicheEdits.find(id);
    const bool filling = m_filling;
    m_filling = true;
    m_unique->setPlainText(it == m_nicheEdits.end() ? QString{} : qs(it->second.unique));
    m_provides->setPlainText(it == m_nicheEdits.end() ? QString{} : qs(it->second.provides));
    m_draw->setPlainText(it == m_nicheEdits.end() ? QString{} : qs(it->second.draw));
    m_filling = filling;
    updateValueHint();
}

void CampaignWizard::updateValueHint() {
    QStringList empty;
    if (m_unique->toPlainText().trimmed().isEmpty()) {
        empty << tr("what makes you unique");
    }
    if (m_provides->toPlainText().trimmed().isEmpty()) {
        empty << tr("what only you provide");
    }
    if (m_draw->toPlainText().trimmed().isEmpty()) {
        empty << tr("your draw");
    }
    m_valueHint->setText(empty.isEmpty()
                             ? tr("All three answered. Every post of the plan can lean on them.")
                             : tr("Still empty: %1.").arg(joinedList(empty)));
}

std::vector<core::Channel> CampaignWizard::chosenChannels() const {
    std::vector<core::Channel> out;
    for (const auto& channel : m_allChannels) {
        if (m_channels->isChecked(channel.id)) {
            out.push_back(channel);
        }
    }
    return out;
}

core::Campaign CampaignWizard::campaign() const {
    core::Campaign c;
    c.name = m_name->text().trimmed().toStdString();
    c.goalIds = m_goals->checkedIds();
    c.nicheIds = m_niches->checkedIds();
    c.startDate = fromQDate(m_start->date());
    c.endDate = fromQDate(m_end->date());
    c.mix = m_mix->policy();
    c.status = core::CampaignStatus::Planning;
    c.cadence = m_cadence->cadence();
    return c;
}

core::PlanRequest CampaignWizard::planRequest() const {
    core::PlanRequest request;
    request.from = fromQDate(m_start->date());
    request.to = fromQDate(m_end->date());
    request.timeZone = m_undo.store().timeZone();
    request.channels = chosenChannels();
    request.cadence = m_cadence->cadence();
    for (const core::Id id : m_niches->checkedIds()) {
        request.nicheIds.push_back(id);
        request.nicheNames.push_back(m_nicheEdits.at(id).name);
    }
    request.mix = m_mix->policy();
    request.campaignName = m_name->text().trimmed().toStdString();
    request.existing = m_undo.store().list<core::Post>();
    return request;
}

void CampaignWizard::buildPreview() {
    m_errors[PreviewPageId]->clear();
    const core::PlanRequest request = planRequest();
    try {
        m_plan = core::generatePlan(request);
    } catch (const core::ValidationError& e) {
        m_plan.clear();
        m_errors[PreviewPageId]->show(e);
    }
    const auto channels = chosenChannels();
    const QString zone = qs(request.timeZone);

    QStringList nicheNames;
    for (const auto& name : request.nicheNames) {
        nicheNames << qs(name);
    }
    m_summary->setText(
        tr("%1 from %2 to %3 on %4%5. Times are local to %6.")
            .arg(countOf(static_cast<std::int64_t>(m_plan.size()), tr("idea post"),
                         tr("idea posts")),
                 formatDate(request.from), formatDate(request.to),
                 countOf(static_cast<std::int64_t>(channels.size()), tr("channel"), tr("channels")),
                 nicheNames.isEmpty() ? QString{} : tr(", for %1").arg(joinedList(nicheNames)),
                 zone));

    // Posts per channel and purpose: where the giving and the selling go. Affiliate posts
    // are counted only when the plan has any.
    std::vector<core::Purpose> purposes;
    for (const auto purpose : kPurposes) {
        if (purpose != core::Purpose::Affiliate ||
            std::any_of(m_plan.begin(), m_plan.end(), [](const core::Post& p) {
                return p.purpose == core::Purpose::Affiliate;
            })) {
            purposes.push_back(purpose);
        }
    }
    QStringList headers{tr("Channel")};
    for (const auto purpose : purposes) {
        headers << purposeName(purpose);
    }
    headers << tr("All");
    m_counts->clear();
    m_counts->setColumnCount(static_cast<int>(headers.size()));
    m_counts->setHorizontalHeaderLabels(headers);
    m_counts->setRowCount(static_cast<int>(channels.size()));
    for (std::size_t r = 0; r < channels.size(); ++r) {
        const int row = static_cast<int>(r);
        m_counts->setItem(row, 0, new QTableWidgetItem(qs(channels[r].name)));
        int all = 0;
        for (std::size_t p = 0; p < purposes.size(); ++p) {
            const auto n = std::count_if(m_plan.begin(), m_plan.end(), [&](const core::Post& post) {
                return post.channelId == channels[r].id && post.purpose == purposes[p];
            });
            all += static_cast<int>(n);
            auto* item = new QTableWidgetItem(n == 0 ? QStringLiteral("–") : QString::number(n));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_counts->setItem(row, static_cast<int>(p) + 1, item);
        }
        auto* total = new QTableWidgetItem(QString::number(all));
        total->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        QFont bold = total->font();
        bold.setBold(true);
        total->setFont(bold);
        m_counts->setItem(row, static_cast<int>(purposes.size()) + 1, total);
    }
    m_counts->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < m_counts->columnCount(); ++c) {
        m_counts->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    }
    m_counts->setFixedHeight(m_counts->horizontalHeader()->height() +
                             m_counts->rowCount() *
                                 m_counts->verticalHeader()->defaultSectionSize() +
                             2 * m_counts->frameWidth() + 2);

    // The mix as the calendar will judge it once these are scheduled: history first.
    std::vector<core::MixItem> items;
    for (const auto& post : request.existing) {
        if (core::countsTowardMix(post.status) && post.scheduledAt) {
            items.push_back({post.nicheId, post.purpose, *post.scheduledAt});
        }
    }
    for (const auto& post : m_plan) {
        items.push_back({post.nicheId, post.purpose, post.scheduledAt.value_or(core::Instant{})});
    }
    std::stable_sort(items.begin(), items.end(),
                     [](const core::MixItem& a, const core::MixItem& b) { return a.at < b.at; });
    const auto violations = core::checkMix(items, request.mix);
    const auto offers = std::count_if(m_plan.begin(), m_plan.end(), [](const core::Post& p) {
        return core::isPromotional(p.purpose);
    });
    m_mixCheck->setText(
        violations.empty()
            ? tr("Keeps to the %1 mix: %2 In all, %3.")
                  .arg(presetName(request.mix.preset), mixRules(request.mix),
                       countOf(offers, tr("offer"), tr("offers")))
            : tr("Alongside the posts already scheduled in this period, %1 would break the %2 "
                 "mix; the calendar flags them so you can move them.")
                  .arg(countOf(static_cast<std::int64_t>(violations.size()), tr("post"),
                               tr("posts")),
                       presetName(request.mix.preset)));

    m_firstPosts->clear();
    m_firstPosts->setColumnCount(4);
    m_firstPosts->setHorizontalHeaderLabels({tr("When"), tr("Channel"), tr("Purpose"), tr("Idea")});
    const int shown = std::min(kFirstPostsShown, static_cast<int>(m_plan.size()));
    m_firstPosts->setRowCount(shown);
    for (int row = 0; row < shown; ++row) {
        const core::Post& post = m_plan[static_cast<std::size_t>(row)];
        const core::Instant at = post.scheduledAt.value_or(core::Instant{});
        const core::Date day = core::localDate(at, request.timeZone);
        const QString when = QLocale{}.toString(toQDate(day), QStringLiteral("ddd d MMM")) +
                             QStringLiteral(", ") +
                             formatTime(core::localTimeOfDay(at, request.timeZone));
        QString channel;
        for (const auto& c : channels) {
            if (c.id == post.channelId) {
                channel = qs(c.name);
            }
        }
        m_firstPosts->setItem(row, 0, new QTableWidgetItem(when));
        m_firstPosts->setItem(row, 1, new QTableWidgetItem(channel));
        m_firstPosts->setItem(row, 2, new QTableWidgetItem(purposeName(post.purpose)));
        m_firstPosts->setItem(row, 3, new QTableWidgetItem(qs(post.title)));
    }
    QHeaderView* header = m_firstPosts->horizontalHeader();
    header->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(3, QHeaderView::Stretch);
}

void CampaignWizard::accept() {
    FormErrors* errors = m_errors[PreviewPageId];
    errors->clear();
    keepValueFields();
    try {
        // Laid again: the workspace may have changed since the preview.
        auto plan = core::generatePlan(planRequest());
        const core::Campaign c = campaign();
        core::validate(c);
        std::vector<std::pair<core::Niche, core::Niche>> nicheEdits;
        for (const core::Id id : c.nicheIds) {
            const auto before = m_undo.store().find<core::Niche>(id);
            const core::Niche& after = m_nicheEdits.at(id);
            if (before && !sameRecord(*before, after)) {
                nicheEdits.emplace_back(*before, after);
            }
        }
        auto command = std::make_unique<CreateCampaign>(m_undo, c, nicheEdits, plan);
        auto* made = command.get();
        m_undo.perform(std::move(command));
        m_createdId = made->campaignId();
        m_plan = std::move(plan);
    } catch (const core::ValidationError& e) {
        errors->show(QString{}, qs(e.what()));
        return;
    } catch (const std::exception& e) {
        errors->show(QString{}, qs(e.what()));
        return;
    }
    QWizard::accept();
}

}  // namespace rapport::ui
