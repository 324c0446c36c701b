// Backup and restore through the JSON format: round trips, and every kind of bad document
// refused with its JSON path while the workspace stays as it was.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "core/relationshipstats.h"
#include "core/store.h"
#include "core/timeutil.h"
#include "core/workspacejson.h"
#include "testutil.h"

using namespace rapport::core;
using rapport::test::demoDocument;
using rapport::test::ymd;
using testing::HasSubstr;
using Json = nlohmann::json;

namespace {

std::string exportText(Store& store) {
    return workspacejson::toText(workspacejson::read(store));
}

// Restores `text` into a fresh in-memory workspace and exports it again.
std::string roundTrip(const std::string& text) {
    auto store = Store::openInMemory();
    workspacejson::restore(*store, workspacejson::parse(text, "doc.json"),
                           workspacejson::Existing::Refuse);
    return exportText(*store);
}

// The message of the ImportError that parsing `doc` raises, or "" when it parses.
std::string importError(const Json& doc) {
    try {
        workspacejson::parse(doc.dump(), "in.json");
    } catch (const ImportError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST(WorkspaceJson, DemoDocumentRestoresWithEveryKindOfRecord) {
    const auto data = workspacejson::parse(demoDocument(), "demo-workspace.json");
    EXPECT_FALSE(data.channels.empty());
    EXPECT_FALSE(data.niches.empty());
    EXPECT_FALSE(data.goals.empty());
    EXPECT_FALSE(data.campaigns.empty());
    EXPECT_FALSE(data.series.empty());
    EXPECT_GE(data.posts.size(), 20u);
    EXPECT_GE(data.contacts.size(), 10u);
    EXPECT_GE(data.interactions.size(), 30u);
    ASSERT_EQ(data.sequences.size(), 1u);
    EXPECT_FALSE(data.enrollments.empty());
    EXPECT_FALSE(data.topicIdeas.empty());
    auto store = Store::openInMemory();
    workspacejson::restore(*store, data, workspacejson::Existing::Refuse);
    EXPECT_EQ(static_cast<std::size_t>(store->count<Interaction>()), data.interactions.size());
    EXPECT_EQ(store->timeZone(), data.info.timeZone);
}

TEST(WorkspaceJson, ExportRestoreExportIsByteIdentical) {
    const auto first = roundTrip(demoDocument());
    const auto second = roundTrip(first);
    EXPECT_EQ(first, second);
    EXPECT_EQ(first.back(), '\n');
    EXPECT_THAT(first, HasSubstr("\"format\": \"rapport-workspace\""));
}

TEST(WorkspaceJson, RestoreKeepsEveryField) {
    auto data = workspacejson::parse(demoDocument(), "demo");
    auto store = Store::openInMemory();
    workspacejson::restore(*store, data, workspacejson::Existing::Refuse);
    const auto back = workspacejson::read(*store);
    ASSERT_EQ(back.posts.size(), data.posts.size());
    for (std::size_t i = 0; i < data.posts.size(); ++i) {
        EXPECT_EQ(back.posts[i].scheduledAt, data.posts[i].scheduledAt);
        EXPECT_EQ(back.posts[i].results, data.posts[i].results);
        EXPECT_EQ(back.posts[i].topicIdeaId, data.posts[i].topicIdeaId);
    }
    ASSERT_EQ(back.enrollments.size(), data.enrollments.size());
    for (std::size_t i = 0; i < data.enrollments.size(); ++i) {
        EXPECT_EQ(back.enrollments[i].stepsDone.size(), data.enrollments[i].stepsDone.size());
        EXPECT_EQ(back.enrollments[i].currentStepId, data.enrollments[i].currentStepId);
    }
}

TEST(WorkspaceJson, BadDocumentsNameTheJsonPath) {
    const Json demo = Json::parse(demoDocument());
    struct Case {
        const char* what;
        std::function<void(Json&)> spoil;
        const char* path;
        const char* problem;
    };
    const std::vector<Case> cases = {
        {"wrong format", [](Json& d) { d["format"] = "something-else"; }, "$.format",
         "not a Rapport workspace"},
        {"wrong version", [](Json& d) { d["version"] = 2; }, "$.version", "reads version 1"},
        {"wrong type", [](Json& d) { d["contacts"][3]["displayName"] = 12; },
         "$.contacts[3].displayName", "must be text"},
        {"date that does not exist", [](Json& d) { d["goals"][0]["deadline"] = "2026-02-30"; },
         "$.goals[0].deadline", "date that exists"},
        {"unknown enumeration", [](Json& d) { d["contacts"][2]["stage"] = "lurker"; },
         "$.contacts[2].stage", "unknown value \"lurker\""},
        {"negative count", [](Json& d) { d["posts"][0]["results"]["comments"] = -3; },
         "$.posts[0].results.comments", "0 or more"},
        {"link not http", [](Json& d) { d["posts"][1]["link"] = "ftp://example.com/x"; },
         "$.posts[1].link", "http:// or https://"},
        {"asset link not http",
         [](Json& d) { d["sequences"][0]["assetLink"] = "file:///home/me/chapter.pdf"; },
         "$.sequences[0].assetLink", "http:// or https://"},
        {"missing reference", [](Json& d) { d["interactions"][4]["contact"] = 9999; },
         "$.interactions[4].contact", "contact 9999, which is not in the document"},
        {"missing field", [](Json& d) { d["channels"][0].erase("kind"); }, "$.channels[0].kind",
         "is missing"},
        {"unknown field", [](Json& d) { d["niches"][0]["drawz"] = "typo"; }, "$.niches[0].drawz",
         "not a field"},
        {"repeated id", [](Json& d) { d["contacts"][1]["id"] = d["contacts"][0]["id"]; },
         "$.contacts[1].id", "repeats the id"},
        {"bad time zone", [](Json& d) { d["workspace"]["timeZone"] = "Europe/Atlantis"; },
         "$.workspace.timeZone", "IANA"},
        {"domain rule", [](Json& d) { d["goals"][0]["target"] = d["goals"][0]["baseline"]; },
         "$.goals[0].target", "must differ from the baseline"},
        {"step of another sequence", [](Json& d) { d["enrollments"][0]["currentStep"] = 424242; },
         "$.enrollments[0].currentStep", "not a step of sequence"},
        {"bad time of day", [](Json& d) { d["channels"][0]["preferredTimes"][0] = "25:00"; },
         "$.channels[0].preferredTimes[0]", "HH:MM"},
    };
    for (const auto& c : cases) {
        Json doc = demo;
        c.spoil(doc);
        const auto message = importError(doc);
        EXPECT_THAT(message, HasSubstr(std::string{"in.json: "} + c.path)) << c.what;
        EXPECT_THAT(message, HasSubstr(c.problem)) << c.what;
    }
}

// ---- the stage history ("stageChanges") --------------------------------------------------

// The demo restored, with a history: two changes of one contact, one of another.
std::unique_ptr<Store> demoWithHistory() {
    auto store = Store::openInMemory();
    workspacejson::restore(*store, workspacejson::parse(demoDocument(), "demo"),
                           workspacejson::Existing::Refuse);
    const auto contacts = store->list<Contact>();
    recordStageChange(*store, contacts[2].id, Stage::Customer, ymd(2026, 11, 20));
    recordStageChange(*store, contacts[0].id, Stage::Relationship, ymd(2026, 11, 2));
    recordStageChange(*store, contacts[0].id, Stage::Advocate, ymd(2026, 11, 18));
    return store;
}

TEST(WorkspaceJson, StageHistoryRoundTripsInAStableOrder) {
    auto store = demoWithHistory();
    const auto data = workspacejson::read(*store);
    // Each contact's first change adds its created date with the stage before: 5 entries.
    ASSERT_EQ(data.stageChanges.size(), 5u);
    for (std::size_t i = 1; i < data.stageChanges.size(); ++i) {
        const auto& a = data.stageChanges[i - 1];
        const auto& b = data.stageChanges[i];
        EXPECT_TRUE(a.contactId < b.contactId || (a.contactId == b.contactId && a.on < b.on));
    }
    const auto first = exportText(*store);
    const Json doc = Json::parse(first);
    ASSERT_TRUE(doc["stageChanges"].is_array());
    EXPECT_EQ(doc["stageChanges"].size(), 5u);
    EXPECT_EQ(doc["stageChanges"][1]["on"], "2026-11-02");
    EXPECT_EQ(doc["stageChanges"][1]["stage"], "relationship");
    EXPECT_EQ(doc["stageChanges"][1]["contact"], data.stageChanges[1].contactId);
    // export, restore, export: the same bytes, and the same history in the table.
    const auto second = roundTrip(first);
    EXPECT_EQ(second, first);
    auto again = Store::openInMemory();
    workspacejson::restore(*again, workspacejson::parse(first, "doc.json"),
                           workspacejson::Existing::Refuse);
    EXPECT_EQ(workspacejson::read(*again).stageChanges, data.stageChanges);
}

TEST(WorkspaceJson, ReplacingRestoresTheDocumentsHistoryNotTheOldOne) {
    auto store = demoWithHistory();
    const auto withHistory = exportText(*store);
    // A document without history (as every file before it had) replaces the content: the old
    // history goes with the old contacts.
    workspacejson::restore(*store, workspacejson::parse(demoDocument(), "demo"),
                           workspacejson::Existing::Replace);
    EXPECT_TRUE(workspacejson::read(*store).stageChanges.empty());
    // And back: the history comes back with the backup.
    workspacejson::restore(*store, workspacejson::parse(withHistory, "backup.json"),
                           workspacejson::Existing::Replace);
    EXPECT_EQ(workspacejson::read(*store).stageChanges.size(), 5u);
    EXPECT_EQ(exportText(*store), withHistory);
}

TEST(WorkspaceJson, AFileWithoutStageHistoryStillRestores) {
    Json doc = Json::parse(exportText(*demoWithHistory()));
    doc.erase("stageChanges");
    const auto data = workspacejson::parse(doc.dump(), "old.json");
    EXPECT_TRUE(data.stageChanges.empty());
    auto store = Store::openInMemory();
    workspacejson::restore(*store, data, workspacejson::Existing::Refuse);
    EXPECT_EQ(static_cast<std::size_t>(store->count<Contact>()), data.contacts.size());
}

TEST(WorkspaceJson, BadStageHistoryIsRefusedByJsonPathAndNothingIsWritten) {
    const Json good = Json::parse(exportText(*demoWithHistory()));
    struct Case {
        const char* what;
        std::function<void(Json&)> spoil;
        const char* path;
        const char* problem;
    };
    const std::vector<Case> cases = {
        {"unknown contact", [](Json& d) { d["stageChanges"][3]["contact"] = 9999; },
         "$.stageChanges[3].contact", "contact 9999, which is not in the document"},
        {"bad stage", [](Json& d) { d["stageChanges"][0]["stage"] = "lurker"; },
         "$.stageChanges[0].stage", "unknown value \"lurker\""},
        {"bad date", [](Json& d) { d["stageChanges"][2]["on"] = "2026-02-30"; },
         "$.stageChanges[2].on", "date that exists"},
        {"not a date", [](Json& d) { d["stageChanges"][2]["on"] = 20261102; },
         "$.stageChanges[2].on", "must be text"},
        {"missing stage", [](Json& d) { d["stageChanges"][1].erase("stage"); },
         "$.stageChanges[1].stage", "is missing"},
        {"unknown field", [](Json& d) { d["stageChanges"][1]["when"] = "2026-11-02"; },
         "$.stageChanges[1].when", "not a field"},
        {"repeated day", [](Json& d) { d["stageChanges"][2]["on"] = d["stageChanges"][1]["on"]; },
         "$.stageChanges[2].on", "repeats the day 2026-11-02"},
        {"not an array", [](Json& d) { d["stageChanges"] = Json::object(); }, "$.stageChanges",
         "must be an array"},
        {"entry not an object", [](Json& d) { d["stageChanges"][0] = "engaged"; },
         "$.stageChanges[0]", "must be an object"},
    };
    for (const auto& c : cases) {
        Json doc = good;
        c.spoil(doc);
        const auto message = importError(doc);
        EXPECT_THAT(message, HasSubstr(std::string{"in.json: "} + c.path)) << c.what;
        EXPECT_THAT(message, HasSubstr(c.problem)) << c.what;
    }
    // Parsing comes before any write: a refused document leaves the workspace as it was.
    auto store = Store::openInMemory();
    auto mine = rapport::test::sampleContact("Mine");
    store->add(mine);
    const auto before = exportText(*store);
    Json doc = good;
    doc["stageChanges"][0]["stage"] = "lurker";
    EXPECT_THROW(workspacejson::restore(*store, workspacejson::parse(doc.dump(), "in.json"),
                                        workspacejson::Existing::Replace),
                 ImportError);
    EXPECT_EQ(exportText(*store), before);
}

TEST(WorkspaceJson, MalformedJsonIsRefused) {
    try {
        workspacejson::parse("{\"format\": \"rapport-workspace\", ", "broken.json");
        FAIL();
    } catch (const ImportError& e) {
        EXPECT_THAT(e.what(), HasSubstr("broken.json: is not valid JSON"));
    }
}

TEST(WorkspaceJson, RestoreIntoAWorkspaceWithDataIsRefusedUnlessReplacing) {
    auto store = Store::openInMemory();
    auto mine = rapport::test::sampleContact("Mine");
    store->add(mine);
    const auto before = exportText(*store);
    const auto data = workspacejson::parse(demoDocument(), "demo");
    EXPECT_THROW(workspacejson::restore(*store, data, workspacejson::Existing::Refuse),
                 RefusedError);
    EXPECT_EQ(exportText(*store), before);

    workspacejson::restore(*store, data, workspacejson::Existing::Replace);
    EXPECT_EQ(static_cast<std::size_t>(store->count<Contact>()), data.contacts.size());
    EXPECT_FALSE(store->find<Contact>(mine.id) &&
                 store->get<Contact>(mine.id).displayName == "Mine");
}

TEST(WorkspaceJson, CancelledRestoreChangesNothing) {
    auto store = Store::openInMemory();
    auto mine = rapport::test::sampleContact("Mine");
    store->add(mine);
    const auto before = exportText(*store);
    const auto data = workspacejson::parse(demoDocument(), "demo");
    // Cancel as soon as progress is first reported (at the end for a small document).
    const auto cancel = [](std::size_t, std::size_t) { return false; };
    EXPECT_THROW(workspacejson::restore(*store, data, workspacejson::Existing::Replace, cancel),
                 Cancelled);
    EXPECT_EQ(exportText(*store), before);
}

TEST(WorkspaceJson, RestoreAnnouncesResetsNotEveryRecord) {
    auto store = Store::openInMemory();
    std::vector<Change> seen;
    auto sub = store->subscribe([&](const Change& c) { seen.push_back(c); });
    workspacejson::restore(*store, workspacejson::parse(demoDocument(), "demo"),
                           workspacejson::Existing::Refuse);
    ASSERT_FALSE(seen.empty());
    for (const auto& c : seen) {
        EXPECT_EQ(c.kind, ChangeKind::Reset);
    }
}

TEST(WorkspaceJson, ShiftKeepsWeekdaysAndLocalTimes) {
    auto data = workspacejson::parse(demoDocument(), "demo");
    const auto original = data;
    // The demo's "today" is Monday 2026-11-23; move it to the week of Thursday 2027-03-11,
    // which crosses the start of daylight saving time in New York.
    workspacejson::shiftToWeekOf(data, ymd(2026, 11, 23), ymd(2027, 3, 11));
    const int shift = daysBetween(ymd(2026, 11, 23), ymd(2027, 3, 8));
    ASSERT_EQ(shift % 7, 0);
    const auto& zone = data.info.timeZone;
    for (std::size_t i = 0; i < data.posts.size(); ++i) {
        if (!data.posts[i].scheduledAt) {
            continue;
        }
        const auto before = *original.posts[i].scheduledAt;
        const auto after = *data.posts[i].scheduledAt;
        EXPECT_EQ(localTimeOfDay(after, zone), localTimeOfDay(before, zone));
        EXPECT_EQ(daysBetween(localDate(before, zone), localDate(after, zone)), shift);
    }
    EXPECT_EQ(daysBetween(original.goals[0].deadline, data.goals[0].deadline), shift);
}

TEST(WorkspaceJson, WriteFileReplacesWholeFilesOnly) {
    rapport::test::TempDir dir;
    const auto path = dir.file("backup.json");
    workspacejson::writeFile(path, "first\n");
    workspacejson::writeFile(path, "second\n");
    EXPECT_EQ(rapport::test::readBytes(path), "second\n");
    EXPECT_FALSE(std::filesystem::exists(path + ".part"));
    EXPECT_THROW(workspacejson::writeFile(dir.file("missing/dir/b.json"), "x"), StorageError);
    EXPECT_THROW(workspacejson::readFile(dir.file("nope.json")), ImportError);
}
