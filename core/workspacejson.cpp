#include "core/workspacejson.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/checkconstraintsoff.h"
#include "core/errors.h"
#include "core/store.h"
#include "core/tables.h"
#include "core/timeutil.h"
#include "core/validation.h"

namespace rapport::core {

std::size_t WorkspaceData::recordCount() const {
    return channels.size() + niches.size() + goals.size() + campaigns.size() + series.size() +
           posts.size() + contacts.size() + interactions.size() + sequences.size() +
           enrollments.size() + topicIdeas.size();
}

namespace workspacejson {

using Json = nlohmann::json;

namespace {

constexpr std::array<std::string_view, 7> kWeekdays = {"mon", "tue", "wed", "thu",
                                                       "fri", "sat", "sun"};

// ---- writing ----------------------------------------------------------------------------------

Json optId(const std::optional<Id>& id) {
    return id ? Json(*id) : Json(nullptr);
}

Json optDate(const std::optional<Date>& d) {
    return d ? Json(formatDate(*d)) : Json(nullptr);
}

Json optInt(const std::optional<int>& v) {
    return v ? Json(*v) : Json(nullptr);
}

Json toJson(const Channel& c) {
    Json times = Json::array();
    for (const auto t : c.preferredTimes) {
        times.push_back(formatTimeOfDay(t));
    }
    return {{"id", c.id},
            {"name", c.name},
            {"kind", toString(c.kind)},
            {"handle", c.handle},
            {"charLimit", optInt(c.charLimit)},
            {"dailyCap", optInt(c.dailyCap)},
            {"preferredTimes", times}};
}

Json toJson(const Niche& n) {
    return {{"id", n.id},
            {"name", n.name},
            {"topic", n.topic},
            {"whoTheyAre", n.whoTheyAre},
            {"questions", n.questions},
            {"whereTheyGather", n.whereTheyGather},
            {"gatherChannels", n.gatherChannelIds},
            {"unique", n.unique},
            {"provides", n.provides},
            {"draw", n.draw}};
}

Json toJson(const Goal& g) {
    return {{"id", g.id},
            {"title", g.title},
            {"why", g.why},
            {"metric", toString(g.metric)},
            {"baseline", g.baseline},
            {"target", g.target},
            {"startDate", formatDate(g.startDate)},
            {"deadline", formatDate(g.deadline)},
            {"niche", optId(g.nicheId)},
            {"status", toString(g.status)},
            {"manualValue", g.manualValue ? Json(*g.manualValue) : Json(nullptr)}};
}

Json toJson(const Campaign& c) {
    Json cadence = Json::array();
    for (const auto& cad : c.cadence) {
        cadence.push_back({{"channel", cad.channelId}, {"postsPerWeek", cad.postsPerWeek}});
    }
    return {{"id", c.id},
            {"name", c.name},
            {"goals", c.goalIds},
            {"niches", c.nicheIds},
            {"startDate", optDate(c.startDate)},
            {"endDate", optDate(c.endDate)},
            {"mix",
             {{"preset", toString(c.mix.preset)},
              {"earnFirst", c.mix.earnFirst},
              {"ratioWindow", c.mix.ratioWindow},
              {"ratioMaxPromo", c.mix.ratioMaxPromo}}},
            {"status", toString(c.status)},
            {"cadence", cadence}};
}

Json toJson(const Series& s) {
    Json days = Json::array();
    for (std::size_t i = 0; i < kWeekdays.size(); ++i) {
        if (s.weekdays & (1u << i)) {
            days.push_back(kWeekdays[i]);
        }
    }
    return {{"id", s.id},
            {"frequency", toString(s.frequency)},
            {"weekdays", days},
            {"intervalDays", s.intervalDays},
            {"monthDay", s.monthDay},
            {"time", formatTimeOfDay(s.time)},
            {"startDate", formatDate(s.startDate)},
            {"endDate", optDate(s.endDate)},
            {"count", optInt(s.count)}};
}

Json toJson(const Post& p) {
    return {{"id", p.id},
            {"title", p.title},
            {"body", p.body},
            {"channel", p.channelId},
            {"purpose", toString(p.purpose)},
            {"status", toString(p.status)},
            {"scheduledAt", p.scheduledAt ? Json(formatInstant(*p.scheduledAt)) : Json(nullptr)},
            {"campaign", optId(p.campaignId)},
            {"niche", optId(p.nicheId)},
            {"goal", optId(p.goalId)},
            {"link", p.link},
            {"results",
             {{"comments", p.results.comments},
              {"replies", p.results.replies},
              {"shares", p.results.shares},
              {"clicks", p.results.clicks},
              {"conversions", p.results.conversions}}},
            {"series", optId(p.seriesId)},
            {"occurrenceDate", optDate(p.occurrenceDate)},
            {"topicIdea", optId(p.topicIdeaId)}};
}

Json toJson(const Contact& c) {
    Json handles = Json::object();
    for (const auto& h : c.handles) {
        handles[std::string{toString(h.kind)}] = h.handle;
    }
    Json cadence = nullptr;
    if (c.cadenceNever) {
        cadence = "never";
    } else if (c.cadenceDays) {
        cadence = *c.cadenceDays;
    }
    std::vector<std::string> tags = c.tags;
    std::sort(tags.begin(), tags.end());
    return {{"id", c.id},
            {"displayName", c.displayName},
            {"handles", handles},
            {"email", c.email},
            {"company", c.company},
            {"role", c.role},
            {"niche", optId(c.nicheId)},
            {"stage", toString(c.stage)},
            {"cadence", cadence},
            {"nextFollowUp", optDate(c.nextFollowUp)},
            {"snoozedUntil", optDate(c.snoozedUntil)},
            {"tags", tags},
            {"notes", c.notes},
            {"createdOn", formatDate(c.createdOn)},
            {"source", toString(c.source)},
            {"uid", c.uid}};
}

Json toJson(const Interaction& i) {
    return {{"id", i.id},
            {"contact", i.contactId},
            {"at", formatInstant(i.at)},
            {"kind", toString(i.kind)},
            {"direction", toString(i.direction)},
            {"channel", optId(i.channelId)},
            {"post", optId(i.postId)},
            {"note", i.note}};
}

Json toJson(const Sequence& q) {
    Json steps = Json::array();
    for (const auto& s : q.steps) {
        steps.push_back({{"id", s.id},
                         {"phase", s.phase},
                         {"position", s.position},
                         {"action", s.action},
                         {"kind", toString(s.kind)},
                         {"channel", optId(s.channelId)},
                         {"delayDays", s.delayDays}});
    }
    return {{"id", q.id},
            {"name", q.name},
            {"niche", optId(q.nicheId)},
            {"description", q.description},
            {"assetTitle", q.assetTitle},
            {"assetLink", q.assetLink},
            {"minInbound", q.minInbound},
            {"steps", steps}};
}

Json toJson(const Enrollment& e) {
    Json done = Json::array();
    for (const auto& d : e.stepsDone) {
        done.push_back({{"step", d.stepId}, {"on", formatDate(d.on)}, {"skipped", d.skipped}});
    }
    return {{"id", e.id},
            {"contact", e.contactId},
            {"sequence", e.sequenceId},
            {"enrolledOn", formatDate(e.enrolledOn)},
            {"state", toString(e.state)},
            {"currentStep", optId(e.currentStepId)},
            {"nextDue", optDate(e.nextDue)},
            {"stepsDone", done},
            {"gateOverrideReason", e.gateOverrideReason},
            {"exitReason", e.exitReason}};
}

Json toJson(const TopicIdea& t) {
    return {{"id", t.id},           {"title", t.title},
            {"notes", t.notes},     {"niche", optId(t.nicheId)},
            {"askedBy", t.askedBy}, {"status", toString(t.status)}};
}

Json toJson(const StageChange& c) {
    return {{"contact", c.contactId}, {"on", formatDate(c.on)}, {"stage", toString(c.stage)}};
}

template <class T>
Json arrayOf(const std::vector<T>& records) {
    Json out = Json::array();
    for (const auto& r : records) {
        out.push_back(toJson(r));
    }
    return out;
}

// ---- reading ----------------------------------------------------------------------------------

std::string typeName(const Json& v) {
    switch (v.type()) {
        case Json::value_t::null:
            return "null";
        case Json::value_t::boolean:
            return "a boolean";
        case Json::value_t::string:
            return "text";
        case Json::value_t::array:
            return "an array";
        case Json::value_t::object:
            return "an object";
        case Json::value_t::number_float:
            return "a decimal number";
        default:
            return "a number";
    }
}

// Reads one JSON object, tracking its path, and refuses keys it was never asked about.
class Obj {
public:
    Obj(const std::string& source, const Json& value, std::string path)
        : m_source(source), m_value(value), m_path(std::move(path)) {
        if (!m_value.is_object()) {
            fail("", "must be an object, not " + typeName(m_value));
        }
    }

