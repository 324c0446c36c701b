// Storage of the planning records: channels, niches, goals, campaigns, series and posts.

#include <sstream>

#include "core/tables.h"
#include "core/timeutil.h"

namespace rapport::core {

using namespace column;
using namespace rows;

namespace {

std::string joinTimes(const std::vector<TimeOfDay>& times) {
    std::string out;
    for (const auto t : times) {
        if (!out.empty()) {
            out += ',';
        }
        out += formatTimeOfDay(t);
    }
    return out;
}

std::vector<TimeOfDay> splitTimes(const std::string& text) {
    std::vector<TimeOfDay> out;
    std::stringstream in{text};
    std::string part;
    while (std::getline(in, part, ',')) {
        if (const auto t = parseTimeOfDay(part)) {
            out.push_back(*t);
        }
    }
    return out;
}

}  // namespace

// ---- channels ---------------------------------------------------------------------------------

#define CHANNEL_COLUMNS \
    "SELECT id, name, kind, handle, char_limit, daily_cap, preferred_times FROM channels"

static Channel readChannel(const sql::Statement& s) {
    Channel c;
    c.id = s.integer(0);
    c.name = s.text(1);
    c.kind = parseEnum<ChannelKind>(s.text(2)).value_or(ChannelKind::Other);
    c.handle = s.text(3);
    if (!s.isNull(4))
        c.charLimit = s.int32(4);
    if (!s.isNull(5))
        c.dailyCap = s.int32(5);
    c.preferredTimes = splitTimes(s.text(6));
    return c;
}

static void bindChannel(sql::Statement& s, const Channel& c) {
    s.bind(1, idOrNull(c.id))
        .bind(2, c.name)
        .bind(3, toString(c.kind))
        .bind(4, c.handle)
        .bind(5, c.charLimit)
        .bind(6, c.dailyCap)
        .bind(7, joinTimes(c.preferredTimes));
}

void Table<Channel>::insert(sql::Database& db, Channel& c) {
    auto s = db.prepare(
        "INSERT INTO channels (id, name, kind, handle, char_limit, daily_cap, preferred_times) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    bindChannel(s, c);
    s.run();
    c.id = db.lastInsertId();
}

bool Table<Channel>::update(sql::Database& db, const Channel& c) {
    auto s = db.prepare(
        "UPDATE channels SET name = ?2, kind = ?3, handle = ?4, char_limit = ?5, daily_cap = ?6, "
        "preferred_times = ?7 WHERE id = ?1");
    bindChannel(s, c);
    s.run();
    return db.changes() > 0;
}

bool Table<Channel>::remove(sql::Database& db, Id id) {
    return removeById(db, "DELETE FROM channels WHERE id = ?1", id);
}

std::optional<Channel> Table<Channel>::find(sql::Database& db, Id id) {
    return findOne<Channel>(db, CHANNEL_COLUMNS " WHERE id = ?1", id, readChannel);
}

std::vector<Channel> Table<Channel>::list(sql::Database& db) {
    return listAll<Channel>(db, CHANNEL_COLUMNS " ORDER BY id", readChannel);
}

std::int64_t Table<Channel>::count(sql::Database& db) {
    return countOf(db, "SELECT count(*) FROM channels");
}

// ---- niches -----------------------------------------------------------------------------------

#define NICHE_COLUMNS                                                                   \
    "SELECT id, name, topic, who_they_are, questions, where_they_gather, unique_text, " \
    "provides, draw FROM niches"

static Niche readNiche(sql::Database& db, const sql::Statement& s) {
    Niche n;
    n.id = s.integer(0);
    n.name = s.text(1);
    n.topic = s.text(2);
    n.whoTheyAre = s.text(3);
    n.questions = s.text(4);
    n.whereTheyGather = s.text(5);
    n.unique = s.text(6);
    n.provides = s.text(7);
    n.draw = s.text(8);
    n.gatherChannelIds = idsOf(
        db, "SELECT channel_id FROM niche_channels WHERE niche_id = ?1 ORDER BY channel_id", n.id);
    return n;
}

static void bindNiche(sql::Statement& s, const Niche& n) {
    s.bind(1, idOrNull(n.id))
        .bind(2, n.name)
        .bind(3, n.topic)
        .bind(4, n.whoTheyAre)
        .bind(5, n.questions)
        .bind(6, n.whereTheyGather)
        .bind(7, n.unique)
        .bind(8, n.provides)
        .bind(9, n.draw);
}

static void saveNicheChannels(sql::Database& db, const Niche& n) {
    auto del = db.prepare("DELETE FROM niche_channels WHERE niche_id = ?1");
    del.bind(1, n.id).run();
    insertPairs(db, "INSERT INTO niche_channels (niche_id, channel_id) VALUES (?1, ?2)", n.id,
                n.gatherChannelIds);
}

void Table<Niche>::insert(sql::Database& db, Niche& n) {
    auto s = db.prepare(
        "INSERT INTO niches (id, name, topic, who_they_are, questions, where_they_gather, "
        "unique_text, provides, draw) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    bindNiche(s, n);
    s.run();
    n.id = db.lastInsertId();
    saveNicheChannels(db, n);
}

bool Table<Niche>::update(sql::Database& db, const Niche& n) {
    auto s = db.prepare(
        "UPDATE niches SET name = ?2, topic = ?3, who_they_are = ?4, questions = ?5, "
        "where_they_gather = ?6, unique_text = ?7, provides = ?8, draw = ?9 WHERE id = ?1");
    bindNiche(s, n);
    s.run();
    if (db.changes() == 0) {
        return false;
    }
    saveNicheChannels(db, n);
    return true;
}

bool Table<Niche>::remove(sql::Database& db, Id id) {
    return removeById(db, "DELETE FROM niches WHERE id = ?1", id);
}

std::optional<Niche> Table<Niche>::find(sql::Database& db, Id id) {
    return findOne<Niche>(db, NICHE_COLUMNS " WHERE id = ?1", id,
                          [&](const sql::Statement& s) { return readNiche(db, s); });
}

std::vector<Niche> Table<Niche>::list(sql::Database& db) {
    return listAll<Niche>(db, NICHE_COLUMNS " ORDER BY id",
                          [&](const sql::Statement& s) { return readNiche(db, s); });
}

std::int64_t Table<Niche>::count(sql::Database& db) {
    return countOf(db, "SELECT count(*) FROM niches");
}

// ---- goals ------------------------------------------------------------------------------------

#define GOAL_COLUMNS                                                                            \
    "SELECT id, title, why, metric, baseline, target, start_date, deadline, niche_id, status, " \
    "manual_value FROM goals"

static Goal readGoal(const sql::Statement& s) {
    Goal g;
    g.id = s.integer(0);
    g.title = s.text(1);
    g.why = s.text(2);
    g.metric = parseEnum<MetricKind>(s.text(3)).value_or(MetricKind::Custom);
    g.baseline = s.real(4);
    g.target = s.real(5);
    g.startDate = date(s, 6);
    g.deadline = date(s, 7);
    g.nicheId = optId(s, 8);
    g.status = parseEnum<GoalStatus>(s.text(9)).value_or(GoalStatus::Active);
    g.manualValue = s.optReal(10);
    return g;
}

static void bindGoal(sql::Statement& s, const Goal& g) {
    s.bind(1, idOrNull(g.id))
        .bind(2, g.title)
        .bind(3, g.why)
        .bind(4, toString(g.metric))
        .bind(5, g.baseline)
        .bind(6, g.target)
        .bind(7, dateText(g.startDate))
        .bind(8, dateText(g.deadline))
        .bind(9, g.nicheId)
        .bind(10, toString(g.status))
        .bind(11, g.manualValue);
}

void Table<Goal>::insert(sql::Database& db, Goal& g) {
    auto s = db.prepare(
        "INSERT INTO goals (id, title, why, metric, baseline, target, start_date, deadline, "
        "niche_id, status, manual_value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    bindGoal(s, g);
    s.run();
    g.id = db.lastInsertId();
}

bool Table<Goal>::update(sql::Database& db, const Goal& g) {
    auto s = db.prepare(
        "UPDATE goals SET title = ?2, why = ?3, metric = ?4, baseline = ?5, target = ?6, "
        "start_date = ?7, deadline = ?8, niche_id = ?9, status = ?10, manual_value = ?11 "
        "WHERE id = ?1");
    bindGoal(s, g);
    s.run();
    return db.changes() > 0;
}

bool Table<Goal>::remove(sql::Database& db, Id id) {
    return removeById(db, "DELETE FROM goals WHERE id = ?1", id);
}

std::optional<Goal> Table<Goal>::find(sql::Database& db, Id id) {
    return findOne<Goal>(db, GOAL_COLUMNS " WHERE id = ?1", id, readGoal);
}

std::vector<Goal> Table<Goal>::list(sql::Database& db) {
    return listAll<Goal>(db, GOAL_COLUMNS " ORDER BY id", readGoal);
}

std::int64_t Table<Goal>::count(sql::Database& db) {
    return countOf(db, "SELECT count(*) FROM goals");
}

// ---- campaigns --------------------------------------------------------------------------------

#define CAMPAIGN_COLUMNS                                                            \
    "SELECT id, name, start_date, end_date, mix_preset, earn_first, ratio_window, " \
    "ratio_max_promo, status FROM campaigns"

static Campaign readCampaign(sql::Database& db, const sql::Statement& s) {
    Campaign c;
    c.id = s.integer(0);
    c.name = s.text(1);
    c.startDate = optDate(s, 2);
    c.endDate = optDate(s, 3);
    c.mix.preset = parseEnum<MixPreset>(s.text(4)).value_or(MixPreset::Custom);
    c.mix.earnFirst = s.int32(5);
    c.mix.ratioWindow = s.int32(6);
    c.mix.ratioMaxPromo = s.int32(7);
    c.status = parseEnum<CampaignStatus>(s.text(8)).value_or(CampaignStatus::Planning);
    c.goalIds = idsOf(
        db, "SELECT goal_id FROM campaign_goals WHERE campaign_id = ?1 ORDER BY goal_id", c.id);
    c.nicheIds = idsOf(
        db, "SELECT niche_id FROM campaign_niches WHERE campaign_id = ?1 ORDER BY niche_id", c.id);
    auto cad = db.prepare(
        "SELECT channel_id, posts_per_week FROM campaign_channels WHERE campaign_id = ?1 "
        "ORDER BY channel_id");
    cad.bind(1, c.id);
    while (cad.step()) {
        c.cadence.push_back({cad.integer(0), cad.int32(1)});
    }
    return c;
}

static void bindCampaign(sql::Statement& s, const Campaign& c) {
    s.bind(1, idOrNull(c.id))
        .bind(2, c.name)
        .bind(3, dateText(c.startDate))
        .bind(4, dateText(c.endDate))
        .bind(5, toString(c.mix.preset))
        .bind(6, c.mix.earnFirst)
        .bind(7, c.mix.ratioWindow)
        .bind(8, c.mix.ratioMaxPromo)
        .bind(9, toString(c.status));
}

static void saveCampaignChildren(sql::Database& db, const Campaign& c) {
    for (const char* q : {"DELETE FROM campaign_goals WHERE campaign_id = ?1",
                          "DELETE FROM campaign_niches WHERE campaign_id = ?1",
                          "DELETE FROM campaign_channels WHERE campaign_id = ?1"}) {
        auto del = db.prepare(q);
        del.bind(1, c.id).run();
    }
    insertPairs(db, "INSERT INTO campaign_goals (campaign_id, goal_id) VALUES (?1, ?2)", c.id,
                c.goalIds);
    insertPairs(db, "INSERT INTO campaign_niches (campaign_id, niche_id) VALUES (?1, ?2)", c.id,
                c.nicheIds);
    for (const auto& cad : c.cadence) {
        auto s = db.prepare(
            "INSERT INTO campaign_channels (campaign_id, channel_id, posts_per_week) "
            "VALUES (?1, ?2, ?3)");
        s.bind(1, c.id).bind(2, cad.channelId).bind(3, cad.postsPerWeek).run();
    }
}

void Table<Campaign>::insert(sql::Database& db, Campaign& c) {
    auto s = db.prepare(
        "INSERT INTO campaigns (id, name, start_date, end_date, mix_preset, earn_first, "
        "ratio_window, ratio_max_promo, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    bindCampaign(s, c);
    s.run();
    c.id = db.lastInsertId();
    saveCampaignChildren(db, c);
}

bool Table<Campaign>::update(sql::Database& db, const Campaign& c) {
    auto s = db.prepare(
        "UPDATE campaigns SET name = ?2, start_date = ?3, end_date = ?4, mix_preset = ?5, "
        "earn_first = ?6, ratio_window = ?7, ratio_max_promo = ?8, status = ?9 WHERE id = ?1");
    bindCampaign(s, c);
    s.run();
    if (db.changes() == 0) {
        return false;
    }
    saveCampaignChildren(db, c);
    return true;
}

bool Table<Campaign>::remove(sql::Database& db, Id id) {
    return removeById(db, "DELETE FROM campaigns WHERE id = ?1", id);
}

std::optional<Campaign> Table<Campaign>::find(sql::Database& db, Id id) {
    return findOne<Campaign>(db, CAMPAIGN_COLUMNS " WHERE id = ?1", id,
                             [&](const sql::Statement& s) { return readCampaign(db, s); });
}

std::vector<Campaign> Table<Campaign>::list(sql::Database& db) {
    return listAll<Campaign>(db, CAMPAIGN_COLUMNS " ORDER BY id",
                             [&](const sql::Statement& s) { return readCampaign(db, s); });
}

std::int64_t Table<Campaign>::count(sql::Database& db) {
    return countOf(db, "SELECT count(*) FROM campaigns");
}

// ---- series -----------------------------------------------------------------------------------

#define SERIES_COLUMNS                                                                     \
    "SELECT id, frequency, weekdays, interval_days, month_day, time_minutes, start_date, " \
    "end_date, count FROM series"

static Series readSeries(const sql::Statement& s) {
    Series r;
    r.id = s.integer(0);
    r.frequency = parseEnum<Frequency>(s.text(1)).value_or(Frequency::Weekly);
    r.weekdays = static_cast<unsigned>(s.integer(2));
    r.intervalDays = s.int32(3);
    r.monthDay = s.int32(4);
    r.time = TimeOfDay{s.integer(5)};
    r.startDate = date(s, 6);
    r.endDate = optDate(s, 7);
    if (!s.isNull(8))
        r.count = s.int32(8);
    return r;
}

static void bindSeries(sql::Statement& s, const Series& r) {
    s.bind(1, idOrNull(r.id))
        .bind(2, toString(r.frequency))
        .bind(3, static_cast<std::int64_t>(r.weekdays))
        .bind(4, r.intervalDays)
        .bind(5, r.monthDay)
        .bind(6, static_cast<std::int64_t>(r.time.count()))
        .bind(7, dateText(r.startDate))
        .bind(8, dateText(r.endDate))
        .bind(9, r.count);
}

void Table<Series>::insert(sql::Database& db, Series& r) {
    auto s = db.prepare(
        "INSERT INTO series (id, frequency, weekdays, interval_days, month_day, time_minutes, "
        "start_date, end_date, count) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    bindSeries(s, r);
    s.run();
    r.id = db.lastInsertId();
}

bool Table<Series>::update(sql::Database& db, const Series& r) {
    auto s = db.prepare(
        "UPDATE series SET frequency = ?2, weekdays = ?3, interval_days = ?4, month_day = ?5, "
        "time_minutes = ?6, start_date = ?7, end_date = ?8, count = ?9 WHERE id = ?1");
    bindSeries(s, r);
    s.run();
    return db.changes() > 0;
}

bool Table<Series>::remove(sql::Database& db, Id id) {
    return removeById(db, "DELETE FROM series WHERE id = ?1", id);
}

std::optional<Series> Table<Series>::find(sql::Database& db, Id id) {
    return findOne<Series>(db, SERIES_COLUMNS " WHERE id = ?1", id, readSeries);
}

std::vector<Series> Table<Series>::list(sql::Database& db) {
    return listAll<Series>(db, SERIES_COLUMNS " ORDER BY id", readSeries);
}

std::int64_t Table<Series>::count(sql::Database& db) {
    return countOf(db, "SELECT count(*) FROM series");
}

// ---- posts ------------------------------------------------------------------------------------

#define POST_COLUMNS RAPPORT_POST_COLUMNS

Post readPost(const sql::Statement& s) {
    Post p;
    p.id = s.integer(0);
    p.title = s.text(1);
    p.body = s.text(2);
    p.channelId = s.integer(3);
    p.purpose = parseEnum<Purpose>(s.text(4)).value_or(Purpose::Value);
    p.status = parseEnum<PostStatus>(s.text(5)).value_or(PostStatus::Idea);
    if (!s.isNull(6))
        p.scheduledAt = Instant{std::chrono::seconds{s.integer(6)}};
    p.campaignId = optId(s, 7);
    p.nicheId = optId(s, 8);
    p.goalId = optId(s, 9);
    p.link = s.text(10);
    p.results = {s.int32(11), s.int32(12), s.int32(13), s.int32(14), s.int32(15)};
    p.seriesId = optId(s, 16);
    p.occurrenceDate = optDate(s, 17);
    p.topicIdeaId = optId(s, 18);
    return p;
}

static void bindPost(sql::Statement& s, const Post& p) {
    std::optional<std::int64_t> at;
    if (p.scheduledAt) {
        at = p.scheduledAt->time_since_epoch().count();
    }
    s.bind(1, idOrNull(p.id))
        .bind(2, p.title)
        .bind(3, p.body)
        .bind(4, p.channelId)
        .bind(5, toString(p.purpose))
        .bind(6, toString(p.status))
        .bind(7, at)
        .bind(8, p.campaignId)
        .bind(9, p.nicheId)
        .bind(10, p.goalId)
        .bind(11, p.link)
        .bind(12, p.results.comments)
        .bind(13, p.results.replies)
        .bind(14, p.results.shares)
        .bind(15, p.results.clicks)
        .bind(16, p.results.conversions)
        .bind(17, p.seriesId)
        .bind(18, dateText(p.occurrenceDate))
        .bind(19, p.topicIdeaId);
}

void Table<Post>::insert(sql::Database& db, Post& p) {
    auto s = db.prepare(
        "INSERT INTO posts (id, title, body, channel_id, purpose, status, scheduled_at, "
        "campaign_id, niche_id, goal_id, link, comments, replies, shares, clicks, conversions, "
        "series_id, occurrence_date, topic_idea_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
        "?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)");
    bindPost(s, p);
    s.run();
    p.id = db.lastInsertId();
}

bool Table<Post>::update(sql::Database& db, const Post& p) {
    auto s = db.prepare(
        "UPDATE posts SET title = ?2, body = ?3, channel_id = ?4, purpose = ?5, status = ?6, "
        "scheduled_at = ?7, campaign_id = ?8, niche_id = ?9, goal_id = ?10, link = ?11, "
        "comments = ?12, replies = ?13, shares = ?14, clicks = ?15, conversions = ?16, "
        "series_id = ?17, occurrence_date = ?18, topic_idea_id = ?19 WHERE id = ?1");
    bindPost(s, p);
    s.run();
    return db.changes() > 0;
}

bool Table<Post>::remove(sql::Database& db, Id id) {
    return removeById(db, "DELETE FROM posts WHERE id = ?1", id);
}

std::optional<Post> Table<Post>::find(sql::Database& db, Id id) {
    return findOne<Post>(db, POST_COLUMNS " WHERE id = ?1", id, readPost);
}

std::vector<Post> Table<Post>::list(sql::Database& db) {
    return listAll<Post>(db, POST_COLUMNS " ORDER BY id", readPost);
}

std::int64_t Table<Post>::count(sql::Database& db) {
    return countOf(db, "SELECT count(*) FROM posts");
}

}  // namespace rapport::core
