#pragma once
// vCard (RFC 6350 for 4.0, RFC 2426 for 3.0): a small reader and writer of our own, since
// Debian has no maintained C++ one. Folded lines, escaped characters, grouped properties
// (item1.URL with item1.X-ABLabel) and several values per property are understood; a file that
// is cut short, lacks an END or has a line over 10,000 characters is refused, naming the line.

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/importcandidate.h"

namespace rapport::core {

/// One property of a card, unfolded; its value still escaped as in the file.
struct VCardProperty {
    std::size_t line = 0;
    std::string group;  ///< "item1" of "item1.URL"; empty when none
    std::string name;   ///< upper case: "EMAIL", "X-SOCIALPROFILE"
    /// Parameter names in upper case, each with its values (quotes and commas resolved).
    std::map<std::string, std::vector<std::string>> params;
    std::string value;
};

struct VCardCard {
    std::size_t line = 0;  ///< the line of BEGIN:VCARD
    std::string version;   ///< "3.0" or "4.0"
    std::vector<VCardProperty> properties;
    std::size_t converted = 0;  ///< bytes that were not UTF-8, read as Latin-1
};

enum class VCardVersion { V3, V4 };

/// Reads and writes vCards.
class VCard {
public:
    static constexpr std::size_t kMaxLineCharacters = 10'000;

    /// Splits a vCard file into cards. Throws ImportError naming `source` and the line when the
    /// file is not a whole vCard file; nothing is half-read.
    static std::vector<VCardCard> parse(std::string_view text, const std::string& source);
    /// Each card as a contact to import.
    static std::vector<ImportCandidate> candidates(const std::vector<VCardCard>& cards);

    /// The contacts as a vCard file, CRLF line ends, folded at 75 bytes. `nicheNames` maps a
    /// niche id to its name, written as X-RAPPORT-NICHE along with the stage and created date
    /// (X-RAPPORT-STAGE, X-RAPPORT-CREATED), so a Rapport workspace reads back what it wrote.
    static std::string write(const std::vector<Contact>& contacts, VCardVersion version,
                             const std::map<Id, std::string>& nicheNames = {});

    /// A text value's escapes undone: \\n is a line break, \\, \\; \\\\ the character.
    static std::string unescape(std::string_view raw);
    /// The components of a value separated by unescaped `separator`, each unescaped.
    static std::vector<std::string> split(std::string_view raw, char separator);
    /// Escapes a text value for writing.
    static std::string escape(std::string_view text);
};

}  // namespace rapport::core
