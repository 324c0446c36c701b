// The command line, run as a separate process: `rapport --db FILE export|import ...`.

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/dashboard.h"
#include "core/icalexport.h"
#include "core/sqlite.h"
#include "core/store.h"
#include "core/textencoding.h"
#include "core/timeutil.h"
#include "reviewfixture.h"
#include "testutil.h"

using rapport::test::readBytes;
using rapport::test::TempDir;
using rapport::test::writeBytes;
using testing::HasSubstr;

namespace {

struct Run {
    int code = -1;
    std::string out;
    std::string err;
};

std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) {
        q += (c == '\'') ? std::string{"'\\''"} : std::string(1, c);
    }
    return q + "'";
}

// Runs rapport with these arguments, capturing both streams; HOME points into `home`, so the
// default workspace of a test never touches the real one. It runs as a cron job would: no
// display and no session (XDG_RUNTIME_DIR unset).
Run runRapport(const std::vector<std::string>& args, const TempDir& home,
               const std::string& env = "") {
    std::string cmd = "env -u DISPLAY -u XDG_RUNTIME_DIR HOME=" + quote(home.path().string()) +
                      " XDG_DATA_HOME= QT_QPA_PLATFORM=offscreen " + env + " " +
                      quote(RAPPORT_BINARY);
    for (const auto& a : args) {
        cmd += " " + quote(a);
    }
    const auto errFile = home.file("stderr.txt");
    cmd += " 2>" + quote(errFile);
    Run run;
    FILE* pipe = ::popen(cmd.c_str(), "r");
    if (!pipe) {
        return run;
    }
    std::array<char, 4096> buf{};
    std::size_t n = 0;
    while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) {
        run.out.append(buf.data(), n);
    }
    const int status = ::pclose(pipe);
    run.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.err = readBytes(errFile);
    return run;
}

class Cli : public testing::Test {
protected:
    TempDir dir;
    std::string demo = std::string{RAPPORT_SOURCE_DIR} + "/resources/demo-workspace.json";
};

}  // namespace

TEST_F(Cli, HelpAndVersion) {
    const auto help = runRapport({"--help"}, dir);
    EXPECT_EQ(help.code, 0);
    EXPECT_THAT(help.out, HasSubstr("Usage: rapport [--db FILE]"));
    EXPECT_THAT(help.out, HasSubstr("export OUT.json"));
    EXPECT_THAT(help.out, HasSubstr("import IN.json [--replace]"));
    const auto version = runRapport({"--version"}, dir);
    EXPECT_EQ(version.code, 0);
    EXPECT_THAT(version.out, testing::MatchesRegex("rapport [0-9]+\\.[0-9]+\\.[0-9]+\n"));
}

TEST_F(Cli, UsageErrorsExitWithOne) {
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"--frobnicate"},
             {"fly"},
             {"--db"},
             {"--db", dir.file("w.rapport"), "export"},
             {"--db", dir.file("w.rapport"), "import"},
             {"--db", dir.file("w.rapport"), "export", "a.json", "b.json"},
             {"--db", dir.file("w.rapport"), "export", "--replace", "a.json"}}) {
        const auto run = runRapport(args, dir);
        EXPECT_EQ(run.code, 1) << args.back();
        EXPECT_THAT(run.err, HasSubstr("rapport: ")) << args.back();
        EXPECT_THAT(run.err, HasSubstr("Try 'rapport --help'")) << args.back();
    }
}

TEST_F(Cli, ExportImportExportIsByteIdentical) {
    const auto a = dir.file("a.rapport");
    const auto b = dir.file("b.rapport");
    const auto imported = runRapport({"--db", a, "import", demo}, dir);
    ASSERT_EQ(imported.code, 0) << imported.err;
    EXPECT_THAT(imported.out, HasSubstr("Imported"));
    ASSERT_EQ(runRapport({"--db", a, "export", dir.file("one.json")}, dir).code, 0);
    ASSERT_EQ(runRapport({"--db", b, "import", dir.file("one.json")}, dir).code, 0);
    ASSERT_EQ(runRapport({"--db", b, "export", dir.file("two.json")}, dir).code, 0);
    const auto one = readBytes(dir.file("one.json"));
    EXPECT_GT(one.size(), 1000u);
    EXPECT_EQ(one, readBytes(dir.file("two.json")));
}

TEST_F(Cli, ANewDbWorkspaceStartsEmpty) {
    const auto db = dir.file("fresh.rapport");
    ASSERT_EQ(runRapport({"--db", db, "import", demo}, dir).code, 0);  // creates it
    const auto emptyDb = dir.file("empty.rapport");
    {
        auto store = rapport::core::Store::open(emptyDb);
        EXPECT_TRUE(store->isEmpty());
    }
    const auto run = runRapport({"--db", emptyDb, "export", dir.file("e.json")}, dir);
    ASSERT_EQ(run.code, 0);
    EXPECT_THAT(readBytes(dir.file("e.json")), HasSubstr("\"contacts\": []"));
}

TEST_F(Cli, ImportIntoAWorkspaceWithDataNeedsReplace) {
    const auto db = dir.file("w.rapport");
    ASSERT_EQ(runRapport({"--db", db, "import", demo}, dir).code, 0);
    ASSERT_EQ(runRapport({"--db", db, "export", dir.file("before.json")}, dir).code, 0);

    const auto refused = runRapport({"--db", db, "import", demo}, dir);
    EXPECT_EQ(refused.code, 2);
    EXPECT_THAT(refused.err, HasSubstr("already holds records"));
    EXPECT_THAT(refused.err, HasSubstr("--replace"));

    // A smaller document replaces everything, after a backup of what was there.
    const std::string small = R"({"format": "rapport-workspace", "version": 1,
        "workspace": {"name": "Small", "timeZone": "Europe/Berlin"},
        "channels": [{"id": 1, "name": "Blog", "kind": "blog"}]})";
    writeBytes(dir.file("small.json"), small);
    // The backup is named by the command's clock, in the computer's own zone.
    const auto replaced = runRapport({"--db", db, "import", "--replace", dir.file("small.json")},
                                     dir, "RAPPORT_NOW=2026-11-23T12:00:00Z");
    ASSERT_EQ(replaced.code, 0) << replaced.err;
    EXPECT_THAT(replaced.out, HasSubstr("Backed up the previous content to "));
    std::string backup;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        if (entry.path().filename().string().starts_with("w.rapport.before-restore-")) {
            backup = entry.path().string();
        }
    }
    ASSERT_FALSE(backup.empty());
    using namespace rapport::core;
    const Instant now = *parseInstant("2026-11-23T12:00:00Z");
    const std::string zone = systemTimeZone();
    const int minutes = static_cast<int>(localTimeOfDay(now, zone).count());
    std::string day = formatDate(localDate(now, zone));
    std::erase(day, '-');
    std::array<char, 32> time{};
    std::snprintf(time.data(), time.size(), "%02d%02d00", minutes / 60, minutes % 60);
    // 20261123-120000 on a computer in UTC.
    EXPECT_THAT(backup, HasSubstr("w.rapport.before-restore-" + day + "-" + time.data()));
    EXPECT_THAT(replaced.out, HasSubstr(backup));
    EXPECT_EQ(readBytes(backup), readBytes(dir.file("before.json")));
    auto store = rapport::core::Store::open(db);
    EXPECT_EQ(store->count<rapport::core::Contact>(), 0);
    EXPECT_EQ(store->count<rapport::core::Channel>(), 1);
    EXPECT_EQ(store->info().name, "Small");
}