    [[noreturn]] void fail(const std::string& key, const std::string& problem) const {
        throw ImportError(m_source, key.empty() ? m_path : m_path + "." + key, problem);
    }
    const std::string& path() const { return m_path; }
    const std::string& source() const { return m_source; }

    const Json* get(const std::string& key) {
        m_seen.insert(key);
        const auto it = m_value.find(key);
        return it == m_value.end() ? nullptr : &*it;
    }
    const Json& need(const std::string& key) {
        const Json* v = get(key);
        if (!v || v->is_null()) {
            fail(key, "is missing");
        }
        return *v;
    }
    // An optional value: absent and null both mean "none".
    const Json* maybe(const std::string& key) {
        const Json* v = get(key);
        return (v && !v->is_null()) ? v : nullptr;
    }

    std::string text(const std::string& key) { return asText(key, need(key)); }
    std::string optText(const std::string& key) {
        const Json* v = maybe(key);
        return v ? asText(key, *v) : std::string{};
    }
    std::int64_t integer(const std::string& key) { return asInteger(key, need(key)); }
    int count(const std::string& key) {
        const auto v = asInteger(key, need(key));
        if (v < 0) {
            fail(key, "must be 0 or more, not " + std::to_string(v));
        }
        return toInt(key, v);
    }
    int positive(const std::string& key) {
        const auto v = asInteger(key, need(key));
        if (v <= 0) {
            fail(key, "must be greater than 0, not " + std::to_string(v));
        }
        return toInt(key, v);
    }
    std::optional<int> optPositive(const std::string& key) {
        return maybe(key) ? std::optional<int>{positive(key)} : std::nullopt;
    }
    double number(const std::string& key) {
        const Json& v = need(key);
        if (!v.is_number()) {
            fail(key, "must be a number, not " + typeName(v));
        }
        return v.get<double>();
    }
    Id id() {
        const auto v = asInteger("id", need("id"));
        if (v <= 0) {
            fail("id", "must be a positive integer, not " + std::to_string(v));
        }
        return v;
    }
    Id ref(const std::string& key) { return asRef(key, need(key)); }
    std::optional<Id> optRef(const std::string& key) {
        const Json* v = maybe(key);
        return v ? std::optional<Id>{asRef(key, *v)} : std::nullopt;
    }
    std::vector<Id> refs(const std::string& key) {
        std::vector<Id> out;
        const Json* v = maybe(key);
        if (!v) {
            return out;
        }
        if (!v->is_array()) {
            fail(key, "must be an array of ids, not " + typeName(*v));
        }
        for (std::size_t i = 0; i < v->size(); ++i) {
            out.push_back(asRef(key + "[" + std::to_string(i) + "]", (*v)[i]));
        }
        return out;
    }
    Date date(const std::string& key) { return asDate(key, need(key)); }
    std::optional<Date> optDate(const std::string& key) {
        const Json* v = maybe(key);
        return v ? std::optional<Date>{asDate(key, *v)} : std::nullopt;
    }
    std::optional<Instant> optInstant(const std::string& key) {
        const Json* v = maybe(key);
        return v ? std::optional<Instant>{asInstant(key, *v)} : std::nullopt;
    }
    Instant instant(const std::string& key) { return asInstant(key, need(key)); }
    TimeOfDay timeOfDay(const std::string& key, const Json& v) {
        const auto t = parseTimeOfDay(asText(key, v));
        if (!t) {
            fail(key, "must be a time of day as HH:MM (00:00 to 23:59), not \"" +
                          v.get<std::string>() + "\"");
        }
        return *t;
    }
    template <class E>
    E enumeration(const std::string& key) {
        const std::string name = text(key);
        const auto value = parseEnum<E>(name);
        if (!value) {
            fail(key,
                 "has the unknown value \"" + name + "\" (expected " + allowedNames<E>() + ")");
        }
        return *value;
    }
    std::string link(const std::string& key) {
        std::string value = optText(key);
        if (!value.empty() && !isHttpLink(value)) {
            fail(key,
                 "must be a web link starting with http:// or https://, not \"" + value + "\"");
        }
        return value;
    }
    const Json* array(const std::string& key) {
        const Json* v = maybe(key);
        if (v && !v->is_array()) {
            fail(key, "must be an array, not " + typeName(*v));
        }
        return v;
    }
    Obj child(const std::string& key) { return Obj{m_source, need(key), m_path + "." + key}; }

