// Relationships: `followups`, `contacts`, `contact ID`, `import-contacts`, `export-contacts`,
// `log`. Sequence steps and logging go through the nurture engine, so the queue and the
// enrollments never disagree.

#include <algorithm>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/clisupport.h"
#include "app/commands.h"
#include "core/contactexport.h"
#include "core/contactimport.h"
#include "core/contactquery.h"
#include "core/errors.h"
#include "core/followupcalendar.h"
#include "core/followupqueue.h"
#include "core/nurtureengine.h"
#include "core/stagesuggester.h"
#include "core/textencoding.h"
#include "core/timeutil.h"
#include "core/validation.h"
#include "core/workspacejson.h"

namespace rapport::app {

using namespace rapport::core;
using Json = nlohmann::json;

namespace {

Id idText(const std::string& what, const std::string& text) {
    try {
        std::size_t used = 0;
        const long long id = std::stoll(text, &used);
        if (used == text.size() && id > 0) {
            return id;
        }
    } catch (const std::exception&) {
    }
    throw UsageError(what + " must be a record id (a positive whole number), not \"" + text + "\"");
}

template <class E>
E enumArgument(const std::string& option, const std::string& text) {
    if (const auto value = parseEnum<E>(text::lowerAscii(text))) {
        return *value;
    }
    throw UsageError(option + " must be " + allowedNames<E>() + ", not \"" + text + "\"");
}

Json optDate(const std::optional<Date>& d) {
    return d ? Json(formatDate(*d)) : Json(nullptr);
}

// Pads to a width in characters, not bytes, so "López" lines up.
std::string pad(const std::string& s, std::size_t width) {
    const auto n = text::characters(s);
    return n >= width ? s : s + std::string(width - n, ' ');
}

std::string words(std::string_view name) {
    std::string w{name};
    std::replace(w.begin(), w.end(), '_', ' ');
    return w;
}

std::string joined(const std::vector<std::string>& parts, const std::string& separator = ", ") {
    std::string out;
    for (const auto& p : parts) {
        out += (out.empty() ? "" : separator) + p;
    }
    return out;
}

std::string daysText(int days) {
    return std::to_string(days) + (days == 1 ? " day" : " days");
}

Json reasonJson(const DueReason& r) {
    Json j = {{"reason", toString(r.reason)},
              {"due", formatDate(r.due)},
              {"detail", FollowUpQueue::describe(r)}};
    switch (r.reason) {
        case FollowUpReason::ReplyOwed:
            j["interaction"] = r.interactionId;
            j["kind"] = toString(r.kind.value_or(InteractionKind::Other));
            break;
        case FollowUpReason::SequenceStep:
            if (r.step) {
                j["enrollment"] = r.step->enrollmentId;
                j["sequence"] = r.step->sequenceId;
                j["step"] = r.step->stepId;
                j["action"] = r.step->action;
                j["kind"] = toString(r.step->kind);
            }
            break;
        case FollowUpReason::Cadence:
            j["cadenceDays"] = r.cadenceDays;
            break;
        case FollowUpReason::Planned:
            break;
    }
    return j;
}

Json statusJson(const FollowUpStatus& st) {
    Json reasons = Json::array();
    for (const auto& r : st.reasons) {
        reasons.push_back(reasonJson(r));
    }
    return {{"due", optDate(st.due)},
            {"snoozed", st.snoozed},
            {"reasons", reasons},
            {"cadenceDays", st.cadenceDays ? Json(*st.cadenceDays) : Json(nullptr)},
            {"lastTouch", formatDate(st.lastTouch)},
            {"touched", st.touched},
            {"daysSinceLastTouch", st.daysSinceLastTouch},
            {"losingTouch", st.losingTouch}};
}

void printReasons(const FollowUpStatus& st, const std::string& indent) {
    for (const auto& r : st.reasons) {
        std::cout << indent << formatDate(r.due) << "  " << FollowUpQueue::describe(r) << "\n";
    }
}

std::optional<Date> optionalDate(const std::string& option, const std::string& value) {
    if (value == "none") {
        return std::nullopt;
    }
    return dateArgument(option, value);
}

// --when: an instant with its offset, a local date and time in the workspace's zone, or a date
// (noon there).
Instant whenArgument(const std::string& text, const std::string& zone) {
    if (const auto at = parseInstant(text)) {
        return *at;
    }
    if (text.size() >= 16 && (text[10] == 'T' || text[10] == ' ')) {
        const auto day = parseDate(text.substr(0, 10));
        const auto time = parseTimeOfDay(text.substr(11, 5));
        const bool seconds =
            text.size() == 19 && text[16] == ':' &&
            std::all_of(text.begin() + 17, text.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (day && time && (text.size() == 16 || seconds)) {
            const int extra = seconds ? std::stoi(text.substr(17)) : 0;
            if (extra < 60) {
                return toInstant(*day, *time, zone) + std::chrono::seconds{extra};
            }
        }
    }
    if (const auto day = parseDate(text)) {
        return toInstant(*day, TimeOfDay{12 * 60}, zone);
    }
    throw UsageError(
        "--when must be an instant like 2026-11-23T09:30:00Z or "
        "2026-11-23T09:30+01:00, a local time like 2026-11-23T09:30, or a date, "
        "not \"" +
        text + "\"");
}

std::string channelName(Store& store, const std::optional<Id>& id) {
    if (!id) {
        return "";
    }
    const auto c = store.find<Channel>(*id);
    return c ? c->name : "";
}

}  // namespace

// ---- followups ----------------------------------------------------------------------------

int followupsCommand(const Invocation& inv) {
    const CommandArgs args{inv, {{"--date", true}, {"--json", false}, {"--ics", true}}};
    args.expectPositionals(0, "");
    auto store = openExisting(inv);
    const auto clock = commandClock();
    NurtureEngine engine{*store, *clock};
    FollowUpQueue queue{*store, *clock, engine};
    const Date day =
        args.value("--date") ? dateArgument("--date", *args.value("--date")) : queue.today();
    const auto q = queue.forDay(day);
    if (const auto ics = args.value("--ics")) {
        workspacejson::writeFile(*ics, FollowUpCalendar::toICalendar(q, clock->now()));
        std::cout << "Wrote " << q.size() << " follow-up" << (q.size() == 1 ? "" : "s")
                  << " due by " << formatDate(addDays(day, FollowUpQueue::kHorizonDays)) << " to "
                  << *ics << " as to-dos.\n";
        return kDone;
    }
    const std::vector<std::pair<const std::vector<FollowUpItem>*, const char*>> buckets = {
        {&q.overdue, "Overdue"}, {&q.today, "Today"}, {&q.thisWeek, "This week"}};
    if (args.has("--json")) {
        auto out = Json::array();
        for (const auto& [items, title] : buckets) {
            for (const auto& item : *items) {
                auto j = statusJson(item.status);
                j["contact"] = item.contactId;
                j["name"] = item.displayName;
                j["stage"] = toString(item.stage);
                j["bucket"] = toString(item.bucket);
                out.push_back(std::move(j));
            }
        }
        std::cout << out.dump(2) << "\n";
        return kDone;
    }
    const auto weekday = date::format("%A", date::sys_days{day});
    if (q.empty()) {
        std::cout << "Nobody needs you on " << weekday << " " << formatDate(day)
                  << " or in the week after.\n";
        return kDone;
    }
    std::cout << "Follow-ups for " << weekday << " " << formatDate(day) << ": " << q.overdue.size()
              << " overdue, " << q.today.size() << " today, " << q.thisWeek.size()
              << " this week.\n";
    for (const auto& [items, title] : buckets) {
        if (items->empty()) {
            continue;
        }
        std::cout << "\n" << title << "\n";
        for (const auto& item : *items) {
            const auto& st = item.status;
            std::cout << "  " << item.displayName << " (contact " << item.contactId << ", "
                      << toString(item.stage) << "), due " << formatDate(*st.due);
            if (st.snoozed) {
                std::cout << " (snoozed)";
            }
            std::cout << "\n";
            printReasons(st, "      ");
            std::cout << "      " << daysText(st.daysSinceLastTouch) << " since the last touch"
                      << (st.losingTouch ? "; LOSING TOUCH" : "") << "\n";
        }
    }
    return kDone;
}

// ---- contacts -----------------------------------------------------------------------------

int contactsCommand(const Invocation& inv) {
    const CommandArgs args{inv,
                           {{"--json", false},
                            {"--search", true},
                            {"--stage", true},
                            {"--tag", true},
                            {"--losing-touch", false}}};
    args.expectPositionals(0, "");
    auto store = openExisting(inv);
    const auto clock = commandClock();
    NurtureEngine engine{*store, *clock};
    ContactQuery query{*store, *clock, engine};
    ContactFilter filter;
    filter.text = args.value("--search").value_or("");
    if (const auto stage = args.value("--stage")) {
        filter.stage = enumArgument<Stage>("--stage", *stage);
    }
    filter.tag = args.value("--tag").value_or("");
    filter.losingTouch = args.has("--losing-touch");
    const auto rows = query.rows(query.ids(filter, {}));
    if (args.has("--json")) {
        auto out = Json::array();
        for (const auto& r : rows) {
            out.push_back({{"id", r.id},
                           {"name", r.displayName},
                           {"stage", toString(r.stage)},
                           {"niche", r.nicheId ? Json(*r.nicheId) : Json(nullptr)},
                           {"nicheName", r.niche},
                           {"email", r.email},
                           {"company", r.company},
                           {"lastTouch", formatDate(r.lastTouch)},
                           {"touched", r.touched},
                           {"nextDue", optDate(r.nextDue)},
                           {"losingTouch", r.losingTouch},
                           {"tags", r.tags}});
        }
        std::cout << out.dump(2) << "\n";
        return kDone;
    }
    if (rows.empty()) {
        std::cout << (query.count({}) == 0 ? "No contacts yet.\n" : "No contact matches.\n");
        return kDone;
    }
    std::size_t idW = 2;
    std::size_t nameW = 4;
    std::size_t nicheW = 5;
    for (const auto& r : rows) {
        idW = std::max(idW, std::to_string(r.id).size());
        nameW = std::max(nameW, text::characters(r.displayName));
        nicheW = std::max(nicheW, text::characters(r.niche));
    }
    std::cout << pad("ID", idW) << "  " << pad("Name", nameW) << "  " << pad("Stage", 12) << "  "
              << pad("Niche", nicheW) << "  " << pad("Last touch", 10) << "  "
              << pad("Next due", 10) << "  Tags\n";
    for (const auto& r : rows) {
        std::cout << pad(std::to_string(r.id), idW) << "  " << pad(r.displayName, nameW) << "  "
                  << pad(std::string{toString(r.stage)}, 12) << "  " << pad(r.niche, nicheW) << "  "
                  << formatDate(r.lastTouch) << "  "
                  << pad(r.nextDue ? formatDate(*r.nextDue) : "-", 10) << "  " << joined(r.tags)
                  << (r.losingTouch ? "  (losing touch)" : "") << "\n";
    }
    std::cout << rows.size() << (rows.size() == 1 ? " contact.\n" : " contacts.\n");
    return kDone;
}

// ---- contact ID ---------------------------------------------------------------------------

int contactCommand(const Invocation& inv) {
    const CommandArgs args{inv,
                           {{"--stage", true},
                            {"--cadence", true},
                            {"--next", true},
                            {"--snooze", true},
                            {"--json", false}}};
    args.expectPositionals(1, "a contact id (rapport contact ID)");
    const Id id = idText("the contact", args.positional().front());
    // Every option is read before anything is written.
    std::optional<Stage> stage;
    if (const auto v = args.value("--stage")) {
        stage = enumArgument<Stage>("--stage", *v);
    }
    bool cadenceGiven = false;
    int cadenceDays = 0;  // 0: none of their own
    bool cadenceNever = false;
    if (const auto v = args.value("--cadence")) {
        cadenceGiven = true;
        if (*v == "never") {
            cadenceNever = true;
        } else if (*v != "default") {
            try {
                std::size_t used = 0;
                cadenceDays = std::stoi(*v, &used);
                if (used != v->size()) {
                    cadenceDays = -1;
                }
            } catch (const std::exception&) {
                cadenceDays = -1;
            }
            if (cadenceDays <= 0 || cadenceDays > 3650) {
                throw UsageError(
                    "--cadence must be a number of days (1 to 3650), never or "
                    "default, not \"" +
                    *v + "\"");
            }
        }
    }
    std::optional<std::optional<Date>> next;
    if (const auto v = args.value("--next")) {
        next = optionalDate("--next", *v);
    }
    std::optional<std::optional<Date>> snooze;
    if (const auto v = args.value("--snooze")) {
        snooze = optionalDate("--snooze", *v);
    }

    auto store = openExisting(inv);
    const auto clock = commandClock();
    NurtureEngine engine{*store, *clock};
    FollowUpQueue queue{*store, *clock, engine};
    ContactQuery query{*store, *clock, engine};
    StageSuggester suggester{*store, *clock};
    auto c = store->get<Contact>(id);
    std::vector<std::string> changed;
    if (stage && *stage != c.stage) {
        changed.push_back("stage " + std::string{toString(c.stage)} + " -> " +
                          std::string{toString(*stage)});
        c.stage = *stage;
    }
    if (cadenceGiven) {
        c.cadenceDays = cadenceDays > 0 ? std::optional<int>{cadenceDays} : std::nullopt;
        c.cadenceNever = cadenceNever;
        changed.push_back(c.cadenceNever  ? "cadence never"
                          : c.cadenceDays ? "cadence every " + daysText(*c.cadenceDays)
                                          : "cadence back to the stage's");
    }
    if (next) {
        c.nextFollowUp = *next;
        changed.push_back(*next ? "next follow-up " + formatDate(**next) : "no planned follow-up");
    }
    if (snooze) {
        c.snoozedUntil = *snooze;
        changed.push_back(*snooze ? "snoozed until " + formatDate(**snooze) : "not snoozed");
    }
    if (!changed.empty()) {
        store->update(c);
        if (stage) {
            engine.sync(id);  // a stage of relationship or beyond qualifies for phase 2
        }
    }

    const Date today = queue.today();
    const auto status = queue.statusOf(id, today);
    const auto suggestion = suggester.suggest(id, today);
    const auto timeline = query.timeline(id);
    const auto zone = store->timeZone();
    std::string niche;
    if (c.nicheId) {
        if (const auto n = store->find<Niche>(*c.nicheId)) {
            niche = n->name;
        }
    }
    if (args.has("--json")) {
        Json handles = Json::object();
        for (const auto& h : c.handles) {
            handles[std::string{toString(h.kind)}] = h.handle;
        }
        Json events = Json::array();
        for (const auto& i : timeline) {
            events.push_back({{"id", i.id},
                              {"at", formatInstant(i.at)},
                              {"date", formatDate(localDate(i.at, zone))},
                              {"kind", toString(i.kind)},
                              {"direction", toString(i.direction)},
                              {"channel", i.channelId ? Json(*i.channelId) : Json(nullptr)},
                              {"post", i.postId ? Json(*i.postId) : Json(nullptr)},
                              {"note", i.note}});
        }
        Json out = {{"id", c.id},
                    {"name", c.displayName},
                    {"stage", toString(c.stage)},
                    {"niche", c.nicheId ? Json(*c.nicheId) : Json(nullptr)},
                    {"email", c.email},
                    {"company", c.company},
                    {"role", c.role},
                    {"handles", handles},
                    {"tags", c.tags},
                    {"notes", c.notes},
                    {"createdOn", formatDate(c.createdOn)},
                    {"source", toString(c.source)},
                    {"uid", c.uid},
                    {"cadenceDays", c.cadenceDays ? Json(*c.cadenceDays) : Json(nullptr)},
                    {"cadenceNever", c.cadenceNever},
                    {"nextFollowUp", optDate(c.nextFollowUp)},
                    {"snoozedUntil", optDate(c.snoozedUntil)},
                    {"followUp", statusJson(status)},
                    {"suggestion", suggestion ? Json{{"stage", toString(suggestion->to)},
                                                     {"reason", suggestion->reason}}
                                              : Json(nullptr)},
                    {"timeline", events}};
        if (!changed.empty()) {
            out["changed"] = changed;
        }
        std::cout << out.dump(2) << "\n";
        return kDone;
    }
    if (!changed.empty()) {
        std::cout << "Updated contact " << c.id << ": " << joined(changed, "; ") << ".\n\n";
    }
    std::cout << c.displayName << " (contact " << c.id << ")\n";
    std::cout << "  Stage:      " << toString(c.stage);
    if (suggestion) {
        std::cout << "; suggested: " << toString(suggestion->to) << ", " << suggestion->reason;
    }
    std::cout << "\n";
    if (!niche.empty()) {
        std::cout << "  Niche:      " << niche << "\n";
    }
    if (!c.email.empty()) {
        std::cout << "  Email:      " << c.email << "\n";
    }
    if (!c.company.empty() || !c.role.empty()) {
        std::cout << "  Company:    " << c.company
                  << (c.company.empty() || c.role.empty() ? "" : ", ") << c.role << "\n";
    }
    if (!c.handles.empty()) {
        std::vector<std::string> hs;
        for (const auto& h : c.handles) {
            hs.push_back(std::string{toString(h.kind)} + " " + h.handle);
        }
        std::cout << "  Handles:    " << joined(hs) << "\n";
    }
    if (!c.tags.empty()) {
        std::cout << "  Tags:       " << joined(c.tags) << "\n";
    }
    std::cout << "  Created:    " << formatDate(c.createdOn) << " (" << toString(c.source) << ")\n";
    std::cout << "  Cadence:    "
              << (status.cadenceDays ? "every " + daysText(*status.cadenceDays) : "never")
              << (c.cadenceDays || c.cadenceNever ? " (their own)" : " (the stage's)") << "\n";
    if (c.nextFollowUp) {
        std::cout << "  Planned:    " << formatDate(*c.nextFollowUp) << "\n";
    }
    if (c.snoozedUntil) {
        std::cout << "  Snoozed:    until " << formatDate(*c.snoozedUntil) << "\n";
    }
    std::cout << "  Follow-up:  ";
    if (status.due) {
        const auto bucket = FollowUpQueue::bucketOf(*status.due, today);
        std::cout << "due " << formatDate(*status.due)
                  << (bucket ? " (" + words(toString(*bucket)) + ")" : "")
                  << (status.snoozed ? ", snoozed" : "") << "\n";
        printReasons(status, "              ");
    } else {
        std::cout << "nothing due\n";
    }
    std::cout << "  Last touch: " << formatDate(status.lastTouch) << ", "
              << daysText(status.daysSinceLastTouch) << " ago"
              << (status.touched ? "" : " (created; no interactions yet)")
              << (status.losingTouch ? "; LOSING TOUCH" : "") << "\n";
    if (!c.notes.empty()) {
        std::cout << "  Notes:      ";
        std::istringstream lines{c.notes};
        std::string line;
        bool first = true;
        while (std::getline(lines, line)) {
            std::cout << (first ? "" : "              ") << line << "\n";
            first = false;
        }
    }
    std::cout << "\nTimeline (" << timeline.size() << " interaction"
              << (timeline.size() == 1 ? "" : "s") << ", newest first, " << zone << "):\n";
    for (const auto& i : timeline) {
        std::cout << "  " << formatDate(localDate(i.at, zone)) << " "
                  << formatTimeOfDay(localTimeOfDay(i.at, zone)) << "  "
                  << pad(i.direction == Direction::Inbound ? "in" : "out", 3) << "  "
                  << pad(words(toString(i.kind)), 14) << "  " << channelName(*store, i.channelId);
        if (!i.note.empty()) {
            std::cout << "  " << i.note;
        }
        std::cout << "\n";
    }
    return kDone;
}

// ---- import-contacts / export-contacts ----------------------------------------------------

int importContactsCommand(const Invocation& inv) {
    const CommandArgs args{inv, {{"--format", true}, {"--dry-run", false}}};
    args.expectPositionals(1, "the file to import (rapport import-contacts FILE)");
    std::optional<ImportFormat> format;
    if (const auto v = args.value("--format")) {
        format = enumArgument<ImportFormat>("--format", *v);
    }
    const auto& file = args.positional().front();
    auto store = openExisting(inv);
    const auto clock = commandClock();
    ContactImport import{*store, *clock};
    const auto preview = import.previewFile(file, format);
    std::cout << file << " (" << toString(preview.format)
              << "): " << preview.count(ImportRowStatus::New) << " new, "
              << preview.count(ImportRowStatus::Match) << " already here, "
              << preview.count(ImportRowStatus::Invalid) << " invalid.\n";
    for (const auto& note : preview.notes) {
        std::cout << "  " << note << "\n";
    }
    for (const auto& row : preview.rows) {
        if (!row.problems.empty()) {
            std::cout << "  line " << row.line << ": not imported: " << joined(row.problems, "; ")
                      << ".\n";
        }
        for (const auto& w : row.warnings) {
            std::cout << "  line " << row.line << ": " << w << ".\n";
        }
    }
    if (args.has("--dry-run")) {
        std::cout << "Nothing was written (--dry-run).\n";
        return kDone;
    }
    const auto result = import.commit(preview);
    std::cout << "Added " << result.added << " contact" << (result.added == 1 ? "" : "s")
              << ", filled in " << result.updated << ", " << result.unchanged
              << " unchanged; skipped " << result.skipped << " invalid row"
              << (result.skipped == 1 ? "" : "s") << ".\n";
    return kDone;
}

int exportContactsCommand(const Invocation& inv) {
    const CommandArgs args{inv, {{"--format", true}}};
    args.expectPositionals(1, "the file to write (rapport export-contacts OUT.csv|OUT.vcf)");
    const auto& out = args.positional().front();
    std::string format = args.value("--format")
                             .value_or(text::lowerAscii(out).ends_with(".vcf") ||
                                               text::lowerAscii(out).ends_with(".vcard")
                                           ? "vcard"
                                           : "csv");
    if (format != "csv" && format != "vcard" && format != "vcard3") {
        throw UsageError("--format must be csv, vcard or vcard3, not \"" + format + "\"");
    }
    auto store = openExisting(inv);
    const auto text = format == "csv"      ? ContactExport::toCsv(*store)
                      : format == "vcard3" ? ContactExport::toVCard(*store, VCardVersion::V3)
                                           : ContactExport::toVCard(*store, VCardVersion::V4);
    workspacejson::writeFile(out, text);
    std::cout << "Exported " << store->count<Contact>() << " contacts to " << out << " ("
              << (format == "csv"      ? "CSV"
                  : format == "vcard3" ? "vCard 3.0"
                                       : "vCard 4.0")
              << ").\n";
    return kDone;
}

// ---- log ----------------------------------------------------------------------------------

int logCommand(const Invocation& inv) {
    const CommandArgs args{inv,
                           {{"--contact", true},
                            {"--direction", true},
                            {"--kind", true},
                            {"--when", true},
                            {"--channel", true},
                            {"--note", true}}};
    args.expectPositionals(0, "");
    for (const char* required : {"--contact", "--direction", "--kind"}) {
        if (!args.has(required)) {
            throw UsageError(std::string{required} +
                             " is required (rapport log --contact ID "
                             "--direction in|out --kind KIND)");
        }
    }
    Interaction i;
    i.contactId = idText("--contact", *args.value("--contact"));
    const auto direction = *args.value("--direction");
    if (direction == "in" || direction == "inbound") {
        i.direction = Direction::Inbound;
    } else if (direction == "out" || direction == "outbound") {
        i.direction = Direction::Outbound;
    } else {
        throw UsageError("--direction must be in or out, not \"" + direction + "\"");
    }
    i.kind = enumArgument<InteractionKind>("--kind", *args.value("--kind"));
    i.note = args.value("--note").value_or("");

    auto store = openExisting(inv);
    const auto clock = commandClock();
    const auto zone = store->timeZone();
    i.at = args.value("--when") ? whenArgument(*args.value("--when"), zone) : clock->now();
    if (const auto name = args.value("--channel")) {
        const auto channels = store->list<Channel>();
        const auto it = std::find_if(channels.begin(), channels.end(), [&](const Channel& c) {
            return text::lowerAscii(c.name) == text::lowerAscii(*name) ||
                   std::to_string(c.id) == *name;
        });
        if (it == channels.end()) {
            std::vector<std::string> names;
            for (const auto& c : channels) {
                names.push_back(c.name);
            }
            throw ValidationError("new interaction", "channel",
                                  "names no channel of this workspace (\"" + *name +
                                      "\"; there are: " +
                                      (names.empty() ? std::string{"none"} : joined(names)) + ")");
        }
        i.channelId = it->id;
    }
    const auto contact = store->find<Contact>(i.contactId);
    if (!contact) {
        throw ValidationError(
            "new interaction", "contact",
            "refers to contact " + std::to_string(i.contactId) + ", which does not exist");
    }
    NurtureEngine engine{*store, *clock};
    const auto logged = engine.logInteraction(i);
    std::cout << "Logged interaction " << logged.interactionId << ": " << toString(i.direction)
              << " " << words(toString(i.kind)) << " with " << contact->displayName << " on "
              << formatDate(localDate(i.at, zone)) << " "
              << formatTimeOfDay(localTimeOfDay(i.at, zone)) << " (" << zone << ").\n";
    if (logged.clearedNextFollowUp) {
        std::cout << "Cleared the planned follow-up of " << formatDate(*logged.clearedNextFollowUp)
                  << ".\n";
    }
    if (logged.clearedSnooze) {
        std::cout << "Cleared the snooze until " << formatDate(*logged.clearedSnooze) << ".\n";
    }
    FollowUpQueue queue{*store, *clock, engine};
    const auto status = queue.statusOf(i.contactId, queue.today());
    std::cout << contact->displayName << " is next due "
              << (status.due ? formatDate(*status.due) : std::string{"never"}) << ".\n";
    return kDone;
}

}  // namespace rapport::app