TEST_F(Cli, BadJsonIsADataErrorNamingFileAndPathAndChangesNothing) {
    const auto db = dir.file("w.rapport");
    ASSERT_EQ(runRapport({"--db", db, "import", demo}, dir).code, 0);
    ASSERT_EQ(runRapport({"--db", db, "export", dir.file("before.json")}, dir).code, 0);
    auto doc = readBytes(demo);
    const auto at = doc.find("\"stage\": \"");
    ASSERT_NE(at, std::string::npos);
    doc.replace(at, 10, "\"stage\": \"lurker-");
    writeBytes(dir.file("bad.json"), doc);
    const auto run = runRapport({"--db", db, "import", "--replace", dir.file("bad.json")}, dir);
    EXPECT_EQ(run.code, 2);
    EXPECT_THAT(run.err, HasSubstr(dir.file("bad.json") + ": $.contacts[0].stage has the unknown "
                                                          "value \"lurker-"));
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1);  // one sentence
    ASSERT_EQ(runRapport({"--db", db, "export", dir.file("after.json")}, dir).code, 0);
    EXPECT_EQ(readBytes(dir.file("after.json")), readBytes(dir.file("before.json")));

    writeBytes(dir.file("broken.json"), "{ not json");
    const auto broken = runRapport({"--db", db, "import", dir.file("broken.json")}, dir);
    EXPECT_EQ(broken.code, 2);
    EXPECT_THAT(broken.err, HasSubstr("is not valid JSON"));
    const auto missing = runRapport({"--db", db, "import", dir.file("missing.json")}, dir);
    EXPECT_EQ(missing.code, 2);
    EXPECT_THAT(missing.err, HasSubstr("missing.json: cannot be read"));
}

TEST_F(Cli, DbInAMissingFolderIsAClearError) {
    const auto run = runRapport(
        {"--db", dir.file("nowhere/at/all/w.rapport"), "export", dir.file("out.json")}, dir);
    EXPECT_EQ(run.code, 2);
    EXPECT_THAT(run.err, HasSubstr("nowhere/at/all"));
    const auto import = runRapport({"--db", "/proc/rapport-cli-test.rapport", "import", demo}, dir);
    EXPECT_EQ(import.code, 2);
    EXPECT_THAT(import.err, HasSubstr("/proc/rapport-cli-test.rapport"));
}

TEST_F(Cli, ANonSqliteOrNewerDbIsRefusedAndLeftAsItWas) {
    const auto notes = dir.file("notes.rapport");
    const std::string bytes(4096, 'n');
    writeBytes(notes, bytes);
    const auto run = runRapport({"--db", notes, "export", dir.file("out.json")}, dir);
    EXPECT_EQ(run.code, 2);
    EXPECT_THAT(run.err, HasSubstr("not an SQLite database"));
    EXPECT_EQ(readBytes(notes), bytes);
    EXPECT_FALSE(std::filesystem::exists(dir.file("out.json")));

    const auto newer = dir.file("newer.rapport");
    {
        auto store = rapport::core::Store::open(newer);
        store->db().exec("PRAGMA user_version = 9");
    }
    const auto before = readBytes(newer);
    const auto refused = runRapport({"--db", newer, "import", demo}, dir);
    EXPECT_EQ(refused.code, 2);
    EXPECT_THAT(refused.err, HasSubstr("schema version 9"));
    EXPECT_EQ(readBytes(newer), before);
}

TEST_F(Cli, TheDefaultWorkspaceLivesInTheXdgDataFolder) {
    const auto run = runRapport({"import", demo}, dir);
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_TRUE(std::filesystem::exists(dir.path() / ".local/share/rapport/workspace.rapport"));
}

TEST_F(Cli, GoalsReportProgressComputedFromTheWorkspace) {
    const auto db = dir.file("w.rapport");
    ASSERT_EQ(runRapport({"--db", db, "import", demo}, dir).code, 0);
    const std::string now = "RAPPORT_NOW=2026-11-23T15:00:00Z";
    const auto run = runRapport({"--db", db, "goals", "--json"}, dir, now);
    ASSERT_EQ(run.code, 0) << run.err;
    const auto goals = nlohmann::json::parse(run.out);
    ASSERT_FALSE(goals.empty());

    // Count the relationships goal by hand, independently of the service.
    auto store = rapport::core::Store::open(db);
    bool sawRelationships = false;
    bool sawVanity = false;
    for (const auto& g : goals) {
        EXPECT_GE(g["progress"].get<double>(), 0.0);
        EXPECT_LE(g["progress"].get<double>(), 1.0);
        EXPECT_TRUE(g["onTrack"].is_boolean());
        if (g["metric"] == "relationships") {
            sawRelationships = true;
            int expected = 0;
            for (const auto& c : store->list<rapport::core::Contact>()) {
                const bool inNiche =
                    g["niche"].is_null() || (c.nicheId && *c.nicheId == g["niche"].get<long>());
                if (inNiche && c.stage >= rapport::core::Stage::Relationship) {
                    ++expected;
                }
            }
            EXPECT_EQ(g["current"].get<double>(), expected);
        }
        sawVanity = sawVanity || g["vanity"].get<bool>();
    }
    EXPECT_TRUE(sawRelationships);
    EXPECT_TRUE(sawVanity);

    const auto text = runRapport({"--db", db, "goals"}, dir, now);
    ASSERT_EQ(text.code, 0);
    EXPECT_THAT(text.out, HasSubstr("% done"));
    EXPECT_THAT(text.out, HasSubstr("not a relationship"));
    EXPECT_EQ(runRapport({"--db", db, "goals", "extra"}, dir).code, 1);
    EXPECT_EQ(runRapport({"--db", db, "goals"}, dir, "RAPPORT_NOW=tomorrow").code, 1);
    EXPECT_EQ(runRapport({"--db", dir.file("none.rapport"), "goals"}, dir).code, 2);
}

