#include "core/duplicatefinder.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "core/contactkeys.h"
#include "core/store.h"

namespace rapport::core {

std::vector<DuplicateGroup> DuplicateFinder::all() {
    auto& db = m_store.db();
    std::unordered_map<std::string, std::vector<Id>> emails;
    std::unordered_map<std::string, std::vector<Id>> names;
    std::map<std::pair<ChannelKind, std::string>, std::vector<Id>> handles;
    {
        auto s = db.prepare("SELECT id, display_name, email FROM contacts ORDER BY id");
        while (s.step()) {
            const Id id = s.integer(0);
            if (const auto n = keys::name(s.text(1)); !n.empty()) {
                names[n].push_back(id);
            }
            if (const auto e = keys::email(s.text(2)); !e.empty()) {
                emails[e].push_back(id);
            }
        }
        auto h = db.prepare(
            "SELECT contact_id, kind, handle FROM contact_handles "
            "ORDER BY contact_id");
        while (h.step()) {
            const auto kind = parseEnum<ChannelKind>(h.text(1)).value_or(ChannelKind::Other);
            if (const auto k = keys::handle(kind, h.text(2)); !k.empty()) {
                handles[{kind, k}].push_back(h.integer(0));
            }
        }
    }
    std::vector<DuplicateGroup> out;
    const auto collect = [&](DuplicateReason reason, std::optional<ChannelKind> channel,
                             const std::string& key, const std::vector<Id>& ids) {
        if (ids.size() > 1) {
            out.push_back({reason, channel, key, ids});
        }
    };
    const auto byFirst = [](std::vector<DuplicateGroup>::iterator from,
                            std::vector<DuplicateGroup>::iterator to) {
        std::sort(from, to, [](const DuplicateGroup& a, const DuplicateGroup& b) {
            return std::tie(a.contactIds, a.key) < std::tie(b.contactIds, b.key);
        });
    };
    for (const auto& [key, ids] : emails) {
        collect(DuplicateReason::Email, std::nullopt, key, ids);
    }
    byFirst(out.begin(), out.end());
    auto mark = out.size();
    for (const auto& [kindKey, ids] : handles) {
        collect(DuplicateReason::Handle, kindKey.first, kindKey.second, ids);
    }
    byFirst(out.begin() + static_cast<std::ptrdiff_t>(mark), out.end());
    mark = out.size();
    for (const auto& [key, ids] : names) {
        collect(DuplicateReason::Name, std::nullopt, key, ids);
    }
    byFirst(out.begin() + static_cast<std::ptrdiff_t>(mark), out.end());
    return out;
}

std::vector<DuplicateGroup> DuplicateFinder::of(Id contactId) {
    auto groups = all();
    std::erase_if(groups, [&](const DuplicateGroup& g) {
        return std::find(g.contactIds.begin(), g.contactIds.end(), contactId) == g.contactIds.end();
    });
    return groups;
}

}  // namespace rapport::core
