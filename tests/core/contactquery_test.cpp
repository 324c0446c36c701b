// The contact list: search as you type over names, emails, companies, handles and tags;
// filters by stage, niche, tag and losing touch; every order; pages and counts that agree;
// and a contact's timeline, newest first.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>

#include "core/contactquery.h"
#include "core/followupactions.h"
#include "core/store.h"
#include "core/timeutil.h"
#include "testutil.h"

using namespace rapport::core;
using rapport::test::ymd;
using testing::ElementsAre;

namespace {

const Date kToday = ymd(2026, 11, 23);

class ContactList : public testing::Test {
protected:
    void SetUp() override {
        store->setInfo({"T", "Europe/Berlin"});
        Niche food;
        food.name = "Food bloggers";
        food.topic = "Recipes";
        store->add(food);
        foodNiche = food.id;
        Niche law;
        law.name = "Accountants";
        law.topic = "Tax";
        store->add(law);
        lawNiche = law.id;
        priya =
            add("Priya Raman", Stage::Engaged, "priya@example.com", "Rise & Crumb Bakery",
                {"local", "small-business"}, {{ChannelKind::X, "@riseandcrumb"}}, foodNiche, 40);
        daniel = add("Daniel Brooks", Stage::Relationship, "daniel@example.net", "Weeknight Pantry",
                     {"blogger"}, {{ChannelKind::LinkedIn, "in/danbrooks"}}, foodNiche, 2);
        ana = add("ana lópez", Stage::Customer, "", "Acme", {"speaker"}, {}, lawNiche, 100);
        zed = add("Zed Quiet", Stage::Looker, "", "", {}, {}, std::nullopt, -1);
    }

    // A contact whose last (outbound) touch was `daysAgo` days ago; -1 for none.
    Id add(const std::string& name, Stage stage, const std::string& email,
           const std::string& company, std::vector<std::string> tags, std::vector<Handle> handles,
           std::optional<Id> niche, int daysAgo) {
        Contact c;
        c.displayName = name;
        c.stage = stage;
        c.email = email;
        c.company = company;
        c.tags = std::move(tags);
        c.handles = std::move(handles);
        c.nicheId = niche;
        c.createdOn = ymd(2026, 1, 1);
        store->add(c);
        if (daysAgo >= 0) {
            Interaction x;
            x.contactId = c.id;
            x.at = toInstant(addDays(kToday, -daysAgo), TimeOfDay{600}, "Europe/Berlin");
            x.direction = Direction::Outbound;
            store->add(x);
        }
        return c.id;
    }

    std::vector<std::string> names(const std::vector<ContactRow>& rows) {
        std::vector<std::string> out;
        for (const auto& r : rows) {
            out.push_back(r.displayName);
        }
        return out;
    }

    std::vector<std::string> search(ContactFilter f, ContactOrder order = {}) {
        const auto page = query.search(f, order, 100);
        EXPECT_EQ(page.total, query.count(f)) << f.text;
        EXPECT_EQ(page.total, static_cast<std::int64_t>(query.ids(f, order).size())) << f.text;
        return names(page.rows);
    }