// ---- the calendar (issue 4) -------------------------------------------------------------------

TEST_F(Cli, CalendarListsPostsWithSeriesOccurrencesAndTheAdvisorsFlags) {
    const auto db = dir.file("w.rapport");
    ASSERT_EQ(runRapport({"--db", db, "import", demo}, dir).code, 0);
    const std::string now = "RAPPORT_NOW=2026-11-23T15:00:00Z";
    const auto run = runRapport(
        {"--db", db, "calendar", "--from", "2026-11-01", "--to", "2026-12-31", "--json"}, dir, now);
    ASSERT_EQ(run.code, 0) << run.err;
    const auto cal = nlohmann::json::parse(run.out);
    EXPECT_EQ(cal["timeZone"], "America/New_York");
    // The demo's weekly series: Mondays 09:00 from 2026-11-09, twelve times; 11-09 and 11-16
    // are published exceptions and 12-28 is skipped, so 11-23 .. 12-21 are generated (no id).
    std::vector<std::string> generated;
    std::string earnFirst;
    int templates = 0;
    for (const auto& p : cal["posts"]) {
        if (p["series"] == 1) {
            EXPECT_EQ(p["time"], "09:00") << p["date"];
            if (p["id"].is_null()) {
                generated.push_back(p["date"]);
            }
            templates += p["occurrenceDate"].is_null() ? 1 : 0;
        }
        for (const auto& f : p["flags"]) {
            if (f["rule"] == "earn-first") {
                earnFirst = f["message"];
                EXPECT_EQ(f["have"], 2);
                EXPECT_EQ(f["limit"], 5);
            }
        }
    }
    EXPECT_EQ(templates, 0);
    EXPECT_THAT(generated, testing::ElementsAre("2026-11-23", "2026-11-30", "2026-12-07",
                                                "2026-12-14", "2026-12-21"));
    EXPECT_EQ(earnFirst, "2 value posts before this promotion in niche SEO readers; 5 needed");
    bool sawSeo = false;
    for (const auto& m : cal["mix"]) {
        if (m["niche"] == "SEO readers") {
            sawSeo = true;
            EXPECT_GT(m["value"].get<int>(), m["promotional"].get<int>());
        }
    }
    EXPECT_TRUE(sawSeo);

    const auto text = runRapport(
        {"--db", db, "calendar", "--from", "2026-11-30", "--to", "2026-12-06"}, dir, now);
    ASSERT_EQ(text.code, 0) << text.err;
    EXPECT_THAT(text.out, HasSubstr("Calendar 2026-11-30 to 2026-12-06 (America/New_York)"));
    EXPECT_THAT(text.out, HasSubstr("Mon 2026-11-30\n  09:00  X | value | scheduled | "
                                    "Keyword Monday (series 1)\n"));
    EXPECT_THAT(text.out, HasSubstr("Mix per niche"));
    const auto early = runRapport(
        {"--db", db, "calendar", "--from", "2026-11-09", "--to", "2026-11-09"}, dir, now);
    EXPECT_THAT(early.out, HasSubstr("! earn-first: 2 value posts before this promotion in "
                                     "niche SEO readers; 5 needed"));
    const auto empty = runRapport(
        {"--db", db, "calendar", "--from", "2025-01-01", "--to", "2025-01-31"}, dir, now);
    EXPECT_THAT(empty.out, HasSubstr("No posts in this range."));

    for (const auto& args : std::vector<std::vector<std::string>>{
             {"calendar"},
             {"calendar", "--from", "2026-11-01"},
             {"calendar", "--from", "2026-11-31", "--to", "2026-12-31"},
             {"calendar", "--from", "2026-12-31", "--to", "2026-11-01"},
             {"calendar", "--from", "2026-11-01", "--to", "2026-12-31", "extra"},
             {"export-ics", "out.ics", "--from", "2026-11-01"},
             {"export-csv", dir.file("x.csv")}}) {
        auto full = args;
        full.insert(full.begin(), {"--db", db});
        const auto bad = runRapport(full, dir);
        EXPECT_EQ(bad.code, 1) << args.back() << ": " << bad.err;
        EXPECT_THAT(bad.err, HasSubstr("Try 'rapport --help'")) << args.back();
    }
    EXPECT_EQ(runRapport({"--db", dir.file("none.rapport"), "calendar", "--from", "2026-11-01",
                          "--to", "2026-11-30"},
                         dir)
                  .code,
              2);
}

TEST_F(Cli, ExportIcsWritesACalendarThatLibicalReadsBack) {
    const auto db = dir.file("w.rapport");
    ASSERT_EQ(runRapport({"--db", db, "import", demo}, dir).code, 0);
    const std::string now = "RAPPORT_NOW=2026-11-23T15:00:00Z";
    const auto out = dir.file("plan.ics");
    const auto run = runRapport({"--db", db, "export-ics", out}, dir, now);
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_THAT(run.out, HasSubstr("1 series and 2 changed occurrences to " + out));
    const auto text = readBytes(out);
    EXPECT_THAT(text, HasSubstr("BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n"));
    EXPECT_THAT(text, HasSubstr("DTSTART;TZID=America/New_York:20261109T090000\r\n"));
    EXPECT_THAT(text, HasSubstr("EXDATE;TZID=America/New_York:20261228T090000\r\n"));
    EXPECT_THAT(text, HasSubstr("DTSTAMP:20261123T150000Z\r\n"));
    const auto events =
        rapport::core::parseIcs(text, out, *rapport::core::parseInstant("2027-06-01T00:00:00Z"));
    int masters = 0;
    int overrides = 0;
    for (const auto& e : events) {
        if (!e.rrule.empty()) {
            ++masters;
            EXPECT_THAT(e.rrule, HasSubstr("FREQ=WEEKLY"));
            EXPECT_EQ(e.occurrences.size(), 11u);  // twelve, one skipped
        }
        overrides += e.recurrenceId ? 1 : 0;
    }
    EXPECT_EQ(masters, 1);
    EXPECT_EQ(overrides, 2);

    const auto week = dir.file("week.ics");
    ASSERT_EQ(
        runRapport({"--db", db, "export-ics", week, "--from", "2026-12-01", "--to", "2026-12-07"},
                   dir, now)
            .code,
        0);
    const auto few = rapport::core::parseIcs(readBytes(week), week,
                                             *rapport::core::parseInstant("2027-06-01T00:00:00Z"));
    EXPECT_LT(few.size(), events.size());
    EXPECT_GT(few.size(), 3u);
}

