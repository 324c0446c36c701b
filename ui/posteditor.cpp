#include "ui/posteditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "core/clock.h"
#include "core/errors.h"
#include "core/freeslot.h"
#include "core/mixadvisor.h"
#include "core/recurrence.h"
#include "core/timeutil.h"
#include "core/validation.h"
#include "ui/displaytext.h"
#include "ui/formerrors.h"
#include "ui/recurrenceeditor.h"

namespace rapport::ui {

namespace {

template <class T>
void fillRecords(QComboBox* box, core::Store& store, std::optional<core::Id> current) {
    box->addItem(QObject::tr("None"), QVariant());
    for (const auto& r : store.list<T>()) {
        box->addItem(qs(r.name), QVariant::fromValue<qlonglong>(r.id));
    }
    if (current) {
        box->setCurrentIndex(std::max(0, box->findData(QVariant::fromValue<qlonglong>(*current))));
    }
}

// The workspace's wall clock at `at`. The edit holds it as UTC, a clock without changes, so a
// time in the computer's own clock change (02:30 on its spring-forward night) is not moved.
QDateTime wallClock(core::Instant at, const std::string& zone) {
    const auto minutes = core::localTimeOfDay(at, zone).count();
    return QDateTime(toQDate(core::localDate(at, zone)),
                     QTime(static_cast<int>(minutes / 60), static_cast<int>(minutes % 60)),
                     Qt::UTC);
}

// A new post's time: tomorrow at 09:00 in the workspace's zone.
QDateTime defaultWhen(core::Instant now, const std::string& zone) {
    return QDateTime(toQDate(core::localDate(now, zone)).addDays(1), QTime(9, 0), Qt::UTC);
}

std::optional<core::Id> chosen(const QComboBox* box) {
    const QVariant v = box->currentData();
    return v.isValid() ? std::optional<core::Id>(v.toLongLong()) : std::nullopt;
}

}  // namespace

PostEditor::PostEditor(core::Store& store, const core::Post& post, const QStringList& flags,
                       QWidget* parent)
    : QDialog(parent),
      m_store(store),
      m_original(post),
      m_zone(store.timeZone()),
      m_title(new QLineEdit(qs(post.title), this)),
      m_body(new QPlainTextEdit(qs(post.body), this)),
      m_count(new QLabel(this)),
      m_channel(new QComboBox(this)),
      m_purpose(new QComboBox(this)),
      m_status(new QComboBox(this)),
      m_hasTime(new QCheckBox(tr("Scheduled at"), this)),
      m_when(new QDateTimeEdit(this)),
      m_campaign(new QComboBox(this)),
      m_niche(new QComboBox(this)),
      m_goal(new QComboBox(this)),
      m_link(new QLineEdit(qs(post.link), this)),
      m_results(new QGroupBox(tr("Results"), this)),
      m_recurrence(new RecurrenceEditor(this)),
      m_errors(new FormErrors(this)) {
    setWindowTitle(post.id == 0 && !post.seriesId ? tr("New post") : tr("Edit post"));
    setObjectName(QStringLiteral("postEditor"));
    m_title->setObjectName(QStringLiteral("title"));
    m_body->setObjectName(QStringLiteral("body"));
    m_link->setObjectName(QStringLiteral("link"));
    m_when->setObjectName(QStringLiteral("when"));
    m_link->setPlaceholderText(QStringLiteral("https://"));
    m_body->setMinimumHeight(110);

    for (const auto& c : store.list<core::Channel>()) {
        m_channel->addItem(qs(c.name), QVariant::fromValue<qlonglong>(c.id));
    }
    m_channel->setCurrentIndex(
        std::max(0, m_channel->findData(QVariant::fromValue<qlonglong>(post.channelId))));
    for (std::size_t i = 0; i < core::enumCount<core::Purpose>(); ++i) {
        m_purpose->addItem(capitalized(words(static_cast<core::Purpose>(i))));
    }
    m_purpose->setCurrentIndex(static_cast<int>(post.purpose));
    for (std::size_t i = 0; i < core::enumCount<core::PostStatus>(); ++i) {
        m_status->addItem(capitalized(words(static_cast<core::PostStatus>(i))));
    }
    m_status->setCurrentIndex(static_cast<int>(post.status));
    fillRecords<core::Campaign>(m_campaign, store, post.campaignId);
    fillRecords<core::Niche>(m_niche, store, post.nicheId);
    m_goal->addItem(tr("None"), QVariant());
    for (const auto& g : store.list<core::Goal>()) {
        m_goal->addItem(qs(g.title), QVariant::fromValue<qlonglong>(g.id));
    }
    if (post.goalId) {
        m_goal->setCurrentIndex(
            std::max(0, m_goal->findData(QVariant::fromValue<qlonglong>(*post.goalId))));
    }

    // The time is edited as the workspace's local wall clock, whatever the computer's zone.
    m_when->setDisplayFormat(QStringLiteral("ddd d MMM yyyy  HH:mm"));
    m_when->setCalendarPopup(true);
    m_when->setTimeSpec(Qt::UTC);
    // setNow() moves the default to the page's clock.
    m_when->setDateTime(post.scheduledAt ? wallClock(*post.scheduledAt, m_zone)
                                         : defaultWhen(core::SystemClock().now(), m_zone));
    m_hasTime->setChecked(post.scheduledAt.has_value());
    m_when->setEnabled(m_hasTime->isChecked());
    connect(m_hasTime, &QCheckBox::toggled, m_when, &QWidget::setEnabled);

    auto* slot = new QPushButton(tr("Next free slot"), this);
    slot->setObjectName(QStringLiteral("nextFreeSlot"));
    connect(slot, &QPushButton::clicked, this, &PostEditor::takeNextFreeSlot);
    auto* whenRow = new QWidget(this);
    auto* whenLayout = new QHBoxLayout(whenRow);
    whenLayout->setContentsMargins(0, 0, 0, 0);
    whenLayout->addWidget(m_hasTime);
    whenLayout->addWidget(m_when, 1);
    whenLayout->addWidget(slot);

    // An occurrence shows the rule from its own date on, so a change reads "from here on".
    if (post.seriesId) {
        if (const auto series = store.find<core::Series>(*post.seriesId)) {
            m_recurrence->setRule(
                post.occurrenceDate ? core::continuationOf(*series, *post.occurrenceDate) : *series,
                false);
        }
    }
    connect(m_recurrence->repeatField(), &QComboBox::currentIndexChanged, this,
            [this] { m_recurrence->suggestFrom(fromQDate(m_when->date())); });

    auto* bodyBox = new QWidget(this);
    auto* bodyLayout = new QVBoxLayout(bodyBox);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->addWidget(m_body);
    m_count->setObjectName(QStringLiteral("characterCount"));
    m_count->setAlignment(Qt::AlignRight);
    bodyLayout->addWidget(m_count);

    auto* form = new QFormLayout;
    form->addRow(tr("Title"), m_errors->wrap(QStringLiteral("title"), m_title, tr("The title")));
    form->addRow(tr("Body"), m_errors->wrap(QStringLiteral("body"), bodyBox, tr("The body")));
    form->addRow(tr("Channel"), m_errors->wrap(QStringLiteral("channel"), m_channel));
    form->addRow(tr("Purpose"), m_purpose);
    form->addRow(tr("Status"), m_errors->wrap(QStringLiteral("status"), m_status));
    form->addRow(tr("When"), m_errors->wrap(QStringLiteral("scheduledAt"), whenRow));
    form->addRow(tr("Repeat"),
                 m_errors->wrap(QStringLiteral("recurrence"), m_recurrence, tr("The repeat rule")));
    form->addRow(tr("Campaign"), m_campaign);
    form->addRow(tr("Niche"), m_niche);
    form->addRow(tr("Goal"), m_goal);
    form->addRow(tr("Link"), m_errors->wrap(QStringLiteral("link"), m_link, tr("The link")));

    auto* results = new QHBoxLayout(m_results);
    const std::array<int, 5> values{post.results.comments, post.results.replies,
                                    post.results.shares, post.results.clicks,
                                    post.results.conversions};
    const QStringList names{tr("Comments"), tr("Replies"), tr("Shares"), tr("Clicks"),
                            tr("Conversions")};
    for (std::size_t i = 0; i < m_numbers.size(); ++i) {
        results->addWidget(new QLabel(names[static_cast<int>(i)], m_results));
        m_numbers[i] = new QSpinBox(m_results);
        m_numbers[i]->setRange(0, 10'000'000);
        m_numbers[i]->setValue(values[i]);
        results->addWidget(m_numbers[i]);
    }

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_results);
    if (!flags.isEmpty()) {
        // The advisor's word is a warning: shown with its numbers, never blocking OK.
        m_advice = new QLabel(tr("<b>Content-mix advisor</b> (a warning; you may keep the "
                                 "post as it is)<br>⚠ %1")
                                  .arg(flags.join(QStringLiteral("<br>⚠ "))),
                              this);
        m_advice->setObjectName(QStringLiteral("advice"));
        m_advice->setTextFormat(Qt::RichText);
        m_advice->setWordWrap(true);
        m_advice->setStyleSheet(QStringLiteral(
            "QLabel { color: #6b3a00; background: #fdf3e1; border: 1px solid #f0d9ad;"
            " border-radius: 4px; padding: 6px; }"));
        layout->addWidget(m_advice);
    }
    auto* general = FormErrors::makeLine(this);
    m_errors->setGeneral(general);
    layout->addWidget(general);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    if (post.id != 0 || post.seriesId) {
        auto* duplicate = buttons->addButton(tr("Duplicate"), QDialogButtonBox::ActionRole);
        duplicate->setObjectName(QStringLiteral("duplicate"));
        connect(duplicate, &QPushButton::clicked, this, [this] {
            if (check()) {
                m_duplicate = true;
                QDialog::accept();
            }
        });
    }
    if (post.seriesId && post.occurrenceDate) {
        auto* skip = buttons->addButton(tr("Skip this one"), QDialogButtonBox::ActionRole);
        skip->setObjectName(QStringLiteral("skip"));
        skip->setToolTip(tr("Leaves this date out; the rest of the series stays as it is."));
        connect(skip, &QPushButton::clicked, this, [this] {
            m_skip = true;
            QDialog::accept();
        });
    }
    connect(buttons, &QDialogButtonBox::accepted, this, &PostEditor::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_body, &QPlainTextEdit::textChanged, this, &PostEditor::updateCount);
    connect(m_channel, &QComboBox::currentIndexChanged, this, &PostEditor::updateCount);
    connect(m_status, &QComboBox::currentIndexChanged, this, &PostEditor::updateResults);
    updateCount();
    updateResults();
    resize(620, sizeHint().height());
}

