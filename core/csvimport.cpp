#include "core/csvimport.h"

#include <csv.h>

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <set>

#include "core/contactkeys.h"
#include "core/errors.h"
#include "core/textencoding.h"
#include "core/timeutil.h"
#include "core/workspacejson.h"

namespace rapport::core {

namespace {

// libcsv's parser state while a field is open (its FIELD_BEGUN); with `quoted` set at the end of
// the input, a quoted field was never closed. The state values are part of the public struct
// libcsv has kept since 3.0.
constexpr int kFieldBegun = 2;

// Collects libcsv's fields and rows, with the line each record starts on.
struct Splitter {
    std::vector<CsvRecord> records;
    std::vector<std::size_t> blankLines;
    CsvRecord current;
    std::size_t line = 1;
    bool inRecord = false;
    bool afterCr = false;  // the last row ended with CR: a LF now is the rest of CRLF

    static void onField(void* data, std::size_t len, void* self) {
        auto& s = *static_cast<Splitter*>(self);
        if (!s.inRecord) {
            s.inRecord = true;
            s.current.line = s.line;
        }
        s.afterCr = false;
        std::string_view field{static_cast<const char*>(data), len};
        for (std::size_t i = 0; i < field.size(); ++i) {
            if (field[i] == '\n' ||
                (field[i] == '\r' && (i + 1 == field.size() || field[i + 1] != '\n'))) {
                ++s.line;
            }
        }
        // A quoted line break is kept, as a plain line feed whatever the file used.
        std::string value;
        value.reserve(field.size());
        for (std::size_t i = 0; i < field.size(); ++i) {
            if (field[i] == '\r') {
                value += '\n';
                if (i + 1 < field.size() && field[i + 1] == '\n') {
                    ++i;
                }
            } else {
                value += field[i];
            }
        }
        s.current.fields.push_back(std::move(value));
    }

    static void onRow(int c, void* self) {
        auto& s = *static_cast<Splitter*>(self);
        if (c == '\n' && s.afterCr && !s.inRecord) {
            s.afterCr = false;
            return;
        }
        if (s.inRecord) {
            s.records.push_back(std::move(s.current));
        } else if (c != -1) {
            s.blankLines.push_back(s.line);
        }
        s.current = {};
        s.inRecord = false;
        if (c == '\r' || c == '\n') {
            ++s.line;
        }
        s.afterCr = c == '\r';
    }
};

bool isBlank(const CsvRecord& r) {
    return std::all_of(r.fields.begin(), r.fields.end(),
                       [](const std::string& f) { return text::trim(f).empty(); });
}

// A header name as a key: lower case, letters and digits only ("E-mail Address" -> "emailaddress").
std::string headerKey(std::string_view header) {
    std::string out;
    for (const char c : text::lowerAscii(header)) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out += c;
        }
    }
    return out;
}

std::string linesText(const std::vector<std::size_t>& lines) {
    std::string out;
    for (std::size_t i = 0; i < lines.size() && i < 10; ++i) {
        if (i > 0) {
            out += ", ";
        }
        out += std::to_string(lines[i]);
    }
    if (lines.size() > 10) {
        out += " and " + std::to_string(lines.size() - 10) + " more";
    }
    return out;
}

