#pragma once
// Contacts from CSV files (RFC 4180, read with libcsv): LinkedIn's Connections.csv as LinkedIn
// exports it (a "Notes:" preamble, then First Name, Last Name, URL, Email Address, Company,
// Position, Connected On), and any CSV through a mapping of its columns to contact fields.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/importcandidate.h"

namespace rapport::core {

/// One record of the file, as libcsv split it.
struct CsvRecord {
    std::size_t line = 0;  ///< where the record begins (a quoted line break spans lines)
    std::vector<std::string> fields;
    std::size_t converted = 0;  ///< bytes read as Latin-1 (Windows-1252)
    std::string problem;        ///< a record libcsv could not read whole (an unclosed quote)
};

/// A CSV file split into its header and records; nothing is interpreted yet.
struct CsvTable {
    std::string source;
    std::vector<std::string> header;
    std::size_t headerLine = 0;
    std::vector<CsvRecord> records;  ///< after the header; blank rows are left out
    std::size_t blankRows = 0;
    bool linkedIn = false;           ///< the header is LinkedIn's Connections.csv header
    std::vector<std::string> notes;  ///< what reading noticed: BOM, preamble, Latin-1 bytes
};

/// The contact fields a column can feed.
enum class ImportField {
    Ignore,
    DisplayName,
    FirstName,
    LastName,
    Email,
    Company,
    Role,
    Stage,
    Niche,
    Tags,  ///< separated by ";" or ","
    Notes,
    CreatedOn,  ///< 2020-10-05, "05 Oct 2020" or "5 October 2020"
    Uid,
    Handle  ///< a handle or profile link on `ColumnTarget::channel`
};

struct ColumnTarget {
    ImportField field = ImportField::Ignore;
    ChannelKind channel = ChannelKind::Other;  ///< for Handle
    bool operator==(const ColumnTarget&) const = default;
};

/// Where each column of the file goes, by column index.
struct ColumnMapping {
    std::vector<ColumnTarget> columns;
    bool operator==(const ColumnMapping&) const = default;
};

/// Reads CSV files and turns their records into import candidates.
class CsvImport {
public:
    /// LinkedIn's header, in its order.
    static const std::vector<std::string>& linkedInHeader();

    /// Splits CSV bytes into header and records. A UTF-8 byte-order mark is dropped; bytes
    /// that are not UTF-8 are read as Latin-1 and noted; LinkedIn's preamble is skipped.
    /// Throws ImportError naming `source` when there is no header to read (an empty file, a
    /// UTF-16 file, only blank lines).
    static CsvTable read(std::string_view bytes, const std::string& source);
    static CsvTable readFile(const std::string& path);

    /// Each column's field guessed from its header ("E-mail" is Email, "Surname" LastName).
    static ColumnMapping autoMapping(const CsvTable& table);
    /// What a mapping leaves out or reads under another name, in sentences for the preview;
    /// throws ImportError when no column gives a name.
    static std::vector<std::string> checkMapping(const CsvTable& table,
                                                 const ColumnMapping& mapping);

    /// Reads each record through the mapping. `defaultStage` applies when no column says.
    static std::vector<ImportCandidate> candidates(const CsvTable& table,
                                                   const ColumnMapping& mapping,
                                                   Stage defaultStage);

    /// "05 Oct 2020", "5 October 2020" or "2020-10-05".
    static std::optional<Date> parseDay(std::string_view text);
};

}  // namespace rapport::core
