#include "core/validation.h"

#include <algorithm>
#include <set>
#include <utility>

#include "core/errors.h"
#include "core/timeutil.h"

namespace rapport::core {
namespace {

bool isBlank(std::string_view s) {
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

// An address of the form local@domain: one "@" with something on both sides, and no spaces or
// control characters. Deliberately loose beyond that ("maya@localhost" is fine): records saved
// before this rule must still update and restore, and the address book is not the place to
// enforce RFC 5322.
bool isEmailAddress(std::string_view s) {
    const auto at = s.find('@');
    if (at == std::string_view::npos || at == 0 || at + 1 == s.size() ||
        s.find('@', at + 1) != std::string_view::npos) {
        return false;
    }
    return std::none_of(s.begin(), s.end(),
                        [](char c) { return static_cast<unsigned char>(c) <= ' ' || c == 0x7f; });
}

// Collects the checks of one record so each reads as a line of rules.
class Checker {
public:
    Checker(Entity entity, Id id) : m_record(recordLabel(entity, id)) {}

    [[noreturn]] void fail(const std::string& field, const std::string& problem) const {
        throw ValidationError(m_record, field, problem);
    }
    void notBlank(const std::string& field, std::string_view value) const {
        if (isBlank(value)) {
            fail(field, "must not be empty");
        }
    }
    void positive(const std::string& field, std::optional<int> value) const {
        if (value && *value <= 0) {
            fail(field, "must be greater than 0 (it is " + std::to_string(*value) + ")");
        }
    }
    void count(const std::string& field, int value) const {
        if (value < 0) {
            fail(field, "must be 0 or more (it is " + std::to_string(value) + ")");
        }
    }
    void date(const std::string& field, Date value) const {
        if (!value.ok()) {
            fail(field, "must be a date that exists");
        }
    }
    void date(const std::string& field, const std::optional<Date>& value) const {
        if (value) {
            date(field, *value);
        }
    }
    void link(const std::string& field, std::string_view value) const {
        if (!value.empty() && !isHttpLink(value)) {
            fail(field, "must be a web link starting with http:// or https:// (it is \"" +
                            std::string{value} + "\")");
        }
    }
    void timeOfDay(const std::string& field, TimeOfDay t) const {
        if (t.count() < 0 || t.count() >= 24 * 60) {
            fail(field, "must be a time between 00:00 and 23:59");
        }
    }

private:
    std::string m_record;
};

void addIf(std::vector<Reference>& refs, std::string field, Entity target,
           const std::optional<Id>& id) {
    if (id) {
        refs.push_back({std::move(field), target, *id});
    }
}

void addAll(std::vector<Reference>& refs, const std::string& field, Entity target,
            const std::vector<Id>& ids) {
    for (std::size_t i = 0; i < ids.size(); ++i) {
        refs.push_back({field + "[" + std::to_string(i) + "]", target, ids[i]});
    }
}

template <class T>
void noDuplicates(const Checker& check, const std::string& field, const std::vector<T>& values) {
    std::set<T> seen;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!seen.insert(values[i]).second) {
            check.fail(field + "[" + std::to_string(i) + "]", "repeats an earlier entry");
        }
    }
}

}  // namespace

std::string_view entityName(Entity entity) {
    switch (entity) {
        case Entity::Channel:
            return "channel";
        case Entity::Niche:
            return "niche";
        case Entity::Goal:
            return "goal";
        case Entity::Campaign:
            return "campaign";
        case Entity::Series:
            return "series";
        case Entity::Post:
            return "post";
        case Entity::Contact:
            return "contact";
        case Entity::Interaction:
            return "interaction";
        case Entity::Sequence:
            return "sequence";
        case Entity::Enrollment:
            return "enrollment";
        case Entity::TopicIdea:
            return "topic idea";
        case Entity::Workspace:
            return "workspace";
    }
    return "record";
}

std::string recordLabel(Entity entity, Id id) {
    if (id == 0) {
        return "new " + std::string{entityName(entity)};
    }
    return std::string{entityName(entity)} + " " + std::to_string(id);
}

bool isHttpLink(std::string_view link) {
    std::string_view rest;
    if (link.starts_with("https://")) {
        rest = link.substr(8);
    } else if (link.starts_with("http://")) {
        rest = link.substr(7);
    } else {
        return false;
    }
    if (rest.empty() || rest.front() == '/') {
        return false;
    }
    return std::none_of(rest.begin(), rest.end(),
                        [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f; });
}

void validate(const Channel& r) {
    const Checker check{Entity::Channel, r.id};
    check.notBlank("name", r.name);
    check.positive("charLimit", r.charLimit);
    check.positive("dailyCap", r.dailyCap);
    for (std::size_t i = 0; i < r.preferredTimes.size(); ++i) {
        check.timeOfDay("preferredTimes[" + std::to_string(i) + "]", r.preferredTimes[i]);
    }
    noDuplicates(check, "preferredTimes", r.preferredTimes);
}