ColumnTarget targetOf(const std::string& key, bool linkedIn) {
    static const std::map<std::string, ColumnTarget> kNames = {
        {"name", {ImportField::DisplayName}},
        {"fullname", {ImportField::DisplayName}},
        {"displayname", {ImportField::DisplayName}},
        {"contact", {ImportField::DisplayName}},
        {"contactname", {ImportField::DisplayName}},
        {"firstname", {ImportField::FirstName}},
        {"givenname", {ImportField::FirstName}},
        {"first", {ImportField::FirstName}},
        {"forename", {ImportField::FirstName}},
        {"lastname", {ImportField::LastName}},
        {"surname", {ImportField::LastName}},
        {"familyname", {ImportField::LastName}},
        {"last", {ImportField::LastName}},
        {"email", {ImportField::Email}},
        {"emailaddress", {ImportField::Email}},
        {"mail", {ImportField::Email}},
        {"primaryemail", {ImportField::Email}},
        {"company", {ImportField::Company}},
        {"companyname", {ImportField::Company}},
        {"organization", {ImportField::Company}},
        {"organisation", {ImportField::Company}},
        {"org", {ImportField::Company}},
        {"employer", {ImportField::Company}},
        {"position", {ImportField::Role}},
        {"title", {ImportField::Role}},
        {"jobtitle", {ImportField::Role}},
        {"role", {ImportField::Role}},
        {"stage", {ImportField::Stage}},
        {"niche", {ImportField::Niche}},
        {"tags", {ImportField::Tags}},
        {"tag", {ImportField::Tags}},
        {"labels", {ImportField::Tags}},
        {"categories", {ImportField::Tags}},
        {"groups", {ImportField::Tags}},
        {"notes", {ImportField::Notes}},
        {"note", {ImportField::Notes}},
        {"comments", {ImportField::Notes}},
        {"connectedon", {ImportField::CreatedOn}},
        {"createdon", {ImportField::CreatedOn}},
        {"created", {ImportField::CreatedOn}},
        {"dateadded", {ImportField::CreatedOn}},
        {"added", {ImportField::CreatedOn}},
        {"uid", {ImportField::Uid}},
        {"x", {ImportField::Handle, ChannelKind::X}},
        {"twitter", {ImportField::Handle, ChannelKind::X}},
        {"twitterhandle", {ImportField::Handle, ChannelKind::X}},
        {"xhandle", {ImportField::Handle, ChannelKind::X}},
        {"linkedin", {ImportField::Handle, ChannelKind::LinkedIn}},
        {"linkedinurl", {ImportField::Handle, ChannelKind::LinkedIn}},
        {"linkedinprofile", {ImportField::Handle, ChannelKind::LinkedIn}},
        {"facebook", {ImportField::Handle, ChannelKind::Facebook}},
        {"instagram", {ImportField::Handle, ChannelKind::Instagram}},
        {"youtube", {ImportField::Handle, ChannelKind::YouTube}},
        {"tiktok", {ImportField::Handle, ChannelKind::TikTok}},
        {"blog", {ImportField::Handle, ChannelKind::Blog}},
        {"website", {ImportField::Handle, ChannelKind::Blog}},
        {"newsletter", {ImportField::Handle, ChannelKind::Newsletter}},
        {"podcast", {ImportField::Handle, ChannelKind::Podcast}},
        {"forum", {ImportField::Handle, ChannelKind::Forum}},
        {"url", {ImportField::Handle, ChannelKind::Other}},
        {"profileurl", {ImportField::Handle, ChannelKind::Other}},
        {"other", {ImportField::Handle, ChannelKind::Other}},
    };
    if (linkedIn && key == "url") {
        return {ImportField::Handle, ChannelKind::LinkedIn};
    }
    const auto it = kNames.find(key);
    return it == kNames.end() ? ColumnTarget{} : it->second;
}

std::optional<unsigned> monthOf(std::string_view word) {
    static constexpr std::array<std::string_view, 12> kMonths = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    const auto w = text::lowerAscii(word);
    for (std::size_t m = 0; m < kMonths.size(); ++m) {
        if (w == kMonths[m] || (w.size() == 3 && kMonths[m].starts_with(w)) ||
            (w == "sept" && m == 8)) {
            return static_cast<unsigned>(m + 1);
        }
    }
    return std::nullopt;
}

std::optional<int> number(std::string_view s, std::size_t minDigits, std::size_t maxDigits) {
    if (s.size() < minDigits || s.size() > maxDigits) {
        return std::nullopt;
    }
    int v = 0;
    for (const char c : s) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        v = v * 10 + (c - '0');
    }
    return v;
}

std::vector<std::string> splitTags(std::string_view value) {
    std::vector<std::string> tags;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= value.size(); ++i) {
        if (i == value.size() || value[i] == ';' || value[i] == ',') {
            auto tag = text::trim(value.substr(start, i - start));
            if (!tag.empty() && std::find(tags.begin(), tags.end(), tag) == tags.end()) {
                tags.push_back(std::move(tag));
            }
            start = i + 1;
        }
    }
    return tags;
}

}  // namespace

const std::vector<std::string>& CsvImport::linkedInHeader() {
    static const std::vector<std::string> kHeader = {
        "First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"};
    return kHeader;
}

