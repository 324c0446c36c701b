// Opening workspace files: creation, migration, and every file Rapport must refuse untouched.

#include <sys/stat.h>
#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/errors.h"
#include "core/schema.h"
#include "core/sqlite.h"
#include "core/store.h"
#include "testutil.h"

using namespace rapport::core;
using rapport::test::TempDir;
using testing::HasSubstr;

namespace {

std::string openError(const std::string& path) {
    try {
        Store::open(path);
    } catch (const OpenError& e) {
        return e.what();
    }
    return "(opened without an error)";
}

std::vector<std::string> tableNames(sql::Database& db) {
    std::vector<std::string> names;
    auto s = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
    while (s.step()) {
        names.push_back(s.text(0));
    }
    return names;
}

}  // namespace

TEST(Schema, NewFileGetsTheWholeSchemaAndPragmas) {
    TempDir dir;
    auto store = Store::open(dir.file("new.rapport"));
    EXPECT_EQ(store->schemaVersion(), Store::kSchemaVersion);
    auto names = tableNames(store->db());
    for (const char* t :
         {"channels", "niches", "goals", "campaigns", "series", "posts", "contacts", "interactions",
          "sequences", "sequence_steps", "enrollments", "enrollment_steps", "topic_ideas",
          "idea_interactions", "contact_handles", "contact_tags", "settings"}) {
        EXPECT_THAT(names, testing::Contains(t));
    }
    auto fk = store->db().prepare("PRAGMA foreign_keys");
    ASSERT_TRUE(fk.step());
    EXPECT_EQ(fk.integer(0), 1);
    auto wal = store->db().prepare("PRAGMA journal_mode");
    ASSERT_TRUE(wal.step());
    EXPECT_EQ(wal.text(0), "wal");
    auto busy = store->db().prepare("PRAGMA busy_timeout");
    ASSERT_TRUE(busy.step());
    EXPECT_GT(busy.integer(0), 0);
    EXPECT_TRUE(store->isEmpty());
}

TEST(Schema, QueriesTheRulesNeedUseIndexes) {
    auto store = Store::openInMemory();
    const auto plan = [&](const char* query) {
        std::string out;
        auto s = store->db().prepare(query);
        while (s.step()) {
            out += s.text(3) + "\n";
        }
        return out;
    };
    EXPECT_THAT(plan("EXPLAIN QUERY PLAN SELECT * FROM interactions WHERE contact_id = 1 "
                     "ORDER BY at DESC LIMIT 1"),
                HasSubstr("interactions_by_contact_time"));
    EXPECT_THAT(
        plan("EXPLAIN QUERY PLAN SELECT count(*) FROM posts WHERE scheduled_at BETWEEN 1 AND 2"),
        HasSubstr("posts_by_time"));
    // A range of posts read in time order through the time index (the covering index of
    // version 6 is gone in version 7).
    EXPECT_THAT(plan("EXPLAIN QUERY PLAN SELECT * FROM posts WHERE scheduled_at BETWEEN 1 AND 2 "
                     "AND (series_id IS NULL OR occurrence_date IS NOT NULL) "
                     "ORDER BY scheduled_at, id"),
                HasSubstr("INDEX posts_by_time"));
}

TEST(Schema, ChecksRefuseBadValuesEvenBehindTheApi) {
    auto store = Store::openInMemory();
    auto& db = store->db();
    const auto fails = [&](const char* query) {
        try {
            db.exec(query);
        } catch (const StorageError&) {
            return true;
        }
        return false;
    };
    EXPECT_TRUE(fails("INSERT INTO channels (name, kind) VALUES ('A', 'myspace')"));
    EXPECT_TRUE(fails("INSERT INTO channels (name, kind, daily_cap) VALUES ('A', 'x', -1)"));
    EXPECT_TRUE(
        fails("INSERT INTO contacts (display_name, stage, created_on, source) "
              "VALUES ('A', 'engaged', '2026-02-30', 'manual')"));
    EXPECT_TRUE(
        fails("INSERT INTO contacts (display_name, stage, created_on, source) "
              "VALUES ('A', 'lurker', '2026-02-01', 'manual')"));
    EXPECT_FALSE(fails("INSERT INTO channels (id, name, kind) VALUES (1, 'A', 'x')"));
    EXPECT_TRUE(
        fails("INSERT INTO posts (title, channel_id, purpose, status, comments) "
              "VALUES ('T', 1, 'value', 'idea', -2)"));
    EXPECT_TRUE(
        fails("INSERT INTO posts (title, channel_id, purpose, status, link) "
              "VALUES ('T', 1, 'value', 'idea', 'ftp://x')"));
    EXPECT_TRUE(
        fails("INSERT INTO posts (title, channel_id, purpose, status) "
              "VALUES ('T', 99, 'value', 'idea')"));  // foreign key
    EXPECT_TRUE(
        fails("INSERT INTO posts (title, channel_id, purpose, status) "
              "VALUES ('T', 1, 'value', 'scheduled')"));  // scheduled needs a time
}