    /// Every key of the object must have been read: a typo is an error, not silently lost.
    void finish() const {
        for (const auto& [key, value] : m_value.items()) {
            if (!m_seen.count(key)) {
                fail(key, "is not a field of this record (a typo?)");
            }
        }
    }

private:
    std::string asText(const std::string& key, const Json& v) const {
        if (!v.is_string()) {
            fail(key, "must be text, not " + typeName(v));
        }
        return v.get<std::string>();
    }
    std::int64_t asInteger(const std::string& key, const Json& v) const {
        if (v.is_number_integer()) {
            return v.get<std::int64_t>();
        }
        if (v.is_number_float()) {
            const double d = v.get<double>();
            if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.0e15) {
                return static_cast<std::int64_t>(d);
            }
        }
        fail(key, "must be a whole number, not " + typeName(v));
    }
    int toInt(const std::string& key, std::int64_t v) const {
        if (v > 1'000'000'000 || v < -1'000'000'000) {
            fail(key, "is too large (" + std::to_string(v) + ")");
        }
        return static_cast<int>(v);
    }
    Id asRef(const std::string& key, const Json& v) const {
        const auto id = asInteger(key, v);
        if (id <= 0) {
            fail(key, "must be the id of a record (a positive integer), not " + std::to_string(id));
        }
        return id;
    }
    Date asDate(const std::string& key, const Json& v) const {
        const std::string t = asText(key, v);
        const auto d = parseDate(t);
        if (!d) {
            fail(key, "must be a date that exists, as YYYY-MM-DD, not \"" + t + "\"");
        }
        return *d;
    }
    Instant asInstant(const std::string& key, const Json& v) const {
        const std::string t = asText(key, v);
        const auto at = parseInstant(t);
        if (!at) {
            fail(key, "must be an instant like 2026-03-01T09:00:00Z, not \"" + t + "\"");
        }
        return *at;
    }