std::optional<Date> CsvImport::parseDay(std::string_view value) {
    const auto t = text::trim(value);
    if (const auto iso = parseDate(t)) {
        return iso;
    }
    std::vector<std::string> parts;
    std::string word;
    for (const char c : t + " ") {
        if (c == ' ' || c == ',') {
            if (!word.empty()) {
                parts.push_back(std::move(word));
                word.clear();
            }
        } else {
            word += c;
        }
    }
    if (parts.size() != 3) {
        return std::nullopt;
    }
    // "05 Oct 2020" (LinkedIn) or "Oct 5, 2020".
    auto day = number(parts[0], 1, 2);
    auto month = monthOf(parts[1]);
    if (!day || !month) {
        day = number(parts[1], 1, 2);
        month = monthOf(parts[0]);
    }
    const auto year = number(parts[2], 4, 4);
    if (!day || !month || !year) {
        return std::nullopt;
    }
    const Date d{date::year{*year}, date::month{*month}, date::day{static_cast<unsigned>(*day)}};
    return d.ok() ? std::optional<Date>{d} : std::nullopt;
}

CsvTable CsvImport::read(std::string_view input, const std::string& source) {
    CsvTable table;
    table.source = source;
    if (text::hasWideBom(input)) {
        throw ImportError(source, "",
                          "is UTF-16 or UTF-32 text; save it as UTF-8 (or \"CSV UTF-8\") and "
                          "import it again");
    }
    std::string bytes{input};
    if (text::stripBom(bytes)) {
        table.notes.push_back("The file starts with a byte-order mark; it was left out.");
    }

    Splitter splitter;
    struct ParserDeleter {
        void operator()(csv_parser* p) const {
            csv_free(p);
            delete p;
        }
    };
    std::unique_ptr<csv_parser, ParserDeleter> parser{new csv_parser{}};
    if (csv_init(parser.get(), CSV_REPALL_NL) != 0) {
        throw ImportError(source, "", "cannot be read: the CSV reader did not start");
    }
    if (csv_parse(parser.get(), bytes.data(), bytes.size(), Splitter::onField, Splitter::onRow,
                  &splitter) != bytes.size()) {
        throw ImportError(source, "line " + std::to_string(splitter.line),
                          std::string{"cannot be read: "} + csv_strerror(csv_error(parser.get())));
    }
    const bool unclosed = parser->pstate == kFieldBegun && parser->quoted != 0;
    csv_fini(parser.get(), Splitter::onField, Splitter::onRow, &splitter);
    if (unclosed && !splitter.records.empty()) {
        splitter.records.back().problem =
            "has a quoted field that is never closed, so everything after it was read into "
            "this row";
    }

    auto& all = splitter.records;
    std::size_t headerAt = 0;
    while (headerAt < all.size() && isBlank(all[headerAt])) {
        ++headerAt;
    }
    if (headerAt == all.size()) {
        throw ImportError(source, "", "holds no rows at all");
    }
    const auto hasName = [](const CsvRecord& r) {
        bool first = false;
        bool last = false;
        for (const auto& f : r.fields) {
            first = first || headerKey(f) == "firstname";
            last = last || headerKey(f) == "lastname";
        }
        return first && last;
    };
    const auto& top = all[headerAt].fields;
    const bool linkedInNotes = !top.empty() && text::lowerAscii(text::trim(top[0])) == "notes:" &&
                               std::all_of(top.begin() + 1, top.end(), [](const std::string& f) {
                                   return text::trim(f).empty();
                               });
    if (linkedInNotes) {
        // LinkedIn's export: "Notes:", a paragraph, a blank line, then the header.
        const std::size_t notesLine = all[headerAt].line;
        while (headerAt < all.size() && !hasName(all[headerAt])) {
            ++headerAt;
        }
        if (headerAt == all.size()) {
            throw ImportError(source, "",
                              "starts with LinkedIn's \"Notes:\" but has no header line with "
                              "First Name and Last Name after it");
        }
        table.notes.push_back("Skipped LinkedIn's notes at the top (lines " +
                              std::to_string(notesLine) + " to " +
                              std::to_string(all[headerAt].line - 1) + ").");
    }
    std::size_t converted = 0;
    for (const auto& h : all[headerAt].fields) {
        std::size_t n = 0;
        table.header.push_back(text::trim(text::toUtf8(h, n)));
        converted += n;
    }
    table.headerLine = all[headerAt].line;
    {
        std::set<std::string> keys;
        for (const auto& h : table.header) {
            keys.insert(headerKey(h));
        }
        table.linkedIn = keys.count("firstname") && keys.count("lastname") &&
                         (keys.count("url") || keys.count("connectedon"));
    }
    for (const auto line : splitter.blankLines) {
        if (line > table.headerLine) {
            ++table.blankRows;
        }
    }
    std::vector<std::size_t> latin1Lines;
    for (std::size_t i = headerAt + 1; i < all.size(); ++i) {
        auto& r = all[i];
        if (isBlank(r) && r.problem.empty()) {
            ++table.blankRows;
            continue;
        }
        for (auto& f : r.fields) {
            std::size_t n = 0;
            if (!text::isUtf8(f)) {
                f = text::toUtf8(f, n);
                r.converted += n;
            }
        }
        if (r.converted > 0) {
            latin1Lines.push_back(r.line);
        }
        table.records.push_back(std::move(r));
    }
    if (converted > 0 || !latin1Lines.empty()) {
        table.notes.push_back("Some text is not UTF-8 and was read as Latin-1 (Windows-1252)" +
                              (latin1Lines.empty() ? std::string{" in the header"}
                                                   : " on lines " + linesText(latin1Lines)) +
                              "; check those names.");
    }
    if (table.blankRows > 0) {
        table.notes.push_back("Skipped " + std::to_string(table.blankRows) + " blank row" +
                              (table.blankRows == 1 ? "." : "s."));
    }
    return table;
}

