#include "core/contactimport.h"

#include <algorithm>
#include <unordered_map>

#include "core/checkconstraintsoff.h"
#include "core/contactkeys.h"
#include "core/errors.h"
#include "core/store.h"
#include "core/tables.h"
#include "core/textencoding.h"
#include "core/timeutil.h"
#include "core/validation.h"
#include "core/vcard.h"

namespace rapport::core {

namespace {

// Who a key belongs to: a stored contact, or an earlier new row of the file being previewed.
struct Ref {
    bool row = false;
    std::int64_t value = 0;  // contact id, or row index
};

struct Person {
    std::string email;                                         // key
    std::vector<std::pair<ChannelKind, std::string>> handles;  // keys
};

// The keys of the workspace and of the rows seen so far. Stored contacts are entered first, so
// they win over rows of the file for the same key.
struct Index {
    std::unordered_map<std::string, Ref> uid;
    std::unordered_map<std::string, Ref> email;
    std::unordered_map<std::string, Ref> handle;  // "kind\nkey"
    std::unordered_map<std::string, std::vector<Ref>> name;
    std::unordered_map<Id, Person> stored;

    static std::string handleKey(ChannelKind kind, const std::string& key) {
        return std::string{toString(kind)} + '\n' + key;
    }

    void add(const Contact& c, Ref ref) {
        if (!c.uid.empty()) {
            uid.emplace(c.uid, ref);
        }
        if (const auto e = keys::email(c.email); !e.empty()) {
            email.emplace(e, ref);
        }
        for (const auto& h : c.handles) {
            if (const auto k = keys::handle(h.kind, h.handle); !k.empty()) {
                handle.emplace(handleKey(h.kind, k), ref);
            }
        }
        if (const auto n = keys::name(c.displayName); !n.empty()) {
            name[n].push_back(ref);
        }
    }
};

Person personOf(const Contact& c) {
    Person p;
    p.email = keys::email(c.email);
    for (const auto& h : c.handles) {
        p.handles.emplace_back(h.kind, keys::handle(h.kind, h.handle));
    }
    return p;
}

// Two records with the same name are not the same person when they disagree on an email or on
// their handle on the same network (two "John Smith"s with different LinkedIn profiles).
bool conflicts(const Person& a, const Person& b) {
    if (!a.email.empty() && !b.email.empty() && a.email != b.email) {
        return true;
    }
    for (const auto& [kind, key] : a.handles) {
        for (const auto& [otherKind, otherKey] : b.handles) {
            if (kind == otherKind && !key.empty() && !otherKey.empty() && key != otherKey) {
                return true;
            }
        }
    }
    return false;
}

bool startsWithVCard(std::string_view bytes) {
    std::size_t i = 0;
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        i = 3;
    }
    while (i < bytes.size() &&
           (bytes[i] == ' ' || bytes[i] == '\r' || bytes[i] == '\n' || bytes[i] == '\t')) {
        ++i;
    }
    return text::lowerAscii(bytes.substr(i, 11)) == "begin:vcard";
}

}  // namespace

std::size_t ImportPreview::count(ImportRowStatus status) const {
    return static_cast<std::size_t>(std::count_if(
        rows.begin(), rows.end(), [&](const ImportRow& r) { return r.status == status; }));
}

std::vector<std::string> ContactImport::fillBlanks(Contact& target, const Contact& incoming) {
    std::vector<std::string> filled;
    const auto fill = [&](std::string& field, const std::string& value, const char* name) {
        if (field.empty() && !value.empty()) {
            field = value;
            filled.emplace_back(name);
        }
    };
    fill(target.email, incoming.email, "email");
    fill(target.company, incoming.company, "company");
    fill(target.role, incoming.role, "role");
    fill(target.uid, incoming.uid, "uid");
    fill(target.notes, incoming.notes, "notes");
    if (!target.nicheId && incoming.nicheId) {
        target.nicheId = incoming.nicheId;
        filled.emplace_back("niche");
    }
    bool handles = false;
    for (const auto& h : incoming.handles) {
        const bool has = std::any_of(target.handles.begin(), target.handles.end(),
                                     [&](const Handle& x) { return x.kind == h.kind; });
        if (!has) {
            target.handles.push_back(h);
            handles = true;
        }
    }
    if (handles) {
        filled.emplace_back("handles");
    }
    bool tags = false;
    for (const auto& t : incoming.tags) {
        if (std::find(target.tags.begin(), target.tags.end(), t) == target.tags.end()) {
            target.tags.push_back(t);
            tags = true;
        }
    }
    if (tags) {
        filled.emplace_back("tags");
    }
    return filled;
}

