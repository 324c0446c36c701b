#include "core/contactexport.h"

#include <csv.h>

#include <algorithm>

#include "core/errors.h"
#include "core/store.h"
#include "core/timeutil.h"

namespace rapport::core {

namespace {

const char* kindHeader(ChannelKind kind) {
    switch (kind) {
        case ChannelKind::X:
            return "X";
        case ChannelKind::LinkedIn:
            return "LinkedIn";
        case ChannelKind::Facebook:
            return "Facebook";
        case ChannelKind::Instagram:
            return "Instagram";
        case ChannelKind::YouTube:
            return "YouTube";
        case ChannelKind::TikTok:
            return "TikTok";
        case ChannelKind::Blog:
            return "Blog";
        case ChannelKind::Newsletter:
            return "Newsletter";
        case ChannelKind::Podcast:
            return "Podcast";
        case ChannelKind::Forum:
            return "Forum";
        case ChannelKind::Other:
            return "Other";
    }
    return "Other";
}

// A field as RFC 4180 wants it: quoted (by libcsv) only when it holds a comma, a quote, a line
// break, or spaces at either end that a reader would trim.
void appendField(std::string& out, const std::string& value, bool first) {
    if (!first) {
        out += ',';
    }
    const bool needsQuotes = value.find_first_of(",\"\r\n") != std::string::npos ||
                             (!value.empty() && (value.front() == ' ' || value.back() == ' '));
    if (!needsQuotes) {
        out += value;
        return;
    }
    const auto size = csv_write(nullptr, 0, value.data(), value.size());
    std::string quoted(size, '\0');
    csv_write(quoted.data(), quoted.size(), value.data(), value.size());
    out += quoted;
}

// Contacts between two reports of progress.
constexpr std::size_t kReportEvery = 256;

void report(const Progress& progress, std::size_t done, std::size_t total) {
    if (progress && !progress(done, total)) {
        throw Cancelled{};
    }
}

}  // namespace

std::string ContactExport::toCsv(const std::vector<Contact>& contacts,
                                 const std::map<Id, std::string>& nicheNames,
                                 const Progress& progress) {
    report(progress, 0, contacts.size());
    std::vector<ChannelKind> kinds;
    for (std::size_t k = 0; k < enumCount<ChannelKind>(); ++k) {
        const auto kind = static_cast<ChannelKind>(k);
        for (const auto& c : contacts) {
            if (std::any_of(c.handles.begin(), c.handles.end(),
                            [&](const Handle& h) { return h.kind == kind; })) {
                kinds.push_back(kind);
                break;
            }
        }
    }
    std::string out;
    bool first = true;
    for (const char* h : {"Name", "Email", "Company", "Role", "Stage", "Niche", "Tags", "Notes",
                          "Created On", "UID"}) {
        appendField(out, h, first);
        first = false;
    }
    for (const auto kind : kinds) {
        appendField(out, kindHeader(kind), false);
    }
    out += "\r\n";
    for (std::size_t n = 0; n < contacts.size(); ++n) {
        if (n > 0 && n % kReportEvery == 0) {
            report(progress, n, contacts.size());
        }
        const Contact& c = contacts[n];
        std::string tags;
        for (const auto& t : c.tags) {
            if (!tags.empty()) {
                tags += "; ";
            }
            tags += t;
        }
        std::string niche;
        if (c.nicheId) {
            if (const auto it = nicheNames.find(*c.nicheId); it != nicheNames.end()) {
                niche = it->second;
            }
        }
        appendField(out, c.displayName, true);
        appendField(out, c.email, false);
        appendField(out, c.company, false);
        appendField(out, c.role, false);
        appendField(out, std::string{toString(c.stage)}, false);
        appendField(out, niche, false);
        appendField(out, tags, false);
        appendField(out, c.notes, false);
        appendField(out, c.createdOn.ok() ? formatDate(c.createdOn) : "", false);
        appendField(out, c.uid, false);
        for (const auto kind : kinds) {
            const auto h = std::find_if(c.handles.begin(), c.handles.end(),
                                        [&](const Handle& x) { return x.kind == kind; });
            appendField(out, h == c.handles.end() ? "" : h->handle, false);
        }
        out += "\r\n";
    }
    report(progress, contacts.size(), contacts.size());
    return out;
}

std::map<Id, std::string> ContactExport::nicheNames(Store& store) {
    std::map<Id, std::string> names;
    for (const auto& n : store.list<Niche>()) {
        names.emplace(n.id, n.name);
    }
    return names;
}

std::string ContactExport::toCsv(Store& store, const Progress& progress) {
    return toCsv(store.list<Contact>(), nicheNames(store), progress);
}

std::string ContactExport::toVCard(Store& store, VCardVersion version, const Progress& progress) {
    const auto contacts = store.list<Contact>();
    const auto niches = nicheNames(store);
    if (!progress) {
        return VCard::write(contacts, version, niches);
    }
    // The cards one after another, a few hundred at a time between reports.
    std::string out;
    for (std::size_t from = 0; from < contacts.size(); from += kReportEvery) {
        report(progress, from, contacts.size());
        const auto to = std::min(contacts.size(), from + kReportEvery);
        out +=
            VCard::write(std::vector<Contact>(contacts.begin() + static_cast<std::ptrdiff_t>(from),
                                              contacts.begin() + static_cast<std::ptrdiff_t>(to)),
                         version, niches);
    }
    report(progress, contacts.size(), contacts.size());
    return out;
}

}  // namespace rapport::core