CsvTable CsvImport::readFile(const std::string& path) {
    return read(workspacejson::readFile(path), path);
}

ColumnMapping CsvImport::autoMapping(const CsvTable& table) {
    ColumnMapping m;
    std::vector<ColumnTarget> taken;
    for (const auto& h : table.header) {
        auto t = targetOf(headerKey(h), table.linkedIn);
        if (t.field != ImportField::Ignore &&
            std::find(taken.begin(), taken.end(), t) != taken.end()) {
            t = {};  // a second column for the same field: the first one wins
        }
        if (t.field != ImportField::Ignore) {
            taken.push_back(t);
        }
        m.columns.push_back(t);
    }
    return m;
}

std::vector<std::string> CsvImport::checkMapping(const CsvTable& table,
                                                 const ColumnMapping& mapping) {
    std::vector<std::string> notes;
    const auto columnOf = [&](ImportField field,
                              ChannelKind kind = ChannelKind::Other) -> std::optional<std::size_t> {
        for (std::size_t i = 0; i < mapping.columns.size(); ++i) {
            const auto& t = mapping.columns[i];
            if (t.field == field && (field != ImportField::Handle || t.channel == kind)) {
                return i;
            }
        }
        return std::nullopt;
    };
    if (!columnOf(ImportField::DisplayName) && !columnOf(ImportField::FirstName) &&
        !columnOf(ImportField::LastName)) {
        std::string header;
        for (const auto& h : table.header) {
            if (!header.empty()) {
                header += ", ";
            }
            header += h;
        }
        throw ImportError(table.source, "line " + std::to_string(table.headerLine),
                          "has no column for the name: expected Name, or First Name and Last "
                          "Name (the columns are: " +
                              header + ")");
    }
    if (table.linkedIn) {
        const std::array<ColumnTarget, 7> expected = {ColumnTarget{ImportField::FirstName},
                                                      {ImportField::LastName},
                                                      {ImportField::Handle, ChannelKind::LinkedIn},
                                                      {ImportField::Email},
                                                      {ImportField::Company},
                                                      {ImportField::Role},
                                                      {ImportField::CreatedOn}};
        const std::array<const char*, 7> lost = {"first names",     "last names", "profile links",
                                                 "emails",          "companies",  "positions",
                                                 "connection dates"};
        for (std::size_t k = 0; k < expected.size(); ++k) {
            const auto& name = linkedInHeader()[k];
            const auto col = columnOf(expected[k].field, expected[k].channel);
            if (!col) {
                notes.push_back("The column \"" + name + "\" is missing, so no " + lost[k] +
                                " are read.");
            } else if (headerKey(table.header[*col]) != headerKey(name)) {
                notes.push_back("Read the column \"" + table.header[*col] + "\" as \"" + name +
                                "\".");
            }
        }
    }
    for (std::size_t i = 0; i < table.header.size(); ++i) {
        const bool ignored =
            i >= mapping.columns.size() || mapping.columns[i].field == ImportField::Ignore;
        if (ignored && !table.header[i].empty()) {
            notes.push_back("The column \"" + table.header[i] + "\" is not imported.");
        }
    }
    return notes;
}