TEST(Schema, MigratesAnOlderWorkspaceKeepingItsData) {
    TempDir dir;
    const auto path = dir.file("old.rapport");
    {
        sql::Database db{path, sql::Database::Mode::Create};
        db.exec(rapport::test::readBytes(std::string{RAPPORT_SOURCE_DIR} +
                                         "/tests/fixtures/workspace-v1.sql"));
        EXPECT_EQ(schema::versionOf(db), 1);
    }
    auto store = Store::open(path);
    EXPECT_EQ(store->schemaVersion(), Store::kSchemaVersion);
    EXPECT_EQ(store->info().name, "Old workspace");
    EXPECT_EQ(store->info().timeZone, "Europe/Berlin");
    ASSERT_EQ(store->count<Post>(), 1);
    EXPECT_EQ(store->get<Post>(1).link, "https://example.com/tip");
    EXPECT_FALSE(store->get<Post>(1).topicIdeaId);
    EXPECT_EQ(store->get<Contact>(1).tags, std::vector<std::string>{"blogger"});
    EXPECT_EQ(store->count<Interaction>(), 1);
    EXPECT_EQ(store->get<Channel>(1).preferredTimes.size(), 2u);
    // What version 2 added works on the migrated file.
    TopicIdea idea;
    idea.title = "Long-tail keywords";
    idea.askedBy = {1};
    store->add(idea);
    EXPECT_EQ(store->get<TopicIdea>(idea.id).askedBy, std::vector<Id>{1});
}

// Version 6 added posts_calendar, version 7 takes it away again: both steps keep every post.
TEST(Schema, Versions6And7AddAndDropTheCalendarIndexKeepingThePosts) {
    TempDir dir;
    const auto path = dir.file("v5.rapport");
    const auto hasIndex = [](sql::Database& db) {
        auto index = db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'posts_calendar'");
        return index.step() && index.integer(0) == 1;
    };
    {
        sql::Database db{path, sql::Database::Mode::Create};
        db.exec(rapport::test::readBytes(std::string{RAPPORT_SOURCE_DIR} +
                                         "/tests/fixtures/workspace-v1.sql"));
        schema::migrate(db, 5);
        EXPECT_FALSE(hasIndex(db));
        schema::migrate(db, 6);
        EXPECT_EQ(schema::versionOf(db), 6);
        EXPECT_TRUE(hasIndex(db));
    }
    auto store = Store::open(path);
    EXPECT_EQ(store->schemaVersion(), 7);
    EXPECT_FALSE(hasIndex(store->db()));
    // The posts are all there and read the same.
    ASSERT_EQ(store->count<Post>(), 1);
    const Post before = store->get<Post>(1);
    EXPECT_EQ(before.link, "https://example.com/tip");
    Post edited = before;
    edited.title = "Edited after the upgrade";
    store->update(edited);
    auto s = store->db().prepare(
        "SELECT title, link FROM posts WHERE scheduled_at >= ?1 ORDER BY scheduled_at, id");
    s.bind(1, std::int64_t{0});
    ASSERT_TRUE(s.step());
    EXPECT_EQ(s.text(0), "Edited after the upgrade");
    EXPECT_EQ(s.text(1), "https://example.com/tip");
    auto check = store->db().prepare("PRAGMA integrity_check");
    ASSERT_TRUE(check.step());
    EXPECT_EQ(check.text(0), "ok");
}