    std::unique_ptr<Store> store = Store::openInMemory();
    FixedClock clock{toInstant(kToday, TimeOfDay{9 * 60}, "Europe/Berlin")};
    ContactQuery query{*store, clock};
    Id foodNiche = 0;
    Id lawNiche = 0;
    Id priya = 0;
    Id daniel = 0;
    Id ana = 0;
    Id zed = 0;
};

TEST_F(ContactList, RowsCarryWhatTheTableShows) {
    const auto rows = query.page({}, {}, 0, 100);
    ASSERT_EQ(names(rows),
              (std::vector<std::string>{"ana lópez", "Daniel Brooks", "Priya Raman", "Zed Quiet"}));
    const auto& p = rows[2];
    EXPECT_EQ(p.id, priya);
    EXPECT_EQ(p.stage, Stage::Engaged);
    EXPECT_EQ(p.nicheId, foodNiche);
    EXPECT_EQ(p.niche, "Food bloggers");
    EXPECT_EQ(p.email, "priya@example.com");
    EXPECT_EQ(p.company, "Rise & Crumb Bakery");
    EXPECT_EQ(p.lastTouch, addDays(kToday, -40));
    EXPECT_TRUE(p.touched);
    EXPECT_EQ(p.nextDue, addDays(kToday, -26));
    EXPECT_TRUE(p.losingTouch);
    EXPECT_THAT(p.tags, ElementsAre("local", "small-business"));
    EXPECT_FALSE(rows[3].touched);
    EXPECT_EQ(rows[3].lastTouch, ymd(2026, 1, 1));
    EXPECT_FALSE(rows[3].nextDue);
}

TEST_F(ContactList, SearchMatchesEveryWordInNameEmailCompanyHandlesAndTags) {
    const std::vector<std::pair<std::string, std::vector<std::string>>> table = {
        {"", {"ana lópez", "Daniel Brooks", "Priya Raman", "Zed Quiet"}},
        {"p", {"ana lópez", "Daniel Brooks", "Priya Raman"}},  // ana's tag "speaker"
        {"PRI", {"Priya Raman"}},
        {"example.net", {"Daniel Brooks"}},
        {"crumb", {"Priya Raman"}},
        {"@riseand", {"Priya Raman"}},
        {"in/dan", {"Daniel Brooks"}},
        {"small-bus", {"Priya Raman"}},
        {"priya local", {"Priya Raman"}},
        {"priya blogger", {}},
        {"lópez", {"ana lópez"}},
        {"raman\npriya", {"Priya Raman"}},
        {"  zed   ", {"Zed Quiet"}},
        {"a b c d e", {}},
        {"nobody", {}}};
    for (const auto& [text, expected] : table) {
        ContactFilter f;
        f.text = text;
        EXPECT_EQ(search(f), expected) << "'" << text << "'";
    }
}

TEST_F(ContactList, SearchNeverMatchesAcrossTwoFields) {
    // "Raman" ends the name and "priya@" starts the email: no match for "man pri".
    ContactFilter f;
    f.text = "man\npri";
    EXPECT_EQ(search(f), (std::vector<std::string>{"Priya Raman"}));  // two words, both match
    f.text = "an priya@";
    EXPECT_EQ(search(f), (std::vector<std::string>{"Priya Raman"}));
    f.text = "ramanpriya";
    EXPECT_TRUE(search(f).empty());
}

TEST_F(ContactList, FiltersByStageNicheTagAndLosingTouch) {
    ContactFilter f;
    f.stage = Stage::Relationship;
    EXPECT_EQ(search(f), std::vector<std::string>{"Daniel Brooks"});
    f = {};
    f.nicheId = foodNiche;
    EXPECT_EQ(search(f), (std::vector<std::string>{"Daniel Brooks", "Priya Raman"}));
    f.tag = "local";
    EXPECT_EQ(search(f), std::vector<std::string>{"Priya Raman"});
    f = {};
    f.losingTouch = true;  // Priya: 40 > 2 x 14; Ana: 100 > 2 x 45; Daniel 2 days; Zed never
    EXPECT_EQ(search(f), (std::vector<std::string>{"ana lópez", "Priya Raman"}));
    f.text = "acme";
    EXPECT_EQ(search(f), std::vector<std::string>{"ana lópez"});
    EXPECT_THAT(query.tags(), ElementsAre("blogger", "local", "small-business", "speaker"));
}

TEST_F(ContactList, TheListFollowsEdits) {
    auto c = store->get<Contact>(zed);
    c.displayName = "Aaron Loud";
    c.tags = {"newsletter"};
    c.stage = Stage::Engaged;
    store->update(c);
    ContactFilter f;
    f.text = "news";
    EXPECT_EQ(search(f), std::vector<std::string>{"Aaron Loud"});
    f = {};
    f.stage = Stage::Engaged;
    EXPECT_EQ(search(f), (std::vector<std::string>{"Aaron Loud", "Priya Raman"}));
    EXPECT_EQ(query.page({}, {}, 0, 1)[0].displayName, "Aaron Loud");
    store->remove<Contact>(zed);
    EXPECT_EQ(query.count({}), 3);
}

TEST_F(ContactList, EveryOrderBothWays) {
    const std::vector<std::pair<ContactOrder, std::vector<std::string>>> table = {
        {{ContactSort::Name, false}, {"ana lópez", "Daniel Brooks", "Priya Raman", "Zed Quiet"}},
        {{ContactSort::Name, true}, {"Zed Quiet", "Priya Raman", "Daniel Brooks", "ana lópez"}},
        {{ContactSort::Stage, false}, {"Zed Quiet", "Priya Raman", "Daniel Brooks", "ana lópez"}},
        {{ContactSort::Stage, true}, {"ana lópez", "Daniel Brooks", "Priya Raman", "Zed Quiet"}},
        // Contacts without a niche come last either way.
        {{ContactSort::Niche, false}, {"ana lópez", "Daniel Brooks", "Priya Raman", "Zed Quiet"}},
        {{ContactSort::Niche, true}, {"Daniel Brooks", "Priya Raman", "ana lópez", "Zed Quiet"}},
        {{ContactSort::LastTouch, false},
         {"Zed Quiet", "ana lópez", "Priya Raman", "Daniel Brooks"}},
        {{ContactSort::LastTouch, true},
         {"Daniel Brooks", "Priya Raman", "ana lópez", "Zed Quiet"}},
        // Nothing ever due (Zed) comes last either way.
        {{ContactSort::NextDue, false}, {"ana lópez", "Priya Raman", "Daniel Brooks", "Zed Quiet"}},
        {{ContactSort::NextDue, true}, {"Daniel Brooks", "Priya Raman", "ana lópez", "Zed Quiet"}},
        {{ContactSort::Created, false},
         {"ana lópez", "Daniel Brooks", "Priya Raman", "Zed Quiet"}}};
    for (const auto& [order, expected] : table) {
        EXPECT_EQ(search({}, order), expected)
            << static_cast<int>(order.by) << (order.descending ? " desc" : "");
    }
}

TEST_F(ContactList, PagesCutTheSameListTheIdsGive) {
    for (int i = 0; i < 250; ++i) {
        add("Reader " + std::to_string(i), static_cast<Stage>(i % 6), "", "", {}, {}, std::nullopt,
            i % 90);
    }
    for (const auto order :
         {ContactOrder{ContactSort::Name, false}, ContactOrder{ContactSort::LastTouch, true},
          ContactOrder{ContactSort::NextDue, false}}) {
        ContactFilter f;
        f.text = "reader";
        const auto ids = query.ids(f, order);
        ASSERT_EQ(ids.size(), 250u);
        std::vector<Id> paged;
        for (std::size_t offset = 0; offset < 300; offset += 100) {
            for (const auto& r : query.page(f, order, offset, 100)) {
                paged.push_back(r.id);
            }
        }
        EXPECT_EQ(paged, ids);
        const auto first = query.search(f, order, 100);
        EXPECT_EQ(first.total, 250);
        EXPECT_EQ(first.rows.size(), 100u);
        std::vector<Id> rowsIds;
        for (const auto& r : query.rows(std::vector<Id>(ids.begin() + 10, ids.begin() + 20))) {
            rowsIds.push_back(r.id);
        }
        EXPECT_EQ(rowsIds, std::vector<Id>(ids.begin() + 10, ids.begin() + 20));
    }
}

TEST_F(ContactList, NextDueIncludesSequenceStepsAndSnoozes) {
    snoozeContact(*store, priya, addDays(kToday, 3));
    const auto rows = query.rows({priya});
    EXPECT_EQ(rows[0].nextDue, addDays(kToday, 3));
    EXPECT_TRUE(query.rows({12345}).empty());
}

TEST_F(ContactList, TimelineIsNewestFirstInPages) {
    for (int i = 0; i < 30; ++i) {
        Interaction x;
        x.contactId = daniel;
        x.at = toInstant(ymd(2026, 10, 1 + i % 15), TimeOfDay{i * 10}, "UTC");
        x.note = std::to_string(i);
        x.direction = i % 2 ? Direction::Inbound : Direction::Outbound;
        store->add(x);
    }
    const auto all = query.timeline(daniel);
    ASSERT_EQ(all.size(), 31u);
    EXPECT_EQ(query.timelineCount(daniel), 31);
    for (std::size_t i = 1; i < all.size(); ++i) {
        EXPECT_TRUE(all[i - 1].at > all[i].at ||
                    (all[i - 1].at == all[i].at && all[i - 1].id > all[i].id));
    }
    const auto page = query.timeline(daniel, 5, 10);
    ASSERT_EQ(page.size(), 10u);
    EXPECT_EQ(page.front().id, all[5].id);
    EXPECT_TRUE(query.timeline(zed).empty());
}

}  // namespace
