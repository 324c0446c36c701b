#pragma once
// Contacts as the relationships page lists them: filtered, sorted and paged in SQL, so a lazy
// table model stays smooth at 100,000 contacts; and one contact's timeline, newest first.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/duestepsource.h"
#include "core/entities.h"

namespace rapport::core {

class Store;

/// Which contacts to list. Empty or unset parts do not filter.
struct ContactFilter {
    /// Words, each of which must appear (ignoring ASCII case) in the name, email, company, a
    /// handle or a tag. Up to four words are matched separately; further words join the fourth.
    std::string text;
    std::optional<Stage> stage;
    std::optional<Id> nicheId;
    std::string tag;  ///< exact tag
    /// Only contacts whose last touch is older than twice their cadence, as of today.
    bool losingTouch = false;
};

enum class ContactSort { Name, Stage, Niche, LastTouch, NextDue, Created };

struct ContactOrder {
    ContactSort by = ContactSort::Name;
    bool descending = false;
};

/// One line of the contact table.
struct ContactRow {
    Id id = 0;
    std::string displayName;
    Stage stage = Stage::Looker;
    std::optional<Id> nicheId;
    std::string niche;  ///< the niche's name; empty when none
    std::string email;
    std::string company;
    Date lastTouch{};             ///< latest interaction's local date, or the created date
    bool touched = false;         ///< lastTouch is an interaction's
    std::optional<Date> nextDue;  ///< the follow-up rules' due date; none: nothing due ever
    bool losingTouch = false;
    std::vector<std::string> tags;
};

/// A page of the contact table and how many rows the whole filtered list has.
struct ContactPage {
    std::vector<ContactRow> rows;
    std::int64_t total = 0;
};

/// Reads the contact table and timelines; today comes from the clock.
class ContactQuery {
public:
    /// Sequence steps (for the next due date) come from the stored enrollments.
    ContactQuery(Store& store, const Clock& clock);
    /// Steps come from `steps`, which must outlive the query.
    ContactQuery(Store& store, const Clock& clock, DueStepSource& steps);
    ~ContactQuery();
    ContactQuery(const ContactQuery&) = delete;
    ContactQuery& operator=(const ContactQuery&) = delete;

    /// What a keystroke in the search box needs: the first `limit` rows and the total. One
    /// scan of the list when the matches are fewer than a page, two short ones otherwise.
    ContactPage search(const ContactFilter& filter, ContactOrder order, std::size_t limit);
    /// How many contacts pass the filter.
    std::int64_t count(const ContactFilter& filter);
    /// Rows [offset, offset + limit) of the filtered list in `order`.
    std::vector<ContactRow> page(const ContactFilter& filter, ContactOrder order,
                                 std::size_t offset, std::size_t limit);
    /// Every contact that passes the filter, in `order`: a model may hold these and fetch
    /// rows() as the view scrolls.
    std::vector<Id> ids(const ContactFilter& filter, ContactOrder order);
    /// The rows of these contacts, in the order given; ids that no longer exist are left out.
    std::vector<ContactRow> rows(const std::vector<Id>& ids);

    /// A contact's interactions, newest first (by time, then id).
    std::vector<Interaction> timeline(Id contactId, std::size_t offset = 0,
                                      std::size_t limit = 1'000'000);
    std::int64_t timelineCount(Id contactId);

    /// Every tag in use, sorted; for a filter's choices.
    std::vector<std::string> tags();

    /// The clock's day in the workspace's zone.
    Date today();

private:
    struct Bindings;
    std::vector<Id> ids(const ContactFilter& filter, ContactOrder order, std::size_t offset,
                        std::size_t limit);
    // The path for an order or a filter that the follow-up rules decide (next due, losing
    // touch): SQL narrows, the rules decide, pages are cut from the result.
    std::vector<Id> computed(const ContactFilter& filter, ContactOrder order);

    Store& m_store;
    const Clock& m_clock;
    std::unique_ptr<DueStepSource> m_ownSteps;
    DueStepSource& m_steps;
};

}  // namespace rapport::core
