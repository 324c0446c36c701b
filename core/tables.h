#pragma once
// How each record maps to SQL: one specialisation of Table per record type. Internal to core;
// everything else goes through Store.

#include <optional>
#include <vector>

#include "core/entities.h"
#include "core/sqlite.h"
#include "core/store.h"

namespace rapport::core {

template <class T>
struct Table;

#define RAPPORT_TABLE(T, E)                                                       \
    template <>                                                                   \
    struct Table<T> {                                                             \
        static constexpr Entity entity = Entity::E;                               \
        /* Inserts, keeping a non-zero id; sets the id and those of children. */  \
        static void insert(sql::Database& db, T& record);                         \
        /* Replaces the row and its children; false when there is no such row. */ \
        static bool update(sql::Database& db, const T& record);                   \
        static bool remove(sql::Database& db, Id id);                             \
        static std::optional<T> find(sql::Database& db, Id id);                   \
        static std::vector<T> list(sql::Database& db);                            \
        static std::int64_t count(sql::Database& db);                             \
    }

RAPPORT_TABLE(Channel, Channel);
RAPPORT_TABLE(Niche, Niche);
RAPPORT_TABLE(Goal, Goal);
RAPPORT_TABLE(Campaign, Campaign);
RAPPORT_TABLE(Series, Series);
RAPPORT_TABLE(Post, Post);
RAPPORT_TABLE(Contact, Contact);
RAPPORT_TABLE(Interaction, Interaction);
RAPPORT_TABLE(Sequence, Sequence);
RAPPORT_TABLE(Enrollment, Enrollment);
RAPPORT_TABLE(TopicIdea, TopicIdea);

#undef RAPPORT_TABLE

/// The columns readPost() reads, in its order; services append their own WHERE and ORDER BY
/// so that every query over posts maps rows the same way.
#define RAPPORT_POST_COLUMNS                                                                     \
    "SELECT id, title, body, channel_id, purpose, status, scheduled_at, campaign_id, niche_id, " \
    "goal_id, link, comments, replies, shares, clicks, conversions, series_id, "                 \
    "occurrence_date, topic_idea_id FROM posts"

/// One row of RAPPORT_POST_COLUMNS as a Post.
Post readPost(const sql::Statement& s);

/// True when a row with this id exists in the table of `entity`.
bool rowExists(sql::Database& db, Entity entity, Id id);

// Small helpers shared by the table files.
namespace column {
std::optional<Id> optId(const sql::Statement& s, int col);
std::optional<Date> optDate(const sql::Statement& s, int col);
Date date(const sql::Statement& s, int col);
std::optional<std::string> dateText(const std::optional<Date>& d);
std::string dateText(Date d);
/// A stored id of 0 means "none": binds NULL.
std::optional<Id> idOrNull(Id id);
}  // namespace column

namespace rows {
std::vector<Id> idsOf(sql::Database& db, const char* query, Id owner);
void insertPairs(sql::Database& db, const char* query, Id owner, const std::vector<Id>& ids);
std::int64_t countOf(sql::Database& db, const char* query);
bool removeById(sql::Database& db, const char* query, Id id);

template <class T, class Read>
std::optional<T> findOne(sql::Database& db, const char* query, Id id, Read read) {
    auto s = db.prepare(query);
    s.bind(1, id);
    if (!s.step()) {
        return std::nullopt;
    }
    return read(s);
}

template <class T, class Read>
std::vector<T> listAll(sql::Database& db, const char* query, Read read) {
    auto s = db.prepare(query);
    std::vector<T> out;
    while (s.step()) {
        out.push_back(read(s));
    }
    return out;
}
}  // namespace rows

}  // namespace rapport::core