std::vector<ImportCandidate> CsvImport::candidates(const CsvTable& table,
                                                   const ColumnMapping& mapping,
                                                   Stage defaultStage) {
    std::vector<ImportCandidate> out;
    out.reserve(table.records.size());
    for (const auto& r : table.records) {
        ImportCandidate c;
        c.line = r.line;
        c.contact.source = ContactSource::Csv;
        c.contact.stage = defaultStage;
        if (!r.problem.empty()) {
            c.problems.push_back(r.problem);
        }
        if (r.converted > 0) {
            c.warnings.push_back("has text that is not UTF-8, read as Latin-1 (Windows-1252)");
        }
        const auto extra = std::any_of(
            r.fields.begin() +
                static_cast<std::ptrdiff_t>(std::min(r.fields.size(), table.header.size())),
            r.fields.end(), [](const std::string& f) { return !text::trim(f).empty(); });
        if (r.problem.empty() && (r.fields.size() < table.header.size() || extra)) {
            c.problems.push_back(
                "has " + std::to_string(r.fields.size()) + " fields where the header has " +
                std::to_string(table.header.size()) + " (a comma or a line break outside quotes?)");
        }
        std::string displayName;
        std::string first;
        std::string last;
        for (std::size_t i = 0; i < mapping.columns.size() && i < r.fields.size(); ++i) {
            const auto& t = mapping.columns[i];
            const auto value = text::trim(r.fields[i]);
            const auto& column = i < table.header.size() ? table.header[i] : std::string{};
            switch (t.field) {
                case ImportField::Ignore:
                    break;
                case ImportField::DisplayName:
                    displayName = value;
                    break;
                case ImportField::FirstName:
                    first = value;
                    break;
                case ImportField::LastName:
                    last = value;
                    break;
                case ImportField::Email:
                    c.contact.email = value;
                    break;
                case ImportField::Company:
                    c.contact.company = value;
                    break;
                case ImportField::Role:
                    c.contact.role = value;
                    break;
                case ImportField::Notes:
                    c.contact.notes = value;
                    break;
                case ImportField::Uid:
                    c.contact.uid = value;
                    break;
                case ImportField::Niche:
                    c.nicheName = value;
                    break;
                case ImportField::Tags:
                    c.contact.tags = splitTags(value);
                    break;
                case ImportField::Stage:
                    if (!value.empty()) {
                        if (const auto stage = parseEnum<Stage>(text::lowerAscii(value))) {
                            c.contact.stage = *stage;
                        } else {
                            c.problems.push_back(column + " \"" + value + "\" is not a stage (" +
                                                 allowedNames<Stage>() + ")");
                        }
                    }
                    break;
                case ImportField::CreatedOn:
                    if (!value.empty()) {
                        if (const auto day = parseDay(value)) {
                            c.contact.createdOn = *day;
                            c.hasCreatedOn = true;
                        } else {
                            c.problems.push_back(column + " \"" + value +
                                                 "\" is not a date like 05 Oct 2020 or "
                                                 "2020-10-05");
                        }
                    }
                    break;
                case ImportField::Handle:
                    if (!value.empty()) {
                        auto h = keys::importedHandle(t.channel, value);
                        const bool taken =
                            std::any_of(c.contact.handles.begin(), c.contact.handles.end(),
                                        [&](const Handle& x) { return x.kind == h.kind; });
                        if (!taken) {
                            c.contact.handles.push_back(std::move(h));
                        }
                    }
                    break;
            }
        }
        if (displayName.empty()) {
            displayName = text::trim(first + " " + last);
        }
        c.contact.displayName = displayName;
        if (displayName.empty() && r.problem.empty()) {
            c.problems.push_back("has no name");
        }
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace rapport::core