TEST(Schema, MigrationStepsAreCumulativeFromAnEmptyFile) {
    sql::Database db{":memory:", sql::Database::Mode::Create};
    schema::migrate(db, 1);
    EXPECT_EQ(schema::versionOf(db), 1);
    EXPECT_THAT(tableNames(db), testing::Not(testing::Contains("topic_ideas")));
    schema::migrate(db, Store::kSchemaVersion);
    EXPECT_EQ(schema::versionOf(db), Store::kSchemaVersion);
    EXPECT_THAT(tableNames(db), testing::Contains("topic_ideas"));
    schema::migrate(db, Store::kSchemaVersion);  // nothing left to do: harmless
    EXPECT_EQ(schema::versionOf(db), Store::kSchemaVersion);
}

TEST(Schema, RefusesANewerVersionUntouched) {
    TempDir dir;
    const auto path = dir.file("newer.rapport");
    {
        auto store = Store::open(path);
        store->db().exec("PRAGMA user_version = 8");
    }
    const auto before = rapport::test::readBytes(path);
    const auto message = openError(path);
    EXPECT_THAT(message, HasSubstr("newer Rapport"));
    EXPECT_THAT(message, HasSubstr("schema version 8"));
    EXPECT_THAT(message, HasSubstr("up to version " + std::to_string(Store::kSchemaVersion)));
    EXPECT_EQ(rapport::test::readBytes(path), before);
}

TEST(Schema, RefusesAFileThatIsNotSqliteUntouched) {
    TempDir dir;
    const auto path = dir.file("notes.rapport");
    const std::string bytes = "These are my notes, not a database.\n" + std::string(200, 'x');
    rapport::test::writeBytes(path, bytes);
    EXPECT_THAT(openError(path), HasSubstr("not an SQLite database"));
    EXPECT_EQ(rapport::test::readBytes(path), bytes);
    EXPECT_FALSE(std::filesystem::exists(path + "-wal"));
}

