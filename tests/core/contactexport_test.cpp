// Exports: contacts to CSV and vCard (read back by Rapport's own import), due follow-ups to
// iCalendar VTODOs with DUE (read back by libical).

#include <libical/ical.h>

#include <map>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/contactexport.h"
#include "core/contactimport.h"
#include "core/followupcalendar.h"
#include "core/store.h"
#include "core/timeutil.h"
#include "core/workspacejson.h"
#include "testutil.h"

using namespace rapport::core;
using rapport::test::ymd;
using testing::ElementsAre;
using testing::HasSubstr;

namespace {

std::vector<Contact> someContacts() {
    Contact a;
    a.displayName = "Priya Raman";
    a.email = "priya@example.com";
    a.company = "Rise & Crumb, Bakery";
    a.role = "Owner";
    a.stage = Stage::Engaged;
    a.nicheId = 1;
    a.tags = {"local", "small-business"};
    a.notes = "Line one\nLine \"two\"";
    a.createdOn = ymd(2026, 10, 8);
    a.uid = "urn:uuid:1";
    a.handles = {{ChannelKind::X, "@riseandcrumb"}, {ChannelKind::LinkedIn, "in/priyaraman"}};
    Contact b;
    b.displayName = "Jörg Müller";
    b.stage = Stage::Customer;
    b.createdOn = ymd(2026, 2, 1);
    b.handles = {{ChannelKind::Podcast, "Brot & Spiele"}};
    return {a, b};
}

TEST(ContactExport, CsvHasAColumnPerNetworkUsedAndQuotesOnlyWhatNeedsIt) {
    const auto csv = ContactExport::toCsv(someContacts(), {{1, "Food bloggers"}});
    EXPECT_THAT(csv, testing::StartsWith("Name,Email,Company,Role,Stage,Niche,Tags,Notes,Created "
                                         "On,UID,X,LinkedIn,Podcast\r\n"));
    EXPECT_THAT(csv, HasSubstr("Priya Raman,priya@example.com,\"Rise & Crumb, Bakery\",Owner,"
                               "engaged,Food bloggers,local; small-business,\"Line one\nLine "
                               "\"\"two\"\"\",2026-10-08,urn:uuid:1,@riseandcrumb,in/"
                               "priyaraman,\r\n"));
    EXPECT_THAT(csv, HasSubstr("Jörg Müller,,,,customer,,,,2026-02-01,,,,Brot & Spiele\r\n"));
}

TEST(ContactExport, CsvAndVCardReadBackThroughTheImport) {
    for (const bool asCsv : {true, false}) {
        auto source = Store::openInMemory();
        Niche n;
        n.name = "Food bloggers";
        n.topic = "Recipes";
        source->add(n);
        for (auto c : someContacts()) {
            c.nicheId = c.nicheId ? std::optional<Id>{n.id} : std::nullopt;
            source->add(c);
        }
        const auto text = asCsv ? ContactExport::toCsv(*source) : ContactExport::toVCard(*source);
        rapport::test::TempDir dir;
        const auto file = dir.file(asCsv ? "out.csv" : "out.vcf");
        rapport::test::writeBytes(file, text);

        auto target = Store::openInMemory();
        Niche n2 = n;
        n2.id = 0;
        target->add(n2);
        FixedClock clock{toInstant(ymd(2026, 11, 23), TimeOfDay{0}, "UTC")};
        ContactImport import{*target, clock};
        const auto preview = import.previewFile(file);
        EXPECT_EQ(preview.count(ImportRowStatus::New), 2u) << asCsv;
        import.commit(preview);
        auto mine = source->list<Contact>();
        auto theirs = target->list<Contact>();
        ASSERT_EQ(theirs.size(), mine.size());
        for (std::size_t i = 0; i < mine.size(); ++i) {
            auto& a = mine[i];
            auto& b = theirs[i];
            EXPECT_EQ(b.displayName, a.displayName);
            EXPECT_EQ(b.email, a.email);
            EXPECT_EQ(b.company, a.company);
            EXPECT_EQ(b.role, a.role);
            EXPECT_EQ(b.stage, a.stage);
            EXPECT_EQ(b.nicheId.has_value(), a.nicheId.has_value());
            EXPECT_EQ(b.tags, a.tags);
            EXPECT_EQ(b.notes, a.notes);
            EXPECT_EQ(b.createdOn, a.createdOn);
            EXPECT_EQ(b.uid, a.uid);
            EXPECT_EQ(b.handles, a.handles);
        }
        // And a second import of the export adds nothing.
        EXPECT_EQ(import.previewFile(file).count(ImportRowStatus::New), 0u) << asCsv;
    }
}

struct IcalDeleter {
    void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};

TEST(FollowUpCalendar, EachDueContactIsAVTodoWithADueDate) {
    auto store = Store::openInMemory();
    store->setInfo({"T", "Europe/Berlin"});
    const Date today = ymd(2026, 11, 23);
    const auto add = [&](const std::string& name, Stage stage, int lastTouchDaysAgo,
                         Direction direction) {
        Contact c;
        c.displayName = name;
        c.stage = stage;
        c.createdOn = ymd(2026, 1, 1);
        store->add(c);
        Interaction x;
        x.contactId = c.id;
        x.at = toInstant(addDays(today, -lastTouchDaysAgo), TimeOfDay{600}, "Europe/Berlin");
        x.direction = direction;
        store->add(x);
        return c.id;
    };
    const Id overdue = add("Over, Due; \"Person\"", Stage::Engaged, 40, Direction::Outbound);
    const Id owed = add("Owed Reply", Stage::Looker, 0, Direction::Inbound);
    add("Not Due", Stage::Relationship, 1, Direction::Outbound);
    FixedClock clock{toInstant(today, TimeOfDay{9 * 60}, "Europe/Berlin")};
    FollowUpQueue queue{*store, clock};
    const auto text = FollowUpCalendar::toICalendar(queue.forDay(today), clock.now());

    std::unique_ptr<icalcomponent, IcalDeleter> cal{icalparser_parse_string(text.c_str())};
    ASSERT_TRUE(cal);
    ASSERT_EQ(icalcomponent_isa(cal.get()), ICAL_VCALENDAR_COMPONENT);
    std::vector<std::string> summaries;
    std::map<std::string, icaltimetype> dues;
    std::map<std::string, int> priorities;
    for (auto* todo = icalcomponent_get_first_component(cal.get(), ICAL_VTODO_COMPONENT); todo;
         todo = icalcomponent_get_next_component(cal.get(), ICAL_VTODO_COMPONENT)) {
        const std::string summary = icalcomponent_get_summary(todo);
        summaries.push_back(summary);
        dues[summary] = icalcomponent_get_due(todo);
        priorities[summary] = icalproperty_get_priority(
            icalcomponent_get_first_property(todo, ICAL_PRIORITY_PROPERTY));
        EXPECT_THAT(std::string{icalcomponent_get_uid(todo)}, HasSubstr("rapport-followup-"));
        EXPECT_EQ(icalcomponent_get_status(todo), ICAL_STATUS_NEEDSACTION);
        EXPECT_FALSE(icaltime_is_null_time(icalcomponent_get_dtstamp(todo)));
        EXPECT_THAT(std::string{icalcomponent_get_description(todo)},
                    HasSubstr("days since the last touch"));
    }
    EXPECT_THAT(summaries,
                ElementsAre("Follow up with Over, Due; \"Person\"", "Follow up with Owed Reply"));
    const auto due = dues["Follow up with Over, Due; \"Person\""];
    EXPECT_TRUE(due.is_date);
    EXPECT_EQ(due.year, 2026);
    EXPECT_EQ(due.month, 10);
    EXPECT_EQ(due.day, 28);  // the last touch 40 days ago, plus 14
    EXPECT_EQ(priorities["Follow up with Over, Due; \"Person\""], 1);
    EXPECT_EQ(dues["Follow up with Owed Reply"].day, 23);
    EXPECT_EQ(priorities["Follow up with Owed Reply"], 5);
    EXPECT_THAT(text,
                HasSubstr("UID:rapport-followup-" + std::to_string(owed) + "-20261123@rapport"));
    EXPECT_THAT(text, HasSubstr("losing touch"));
    (void)overdue;
}

}  // namespace