TEST_F(Cli, ExportCsvWritesOneChannelsScheduledPostsForABulkScheduler) {
    const auto db = dir.file("w.rapport");
    ASSERT_EQ(runRapport({"--db", db, "import", demo}, dir).code, 0);
    const std::string now = "RAPPORT_NOW=2026-11-23T15:00:00Z";
    const auto out = dir.file("x.csv");
    const auto run = runRapport({"--db", db, "export-csv", "--channel", "X", out}, dir, now);
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_THAT(run.out, HasSubstr("of X (2026-11-23 to 2027-11-23) to " + out));
    const auto csv = readBytes(out);
    EXPECT_THAT(csv, testing::StartsWith("date,time_24hr,message_text,link\r\n"));
    EXPECT_THAT(csv, HasSubstr("\r\n2026-11-23,09:00,\"Keyword Monday: one search phrase,"));
    EXPECT_THAT(csv, testing::Not(HasSubstr("2026-12-28,")));  // the skipped occurrence
    EXPECT_THAT(csv, testing::Not(HasSubstr("2026-11-16,")));  // before today
    const auto ranged = runRapport({"--db", db, "export-csv", "--channel", "X", "--from",
                                    "2026-12-01", "--to", "2026-12-01", out},
                                   dir, now);
    ASSERT_EQ(ranged.code, 0) << ranged.err;
    EXPECT_THAT(ranged.out, HasSubstr("Exported 1 scheduled post of X"));

    const auto unknown = runRapport({"--db", db, "export-csv", "--channel", "Mastodon", out}, dir);
    EXPECT_EQ(unknown.code, 2);
    EXPECT_THAT(unknown.err, HasSubstr("channel \"Mastodon\": name is not a channel of"));
    EXPECT_THAT(unknown.err, HasSubstr("X, LinkedIn"));
}

// ---- relationships: followups, contacts, contact, log, import-contacts, export-contacts --------

namespace {

const std::string kDemoNow = "RAPPORT_NOW=2026-11-23T14:00:00Z";  // 09:00 in New York

const nlohmann::json* itemFor(const nlohmann::json& items, long contact) {
    for (const auto& i : items) {
        if (i["contact"].get<long>() == contact) {
            return &i;
        }
    }
    return nullptr;
}

std::vector<std::string> reasonNames(const nlohmann::json& item) {
    std::vector<std::string> out;
    for (const auto& r : item["reasons"]) {
        out.push_back(r["reason"].get<std::string>());
    }
    return out;
}

std::string contactsFixture(const std::string& name) {
    return std::string{RAPPORT_SOURCE_DIR} + "/tests/fixtures/contacts/" + name;
}

}  // namespace

TEST_F(Cli, FollowupsSayWhoNeedsYouAndWhy) {
    const auto db = dir.file("w.rapport");
    ASSERT_EQ(runRapport({"--db", db, "import", demo}, dir).code, 0);
    const auto run = runRapport({"--db", db, "followups", "--json"}, dir, kDemoNow);
    ASSERT_EQ(run.code, 0) << run.err;
    const auto items = nlohmann::json::parse(run.out);
    ASSERT_FALSE(items.empty());
    for (const auto& i : items) {
        const auto due = *rapport::core::parseDate(i["due"].get<std::string>());
        const auto bucket = i["bucket"].get<std::string>();
        const auto day = rapport::test::ymd(2026, 11, 23);
        EXPECT_LE(rapport::core::daysBetween(day, due), 7) << i.dump();
        EXPECT_EQ(bucket, rapport::core::daysBetween(day, due) < 0    ? "overdue"
                          : rapport::core::daysBetween(day, due) == 0 ? "today"
                                                                      : "this_week")
            << i.dump();
        EXPECT_FALSE(i["reasons"].empty());
    }
    // Priya's comment of Saturday waits for an answer.
    const auto* priya = itemFor(items, 1);
    ASSERT_TRUE(priya);
    EXPECT_EQ((*priya)["bucket"], "overdue");
    EXPECT_EQ((*priya)["due"], "2026-11-21");
    EXPECT_EQ(reasonNames(*priya), std::vector<std::string>{"reply_owed"});
    // Ravi's direct message came at 16:50 in New York on the 20th (21:50 UTC).
    const auto* ravi = itemFor(items, 12);
    ASSERT_TRUE(ravi);
    EXPECT_EQ((*ravi)["due"], "2026-11-20");
    EXPECT_THAT(reasonNames(*ravi), testing::ElementsAre("reply_owed", "sequence_step"));
    // Jin's next nurture step is due today.
    const auto* jin = itemFor(items, 10);
    ASSERT_TRUE(jin);
    EXPECT_EQ((*jin)["bucket"], "today");
    EXPECT_EQ((*jin)["reasons"][0]["reason"], "sequence_step");
    EXPECT_FALSE((*jin)["reasons"][0]["action"].get<std::string>().empty());
    // Marcus is planned for Wednesday; Zoe owes nothing until her snooze ends.
    EXPECT_EQ((*itemFor(items, 4))["reasons"][0]["reason"], "planned");
    EXPECT_EQ((*itemFor(items, 17))["due"], "2026-11-30");
    EXPECT_TRUE((*itemFor(items, 17))["snoozed"].get<bool>());
    // Grace has not heard from us since September: twice her cadence and more.
    EXPECT_TRUE((*itemFor(items, 15))["losingTouch"].get<bool>());
    EXPECT_GT((*itemFor(items, 15))["daysSinceLastTouch"].get<int>(), 60);
    // Emma bought (nothing to answer, cadence 45 days); Felix is never to be chased.
    EXPECT_FALSE(itemFor(items, 13));
    EXPECT_FALSE(itemFor(items, 18));

    const auto text = runRapport({"--db", db, "followups"}, dir, kDemoNow);
    ASSERT_EQ(text.code, 0) << text.err;
    EXPECT_THAT(text.out, HasSubstr("Follow-ups for Monday 2026-11-23: "));
    EXPECT_THAT(text.out, HasSubstr("\nOverdue\n"));
    EXPECT_THAT(text.out, HasSubstr("Priya Raman (contact 1, engaged), due 2026-11-21"));
    EXPECT_THAT(text.out, HasSubstr("2026-11-21  reply owed: their comment"));
    EXPECT_THAT(text.out, HasSubstr("LOSING TOUCH"));

    // Any day: a week earlier, Zoe's snooze is more than a week away.
    const auto earlier =
        runRapport({"--db", db, "followups", "--date", "2026-11-16", "--json"}, dir, kDemoNow);
    ASSERT_EQ(earlier.code, 0) << earlier.err;
    EXPECT_FALSE(itemFor(nlohmann::json::parse(earlier.out), 17));

    EXPECT_EQ(runRapport({"--db", db, "followups", "--date", "2026-02-30"}, dir).code, 1);
    EXPECT_EQ(runRapport({"--db", db, "followups", "extra"}, dir).code, 1);
    EXPECT_EQ(runRapport({"--db", dir.file("none.rapport"), "followups"}, dir).code, 2);
}

