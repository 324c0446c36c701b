#include "ui/dashboardpage.h"

#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <algorithm>
#include <unordered_map>
#include <vector>

#include "core/clock.h"
#include "core/timeutil.h"
#include "ui/displaytext.h"
#include "ui/recordlist.h"

namespace rapport::ui {

namespace {

constexpr int kColumns = 5;
constexpr std::size_t kUpcomingPosts = 5;

}  // namespace

DashboardPage::DashboardPage(core::Store& store, QWidget* parent)
    : Page(store, tr("Dashboard"), parent),
      m_grid(new QGridLayout),
      m_upcoming(new RecordList(this)) {
    m_upcoming->setObjectName(QStringLiteral("upcoming"));
    m_grid->setHorizontalSpacing(12);
    m_grid->setVerticalSpacing(12);
    // The order follows the loop the planner serves: goals, who, where, what, people, nurture,
    // feedback.
    addTile(QStringLiteral("goals"), tr("Goals"));
    addTile(QStringLiteral("niches"), tr("Niches"));
    addTile(QStringLiteral("channels"), tr("Channels"));
    addTile(QStringLiteral("campaigns"), tr("Campaigns"));
    addTile(QStringLiteral("posts"), tr("Posts"));
    addTile(QStringLiteral("contacts"), tr("Contacts"));
    addTile(QStringLiteral("interactions"), tr("Interactions"));
    addTile(QStringLiteral("sequences"), tr("Nurture sequences"));
    addTile(QStringLiteral("enrollments"), tr("Enrollments"));
    addTile(QStringLiteral("ideas"), tr("Topic ideas"));
    for (int column = 0; column < kColumns; ++column) {
        m_grid->setColumnStretch(column, 1);
    }
    contentLayout()->addLayout(m_grid);
    contentLayout()->addSpacing(12);
    contentLayout()->addWidget(m_upcoming, 1);
}

qlonglong DashboardPage::tileValue(const QString& key) const {
    const auto it = m_tiles.find(key);
    if (it == m_tiles.end()) {
        return -1;
    }
    return QLocale{}.toLongLong(it->value->text());
}

void DashboardPage::addTile(const QString& key, const QString& caption) {
    auto* frame = new QFrame(this);
    frame->setObjectName(QStringLiteral("tile-") + key);
    frame->setMinimumWidth(110);
    // A soft panel of the window colour on the page's base colour. The selector names the
    // frame itself, so its labels (QFrames too) keep their plain look.
    const QPalette pal = palette();
    frame->setStyleSheet(QStringLiteral("QFrame#%1 { background: %2; border: 1px solid %3; "
                                        "border-radius: 8px; }")
                             .arg(frame->objectName(), pal.color(QPalette::Window).name(),
                                  pal.color(QPalette::Midlight).name()));
    auto* layout = new QVBoxLayout(frame);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(2);
    auto* value = new QLabel(QStringLiteral("0"), frame);
    QFont big = value->font();
    big.setPointSizeF(big.pointSizeF() * 2.0);
    big.setBold(true);
    value->setFont(big);
    auto* title = new QLabel(caption, frame);
    auto* detail = new QLabel(frame);
    detail->setWordWrap(true);
    makeQuiet(detail);
    layout->addWidget(value);
    layout->addWidget(title);
    layout->addWidget(detail);

    const int index = static_cast<int>(m_tiles.size());
    m_grid->addWidget(frame, index / kColumns, index % kColumns);
    m_tiles.insert(key, Tile{value, detail});
}

void DashboardPage::setTile(const QString& key, qlonglong value, const QString& detail) {
    const Tile& tile = m_tiles[key];
    tile.value->setText(QLocale{}.toString(value));
    tile.detail->setText(detail);
}

void DashboardPage::rebuild() {
    core::Store& s = store();
    std::int64_t scheduled = 0;
    std::int64_t published = 0;
    std::int64_t unscheduled = 0;
    const auto posts = s.list<core::Post>();
    for (const auto& post : posts) {
        switch (post.status) {
            case core::PostStatus::Scheduled:
                ++scheduled;
                break;
            case core::PostStatus::Published:
                ++published;
                break;
            case core::PostStatus::Idea:
            case core::PostStatus::Draft:
                ++unscheduled;
                break;
            case core::PostStatus::Skipped:
                break;
        }
    }
    std::int64_t openEnrollments = 0;
    const auto enrollments = s.list<core::Enrollment>();
    for (const auto& e : enrollments) {
        openEnrollments += e.isOpen() ? 1 : 0;
    }

    setTile(QStringLiteral("goals"), s.count<core::Goal>());
    setTile(QStringLiteral("niches"), s.count<core::Niche>());
    setTile(QStringLiteral("channels"), s.count<core::Channel>());
    setTile(QStringLiteral("campaigns"), s.count<core::Campaign>());
    setTile(QStringLiteral("posts"), static_cast<qlonglong>(posts.size()),
            tr("%1 scheduled%2%3 published").arg(scheduled).arg(dot()).arg(published));
    setTile(QStringLiteral("contacts"), s.count<core::Contact>());
    setTile(QStringLiteral("interactions"), s.count<core::Interaction>());
    setTile(QStringLiteral("sequences"), s.count<core::Sequence>());
    setTile(QStringLiteral("enrollments"), static_cast<qlonglong>(enrollments.size()),
            tr("%1 open").arg(openEnrollments));
    setTile(QStringLiteral("ideas"), s.count<core::TopicIdea>());

    const core::WorkspaceInfo info = s.info();
    QStringList header;
    if (!info.name.empty()) {
        header << qs(info.name);
    }
    header << countOf(static_cast<std::int64_t>(posts.size()), tr("post"), tr("posts"))
           << tr("%1 scheduled, %2 published, %3 ideas or drafts")
                  .arg(scheduled)
                  .arg(published)
                  .arg(unscheduled)
           << countOf(s.count<core::Contact>(), tr("contact"), tr("contacts"));
    setHeaderText(header.join(dot()));

    // What goes out next: the first thing a planner checks when they open it.
    std::unordered_map<core::Id, QString> channelNames;
    for (const auto& c : s.list<core::Channel>()) {
        channelNames.emplace(c.id, qs(c.name));
    }
    const core::Instant now = core::SystemClock{}.now();
    std::vector<const core::Post*> upcoming;
    for (const auto& post : posts) {
        if (post.status == core::PostStatus::Scheduled && post.scheduledAt &&
            *post.scheduledAt >= now) {
            upcoming.push_back(&post);
        }
    }
    std::sort(upcoming.begin(), upcoming.end(), [](const core::Post* a, const core::Post* b) {
        return *a->scheduledAt < *b->scheduledAt;
    });
    upcoming.resize(std::min(upcoming.size(), kUpcomingPosts));
    const std::string zone = info.timeZone;
    m_upcoming->beginRebuild();
    m_upcoming->addSection(tr("Coming up"));
    if (upcoming.empty()) {
        m_upcoming->addNote(tr("Nothing scheduled. The calendar is where posts get a time."));
    }
    for (const core::Post* post : upcoming) {
        const core::Instant at = *post->scheduledAt;
        m_upcoming->addRecord(
            QStringLiteral("%1, %2   %3")
                .arg(formatDate(core::localDate(at, zone)),
                     formatTime(core::localTimeOfDay(at, zone)), qs(post->title)),
            QStringList{channelNames[post->channelId], words(post->purpose)}.join(dot()), post->id);
    }
    m_upcoming->endRebuild();
}

}  // namespace rapport::ui