void PostEditor::updateCount() {
    const int n = core::characterCount(m_body->toPlainText().toStdString());
    std::optional<int> limit;
    if (auto channel = m_store.find<core::Channel>(chosen(m_channel).value_or(0))) {
        limit = channel->charLimit;
    }
    if (limit) {
        m_count->setText(tr("%1 / %2").arg(n).arg(*limit));
        m_count->setStyleSheet(n > *limit ? QStringLiteral("color: #b3261e; font-weight: bold;")
                                          : QString());
    } else {
        m_count->setText(countOf(n, tr("character"), tr("characters")));
        m_count->setStyleSheet(QString());
    }
}

void PostEditor::updateResults() {
    // Results exist only once the post is out.
    m_results->setEnabled(m_status->currentIndex() ==
                          static_cast<int>(core::PostStatus::Published));
}

void PostEditor::takeNextFreeSlot() {
    const auto channel = chosen(m_channel);
    if (!channel) {
        return;
    }
    const core::Instant from = m_now ? *m_now : core::SystemClock().now();
    if (auto slot = core::nextFreeSlot(m_store, *channel, from)) {
        m_when->setDateTime(wallClock(*slot, m_zone));
        m_hasTime->setChecked(true);
    } else {
        m_errors->show(QStringLiteral("scheduledAt"),
                       tr("Every slot of this channel is taken for the next year."));
    }
}

