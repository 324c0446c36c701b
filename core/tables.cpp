#include "core/tables.h"

#include "core/timeutil.h"

namespace rapport::core {

namespace column {

std::optional<Id> optId(const sql::Statement& s, int col) {
    return s.optInteger(col);
}

std::optional<Date> optDate(const sql::Statement& s, int col) {
    if (s.isNull(col)) {
        return std::nullopt;
    }
    return parseDate(s.text(col));
}

Date date(const sql::Statement& s, int col) {
    return parseDate(s.text(col)).value_or(Date{});
}

std::optional<std::string> dateText(const std::optional<Date>& d) {
    if (!d) {
        return std::nullopt;
    }
    return formatDate(*d);
}

std::string dateText(Date d) {
    return formatDate(d);
}

std::optional<Id> idOrNull(Id id) {
    if (id == 0) {
        return std::nullopt;
    }
    return id;
}

}  // namespace column

namespace rows {

std::vector<Id> idsOf(sql::Database& db, const char* query, Id owner) {
    auto s = db.prepare(query);
    s.bind(1, owner);
    std::vector<Id> out;
    while (s.step()) {
        out.push_back(s.integer(0));
    }
    return out;
}

void insertPairs(sql::Database& db, const char* query, Id owner, const std::vector<Id>& ids) {
    for (const Id id : ids) {
        auto s = db.prepare(query);
        s.bind(1, owner).bind(2, id).run();
    }
}

std::int64_t countOf(sql::Database& db, const char* query) {
    auto s = db.prepare(query);
    return s.step() ? s.integer(0) : 0;
}

bool removeById(sql::Database& db, const char* query, Id id) {
    auto s = db.prepare(query);
    s.bind(1, id).run();
    return db.changes() > 0;
}

}  // namespace rows

bool rowExists(sql::Database& db, Entity entity, Id id) {
    const char* query = nullptr;
    switch (entity) {
        case Entity::Channel:
            query = "SELECT 1 FROM channels WHERE id = ?1";
            break;
        case Entity::Niche:
            query = "SELECT 1 FROM niches WHERE id = ?1";
            break;
        case Entity::Goal:
            query = "SELECT 1 FROM goals WHERE id = ?1";
            break;
        case Entity::Campaign:
            query = "SELECT 1 FROM campaigns WHERE id = ?1";
            break;
        case Entity::Series:
            query = "SELECT 1 FROM series WHERE id = ?1";
            break;
        case Entity::Post:
            query = "SELECT 1 FROM posts WHERE id = ?1";
            break;
        case Entity::Contact:
            query = "SELECT 1 FROM contacts WHERE id = ?1";
            break;
        case Entity::Interaction:
            query = "SELECT 1 FROM interactions WHERE id = ?1";
            break;
        case Entity::Sequence:
            query = "SELECT 1 FROM sequences WHERE id = ?1";
            break;
        case Entity::Enrollment:
            query = "SELECT 1 FROM enrollments WHERE id = ?1";
            break;
        case Entity::TopicIdea:
            query = "SELECT 1 FROM topic_ideas WHERE id = ?1";
            break;
        case Entity::Workspace:
            return true;
    }
    auto s = db.prepare(query);
    s.bind(1, id);
    return s.step();
}

}  // namespace rapport::core
