#include "ui/channellistmodel.h"

#include "ui/displaytext.h"
#include "ui/plantext.h"

namespace rapport::ui {

ChannelListModel::ChannelListModel(core::Store& store, QObject* parent)
    : RecordListModel(store, core::Entity::Channel, parent) {
    reload();
}

QString ChannelListModel::describe(const core::Channel& c) {
    QStringList facts{channelKindName(c.kind)};
    if (!c.handle.empty()) {
        facts << qs(c.handle);
    }
    facts << (c.charLimit ? countOf(*c.charLimit, tr("character"), tr("characters"))
                          : tr("no character limit"));
    QStringList times;
    for (const auto t : c.preferredTimes) {
        times << formatTime(t);
    }
    QString rhythm = c.dailyCap
                         ? tr("up to %1 a day").arg(countOf(*c.dailyCap, tr("post"), tr("posts")))
                         : tr("no daily cap");
    if (!times.isEmpty()) {
        rhythm += QLatin1Char(' ') + tr("at %1").arg(joinedList(times));
    }
    facts << rhythm;
    return facts.join(dot());
}

std::vector<RecordListModel::Row> ChannelListModel::readAll() {
    std::vector<Row> rows;
    for (const auto& channel : store().list<core::Channel>()) {
        rows.push_back(rowFor(channel));
    }
    return rows;
}

std::optional<RecordListModel::Row> ChannelListModel::readRow(core::Id id) {
    const auto channel = store().find<core::Channel>(id);
    return channel ? std::optional{rowFor(*channel)} : std::nullopt;
}

bool ChannelListModel::dependsOn(const core::Change& change) const {
    return change.entity == core::Entity::Post;
}

RecordListModel::Row ChannelListModel::rowFor(const core::Channel& channel) {
    // core counts posts per channel only for the whole table; one indexed count per row.
    auto count = store().db().prepare("SELECT count(*) FROM posts WHERE channel_id = ?1");
    count.bind(1, channel.id);
    const std::int64_t posts = count.step() ? count.integer(0) : 0;
    QString secondary = describe(channel);
    if (posts > 0) {
        secondary += dot() + countOf(posts, tr("post"), tr("posts"));
    }
    return {channel.id, qs(channel.name), secondary, {}};
}

}  // namespace rapport::ui