TEST_F(Cli, FollowupsAsToDos) {
    const auto db = dir.file("w.rapport");
    ASSERT_EQ(runRapport({"--db", db, "import", demo}, dir).code, 0);
    const auto ics = dir.file("followups.ics");
    const auto run = runRapport({"--db", db, "followups", "--ics", ics}, dir, kDemoNow);
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_THAT(run.out, HasSubstr("due by 2026-11-30 to " + ics + " as to-dos."));
    const auto text = readBytes(ics);
    EXPECT_THAT(text, HasSubstr("BEGIN:VTODO"));
    EXPECT_THAT(text, HasSubstr("DUE;VALUE=DATE:20261121"));
    EXPECT_THAT(text, HasSubstr("SUMMARY:Follow up with Priya Raman"));
    EXPECT_THAT(text, HasSubstr("DTSTAMP:20261123T140000Z"));
}

TEST_F(Cli, LogTakesAContactOutOfTheQueueAndTimesAreLocal) {
    const auto db = dir.file("w.rapport");
    ASSERT_EQ(runRapport({"--db", db, "import", demo}, dir).code, 0);
    // Marcus was planned for the 25th; an outbound touch now clears the plan.
    const auto logged =
        runRapport({"--db", db, "log", "--contact", "4", "--direction", "out", "--kind",
                    "direct_message", "--channel", "linkedin", "--note", "Sent the checklist"},
                   dir, kDemoNow);
    ASSERT_EQ(logged.code, 0) << logged.err;
    EXPECT_THAT(logged.out, HasSubstr("outbound direct message with Marcus Webb on 2026-11-23 "
                                      "09:00 (America/New_York)"));
    EXPECT_THAT(logged.out, HasSubstr("Cleared the planned follow-up of 2026-11-25."));
    EXPECT_THAT(logged.out, HasSubstr("Marcus Webb is next due 2026-12-23."));

    // Isabel's message of yesterday is answered at 09:30 New York time (14:30 UTC).
    ASSERT_EQ(runRapport({"--db", db, "log", "--contact", "21", "--direction", "out", "--kind",
                          "reply", "--when", "2026-11-23T09:30"},
                         dir, kDemoNow)
                  .code,
              0);
    const auto queue =
        nlohmann::json::parse(runRapport({"--db", db, "followups", "--json"}, dir, kDemoNow).out);
    EXPECT_FALSE(itemFor(queue, 4));
    EXPECT_FALSE(itemFor(queue, 21));
    const auto isabel = nlohmann::json::parse(
        runRapport({"--db", db, "contact", "21", "--json"}, dir, kDemoNow).out);
    EXPECT_EQ(isabel["timeline"][0]["at"], "2026-11-23T14:30:00Z");
    EXPECT_EQ(isabel["timeline"][0]["kind"], "reply");
    EXPECT_EQ(isabel["followUp"]["due"], "2026-12-07");

    // An inbound comment from Hannah, a looker with no history: she owes nothing, we owe her.
    ASSERT_EQ(runRapport({"--db", db, "log", "--contact", "9", "--direction", "in", "--kind",
                          "comment", "--when", "2026-11-23T13:00:00Z"},
                         dir, kDemoNow)
                  .code,
              0);
    const auto hannah = nlohmann::json::parse(
        runRapport({"--db", db, "contact", "9", "--json"}, dir, kDemoNow).out);
    EXPECT_EQ(hannah["followUp"]["reasons"][0]["reason"], "reply_owed");
    EXPECT_EQ(hannah["suggestion"]["stage"], "engaged");

    for (const auto& bad : std::vector<std::vector<std::string>>{
             {"log", "--contact", "4", "--direction", "sideways", "--kind", "reply"},
             {"log", "--contact", "4", "--direction", "out", "--kind", "telepathy"},
             {"log", "--contact", "x", "--direction", "out", "--kind", "reply"},
             {"log", "--direction", "out", "--kind", "reply"},
             {"log", "--contact", "4", "--direction", "out", "--kind", "reply", "--when",
              "tuesday"}}) {
        auto args = bad;
        args.insert(args.begin(), {"--db", db});
        EXPECT_EQ(runRapport(args, dir, kDemoNow).code, 1) << bad[2] << " " << bad.back();
    }
    const auto missing = runRapport(
        {"--db", db, "log", "--contact", "999", "--direction", "out", "--kind", "reply"}, dir);
    EXPECT_EQ(missing.code, 2);
    EXPECT_THAT(missing.err, HasSubstr("contact 999"));
    const auto noChannel = runRapport({"--db", db, "log", "--contact", "4", "--direction", "out",
                                       "--kind", "reply", "--channel", "Fax"},
                                      dir);
    EXPECT_EQ(noChannel.code, 2);
    EXPECT_THAT(noChannel.err, HasSubstr("channel names no channel of this workspace (\"Fax\""));
}

