#pragma once
// Contacts out to other programs: CSV (RFC 4180, quoted with libcsv) with a header that
// Rapport's own CSV import maps back by name, and vCard.

#include <map>
#include <string>
#include <vector>

#include "core/entities.h"
#include "core/vcard.h"
#include "core/workspacejson.h"

namespace rapport::core {

class Store;

/// Writes contacts as CSV or vCard files. `progress(done, total)` (optional) hears of the
/// contacts written every few hundred; returning false stops the export with Cancelled.
class ContactExport {
public:
    /// Columns: Name, Email, Company, Role, Stage, Niche, Tags ("; " between), Notes, Created
    /// On, UID, then one column per network any contact has a handle on. CRLF line ends.
    static std::string toCsv(const std::vector<Contact>& contacts,
                             const std::map<Id, std::string>& nicheNames = {},
                             const Progress& progress = {});
    /// Every contact of the workspace, as CSV.
    static std::string toCsv(Store& store, const Progress& progress = {});
    /// Every contact of the workspace, as vCard.
    static std::string toVCard(Store& store, VCardVersion version = VCardVersion::V4,
                               const Progress& progress = {});

    /// The workspace's niche names by id.
    static std::map<Id, std::string> nicheNames(Store& store);
};

}  // namespace rapport::core