    const std::string& m_source;
    const Json& m_value;
    std::string m_path;
    std::set<std::string> m_seen;
};

// Runs the domain's own record rules and reports them at the record's JSON path.
template <class T>
void validateAt(const Obj& o, const T& record) {
    try {
        validate(record);
    } catch (const ValidationError& e) {
        throw ImportError(o.source(), o.path() + "." + e.field(), e.problem());
    }
}

Channel readChannel(Obj& o) {
    Channel c;
    c.id = o.id();
    c.name = o.text("name");
    c.kind = o.enumeration<ChannelKind>("kind");
    c.handle = o.optText("handle");
    c.charLimit = o.optPositive("charLimit");
    c.dailyCap = o.optPositive("dailyCap");
    if (const Json* times = o.array("preferredTimes")) {
        for (std::size_t i = 0; i < times->size(); ++i) {
            c.preferredTimes.push_back(
                o.timeOfDay("preferredTimes[" + std::to_string(i) + "]", (*times)[i]));
        }
    }
    return c;
}

Niche readNiche(Obj& o) {
    Niche n;
    n.id = o.id();
    n.name = o.text("name");
    n.topic = o.text("topic");
    n.whoTheyAre = o.optText("whoTheyAre");
    n.questions = o.optText("questions");
    n.whereTheyGather = o.optText("whereTheyGather");
    n.gatherChannelIds = o.refs("gatherChannels");
    n.unique = o.optText("unique");
    n.provides = o.optText("provides");
    n.draw = o.optText("draw");
    return n;
}

Goal readGoal(Obj& o) {
    Goal g;
    g.id = o.id();
    g.title = o.text("title");
    g.why = o.optText("why");
    g.metric = o.enumeration<MetricKind>("metric");
    g.baseline = o.number("baseline");
    g.target = o.number("target");
    g.startDate = o.date("startDate");
    g.deadline = o.date("deadline");
    g.nicheId = o.optRef("niche");
    g.status = o.enumeration<GoalStatus>("status");
    if (o.maybe("manualValue")) {
        g.manualValue = o.number("manualValue");
    }
    return g;
}

Campaign readCampaign(Obj& o) {
    Campaign c;
    c.id = o.id();
    c.name = o.text("name");
    c.goalIds = o.refs("goals");
    c.nicheIds = o.refs("niches");
    c.startDate = o.optDate("startDate");
    c.endDate = o.optDate("endDate");
    Obj mix = o.child("mix");
    c.mix.preset = mix.enumeration<MixPreset>("preset");
    c.mix.earnFirst = mix.count("earnFirst");
    c.mix.ratioWindow = mix.positive("ratioWindow");
    c.mix.ratioMaxPromo = mix.count("ratioMaxPromo");
    mix.finish();
    c.status = o.enumeration<CampaignStatus>("status");
    if (const Json* cadence = o.array("cadence")) {
        for (std::size_t i = 0; i < cadence->size(); ++i) {
            Obj cad{o.source(), (*cadence)[i], o.path() + ".cadence[" + std::to_string(i) + "]"};
            c.cadence.push_back({cad.ref("channel"), cad.positive("postsPerWeek")});
            cad.finish();
        }
    }
    return c;
}

Series readSeries(Obj& o) {
    Series s;
    s.id = o.id();
    s.frequency = o.enumeration<Frequency>("frequency");
    if (const Json* days = o.array("weekdays")) {
        for (std::size_t i = 0; i < days->size(); ++i) {
            const auto& d = (*days)[i];
            const auto it =
                d.is_string() ? std::find(kWeekdays.begin(), kWeekdays.end(), d.get<std::string>())
                              : kWeekdays.end();
            if (it == kWeekdays.end()) {
                o.fail("weekdays[" + std::to_string(i) + "]",
                       "must be one of mon, tue, wed, thu, fri, sat or sun");
            }
            s.weekdays |= 1u << (it - kWeekdays.begin());
        }
    }
    s.intervalDays = o.positive("intervalDays");
    s.monthDay = o.positive("monthDay");
    s.time = o.timeOfDay("time", o.need("time"));
    s.startDate = o.date("startDate");
    s.endDate = o.optDate("endDate");
    s.count = o.optPositive("count");
    return s;
}

Post readPost(Obj& o) {
    Post p;
    p.id = o.id();
    p.title = o.text("title");
    p.body = o.optText("body");
    p.channelId = o.ref("channel");
    p.purpose = o.enumeration<Purpose>("purpose");
    p.status = o.enumeration<PostStatus>("status");
    p.scheduledAt = o.optInstant("scheduledAt");
    p.campaignId = o.optRef("campaign");
    p.nicheId = o.optRef("niche");
    p.goalId = o.optRef("goal");
    p.link = o.link("link");
    if (o.maybe("results")) {
        Obj r = o.child("results");
        p.results = {r.count("comments"), r.count("replies"), r.count("shares"), r.count("clicks"),
                     r.count("conversions")};
        r.finish();
    }
    p.seriesId = o.optRef("series");
    p.occurrenceDate = o.optDate("occurrenceDate");
    p.topicIdeaId = o.optRef("topicIdea");
    return p;
}

Contact readContact(Obj& o) {
    Contact c;
    c.id = o.id();
    c.displayName = o.text("displayName");
    if (const Json* handles = o.maybe("handles")) {
        if (!handles->is_object()) {
            o.fail("handles", "must be an object of channel kind to handle");
        }
        for (const auto& [kind, handle] : handles->items()) {
            const auto k = parseEnum<ChannelKind>(kind);
            if (!k) {
                o.fail("handles." + kind,
                       "is not a channel kind (expected " + allowedNames<ChannelKind>() + ")");
            }
            if (!handle.is_string()) {
                o.fail("handles." + kind, "must be text, not " + typeName(handle));
            }
            c.handles.push_back({*k, handle.get<std::string>()});
        }
    }
    c.email = o.optText("email");
    c.company = o.optText("company");
    c.role = o.optText("role");
    c.nicheId = o.optRef("niche");
    c.stage = o.enumeration<Stage>("stage");
    if (const Json* cadence = o.maybe("cadence")) {
        if (cadence->is_string() && cadence->get<std::string>() == "never") {
            c.cadenceNever = true;
        } else {
            c.cadenceDays = o.positive("cadence");
        }
    }
    c.nextFollowUp = o.optDate("nextFollowUp");
    c.snoozedUntil = o.optDate("snoozedUntil");
    if (const Json* tags = o.array("tags")) {
        for (std::size_t i = 0; i < tags->size(); ++i) {
            if (!(*tags)[i].is_string()) {
                o.fail("tags[" + std::to_string(i) + "]", "must be text");
            }
            c.tags.push_back((*tags)[i].get<std::string>());
        }
    }
    c.notes = o.optText("notes");
    c.createdOn = o.date("createdOn");
    c.source = o.enumeration<ContactSource>("source");
    c.uid = o.optText("uid");
    return c;
}

Interaction readInteraction(Obj& o) {
    Interaction i;
    i.id = o.id();
    i.contactId = o.ref("contact");
    i.at = o.instant("at");
    i.kind = o.enumeration<InteractionKind>("kind");
    i.direction = o.enumeration<Direction>("direction");
    i.channelId = o.optRef("channel");
    i.postId = o.optRef("post");
    i.note = o.optText("note");
    return i;
}

Sequence readSequence(Obj& o) {
    Sequence q;
    q.id = o.id();
    q.name = o.text("name");
    q.nicheId = o.optRef("niche");
    q.description = o.optText("description");
    q.assetTitle = o.optText("assetTitle");
    q.assetLink = o.link("assetLink");
    q.minInbound = o.count("minInbound");
    const Json* steps = o.array("steps");
    for (std::size_t i = 0; steps && i < steps->size(); ++i) {
        Obj s{o.source(), (*steps)[i], o.path() + ".steps[" + std::to_string(i) + "]"};
        SequenceStep step;
        step.id = s.id();
        step.phase = static_cast<int>(s.integer("phase"));
        step.position = s.count("position");
        step.action = s.text("action");
        step.kind = s.enumeration<InteractionKind>("kind");
        step.channelId = s.optRef("channel");
        step.delayDays = s.count("delayDays");
        s.finish();
        q.steps.push_back(std::move(step));
    }
    return q;
}

Enrollment readEnrollment(Obj& o) {
    Enrollment e;
    e.id = o.id();
    e.contactId = o.ref("contact");
    e.sequenceId = o.ref("sequence");
    e.enrolledOn = o.date("enrolledOn");
    e.state = o.enumeration<EnrollmentState>("state");
    e.currentStepId = o.optRef("currentStep");
    e.nextDue = o.optDate("nextDue");
    const Json* done = o.array("stepsDone");
    for (std::size_t i = 0; done && i < done->size(); ++i) {
        Obj d{o.source(), (*done)[i], o.path() + ".stepsDone[" + std::to_string(i) + "]"};
        StepDone sd;
        sd.stepId = d.ref("step");
        sd.on = d.date("on");
        if (const Json* skipped = d.maybe("skipped")) {
            if (!skipped->is_boolean()) {
                d.fail("skipped", "must be true or false");
            }
            sd.skipped = skipped->get<bool>();
        }
        d.finish();
        e.stepsDone.push_back(sd);
    }
    e.gateOverrideReason = o.optText("gateOverrideReason");
    e.exitReason = o.optText("exitReason");
    return e;
}

TopicIdea readIdea(Obj& o) {
    TopicIdea t;
    t.id = o.id();
    t.title = o.text("title");
    t.notes = o.optText("notes");
    t.nicheId = o.optRef("niche");
    t.askedBy = o.refs("askedBy");
    t.status = o.enumeration<IdeaStatus>("status");
    return t;
}

StageChange readStageChange(Obj& o) {
    StageChange c;
    c.contactId = o.ref("contact");
    c.on = o.date("on");
    c.stage = o.enumeration<Stage>("stage");
    return c;
}

// The stage history: entries without ids, one per contact and day (the table's key), each of
// a contact in the document. Absent in files written before the history existed.
std::vector<StageChange> readStageChanges(Obj& top, const std::vector<Contact>& contacts) {
    std::vector<StageChange> out;
    const Json* items = top.array("stageChanges");
    if (!items) {
        return out;
    }
    std::set<Id> contactIds;
    for (const auto& c : contacts) {
        contactIds.insert(c.id);
    }
    std::map<std::pair<Id, Date>, std::size_t> seen;
    out.reserve(items->size());
    for (std::size_t i = 0; i < items->size(); ++i) {
        Obj o{top.source(), (*items)[i], "$.stageChanges[" + std::to_string(i) + "]"};
        StageChange c = readStageChange(o);
        o.finish();
        if (!contactIds.count(c.contactId)) {
            o.fail("contact", "refers to contact " + std::to_string(c.contactId) +
                                  ", which is not in the document");
        }
        if (const auto [it, fresh] = seen.emplace(std::pair{c.contactId, c.on}, i); !fresh) {
            o.fail("on", "repeats the day " + formatDate(c.on) + " of contact " +
                             std::to_string(c.contactId) + " already given at $.stageChanges[" +
                             std::to_string(it->second) + "]");
        }
        out.push_back(c);
    }
    return out;
}

// Reads one top-level array, checking each record and that ids are unique.
template <class T, class Read>
std::vector<T> readArray(Obj& top, const std::string& key, Read read) {
    std::vector<T> out;
    const Json* items = top.array(key);
    if (!items) {
        return out;
    }
    std::map<Id, std::size_t> seen;
    out.reserve(items->size());
    for (std::size_t i = 0; i < items->size(); ++i) {
        Obj o{top.source(), (*items)[i], "$." + key + "[" + std::to_string(i) + "]"};
        T record = read(o);
        o.finish();
        validateAt(o, record);
        if (const auto [it, fresh] = seen.emplace(record.id, i); !fresh) {
            o.fail("id", "repeats the id " + std::to_string(record.id) + " of $." + key + "[" +
                             std::to_string(it->second) + "]");
        }
        out.push_back(std::move(record));
    }
    return out;
}

// Cross-record checks: every reference resolves inside the document, and the rules that look
// at more than one record hold.
class ReferenceCheck {
public:
    ReferenceCheck(const std::string& source, const WorkspaceData& d) : m_source(source) {
        collect(Entity::Channel, d.channels);
        collect(Entity::Niche, d.niches);
        collect(Entity::Goal, d.goals);
        collect(Entity::Campaign, d.campaigns);
        collect(Entity::Series, d.series);
        collect(Entity::Post, d.posts);
        collect(Entity::Contact, d.contacts);
        collect(Entity::Interaction, d.interactions);
        collect(Entity::Sequence, d.sequences);
        collect(Entity::Enrollment, d.enrollments);
        collect(Entity::TopicIdea, d.topicIdeas);
    }