void PostEditor::setNow(core::Instant now) {
    m_now = now;
    if (!m_original.scheduledAt) {
        m_when->setDateTime(defaultWhen(now, m_zone));
    }
}

core::Post PostEditor::post() const {
    core::Post p = m_original;
    p.title = m_title->text().trimmed().toStdString();
    p.body = m_body->toPlainText().toStdString();
    p.channelId = chosen(m_channel).value_or(0);
    p.purpose = static_cast<core::Purpose>(m_purpose->currentIndex());
    p.status = static_cast<core::PostStatus>(m_status->currentIndex());
    if (m_hasTime->isChecked()) {
        const QDateTime dt = m_when->dateTime();
        p.scheduledAt =
            core::toInstant(fromQDate(dt.date()),
                            core::TimeOfDay{dt.time().hour() * 60 + dt.time().minute()}, m_zone);
    } else {
        p.scheduledAt.reset();
    }
    p.campaignId = chosen(m_campaign);
    p.nicheId = chosen(m_niche);
    p.goalId = chosen(m_goal);
    p.link = m_link->text().trimmed().toStdString();
    p.results = {m_numbers[0]->value(), m_numbers[1]->value(), m_numbers[2]->value(),
                 m_numbers[3]->value(), m_numbers[4]->value()};
    return p;
}

std::optional<core::Series> PostEditor::rule() const {
    if (!m_hasTime->isChecked()) {
        return std::nullopt;
    }
    const QDateTime dt = m_when->dateTime();
    return m_recurrence->rule(fromQDate(dt.date()),
                              core::TimeOfDay{dt.time().hour() * 60 + dt.time().minute()});
}

bool PostEditor::ruleChanged() const {
    return m_recurrence->isChanged();
}

bool PostEditor::check() {
    m_errors->clear();
    const core::Post p = post();
    if (m_recurrence->repeatField()->currentIndex() != RecurrenceEditor::None) {
        if (!m_hasTime->isChecked()) {
            m_errors->show(QStringLiteral("recurrence"),
                           tr("A repeating post needs a time: tick “Scheduled at”."));
            return false;
        }
        try {
            core::validate(*rule());
        } catch (const core::ValidationError& e) {
            m_errors->show(QStringLiteral("recurrence"), qs(e.what()));
            return false;
        }
    }
    if (!p.link.empty() && !core::isHttpLink(p.link)) {
        m_errors->show(QStringLiteral("link"),
                       tr("The link must start with http:// or https:// and have no spaces."));
        return false;
    }
    try {
        core::validate(p);
    } catch (const core::ValidationError& e) {
        m_errors->show(e);
        return false;
    }
    return true;
}

void PostEditor::accept() {
    if (check()) {
        QDialog::accept();
    }
}

}  // namespace rapport::ui
