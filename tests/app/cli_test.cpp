// The command line, run as a separate process: `rapport --db FILE export|import ...`.

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/icalexport.h"
#include "core/sqlite.h"
#include "core/store.h"
#include "core/timeutil.h"
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
// default workspace of a test never touches the real one.
Run runRapport(const std::vector<std::string>& args, const TempDir& home,
           const std::string& env = "") {
    std::string cmd = "env -u DISPLAY HOME=" + quote(home.path().string()) +
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
    const auto replaced = runRapport({"--db", db, "import", "--replace", dir.file("small.json")}, dir);
    ASSERT_EQ(replaced.code, 0) << replaced.err;
    EXPECT_THAT(replaced.out, HasSubstr("Backed up the previous content to "));
    std::string backup;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        if (entry.path().filename().string().starts_with("w.rapport.before-restore-")) {
            backup = entry.path().string();
        }
    }
    ASSERT_FALSE(backup.empty());
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
    const auto run = runRapport({"--db", dir.file("nowhere/at/all/w.rapport"), "export",
                              dir.file("out.json")},
                             dir);
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
                const bool inNiche = g["niche"].is_null() ||
                                     (c.nicheId && *c.nicheId == g["niche"].get<long>());
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