    template <class T>
    void check(const std::string& key, const std::vector<T>& records) {
        for (std::size_t i = 0; i < records.size(); ++i) {
            for (const auto& ref : references(records[i])) {
                if (!m_ids[ref.target].count(ref.id)) {
                    throw ImportError(m_source, at(key, i) + "." + ref.field,
                                      "refers to " + recordLabel(ref.target, ref.id) +
                                          ", which is not in the document");
                }
            }
        }
    }

    static std::string at(const std::string& key, std::size_t i) {
        return "$." + key + "[" + std::to_string(i) + "]";
    }

private:
    template <class T>
    void collect(Entity e, const std::vector<T>& records) {
        auto& ids = m_ids[e];
        for (const auto& r : records) {
            ids.insert(r.id);
        }
    }

    const std::string& m_source;
    std::map<Entity, std::set<Id>> m_ids;
};

template <class T>
void uniqueNames(const std::string& source, const std::string& key, const std::vector<T>& records) {
    std::map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < records.size(); ++i) {
        if (const auto [it, fresh] = seen.emplace(records[i].name, i); !fresh) {
            throw ImportError(source, ReferenceCheck::at(key, i) + ".name",
                              "\"" + records[i].name + "\" is already used by " +
                                  ReferenceCheck::at(key, it->second));
        }
    }
}

void checkCrossRecord(const std::string& source, const WorkspaceData& d) {
    ReferenceCheck refs{source, d};
    refs.check("niches", d.niches);
    refs.check("goals", d.goals);
    refs.check("campaigns", d.campaigns);
    refs.check("posts", d.posts);
    refs.check("contacts", d.contacts);
    refs.check("interactions", d.interactions);
    refs.check("sequences", d.sequences);
    refs.check("enrollments", d.enrollments);
    refs.check("topicIdeas", d.topicIdeas);
    uniqueNames(source, "channels", d.channels);
    uniqueNames(source, "niches", d.niches);

    std::map<Id, Id> stepSequence;
    for (std::size_t i = 0; i < d.sequences.size(); ++i) {
        for (std::size_t j = 0; j < d.sequences[i].steps.size(); ++j) {
            const Id step = d.sequences[i].steps[j].id;
            if (!stepSequence.emplace(step, d.sequences[i].id).second) {
                throw ImportError(
                    source,
                    ReferenceCheck::at("sequences", i) + ".steps[" + std::to_string(j) + "].id",
                    "repeats the step id " + std::to_string(step));
            }
        }
    }
    std::set<std::pair<Id, Id>> open;
    for (std::size_t i = 0; i < d.enrollments.size(); ++i) {
        const auto& e = d.enrollments[i];
        const auto path = ReferenceCheck::at("enrollments", i);
        const auto ofSequence = [&](Id step) {
            const auto it = stepSequence.find(step);
            return it != stepSequence.end() && it->second == e.sequenceId;
        };
        if (e.currentStepId && !ofSequence(*e.currentStepId)) {
            throw ImportError(source, path + ".currentStep",
                              "is not a step of sequence " + std::to_string(e.sequenceId));
        }
        for (std::size_t j = 0; j < e.stepsDone.size(); ++j) {
            if (!ofSequence(e.stepsDone[j].stepId)) {
                throw ImportError(source, path + ".stepsDone[" + std::to_string(j) + "].step",
                                  "is not a step of sequence " + std::to_string(e.sequenceId));
            }
        }
        if (e.isOpen() && !open.insert({e.contactId, e.sequenceId}).second) {
            throw ImportError(source, path + ".state",
                              "makes a second open enrollment of contact " +
                                  std::to_string(e.contactId) + " in sequence " +
                                  std::to_string(e.sequenceId));
        }
    }
}

// Writes every record straight into its table, ids kept. parse() has already checked each
// record's rules, every reference and every rule across records, so the per-record checks of
// Store::add (and its savepoint) would only repeat them; foreign keys are still checked at
// commit.
template <class T>
void insertAll(Store& store, const std::vector<T>& records, std::size_t& done, std::size_t total,
               const Progress& progress) {
    for (const auto& record : records) {
        T copy = record;
        Table<T>::insert(store.db(), copy);
        if (progress && (++done % 2048 == 0) && !progress(done, total)) {
            throw Cancelled{};
        }
    }
}

}  // namespace