TEST_F(Cli, ContactShowsAndChangesFollowUpSettings) {
    const auto db = dir.file("w.rapport");
    ASSERT_EQ(runRapport({"--db", db, "import", demo}, dir).code, 0);
    const auto show = runRapport({"--db", db, "contact", "7"}, dir, kDemoNow);
    ASSERT_EQ(show.code, 0) << show.err;
    EXPECT_THAT(show.out, HasSubstr("Lena Fischer (contact 7)"));
    EXPECT_THAT(show.out, HasSubstr("Cadence:    every 14 days (the stage's)"));
    EXPECT_THAT(show.out, HasSubstr("due 2026-11-13 (overdue)"));
    EXPECT_THAT(show.out, HasSubstr("Timeline (4 interactions, newest first, America/New_York):"));

    const auto json = [&](const std::vector<std::string>& options) {
        std::vector<std::string> args = {"--db", db, "contact", "7", "--json"};
        args.insert(args.end(), options.begin(), options.end());
        const auto run = runRapport(args, dir, kDemoNow);
        EXPECT_EQ(run.code, 0) << run.err;
        return nlohmann::json::parse(run.out);
    };
    auto c = json({"--cadence", "never"});
    EXPECT_TRUE(c["cadenceNever"].get<bool>());
    EXPECT_TRUE(c["followUp"]["due"].is_null());
    c = json({"--cadence", "10", "--next", "2026-11-24", "--snooze", "2026-11-26"});
    EXPECT_EQ(c["cadenceDays"], 10);
    EXPECT_EQ(c["followUp"]["due"], "2026-11-26");  // the snooze moves the earliest (11-09)
    EXPECT_TRUE(c["followUp"]["snoozed"].get<bool>());
    c = json({"--snooze", "none", "--cadence", "default", "--stage", "relationship"});
    EXPECT_EQ(c["stage"], "relationship");
    EXPECT_TRUE(c["cadenceDays"].is_null());
    EXPECT_EQ(c["followUp"]["cadenceDays"], 30);
    EXPECT_EQ(c["nextFollowUp"], "2026-11-24");
    EXPECT_EQ(c["followUp"]["due"], "2026-11-24");
    const auto changed = runRapport({"--db", db, "contact", "7", "--next", "none"}, dir, kDemoNow);
    EXPECT_THAT(changed.out, HasSubstr("Updated contact 7: no planned follow-up."));

    for (const auto& bad :
         std::vector<std::vector<std::string>>{{"contact"},
                                               {"contact", "abc"},
                                               {"contact", "7", "--cadence", "0"},
                                               {"contact", "7", "--stage", "lurker"},
                                               {"contact", "7", "--next", "soon"}}) {
        auto args = bad;
        args.insert(args.begin(), {"--db", db});
        EXPECT_EQ(runRapport(args, dir, kDemoNow).code, 1) << bad.back();
    }
    EXPECT_EQ(json({})["stage"], "relationship");  // the refused calls changed nothing
    const auto missing = runRapport({"--db", db, "contact", "999"}, dir);
    EXPECT_EQ(missing.code, 2);
    EXPECT_THAT(missing.err, HasSubstr("contact 999: id does not exist"));
}

TEST_F(Cli, AChangeOfStageIsDatedByRapportNowInTheWorkspaceZoneAndBackedUp) {
    const auto db = dir.file("w.rapport");
    ASSERT_EQ(runRapport({"--db", db, "import", demo}, dir).code, 0);
    // 03:30 UTC on 11-24 is still the evening of 11-23 in New York (the demo's zone).
    const auto run = runRapport({"--db", db, "contact", "7", "--stage", "customer"}, dir,
                                "RAPPORT_NOW=2026-11-24T03:30:00Z");
    ASSERT_EQ(run.code, 0) << run.err;
    const auto out = dir.file("out.json");
    ASSERT_EQ(runRapport({"--db", db, "export", out}, dir).code, 0);
    const auto doc = nlohmann::json::parse(readBytes(out));
    ASSERT_TRUE(doc["stageChanges"].is_array());
    ASSERT_EQ(doc["stageChanges"].size(), 2u);
    EXPECT_EQ(doc["stageChanges"][1]["contact"], 7);
    EXPECT_EQ(doc["stageChanges"][1]["on"], "2026-11-23");
    EXPECT_EQ(doc["stageChanges"][1]["stage"], "customer");
    // The history survives a restore: export, import, export gives the same bytes.
    const auto db2 = dir.file("w2.rapport");
    ASSERT_EQ(runRapport({"--db", db2, "import", out}, dir).code, 0);
    const auto again = dir.file("again.json");
    ASSERT_EQ(runRapport({"--db", db2, "export", again}, dir).code, 0);
    EXPECT_EQ(readBytes(again), readBytes(out));
}

TEST_F(Cli, ContactsListsEveryContactWithItsFollowUpColumns) {
    const auto db = dir.file("w.rapport");
    ASSERT_EQ(runRapport({"--db", db, "import", demo}, dir).code, 0);
    const auto run = runRapport({"--db", db, "contacts", "--json"}, dir, kDemoNow);
    ASSERT_EQ(run.code, 0) << run.err;
    const auto rows = nlohmann::json::parse(run.out);
    ASSERT_EQ(rows.size(), 26u);
    for (std::size_t i = 1; i < rows.size(); ++i) {
        EXPECT_LE(rapport::core::text::lowerAscii(rows[i - 1]["name"].get<std::string>()),
                  rapport::core::text::lowerAscii(rows[i]["name"].get<std::string>()));
    }
    for (const auto& r : rows) {
        if (r["id"] == 15) {
            EXPECT_TRUE(r["losingTouch"].get<bool>());
            EXPECT_EQ(r["lastTouch"], "2026-09-10");
        }
        if (r["id"] == 17) {
            EXPECT_EQ(r["nextDue"], "2026-11-30");
        }
        if (r["id"] == 1) {
            EXPECT_EQ(r["nicheName"], "SEO readers");
            EXPECT_THAT(r["tags"], testing::Contains("local"));
        }
    }
    const auto count = [&](const std::vector<std::string>& options) {
        std::vector<std::string> args = {"--db", db, "contacts", "--json"};
        args.insert(args.end(), options.begin(), options.end());
        const auto r = runRapport(args, dir, kDemoNow);
        EXPECT_EQ(r.code, 0) << r.err;
        return nlohmann::json::parse(r.out).size();
    };
    EXPECT_EQ(count({"--search", "PRIYA"}), 1u);
    EXPECT_EQ(count({"--stage", "customer"}), 2u);
    EXPECT_GE(count({"--losing-touch"}), 1u);
    EXPECT_EQ(count({"--search", "nobody-at-all"}), 0u);
    const auto text = runRapport({"--db", db, "contacts"}, dir, kDemoNow);
    EXPECT_THAT(text.out, HasSubstr("Last touch  Next due"));
    EXPECT_THAT(text.out, HasSubstr("26 contacts."));
    EXPECT_EQ(runRapport({"--db", db, "contacts", "--stage", "vip"}, dir).code, 1);
}