void validate(const Niche& r) {
    const Checker check{Entity::Niche, r.id};
    check.notBlank("name", r.name);
    check.notBlank("topic", r.topic);
    noDuplicates(check, "gatherChannels", r.gatherChannelIds);
}

void validate(const Goal& r) {
    const Checker check{Entity::Goal, r.id};
    check.notBlank("title", r.title);
    check.date("startDate", r.startDate);
    check.date("deadline", r.deadline);
    if (date::sys_days{r.deadline} <= date::sys_days{r.startDate}) {
        check.fail("deadline", "must be after the start date (" + formatDate(r.startDate) +
                                   "; it is " + formatDate(r.deadline) + ")");
    }
    if (r.target == r.baseline) {
        check.fail("target", "must differ from the baseline, or there is nothing to reach");
    }
}

void validate(const Campaign& r) {
    const Checker check{Entity::Campaign, r.id};
    check.notBlank("name", r.name);
    check.date("startDate", r.startDate);
    check.date("endDate", r.endDate);
    if (r.startDate && r.endDate && date::sys_days{*r.endDate} < date::sys_days{*r.startDate}) {
        check.fail("endDate",
                   "must not be before the start date (" + formatDate(*r.startDate) + ")");
    }
    check.count("mix.earnFirst", r.mix.earnFirst);
    check.positive("mix.ratioWindow", r.mix.ratioWindow);
    check.count("mix.ratioMaxPromo", r.mix.ratioMaxPromo);
    if (r.mix.ratioMaxPromo > r.mix.ratioWindow) {
        check.fail("mix.ratioMaxPromo",
                   "must not exceed the window of " + std::to_string(r.mix.ratioWindow) + " posts");
    }
    noDuplicates(check, "goals", r.goalIds);
    noDuplicates(check, "niches", r.nicheIds);
    std::vector<Id> channels;
    for (std::size_t i = 0; i < r.cadence.size(); ++i) {
        check.positive("cadence[" + std::to_string(i) + "].postsPerWeek",
                       r.cadence[i].postsPerWeek);
        channels.push_back(r.cadence[i].channelId);
    }
    noDuplicates(check, "cadence", channels);
}

void validate(const Series& r) {
    const Checker check{Entity::Series, r.id};
    if (r.weekdays > 127) {
        check.fail("weekdays", "holds an unknown weekday");
    }
    if (r.frequency == Frequency::Weekly && r.weekdays == 0) {
        check.fail("weekdays", "must name at least one weekday for a weekly series");
    }
    check.positive("intervalDays", r.intervalDays);
    if (r.monthDay < 1 || r.monthDay > 31) {
        check.fail("monthDay", "must be a day of the month from 1 to 31");
    }
    check.timeOfDay("time", r.time);
    check.date("startDate", r.startDate);
    check.date("endDate", r.endDate);
    if (r.endDate && date::sys_days{*r.endDate} < date::sys_days{r.startDate}) {
        check.fail("endDate",
                   "must not be before the start date (" + formatDate(r.startDate) + ")");
    }
    check.positive("count", r.count);
}

void validate(const Post& r) {
    const Checker check{Entity::Post, r.id};
    check.notBlank("title", r.title);
    if (r.channelId == 0) {
        check.fail("channel", "must be chosen");
    }
    if (!r.scheduledAt && r.status != PostStatus::Idea && r.status != PostStatus::Draft) {
        check.fail("scheduledAt", "must be set for a " + std::string{toString(r.status)} + " post");
    }
    check.link("link", r.link);
    check.count("results.comments", r.results.comments);
    check.count("results.replies", r.results.replies);
    check.count("results.shares", r.results.shares);
    check.count("results.clicks", r.results.clicks);
    check.count("results.conversions", r.results.conversions);
    check.date("occurrenceDate", r.occurrenceDate);
    if (r.occurrenceDate && !r.seriesId) {
        check.fail("occurrenceDate", "only applies to a post of a series");
    }
}

void validate(const Contact& r) {
    const Checker check{Entity::Contact, r.id};
    check.notBlank("displayName", r.displayName);
    if (!r.email.empty() && !isEmailAddress(r.email)) {
        check.fail("email", "is not an email address (\"" + r.email + "\")");
    }
    check.positive("cadence", r.cadenceDays);
    if (r.cadenceNever && r.cadenceDays) {
        check.fail("cadence",
                   "cannot be both never and every " + std::to_string(*r.cadenceDays) + " days");
    }
    check.date("nextFollowUp", r.nextFollowUp);
    check.date("snoozedUntil", r.snoozedUntil);
    check.date("createdOn", r.createdOn);
    std::vector<ChannelKind> kinds;
    for (const auto& h : r.handles) {
        check.notBlank("handles." + std::string{toString(h.kind)}, h.handle);
        kinds.push_back(h.kind);
    }
    noDuplicates(check, "handles", kinds);
    for (std::size_t i = 0; i < r.tags.size(); ++i) {
        check.notBlank("tags[" + std::to_string(i) + "]", r.tags[i]);
    }
    noDuplicates(check, "tags", r.tags);
}

void validate(const Interaction& r) {
    const Checker check{Entity::Interaction, r.id};
    if (r.contactId == 0) {
        check.fail("contact", "must be chosen");
    }
}