ImportPreview ContactImport::preview(std::vector<ImportCandidate> candidates, ImportFormat format,
                                     const std::string& source, std::vector<std::string> notes,
                                     const Progress& progress) {
    ImportPreview out;
    out.source = source;
    out.format = format;
    out.notes = std::move(notes);
    const Date today = localDate(m_clock.now(), m_store.timeZone());
    auto& db = m_store.db();

    std::unordered_map<std::string, Id> niches;
    for (const auto& n : m_store.list<Niche>()) {
        niches.emplace(text::lowerAscii(n.name), n.id);
    }

    Index index;
    {
        auto s = db.prepare("SELECT id, display_name, email, uid FROM contacts ORDER BY id");
        while (s.step()) {
            Contact c;
            c.id = s.integer(0);
            c.displayName = s.text(1);
            c.email = s.text(2);
            c.uid = s.text(3);
            index.add(c, {false, c.id});
            index.stored[c.id].email = keys::email(c.email);
        }
        auto h = db.prepare("SELECT contact_id, kind, handle FROM contact_handles");
        while (h.step()) {
            const Id id = h.integer(0);
            const auto kind = parseEnum<ChannelKind>(h.text(1)).value_or(ChannelKind::Other);
            const auto key = keys::handle(kind, h.text(2));
            index.handle.emplace(Index::handleKey(kind, key), Ref{false, id});
            index.stored[id].handles.emplace_back(kind, key);
        }
    }

    // Matched contacts and rows as the rows before have filled them in.
    std::unordered_map<Id, Contact> storedMerged;
    std::unordered_map<std::size_t, Contact> rowsMerged;
    const std::size_t total = candidates.size();
    out.rows.reserve(total);
    for (std::size_t i = 0; i < total; ++i) {
        auto& cand = candidates[i];
        ImportRow row;
        row.line = cand.line;
        row.problems = std::move(cand.problems);
        row.warnings = std::move(cand.warnings);
        row.contact = std::move(cand.contact);
        if (!cand.hasCreatedOn) {
            row.contact.createdOn = today;
        }
        if (!cand.nicheName.empty()) {
            if (const auto it = niches.find(text::lowerAscii(cand.nicheName)); it != niches.end()) {
                row.contact.nicheId = it->second;
            } else {
                row.warnings.push_back("names the niche \"" + cand.nicheName +
                                       "\", which this workspace does not have; left empty");
            }
        }
        if (row.problems.empty()) {
            try {
                validate(row.contact);
            } catch (const ValidationError& e) {
                row.problems.push_back(e.field() + " " + e.problem());
            }
        }
        if (!row.problems.empty()) {
            row.status = ImportRowStatus::Invalid;
            out.rows.push_back(std::move(row));
            continue;
        }

        // The first key that holds, strongest first.
        std::optional<Ref> match;
        const auto& c = row.contact;
        if (!c.uid.empty()) {
            if (const auto it = index.uid.find(c.uid); it != index.uid.end()) {
                match = it->second;
                row.matchedBy = MatchRule::Uid;
            }
        }
        if (!match) {
            if (const auto e = keys::email(c.email); !e.empty()) {
                if (const auto it = index.email.find(e); it != index.email.end()) {
                    match = it->second;
                    row.matchedBy = MatchRule::Email;
                }
            }
        }
        if (!match) {
            for (const auto& h : c.handles) {
                const auto k = keys::handle(h.kind, h.handle);
                if (const auto it = index.handle.find(Index::handleKey(h.kind, k));
                    !k.empty() && it != index.handle.end()) {
                    match = it->second;
                    row.matchedBy = MatchRule::Handle;
                    break;
                }
            }
        }
        if (!match) {
            if (const auto it = index.name.find(keys::name(c.displayName));
                it != index.name.end()) {
                const auto mine = personOf(c);
                for (const auto& ref : it->second) {
                    const auto theirs =
                        ref.row
                            ? personOf(rowsMerged.count(static_cast<std::size_t>(ref.value))
                                           ? rowsMerged[static_cast<std::size_t>(ref.value)]
                                           : out.rows[static_cast<std::size_t>(ref.value)].contact)
                            : index.stored[ref.value];
                    if (!conflicts(mine, theirs)) {
                        match = ref;
                        row.matchedBy = MatchRule::Name;
                        break;
                    }
                }
            }
        }

        if (match) {
            row.status = ImportRowStatus::Match;
            // Fills add up over the rows of a file, as the commit will apply them; the keys
            // they add (a profile, an email) count for the rows after.
            auto& target = match->row ? rowsMerged[static_cast<std::size_t>(match->value)]
                                      : storedMerged[match->value];
            if (target.displayName.empty()) {
                target = match->row ? out.rows[static_cast<std::size_t>(match->value)].contact
                                    : m_store.get<Contact>(match->value);
            }
            if (match->row) {
                row.sameAsRow = static_cast<std::size_t>(match->value);
            } else {
                row.matchId = match->value;
            }
            row.fills = fillBlanks(target, row.contact);
            if (!row.fills.empty()) {
                index.add(target, *match);
                if (!match->row) {
                    index.stored[match->value] = personOf(target);
                }
            }
        } else {
            row.status = ImportRowStatus::New;
            index.add(row.contact, {true, static_cast<std::int64_t>(out.rows.size())});
        }
        out.rows.push_back(std::move(row));
        if (progress && (i + 1) % 512 == 0 && !progress(i + 1, total)) {
            throw Cancelled{};
        }
    }
    if (progress && !progress(total, total)) {
        throw Cancelled{};
    }
    return out;
}