TEST(Schema, RefusesATruncatedFileUntouched) {
    TempDir dir;
    const auto path = dir.file("cut.rapport");
    {
        auto store = Store::open(path);
        for (int i = 0; i < 300; ++i) {
            auto c = rapport::test::sampleContact("Reader " + std::to_string(i));
            c.notes = std::string(200, 'n');
            store->add(c);
        }
        store->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    auto bytes = rapport::test::readBytes(path);
    ASSERT_GT(bytes.size(), 8192u);
    bytes.resize(bytes.size() / 2);
    rapport::test::writeBytes(path, bytes);
    EXPECT_THAT(openError(path), HasSubstr("truncated"));
    EXPECT_EQ(rapport::test::readBytes(path), bytes);
}

TEST(Schema, RefusesADamagedFileUntouched) {
    TempDir dir;
    const auto path = dir.file("damaged.rapport");
    {
        auto store = Store::open(path);
        for (int i = 0; i < 100; ++i) {
            auto c = rapport::test::sampleContact("Reader " + std::to_string(i));
            store->add(c);
        }
        store->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    auto bytes = rapport::test::readBytes(path);
    // Scribble over the second page (the first of the tables), keeping the header intact.
    for (std::size_t i = 4096; i < 8192 && i < bytes.size(); ++i) {
        bytes[i] = static_cast<char>(0xA5);
    }
    rapport::test::writeBytes(path, bytes);
    EXPECT_THAT(openError(path), HasSubstr("damaged"));
    EXPECT_EQ(rapport::test::readBytes(path), bytes);
}

TEST(Schema, RefusesAnotherProgramsDatabaseUntouched) {
    TempDir dir;
    const auto path = dir.file("other.db");
    {
        sql::Database db{path, sql::Database::Mode::Create};
        db.exec("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)");
    }
    const auto before = rapport::test::readBytes(path);
    EXPECT_THAT(openError(path), HasSubstr("another program"));
    EXPECT_EQ(rapport::test::readBytes(path), before);
}

TEST(Schema, MissingOrUnwritableFolderIsAClearError) {
    TempDir dir;
    EXPECT_THAT(openError(dir.file("no/such/folder/w.rapport")), HasSubstr("does not exist"));
    rapport::test::writeBytes(dir.file("plain-file"), "x");
    EXPECT_THAT(openError(dir.file("plain-file/w.rapport")), HasSubstr("is not a folder"));
    // /proc refuses new files even for root; a read-only folder does so for everyone else.
    EXPECT_THAT(openError("/proc/rapport-test.rapport"), HasSubstr("Cannot"));
    EXPECT_FALSE(std::filesystem::exists("/proc/rapport-test.rapport"));
    if (::geteuid() != 0) {
        const auto locked = dir.path() / "locked";
        std::filesystem::create_directory(locked);
        ::chmod(locked.c_str(), 0555);
        EXPECT_THAT(openError((locked / "w.rapport").string()), HasSubstr("not writable"));
    }
}

// Version 4 keeps, per contact, the latest interaction and the text a search reads. A file
// from version 3 gets both computed from what it holds; afterwards triggers keep them.
TEST(Schema, Version4SummarisesContactsAlreadyThere) {
    sql::Database db{":memory:", sql::Database::Mode::Create};
    db.exec("PRAGMA foreign_keys = ON");
    schema::migrate(db, 3);
    db.exec(
        "INSERT INTO contacts (id, display_name, email, company, stage, created_on, source) "
        "VALUES (1, 'Priya Raman', 'Priya@Example.com', 'Rise & Crumb', 'engaged', "
        "'2026-10-08', 'manual'), (2, 'No Touch', '', '', 'looker', '2026-10-08', 'csv');"
        "INSERT INTO contact_handles VALUES (1, 'x', '@RiseAndCrumb');"
        "INSERT INTO contact_tags VALUES (1, 'Bakery');"
        "INSERT INTO interactions (id, contact_id, at, kind, direction) VALUES "
        "(10, 1, 1000, 'comment', 'inbound'), (11, 1, 3000, 'reply', 'outbound'), "
        "(12, 1, 3000, 'email', 'inbound'), (13, 1, 2000, 'call', 'outbound');");
    schema::migrate(db, 4);
    const auto row = [&](const char* query) {
        auto s = db.prepare(query);
        std::string out;
        while (s.step()) {
            out += (s.isNull(0) ? "null" : s.text(0)) + "|";
        }
        return out;
    };
    // Ties on time go to the higher id.
    EXPECT_EQ(row("SELECT last_id || ' ' || last_direction || ' ' || last_kind FROM contacts "
                  "ORDER BY id"),
              "12 inbound email|null|");
    EXPECT_EQ(row("SELECT search FROM contact_list ORDER BY contact_id"),
              "priya raman\npriya@example.com\nrise & crumb\n@riseandcrumb\nbakery|no "
              "touch\n\n\n\n|");
    EXPECT_EQ(row("SELECT name_key || ' ' || stage FROM contact_list ORDER BY name_key"),
              "no touch looker|priya raman engaged|");

    // After the migration the triggers keep both current.
    db.exec("DELETE FROM interactions WHERE id = 12");
    EXPECT_EQ(row("SELECT last_id FROM contacts WHERE id = 1"), "11|");
    db.exec("UPDATE interactions SET at = 5000 WHERE id = 10");
    EXPECT_EQ(row("SELECT last_id FROM contacts WHERE id = 1"), "10|");
    db.exec("UPDATE interactions SET contact_id = 2 WHERE id = 10");
    EXPECT_EQ(row("SELECT last_id FROM contacts ORDER BY id"), "11|10|");
    db.exec(
        "INSERT INTO contact_tags VALUES (2, 'Later'); UPDATE contacts SET display_name = "
        "'Nora Touch', stage = 'follower' WHERE id = 2");
    EXPECT_EQ(row("SELECT name_key || ' ' || stage || ' ' || replace(search, char(10), '/') "
                  "FROM contact_list WHERE contact_id = 2"),
              "nora touch follower nora touch////later|");
    db.exec("DELETE FROM contacts WHERE id = 1");
    EXPECT_EQ(row("SELECT count(*) FROM contact_list"), "1|");

    // With foreign keys deferred (as a restore does), a contact may come after its interactions.
    db.exec(
        "BEGIN; PRAGMA defer_foreign_keys = ON; INSERT INTO interactions (id, contact_id, at, "
        "kind, direction) VALUES (20, 3, 7000, 'email', 'inbound'); INSERT INTO contacts (id, "
        "display_name, stage, created_on, source) VALUES (3, 'Late', 'engaged', '2026-01-01', "
        "'manual'); COMMIT;");
    EXPECT_EQ(row("SELECT last_id || ' ' || last_kind FROM contacts WHERE id = 3"), "20 email|");
}