void validate(const Sequence& r) {
    const Checker check{Entity::Sequence, r.id};
    check.notBlank("name", r.name);
    check.link("assetLink", r.assetLink);
    check.count("minInbound", r.minInbound);
    std::set<std::pair<int, int>> places;
    bool phase1 = false;
    bool phase2 = false;
    for (std::size_t i = 0; i < r.steps.size(); ++i) {
        const auto& s = r.steps[i];
        const std::string at = "steps[" + std::to_string(i) + "]";
        if (s.phase != 1 && s.phase != 2) {
            check.fail(at + ".phase",
                       "must be 1 (build the relationship) or 2 (share what you "
                       "have)");
        }
        check.count(at + ".position", s.position);
        check.notBlank(at + ".action", s.action);
        check.count(at + ".delayDays", s.delayDays);
        if (!places.insert({s.phase, s.position}).second) {
            check.fail(at + ".position",
                       "repeats the position of another step in phase " + std::to_string(s.phase));
        }
        (s.phase == 1 ? phase1 : phase2) = true;
    }
    if (!phase1) {
        check.fail("steps", "need at least one phase-1 step: the relationship comes first");
    }
    if (!phase2) {
        check.fail("steps", "need at least one phase-2 step: what you share once it is earned");
    }
}

void validate(const Enrollment& r) {
    const Checker check{Entity::Enrollment, r.id};
    if (r.contactId == 0) {
        check.fail("contact", "must be chosen");
    }
    if (r.sequenceId == 0) {
        check.fail("sequence", "must be chosen");
    }
    check.date("enrolledOn", r.enrolledOn);
    check.date("nextDue", r.nextDue);
    std::vector<Id> steps;
    for (std::size_t i = 0; i < r.stepsDone.size(); ++i) {
        check.date("stepsDone[" + std::to_string(i) + "].on", r.stepsDone[i].on);
        steps.push_back(r.stepsDone[i].stepId);
    }
    noDuplicates(check, "stepsDone", steps);
}

void validate(const TopicIdea& r) {
    const Checker check{Entity::TopicIdea, r.id};
    check.notBlank("title", r.title);
    noDuplicates(check, "askedBy", r.askedBy);
}

std::vector<Reference> references(const Channel&) {
    return {};
}

std::vector<Reference> references(const Niche& r) {
    std::vector<Reference> refs;
    addAll(refs, "gatherChannels", Entity::Channel, r.gatherChannelIds);
    return refs;
}

std::vector<Reference> references(const Goal& r) {
    std::vector<Reference> refs;
    addIf(refs, "niche", Entity::Niche, r.nicheId);
    return refs;
}

std::vector<Reference> references(const Campaign& r) {
    std::vector<Reference> refs;
    addAll(refs, "goals", Entity::Goal, r.goalIds);
    addAll(refs, "niches", Entity::Niche, r.nicheIds);
    for (std::size_t i = 0; i < r.cadence.size(); ++i) {
        refs.push_back({"cadence[" + std::to_string(i) + "].channel", Entity::Channel,
                        r.cadence[i].channelId});
    }
    return refs;
}

std::vector<Reference> references(const Series&) {
    return {};
}

std::vector<Reference> references(const Post& r) {
    std::vector<Reference> refs{{"channel", Entity::Channel, r.channelId}};
    addIf(refs, "campaign", Entity::Campaign, r.campaignId);
    addIf(refs, "niche", Entity::Niche, r.nicheId);
    addIf(refs, "goal", Entity::Goal, r.goalId);
    addIf(refs, "series", Entity::Series, r.seriesId);
    addIf(refs, "topicIdea", Entity::TopicIdea, r.topicIdeaId);
    return refs;
}

std::vector<Reference> references(const Contact& r) {
    std::vector<Reference> refs;
    addIf(refs, "niche", Entity::Niche, r.nicheId);
    return refs;
}

std::vector<Reference> references(const Interaction& r) {
    std::vector<Reference> refs{{"contact", Entity::Contact, r.contactId}};
    addIf(refs, "channel", Entity::Channel, r.channelId);
    addIf(refs, "post", Entity::Post, r.postId);
    return refs;
}

std::vector<Reference> references(const Sequence& r) {
    std::vector<Reference> refs;
    addIf(refs, "niche", Entity::Niche, r.nicheId);
    for (std::size_t i = 0; i < r.steps.size(); ++i) {
        addIf(refs, "steps[" + std::to_string(i) + "].channel", Entity::Channel,
              r.steps[i].channelId);
    }
    return refs;
}

std::vector<Reference> references(const Enrollment& r) {
    return {{"contact", Entity::Contact, r.contactId},
            {"sequence", Entity::Sequence, r.sequenceId}};
}

std::vector<Reference> references(const TopicIdea& r) {
    std::vector<Reference> refs;
    addIf(refs, "niche", Entity::Niche, r.nicheId);
    addAll(refs, "askedBy", Entity::Interaction, r.askedBy);
    return refs;
}

}  // namespace rapport::core