WorkspaceData read(Store& store) {
    WorkspaceData d;
    d.info = store.info();
    d.channels = store.list<Channel>();
    d.niches = store.list<Niche>();
    d.goals = store.list<Goal>();
    d.campaigns = store.list<Campaign>();
    d.series = store.list<Series>();
    d.posts = store.list<Post>();
    d.contacts = store.list<Contact>();
    d.interactions = store.list<Interaction>();
    d.sequences = store.list<Sequence>();
    d.enrollments = store.list<Enrollment>();
    d.topicIdeas = store.list<TopicIdea>();
    // By contact and day: the order toText() writes, so export, restore, export is stable.
    auto s = store.db().prepare(
        "SELECT contact_id, changed_on, stage FROM stage_changes ORDER BY contact_id, changed_on");
    while (s.step()) {
        const auto on = parseDate(s.text(1));
        const auto stage = parseEnum<Stage>(s.text(2));
        if (on && stage) {  // the table's CHECKs allow nothing else
            d.stageChanges.push_back({s.integer(0), *on, *stage});
        }
    }
    return d;
}

std::string toText(const WorkspaceData& d) {
    const Json doc = {{"format", kFormat},
                      {"version", kVersion},
                      {"workspace", {{"name", d.info.name}, {"timeZone", d.info.timeZone}}},
                      {"channels", arrayOf(d.channels)},
                      {"niches", arrayOf(d.niches)},
                      {"goals", arrayOf(d.goals)},
                      {"campaigns", arrayOf(d.campaigns)},
                      {"series", arrayOf(d.series)},
                      {"posts", arrayOf(d.posts)},
                      {"contacts", arrayOf(d.contacts)},
                      {"interactions", arrayOf(d.interactions)},
                      {"sequences", arrayOf(d.sequences)},
                      {"enrollments", arrayOf(d.enrollments)},
                      {"topicIdeas", arrayOf(d.topicIdeas)},
                      {"stageChanges", arrayOf(d.stageChanges)}};
    return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

WorkspaceData parse(std::string_view text, const std::string& source) {
    Json doc;
    try {
        doc = Json::parse(text.begin(), text.end());
    } catch (const Json::parse_error& e) {
        // nlohmann's message names the byte; keep only its explanation.
        std::string why = e.what();
        if (const auto colon = why.find("parse error"); colon != std::string::npos) {
            why = why.substr(colon);
        }
        throw ImportError(source, "", "is not valid JSON (" + why + ")");
    }
    Obj top{source, doc, "$"};
    const Json& format = top.need("format");
    if (!format.is_string() || format.get<std::string>() != kFormat) {
        top.fail("format",
                 "must be \"rapport-workspace\"; this is not a Rapport workspace "
                 "backup");
    }
    const Json& version = top.need("version");
    if (!version.is_number_integer() || version.get<std::int64_t>() != kVersion) {
        top.fail("version", "is " + version.dump() + ", but this Rapport reads version " +
                                std::to_string(kVersion));
    }
    WorkspaceData d;
    Obj ws = top.child("workspace");
    d.info.name = ws.optText("name");
    d.info.timeZone = ws.text("timeZone");
    if (!isKnownTimeZone(d.info.timeZone)) {
        ws.fail("timeZone", "is not a known IANA time zone (\"" + d.info.timeZone + "\")");
    }
    ws.finish();
    d.channels = readArray<Channel>(top, "channels", readChannel);
    d.niches = readArray<Niche>(top, "niches", readNiche);
    d.goals = readArray<Goal>(top, "goals", readGoal);
    d.campaigns = readArray<Campaign>(top, "campaigns", readCampaign);
    d.series = readArray<Series>(top, "series", readSeries);
    d.posts = readArray<Post>(top, "posts", readPost);
    d.contacts = readArray<Contact>(top, "contacts", readContact);
    d.interactions = readArray<Interaction>(top, "interactions", readInteraction);
    d.sequences = readArray<Sequence>(top, "sequences", readSequence);
    d.enrollments = readArray<Enrollment>(top, "enrollments", readEnrollment);
    d.topicIdeas = readArray<TopicIdea>(top, "topicIdeas", readIdea);
    d.stageChanges = readStageChanges(top, d.contacts);
    top.finish();
    checkCrossRecord(source, d);
    return d;
}

void restore(Store& store, const WorkspaceData& d, Existing existing, const Progress& progress) {
    if (existing == Existing::Refuse && !store.isEmpty()) {
        throw RefusedError(store.path() +
                           " already holds records; a restore fills an empty workspace, or "
                           "replaces the whole content when asked to. Nothing was changed.");
    }
    const std::size_t total = d.recordCount();
    std::size_t done = 0;
    auto& db = store.db();
    // Store::add validates every record before it writes it; the schema's CHECKs would say the
    // same again, through a temporary b-tree per row (see checkconstraintsoff.h).
    const CheckConstraintsOff checksOff{db};
    store.bulkTransaction([&] {
        // References may point forward (a post to the topic idea it answers): check them all
        // at commit instead of row by row.
        db.exec("PRAGMA defer_foreign_keys = ON");
        if (existing == Existing::Replace) {
            // The stage history; the contacts' delete trigger would clear it too, row by row.
            db.exec("DELETE FROM stage_changes");
            for (const char* table : {"DELETE FROM idea_interactions",
                                      "DELETE FROM topic_ideas",
                                      "DELETE FROM enrollment_steps",
                                      "DELETE FROM enrollments",
                                      "DELETE FROM sequence_steps",
                                      "DELETE FROM sequences",
                                      "DELETE FROM interactions",
                                      "DELETE FROM contact_tags",
                                      "DELETE FROM contact_handles",
                                      "DELETE FROM contacts",
                                      "DELETE FROM posts",
                                      "DELETE FROM series",
                                      "DELETE FROM campaign_channels",
                                      "DELETE FROM campaign_niches",
                                      "DELETE FROM campaign_goals",
                                      "DELETE FROM campaigns",
                                      "DELETE FROM goals",
                                      "DELETE FROM niche_channels",
                                      "DELETE FROM niches",
                                      "DELETE FROM channels"}) {
                db.exec(table);
            }
        }
        store.setInfo(d.info);
        // Records go in with their ids; the order only matters for the rules that look at
        // other rows (a step of the enrollment's sequence), which come after what they need.
        insertAll(store, d.channels, done, total, progress);
        insertAll(store, d.niches, done, total, progress);
        insertAll(store, d.goals, done, total, progress);
        insertAll(store, d.campaigns, done, total, progress);
        insertAll(store, d.series, done, total, progress);
        insertAll(store, d.contacts, done, total, progress);
        insertAll(store, d.sequences, done, total, progress);
        insertAll(store, d.enrollments, done, total, progress);
        // A post may point forward at the topic idea it answers: the deferred foreign keys
        // accept that until the commit.
        insertAll(store, d.posts, done, total, progress);
        insertAll(store, d.interactions, done, total, progress);
        insertAll(store, d.topicIdeas, done, total, progress);
        // The stage history after its contacts; inserting a contact fires no trigger.
        for (const auto& c : d.stageChanges) {
            auto s = db.prepare(
                "INSERT INTO stage_changes (contact_id, changed_on, stage) VALUES (?1, ?2, ?3)");
            s.bind(1, c.contactId).bind(2, formatDate(c.on)).bind(3, toString(c.stage));
            s.run();
        }
        if (progress && !progress(total, total)) {
            throw Cancelled{};
        }
    });
}

void writeFile(const std::string& path, const std::string& text) {
    namespace fs = std::filesystem;
    const std::string temp = path + ".part";
    {
        std::ofstream out{temp, std::ios::binary | std::ios::trunc};
        if (!out) {
            throw StorageError("Cannot write " + path + ": " + std::strerror(errno) + ".");
        }
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        out.flush();
        if (!out) {
            std::error_code ec;
            fs::remove(temp, ec);
            throw StorageError("Cannot write " + path + ": the disk refused the data (" +
                               std::strerror(errno) + ").");
        }
    }
    std::error_code ec;
    fs::rename(temp, path, ec);
    if (ec) {
        fs::remove(temp, ec);
        throw StorageError("Cannot write " + path + ": " + ec.message() + ".");
    }
}

std::string readFile(const std::string& path) {
    std::ifstream in{path, std::ios::binary};
    if (!in) {
        throw ImportError(path, "", std::string{"cannot be read ("} + std::strerror(errno) + ")");
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

void shiftToWeekOf(WorkspaceData& d, Date anchor, Date today) {
    const auto monday = [](Date day) {
        const date::sys_days sd{day};
        const auto wd = date::weekday{sd}.iso_encoding();  // Monday 1 .. Sunday 7
        return sd - date::days{wd - 1};
    };
    const auto shift = monday(today) - monday(anchor);
    const auto move = [&](Date& day) { day = Date{date::sys_days{day} + shift}; };
    const auto moveOpt = [&](std::optional<Date>& day) {
        if (day)
            move(*day);
    };
    for (auto& g : d.goals) {
        move(g.startDate);
        move(g.deadline);
    }
    for (auto& c : d.campaigns) {
        moveOpt(c.startDate);
        moveOpt(c.endDate);
    }
    for (auto& s : d.series) {
        move(s.startDate);
        moveOpt(s.endDate);
    }
    for (auto& p : d.posts) {
        if (p.scheduledAt) {
            // Same local wall time on the shifted day: keep 09:00 at 09:00 across DST.
            const Date local = localDate(*p.scheduledAt, d.info.timeZone);
            const TimeOfDay time = localTimeOfDay(*p.scheduledAt, d.info.timeZone);
            p.scheduledAt = toInstant(Date{date::sys_days{local} + shift}, time, d.info.timeZone);
        }
        moveOpt(p.occurrenceDate);
    }
    for (auto& c : d.contacts) {
        move(c.createdOn);
        moveOpt(c.nextFollowUp);
        moveOpt(c.snoozedUntil);
    }
    for (auto& i : d.interactions) {
        const Date local = localDate(i.at, d.info.timeZone);
        const TimeOfDay time = localTimeOfDay(i.at, d.info.timeZone);
        i.at = toInstant(Date{date::sys_days{local} + shift}, time, d.info.timeZone);
    }
    for (auto& c : d.stageChanges) {
        move(c.on);
    }
    for (auto& e : d.enrollments) {
        move(e.enrolledOn);
        moveOpt(e.nextDue);
        for (auto& s : e.stepsDone) {
            move(s.on);
        }
    }
}

}  // namespace workspacejson
}  // namespace rapport::core
