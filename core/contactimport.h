#pragma once
// Importing contacts: a preview that sorts every row of a file into new, matching (the same
// person is already here) and invalid (with the reasons), and a commit of the accepted rows in
// one transaction. Matching is by UID, email, handle on a network, or normalised name, so
// importing the same file again adds nothing.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/csvimport.h"
#include "core/importcandidate.h"
#include "core/workspacejson.h"

namespace rapport::core {

class Store;

enum class ImportFormat { LinkedIn, Csv, VCard };
enum class ImportRowStatus { New, Match, Invalid };
/// What made a row the same person as a contact: the first that holds, in this order.
enum class MatchRule { Uid, Email, Handle, Name };

template <>
struct EnumNames<ImportFormat> {
    static constexpr auto values = std::to_array<std::string_view>({"linkedin", "csv", "vcard"});
    static constexpr std::string_view typeName = "ImportFormat";
};
template <>
struct EnumNames<ImportRowStatus> {
    static constexpr auto values = std::to_array<std::string_view>({"new", "match", "invalid"});
    static constexpr std::string_view typeName = "ImportRowStatus";
};
template <>
struct EnumNames<MatchRule> {
    static constexpr auto values =
        std::to_array<std::string_view>({"uid", "email", "handle", "name"});
    static constexpr std::string_view typeName = "MatchRule";
};

/// One row (or card) of the file as the preview judges it.
struct ImportRow {
    std::size_t line = 0;
    ImportRowStatus status = ImportRowStatus::New;
    Contact contact;  ///< what will be added (New), or what the file says (Match, Invalid)
    /// Match: the stored contact this row is.
    std::optional<Id> matchId;
    /// Match: an earlier row of this file that is the same person (index into rows).
    std::optional<std::size_t> sameAsRow;
    std::optional<MatchRule> matchedBy;
    /// Match: the fields of the stored contact the row fills in (only empty ones are filled;
    /// tags and handles are added). Empty: nothing changes.
    std::vector<std::string> fills;
    std::vector<std::string> problems;  ///< Invalid: why, each a phrase naming the field
    std::vector<std::string> warnings;
    /// The user's choice; rows not accepted, and invalid rows, are never written.
    bool accepted = true;
};

/// What importing a file would do.
struct ImportPreview {
    std::string source;
    ImportFormat format = ImportFormat::Csv;
    std::vector<std::string> notes;  ///< about the file: preamble, BOM, columns, Latin-1
    std::vector<ImportRow> rows;

    std::size_t count(ImportRowStatus status) const;
};

/// What a commit did.
struct ImportResult {
    std::size_t added = 0;
    std::size_t updated = 0;    ///< matches that filled something in
    std::size_t unchanged = 0;  ///< matches with nothing to fill in
    std::size_t skipped = 0;    ///< invalid or not accepted
    std::vector<Id> addedIds;
};

/// Previews and commits imports into a workspace; created dates default to the clock's today.
class ContactImport {
public:
    ContactImport(Store& store, const Clock& clock) : m_store(store), m_clock(clock) {}

    /// Judges candidates against the workspace and against earlier rows of the same file.
    ImportPreview preview(std::vector<ImportCandidate> candidates, ImportFormat format,
                          const std::string& source, std::vector<std::string> notes,
                          const Progress& progress = {});
    /// A CSV table through a mapping (LinkedIn format: stage follower unless a column says).
    ImportPreview previewCsv(const CsvTable& table, const ColumnMapping& mapping,
                             ImportFormat format, const Progress& progress = {});
    /// A vCard file's text; throws ImportError when the file is broken.
    ImportPreview previewVCard(std::string_view text, const std::string& source,
                               const Progress& progress = {});
    /// A file, its format told or guessed (.vcf or BEGIN:VCARD is vCard; LinkedIn's header is
    /// LinkedIn), a CSV mapped by its header names.
    ImportPreview previewFile(const std::string& path, std::optional<ImportFormat> format = {},
                              const Progress& progress = {});

    /// Writes the accepted new and matching rows in one transaction; a cancel through
    /// `progress` rolls everything back and throws Cancelled.
    ImportResult commit(const ImportPreview& preview, const Progress& progress = {});

    /// Fills `target`'s empty fields from `incoming` and adds its tags and handles on networks
    /// `target` has none for; returns the names of the fields it filled.
    static std::vector<std::string> fillBlanks(Contact& target, const Contact& incoming);

private:
    Store& m_store;
    const Clock& m_clock;
};

}  // namespace rapport::core