TEST_F(Cli, ImportContactsPreviewsRowsAndAddsNothingTheSecondTime) {
    const auto db = dir.file("empty.rapport");
    { rapport::core::Store::open(db); }
    const auto linkedin = contactsFixture("linkedin-connections.csv");
    const auto dry =
        runRapport({"--db", db, "import-contacts", linkedin, "--dry-run"}, dir, kDemoNow);
    ASSERT_EQ(dry.code, 0) << dry.err;
    EXPECT_THAT(dry.out, HasSubstr("(linkedin): 4 new, 1 already here, 3 invalid."));
    EXPECT_THAT(dry.out, HasSubstr("line 12: not imported: Connected On \"31 Feb 2024\" is not a "
                                   "date like 05 Oct 2020 or 2020-10-05."));
    EXPECT_THAT(dry.out, HasSubstr("line 13: not imported: has no name."));
    EXPECT_THAT(dry.out, HasSubstr("Nothing was written (--dry-run)."));
    EXPECT_EQ(rapport::core::Store::open(db)->count<rapport::core::Contact>(), 0);

    const auto first = runRapport({"--db", db, "import-contacts", linkedin}, dir, kDemoNow);
    ASSERT_EQ(first.code, 0) << first.err;
    EXPECT_THAT(first.out, HasSubstr("Added 4 contacts"));
    const auto second = runRapport({"--db", db, "import-contacts", linkedin}, dir, kDemoNow);
    EXPECT_THAT(second.out, HasSubstr("0 new, 5 already here, 3 invalid."));
    EXPECT_THAT(second.out, HasSubstr("Added 0 contacts"));

    const auto vcard =
        runRapport({"--db", db, "import-contacts", contactsFixture("cards-v3.vcf")}, dir, kDemoNow);
    ASSERT_EQ(vcard.code, 0) << vcard.err;
    EXPECT_THAT(vcard.out, HasSubstr("(vcard): 0 new, 2 already here, 1 invalid."));
    EXPECT_EQ(rapport::core::Store::open(db)->count<rapport::core::Contact>(), 4);

    const auto broken =
        runRapport({"--db", db, "import-contacts", contactsFixture("truncated.vcf")}, dir);
    EXPECT_EQ(broken.code, 2);
    EXPECT_THAT(broken.err, HasSubstr("truncated.vcf: line 5 begins a card that has no END:VCARD"));
    EXPECT_EQ(rapport::core::Store::open(db)->count<rapport::core::Contact>(), 4);

    EXPECT_EQ(runRapport({"--db", db, "import-contacts", linkedin, "--format", "xls"}, dir).code,
              1);
    EXPECT_EQ(runRapport({"--db", db, "import-contacts"}, dir).code, 1);
    const auto missing = runRapport({"--db", db, "import-contacts", dir.file("nope.csv")}, dir);
    EXPECT_EQ(missing.code, 2);
    EXPECT_THAT(missing.err, HasSubstr("nope.csv"));
}

TEST_F(Cli, ExportContactsAsCsvAndVCardThatImportBack) {
    const auto db = dir.file("w.rapport");
    ASSERT_EQ(runRapport({"--db", db, "import", demo}, dir).code, 0);
    const auto csv = dir.file("contacts.csv");
    const auto vcf = dir.file("contacts.vcf");
    auto run = runRapport({"--db", db, "export-contacts", csv}, dir);
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_THAT(run.out, HasSubstr("Exported 26 contacts to " + csv + " (CSV)."));
    EXPECT_THAT(readBytes(csv), testing::StartsWith("Name,Email,Company,Role,Stage,Niche,Tags"));
    run = runRapport({"--db", db, "export-contacts", vcf, "--format", "vcard3"}, dir);
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_THAT(readBytes(vcf), HasSubstr("VERSION:3.0"));
    // Importing either back into the same workspace finds everyone already there.
    for (const auto& file : {csv, vcf}) {
        const auto back = runRapport({"--db", db, "import-contacts", file}, dir, kDemoNow);
        ASSERT_EQ(back.code, 0) << back.err;
        EXPECT_THAT(back.out, HasSubstr("0 new, 26 already here, 0 invalid.")) << file;
    }
    EXPECT_EQ(runRapport({"--db", db, "export-contacts", csv, "--format", "pdf"}, dir).code, 1);
}

