// Import preview and commit: new, matching and invalid rows with their reasons; nothing written
// before the commit, everything in one transaction, and a second import of the same file adds
// nothing.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/contactimport.h"
#include "core/errors.h"
#include "core/store.h"
#include "core/timeutil.h"
#include "testutil.h"

using namespace rapport::core;
using rapport::test::ymd;
using testing::ElementsAre;
using testing::HasSubstr;

namespace {

std::string fixture(const std::string& name) {
    return std::string{RAPPORT_SOURCE_DIR} + "/tests/fixtures/contacts/" + name;
}

std::vector<ImportRowStatus> statuses(const ImportPreview& p) {
    std::vector<ImportRowStatus> out;
    for (const auto& r : p.rows) {
        out.push_back(r.status);
    }
    return out;
}

class ContactImportTest : public testing::Test {
protected:
    std::unique_ptr<Store> store = Store::openInMemory();
    FixedClock clock{toInstant(ymd(2026, 11, 23), TimeOfDay{9 * 60}, "UTC")};
    ContactImport import{*store, clock};
};

using S = ImportRowStatus;

TEST_F(ContactImportTest, PreviewsLinkedInsExportRowByRowAndWritesNothing) {
    const auto p = import.previewFile(fixture("linkedin-connections.csv"));
    EXPECT_EQ(p.format, ImportFormat::LinkedIn);
    EXPECT_THAT(statuses(p), ElementsAre(S::New, S::New, S::New, S::New, S::Invalid, S::Invalid,
                                         S::Invalid, S::Match));
    EXPECT_EQ(p.count(S::New), 4u);
    EXPECT_EQ(p.count(S::Match), 1u);
    EXPECT_EQ(p.count(S::Invalid), 3u);
    EXPECT_EQ(p.rows[4].line, 12u);
    EXPECT_THAT(p.rows[4].problems, ElementsAre(HasSubstr("\"31 Feb 2024\" is not a date")));
    EXPECT_THAT(p.rows[5].problems, ElementsAre("has no name"));
    EXPECT_THAT(p.rows[6].problems,
                ElementsAre("email is not an email address (\"not-an-email\")"));
    // The repeated Priya is the same person as the row on line 5, by her LinkedIn profile.
    EXPECT_EQ(p.rows[7].sameAsRow, 0u);
    EXPECT_EQ(p.rows[7].matchedBy, MatchRule::Handle);
    EXPECT_TRUE(p.rows[7].fills.empty());
    EXPECT_EQ(p.rows[0].contact.stage, Stage::Follower);
    EXPECT_EQ(p.rows[0].contact.createdOn, ymd(2020, 10, 5));
    EXPECT_THAT(p.notes, testing::Contains("Skipped 2 blank rows."));
    EXPECT_EQ(store->count<Contact>(), 0);
}

TEST_F(ContactImportTest, CommitsTheGoodRowsInOneGoAndAReimportAddsNothing) {
    std::vector<Change> changes;
    auto sub = store->subscribe([&](const Change& c) { changes.push_back(c); });
    const auto first = import.commit(import.previewFile(fixture("linkedin-connections.csv")));
    EXPECT_EQ(first.added, 4u);
    EXPECT_EQ(first.unchanged, 1u);
    EXPECT_EQ(first.skipped, 3u);
    EXPECT_EQ(store->count<Contact>(), 4);
    // One bulk announcement, not one per contact.
    EXPECT_THAT(changes, testing::Contains(Change{Entity::Contact, ChangeKind::Reset, 0}));
    EXPECT_THAT(changes,
                testing::Not(testing::Contains(testing::Field(&Change::kind, ChangeKind::Added))));

    const auto again = import.previewFile(fixture("linkedin-connections.csv"));
    EXPECT_EQ(again.count(S::New), 0u);
    EXPECT_EQ(again.count(S::Match), 5u);
    const auto second = import.commit(again);
    EXPECT_EQ(second.added, 0u);
    EXPECT_EQ(second.updated, 0u);
    EXPECT_EQ(store->count<Contact>(), 4);
}

TEST_F(ContactImportTest, MatchesByUidEmailHandleAndNameInThatOrder) {
    Contact byUid;
    byUid.displayName = "Someone Else";
    byUid.uid = "urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1";
    byUid.email = "other@example.com";
    byUid.createdOn = ymd(2026, 1, 1);
    store->add(byUid);
    Contact byName;
    byName.displayName = "daniel  BROOKS";
    byName.createdOn = ymd(2026, 1, 1);
    byName.handles = {{ChannelKind::X, "@danbrookscooks"}};
    store->add(byName);
    const auto p = import.previewFile(fixture("cards-v3.vcf"));
    EXPECT_EQ(p.format, ImportFormat::VCard);
    ASSERT_THAT(statuses(p), ElementsAre(S::Match, S::Match, S::Invalid));
    EXPECT_EQ(p.rows[0].matchId, byUid.id);
    EXPECT_EQ(p.rows[0].matchedBy, MatchRule::Uid);
    EXPECT_THAT(p.rows[0].fills, ElementsAre("company", "role", "notes", "handles", "tags"));
    EXPECT_EQ(p.rows[1].matchId, byName.id);
    EXPECT_EQ(p.rows[1].matchedBy, MatchRule::Name);
    EXPECT_THAT(p.rows[1].fills, ElementsAre("email"));

    const auto result = import.commit(p);
    EXPECT_EQ(result.updated, 2u);
    const auto priya = store->get<Contact>(byUid.id);
    EXPECT_EQ(priya.displayName, "Someone Else");  // a match fills blanks, never overwrites
    EXPECT_EQ(priya.email, "other@example.com");
    EXPECT_EQ(priya.company, "Rise & Crumb Bakery");
    EXPECT_EQ(priya.handles.size(), 3u);
    EXPECT_EQ(store->get<Contact>(byName.id).email, "daniel@example.net");
}

TEST_F(ContactImportTest, SameNameIsNotSamePersonWhenEmailsOrProfilesDisagree) {
    Contact john;
    john.displayName = "John Smith";
    john.email = "john@one.example";
    john.createdOn = ymd(2026, 1, 1);
    store->add(john);
    const auto table = CsvImport::read(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "John,Smith,https://www.linkedin.com/in/js1,john@two.example,,,01 Jan 2020\n"
        "John,Smith,https://www.linkedin.com/in/js2,,,,01 Jan 2020\n"
        "John,Smith,https://www.linkedin.com/in/js3,,,,01 Jan 2020\n"
        "John,Smith,https://www.linkedin.com/in/js2,,,,01 Jan 2020\n",
        "in.csv");
    const auto p = import.previewCsv(table, CsvImport::autoMapping(table), ImportFormat::LinkedIn);
    // Line 2 has another email: new. Line 3 has no email and a profile: the stored John has no
    // profile, so they may be the same, and he gets that profile. Line 4's profile differs from
    // the one line 3 gave him: new. Line 5 is line 3 again, now by the profile.
    EXPECT_THAT(statuses(p), ElementsAre(S::New, S::Match, S::New, S::Match));
    EXPECT_EQ(p.rows[1].matchId, john.id);
    EXPECT_EQ(p.rows[1].matchedBy, MatchRule::Name);
    EXPECT_THAT(p.rows[1].fills, ElementsAre("handles"));
    EXPECT_EQ(p.rows[3].matchId, john.id);
    EXPECT_EQ(p.rows[3].matchedBy, MatchRule::Handle);
    EXPECT_TRUE(p.rows[3].fills.empty());
    const auto r = import.commit(p);
    EXPECT_EQ(r.added, 2u);
    EXPECT_EQ(r.updated, 1u);
    EXPECT_EQ(r.unchanged, 1u);
    EXPECT_THAT(store->get<Contact>(john.id).handles,
                ElementsAre(Handle{ChannelKind::LinkedIn, "in/js2"}));
}

TEST_F(ContactImportTest, NichesAreFoundByNameAndStagesComeFromTheFile) {
    Niche food;
    food.name = "Food Bloggers";
    food.topic = "Recipes";
    store->add(food);
    const auto p = import.previewFile(fixture("any.csv"));
    EXPECT_EQ(p.format, ImportFormat::Csv);
    ASSERT_THAT(statuses(p), ElementsAre(S::New, S::Invalid, S::New));
    EXPECT_EQ(p.rows[0].contact.nicheId, food.id);
    EXPECT_EQ(p.rows[0].contact.createdOn, ymd(2026, 11, 23));  // today, from the clock
    EXPECT_THAT(p.rows[2].warnings, ElementsAre(HasSubstr("\"Unknown niche\"")));
    EXPECT_FALSE(p.rows[2].contact.nicheId);
    EXPECT_THAT(p.notes, testing::Contains("The column \"Phone\" is not imported."));
    import.commit(p);
    EXPECT_EQ(store->count<Contact>(), 2);
}

TEST_F(ContactImportTest, RowsTheUserLeavesOutAreNotWritten) {
    auto p = import.previewFile(fixture("cards-v4.vcf"));
    p.rows[0].accepted = false;
    const auto r = import.commit(p);
    EXPECT_EQ(r.added, 0u);
    EXPECT_EQ(r.skipped, 1u);
    EXPECT_EQ(store->count<Contact>(), 0);
}

TEST_F(ContactImportTest, ABrokenVCardFileWritesNothing) {
    for (const char* file : {"truncated.vcf", "no-end.vcf"}) {
        EXPECT_THROW(import.previewFile(fixture(file)), ImportError) << file;
    }
    EXPECT_EQ(store->count<Contact>(), 0);
}

TEST_F(ContactImportTest, CancellingRollsEverythingBack) {
    std::string csv = "Name,Email\n";
    for (int i = 0; i < 3000; ++i) {
        csv += "Person " + std::to_string(i) + ",p" + std::to_string(i) + "@example.com\n";
    }
    const auto table = CsvImport::read(csv, "many.csv");
    const auto p = import.previewCsv(table, CsvImport::autoMapping(table), ImportFormat::Csv);
    std::vector<std::size_t> seen;
    EXPECT_THROW(import.commit(p,
                               [&](std::size_t done, std::size_t total) {
                                   seen.push_back(done);
                                   EXPECT_EQ(total, 3000u);
                                   return done < 2048;
                               }),
                 Cancelled);
    EXPECT_FALSE(seen.empty());
    EXPECT_EQ(store->count<Contact>(), 0);
    bool previewCancelled = false;
    try {
        import.previewCsv(table, CsvImport::autoMapping(table), ImportFormat::Csv,
                          [](std::size_t, std::size_t) { return false;
    });
}
catch (const Cancelled&) {
    previewCancelled = true;
}
EXPECT_TRUE(previewCancelled);
const auto r = import.commit(p, [](std::size_t, std::size_t) { return true; });
EXPECT_EQ(r.added, 3000u);
}  // namespace

TEST_F(ContactImportTest, FillBlanksNeverOverwrites) {
    Contact target;
    target.email = "keep@example.com";
    target.tags = {"a"};
    target.handles = {{ChannelKind::X, "@keep"}};
    Contact incoming;
    incoming.email = "other@example.com";
    incoming.company = "New Co";
    incoming.tags = {"a", "b"};
    incoming.handles = {{ChannelKind::X, "@other"}, {ChannelKind::Blog, "blog.example.com"}};
    EXPECT_THAT(ContactImport::fillBlanks(target, incoming),
                ElementsAre("company", "handles", "tags"));
    EXPECT_EQ(target.email, "keep@example.com");
    EXPECT_THAT(target.tags, ElementsAre("a", "b"));
    EXPECT_EQ(target.handles.size(), 2u);
    EXPECT_EQ(target.handles[0].handle, "@keep");
    EXPECT_TRUE(ContactImport::fillBlanks(target, incoming).empty());
}

}  // namespace