ImportPreview ContactImport::previewCsv(const CsvTable& table, const ColumnMapping& mapping,
                                        ImportFormat format, const Progress& progress) {
    auto notes = table.notes;
    for (auto& n : CsvImport::checkMapping(table, mapping)) {
        notes.push_back(std::move(n));
    }
    if (format == ImportFormat::LinkedIn && !table.linkedIn) {
        notes.push_back(
            "The file does not have LinkedIn's header (First Name, Last Name, URL, Email "
            "Address, Company, Position, Connected On); its columns were matched by name.");
    }
    const Stage stage = format == ImportFormat::LinkedIn ? Stage::Follower : Stage::Looker;
    return preview(CsvImport::candidates(table, mapping, stage), format, table.source,
                   std::move(notes), progress);
}

ImportPreview ContactImport::previewVCard(std::string_view textValue, const std::string& source,
                                          const Progress& progress) {
    const auto cards = VCard::parse(textValue, source);
    std::vector<std::string> notes;
    const auto converted = std::count_if(cards.begin(), cards.end(),
                                         [](const VCardCard& c) { return c.converted > 0; });
    if (converted > 0) {
        notes.push_back(std::to_string(converted) + " card" + (converted == 1 ? " has" : "s have") +
                        " text that is not UTF-8; it was read as Latin-1 (Windows-1252).");
    }
    return preview(VCard::candidates(cards), ImportFormat::VCard, source, std::move(notes),
                   progress);
}

ImportPreview ContactImport::previewFile(const std::string& path,
                                         std::optional<ImportFormat> format,
                                         const Progress& progress) {
    const auto bytes = workspacejson::readFile(path);
    if (!format) {
        const auto lower = text::lowerAscii(path);
        if (lower.ends_with(".vcf") || lower.ends_with(".vcard") || startsWithVCard(bytes)) {
            format = ImportFormat::VCard;
        }
    }
    if (format == ImportFormat::VCard) {
        return previewVCard(bytes, path, progress);
    }
    const auto table = CsvImport::read(bytes, path);
    if (!format) {
        format = table.linkedIn ? ImportFormat::LinkedIn : ImportFormat::Csv;
    }
    return previewCsv(table, CsvImport::autoMapping(table), *format, progress);
}

ImportResult ContactImport::commit(const ImportPreview& preview, const Progress& progress) {
    ImportResult result;
    const std::size_t total = preview.rows.size();
    std::unordered_map<std::size_t, Id> added;  // row index -> new contact
    std::unordered_map<Id, bool> niches;
    const auto nicheExists = [&](Id id) {
        const auto it = niches.find(id);
        return it != niches.end()
                   ? it->second
                   : niches.emplace(id, rowExists(m_store.db(), Entity::Niche, id)).first->second;
    };
    // New rows are validated below before they are written, matches through Store::update:
    // the schema's CHECKs would only say the same again.
    const CheckConstraintsOff checksOff{m_store.db()};
    m_store.bulkTransaction([&] {
        for (std::size_t i = 0; i < total; ++i) {
            const auto& row = preview.rows[i];
            std::optional<Id> into = row.matchId;
            if (row.sameAsRow) {
                if (const auto it = added.find(*row.sameAsRow); it != added.end()) {
                    into = it->second;
                }
            }
            if (!row.accepted || row.status == ImportRowStatus::Invalid) {
                ++result.skipped;
            } else if (into) {
                auto stored = m_store.get<Contact>(*into);
                if (fillBlanks(stored, row.contact).empty()) {
                    ++result.unchanged;
                } else {
                    m_store.update(stored);  // validates, like the new rows below
                    ++result.updated;
                }
            } else {
                Contact c = row.contact;
                c.id = 0;
                validate(c);
                if (c.nicheId && !nicheExists(*c.nicheId)) {
                    throw ValidationError(
                        recordLabel(Entity::Contact, 0), "niche",
                        "refers to niche " + std::to_string(*c.nicheId) + ", which does not exist");
                }
                Table<Contact>::insert(m_store.db(), c);
                added.emplace(i, c.id);
                result.addedIds.push_back(c.id);
                ++result.added;
            }
            if (progress && (i + 1) % 512 == 0 && !progress(i + 1, total)) {
                throw Cancelled{};
            }
        }
        if (progress && !progress(total, total)) {
            throw Cancelled{};
        }
    });
    return result;
}

}  // namespace rapport::core