TEST_F(Cli, NurtureCommandsEnrollMarkStepsAndReportFunnels) {
    const auto db = dir.file("w.rapport");
    ASSERT_EQ(runRapport({"--db", db, "import", demo}, dir).code, 0);
    const std::string now = "RAPPORT_NOW=2026-11-23T15:00:00Z";
    const auto before =
        nlohmann::json::parse(runRapport({"--db", db, "sequences", "--json"}, dir, now).out);
    ASSERT_EQ(before.size(), 1u);
    const int enrolled = before[0]["funnel"]["enrolled"].get<int>();

    // A contact with no enrollment yet: Ben Carter in the demo (a follower).
    auto store = rapport::core::Store::open(db);
    rapport::core::Id ben = 0;
    for (const auto& c : store->list<rapport::core::Contact>()) {
        if (c.displayName == "Ben Carter") {
            ben = c.id;
        }
    }
    ASSERT_NE(ben, 0);
    const auto seq = std::to_string(before[0]["id"].get<long>());
    const auto enroll = runRapport({"--db", db, "enroll", "--sequence", seq, "--contact",
                                    std::to_string(ben), "--on", "2026-11-23"},
                                   dir, now);
    ASSERT_EQ(enroll.code, 0) << enroll.err;
    EXPECT_THAT(enroll.out, HasSubstr("due 2026-11-23"));
    const auto again = runRapport(
        {"--db", db, "enroll", "--sequence", seq, "--contact", std::to_string(ben)}, dir, now);
    EXPECT_EQ(again.code, 2);
    EXPECT_THAT(again.err, HasSubstr("already has an open enrollment"));

    rapport::core::Id enrollment = 0;
    for (const auto& e : store->list<rapport::core::Enrollment>()) {
        if (e.contactId == ben) {
            enrollment = e.id;
        }
    }
    const auto done = runRapport(
        {"--db", db, "step-done", "--enrollment", std::to_string(enrollment), "--on", "2026-11-23"},
        dir, now);
    ASSERT_EQ(done.code, 0) << done.err;
    EXPECT_THAT(done.out, HasSubstr("next:"));
    const auto after =
        nlohmann::json::parse(runRapport({"--db", db, "sequences", "--json"}, dir, now).out);
    EXPECT_EQ(after[0]["funnel"]["enrolled"].get<int>(), enrolled + 1);
    EXPECT_EQ(runRapport({"--db", db, "step-done", "--enrollment", "abc"}, dir, now).code, 1);
    EXPECT_EQ(runRapport({"--db", db, "enroll", "--sequence", seq}, dir, now).code, 1);
}

// ---- dashboard and weekly review (issue 7), over the core tests' fixed workspace -------------

namespace {

std::string reviewWorkspace(const TempDir& dir) {
    const auto db = dir.file("review.rapport");
    auto store = rapport::core::Store::open(db);
    rapport::core::FixedClock clock{rapport::test::reviewNow()};
    rapport::test::buildReviewWorkspace(*store, clock);
    return db;
}

const std::string kReviewNow = "RAPPORT_NOW=2026-11-25T10:00:00Z";

}  // namespace

TEST_F(Cli, DashboardJsonIsTheDashboardsFigures) {
    const auto db = reviewWorkspace(dir);
    const auto run = runRapport({"--db", db, "dashboard", "--json"}, dir, kReviewNow);
    ASSERT_EQ(run.code, 0) << run.err;
    const auto j = nlohmann::json::parse(run.out);
    EXPECT_EQ(j["date"], "2026-11-25");
    EXPECT_EQ(j["queue"]["overdue"], 2);
    EXPECT_EQ(j["queue"]["today"], 1);
    EXPECT_EQ(j["queue"]["thisWeek"], 2);
    EXPECT_EQ(j["queue"]["first"][0]["name"], "Ben Okri");
    EXPECT_EQ(j["weekPosts"], 2);
    EXPECT_EQ(j["goals"].size(), 2u);
    EXPECT_EQ(j["mix"]["niches"][0]["broken"]["earn-first"], 1);
    // Exactly what the core service computes for that day.
    auto store = rapport::core::Store::open(db);
    rapport::core::FixedClock clock{rapport::test::reviewNow()};
    EXPECT_EQ(j, rapport::core::toJson(rapport::core::Dashboard{*store, clock}.compute()));

    const auto other =
        runRapport({"--db", db, "dashboard", "--date", "2026-11-29", "--json"}, dir, kReviewNow);
    ASSERT_EQ(other.code, 0) << other.err;
    EXPECT_EQ(nlohmann::json::parse(other.out)["queue"]["overdue"], 5);
    const auto text = runRapport({"--db", db, "dashboard"}, dir, kReviewNow);
    ASSERT_EQ(text.code, 0) << text.err;
    EXPECT_THAT(text.out, HasSubstr("Who needs you: 2 overdue, 1 today, 2 later this week"));
    EXPECT_THAT(text.out, HasSubstr("Grow real relationships: 2 of 4 (50%), on track"));
    const auto bad = runRapport({"--db", db, "dashboard", "--date", "2026-13-01"}, dir);
    EXPECT_EQ(bad.code, 1);
    EXPECT_THAT(bad.err, HasSubstr("--date"));
}

TEST_F(Cli, ReviewWritesPdfAndHtml) {
    const auto db = reviewWorkspace(dir);
    const auto pdf = dir.file("w48.pdf");
    const auto html = dir.file("w48.html");
    const auto run =
        runRapport({"--db", db, "review", "--week", "2026-W48", "--pdf", pdf, "--html", html}, dir,
                   kReviewNow);
    ASSERT_EQ(run.code, 0) << run.err;
    // Qt says nothing about the missing session: the command gives it a runtime folder.
    EXPECT_THAT(run.err, testing::Not(HasSubstr("XDG_RUNTIME_DIR")));
    EXPECT_THAT(run.out, HasSubstr("2026-W48"));
    const auto bytes = readBytes(pdf);
    ASSERT_EQ(bytes.rfind("%PDF-", 0), 0u);
    std::size_t pages = 0;
    for (auto at = bytes.find("/Type /Page"); at != std::string::npos;
         at = bytes.find("/Type /Page", at + 1)) {
        pages += bytes.compare(at, 12, "/Type /Pages") == 0 ? 0 : 1;
    }
    EXPECT_EQ(pages, 5u);
    const auto page = readBytes(html);
    EXPECT_THAT(page, HasSubstr("Grow real relationships"));
    EXPECT_THAT(page, HasSubstr("Start conversations"));
    EXPECT_THAT(page, HasSubstr("data:image/png;base64,"));

    EXPECT_EQ(runRapport({"--db", db, "review", "--pdf", pdf}, dir).code, 1);
    const auto badWeek =
        runRapport({"--db", db, "review", "--week", "2026-W60", "--pdf", pdf}, dir);
    EXPECT_EQ(badWeek.code, 1);
    EXPECT_THAT(badWeek.err, HasSubstr("2026-W60"));
    EXPECT_EQ(runRapport({"--db", db, "review", "--week", "2026-W48"}, dir).code, 1);
    const auto unwritable = runRapport(
        {"--db", db, "review", "--week", "2026-W48", "--pdf", dir.file("no/such/dir/x.pdf")}, dir);
    EXPECT_EQ(unwritable.code, 2);
    EXPECT_THAT(unwritable.err, HasSubstr("x.pdf"));
}
