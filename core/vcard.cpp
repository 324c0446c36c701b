#include "core/vcard.h"

#include <algorithm>

#include "core/contactkeys.h"
#include "core/errors.h"
#include "core/textencoding.h"
#include "core/timeutil.h"

namespace rapport::core {

namespace {

std::string upper(std::string_view s) {
    std::string out{s};
    for (auto& c : out) {
        if (c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
    }
    return out;
}

std::string lineLabel(std::size_t line) {
    return "line " + std::to_string(line);
}

// RFC 6868: ^n is a line break, ^^ a caret, ^' a double quote, in parameter values.
std::string unescapeParam(std::string_view v) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (v[i] == '^' && i + 1 < v.size()) {
            const char n = v[i + 1];
            if (n == 'n' || n == 'N') {
                out += '\n';
                ++i;
                continue;
            }
            if (n == '^' || n == '\'') {
                out += n == '^' ? '^' : '"';
                ++i;
                continue;
            }
        }
        out += v[i];
    }
    return out;
}

// Parses "item1.EMAIL;TYPE=work,pref;PREF=1:value" into `p`; false when there is no colon.
bool parseContentLine(std::string_view line, VCardProperty& p) {
    std::size_t colon = std::string_view::npos;
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '"') {
            quoted = !quoted;
        } else if (line[i] == ':' && !quoted) {
            colon = i;
            break;
        }
    }
    if (colon == std::string_view::npos) {
        return false;
    }
    p.value = std::string{line.substr(colon + 1)};
    // The name part: split on semicolons outside quotes.
    std::vector<std::string> parts;
    std::string part;
    quoted = false;
    for (const char c : line.substr(0, colon)) {
        if (c == '"') {
            quoted = !quoted;
            part += c;
        } else if (c == ';' && !quoted) {
            parts.push_back(std::move(part));
            part.clear();
        } else {
            part += c;
        }
    }
    parts.push_back(std::move(part));
    const auto& name = parts.front();
    if (const auto dot = name.find('.'); dot != std::string::npos) {
        p.group = name.substr(0, dot);
        p.name = upper(name.substr(dot + 1));
    } else {
        p.name = upper(name);
    }
    for (std::size_t k = 1; k < parts.size(); ++k) {
        const auto& param = parts[k];
        const auto eq = param.find('=');
        // A bare parameter (vCard 2.1 style "EMAIL;INTERNET:") is a TYPE.
        const auto key = eq == std::string::npos ? std::string{"TYPE"} : upper(param.substr(0, eq));
        const std::string_view values = eq == std::string::npos
                                            ? std::string_view{param}
                                            : std::string_view{param}.substr(eq + 1);
        std::string v;
        bool q = false;
        for (std::size_t i = 0; i <= values.size(); ++i) {
            if (i == values.size() || (values[i] == ',' && !q)) {
                p.params[key].push_back(unescapeParam(v));
                v.clear();
            } else if (values[i] == '"') {
                q = !q;
            } else {
                v += values[i];
            }
        }
    }
    return !p.name.empty();
}

bool hasType(const VCardProperty& p, std::string_view type) {
    const auto it = p.params.find("TYPE");
    if (it == p.params.end()) {
        return false;
    }
    return std::any_of(it->second.begin(), it->second.end(),
                       [&](const std::string& t) { return upper(t) == upper(type); });
}

std::optional<ChannelKind> kindFromLabel(std::string_view label) {
    const auto l = text::lowerAscii(label);
    if (l == "x" || l.find("twitter") != std::string::npos) {
        return ChannelKind::X;
    }
    for (std::size_t k = 0; k < enumCount<ChannelKind>(); ++k) {
        const auto name = EnumNames<ChannelKind>::values[k];
        if (name != "x" && l.find(name) != std::string::npos) {
            return static_cast<ChannelKind>(k);
        }
    }
    return std::nullopt;
}

void addHandle(Contact& c, Handle h) {
    if (h.handle.empty()) {
        return;
    }
    const bool taken = std::any_of(c.handles.begin(), c.handles.end(),
                                   [&](const Handle& x) { return x.kind == h.kind; });
    if (!taken) {
        c.handles.push_back(std::move(h));
    }
}

// Folds a content line at 75 bytes without splitting a UTF-8 sequence (RFC 6350 3.2).
void appendFolded(std::string& out, const std::string& line) {
    std::size_t start = 0;
    std::size_t width = 75;
    while (line.size() - start > width) {
        std::size_t cut = start + width;
        while (cut > start && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) {
            --cut;
        }
        out.append(line, start, cut - start);
        out += "\r\n ";
        start = cut;
        width = 74;  // the leading space counts
    }
    out.append(line, start, std::string::npos);
    out += "\r\n";
}

}  // namespace

std::string VCard::unescape(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '\\' && i + 1 < raw.size()) {
            const char n = raw[++i];
            out += (n == 'n' || n == 'N') ? '\n' : n;
        } else {
            out += raw[i];
        }
    }
    return out;
}

std::vector<std::string> VCard::split(std::string_view raw, char separator) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= raw.size(); ++i) {
        if (i < raw.size() && raw[i] == '\\') {
            ++i;
            continue;
        }
        if (i == raw.size() || raw[i] == separator) {
            parts.push_back(unescape(raw.substr(start, i - start)));
            start = i + 1;
        }
    }
    return parts;
}

std::string VCard::escape(std::string_view textValue) {
    std::string out;
    for (const char c : textValue) {
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case ',':
                out += "\\,";
                break;
            case ';':
                out += "\\;";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::vector<VCardCard> VCard::parse(std::string_view input, const std::string& source) {
    std::string bytes{input};
    text::stripBom(bytes);
    if (text::hasWideBom(bytes)) {
        throw ImportError(source, "", "is UTF-16 or UTF-32 text; save it as UTF-8");
    }
    std::vector<VCardCard> cards;
    VCardCard current;
    bool inCard = false;

    // Logical (unfolded) line being gathered, and where it began.
    std::string logical;
    std::size_t logicalLine = 0;
    std::size_t converted = 0;

    const auto finishLogical = [&] {
        if (logicalLine == 0) {
            return;
        }
        const std::size_t at = logicalLine;
        logicalLine = 0;
        const std::string line = std::move(logical);
        logical.clear();
        if (text::trim(line).empty()) {
            return;
        }
        VCardProperty p;
        p.line = at;
        if (!parseContentLine(line, p)) {
            throw ImportError(source, lineLabel(at),
                              "is not a vCard property: it has no \":\" (\"" + line.substr(0, 40) +
                                  (line.size() > 40 ? "…" : "") + "\")");
        }
        const auto value = upper(text::trim(p.value));
        if (p.name == "BEGIN" && value == "VCARD") {
            if (inCard) {
                throw ImportError(source, lineLabel(at),
                                  "starts a card inside the card that begins on line " +
                                      std::to_string(current.line) + ", which has no END:VCARD");
            }
            inCard = true;
            current = {};
            current.line = at;
            return;
        }
        if (!inCard) {
            throw ImportError(
                source, lineLabel(at),
                "holds \"" + p.name + "\" outside a card (between BEGIN:VCARD and END:VCARD)");
        }
        if (p.name == "END" && value == "VCARD") {
            if (current.version.empty()) {
                current.version = "3.0";
            }
            current.converted = converted;
            converted = 0;
            cards.push_back(std::move(current));
            current = {};
            inCard = false;
            return;
        }
        if (p.name == "VERSION") {
            const auto v = text::trim(p.value);
            if (v != "3.0" && v != "4.0") {
                throw ImportError(source, lineLabel(at),
                                  "says VERSION " + v +
                                      ", which Rapport does not read; it reads vCard 3.0 and "
                                      "4.0 (export the contacts again as vCard 3.0 or 4.0)");
            }
            current.version = v;
            return;
        }
        current.properties.push_back(std::move(p));
    };

    std::size_t lineNo = 0;
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        std::size_t end = bytes.find_first_of("\r\n", pos);
        const std::size_t lineEnd = end == std::string::npos ? bytes.size() : end;
        std::string_view raw{bytes.data() + pos, lineEnd - pos};
        ++lineNo;
        if (end == std::string::npos) {
            pos = bytes.size();
        } else {
            pos =
                end +
                ((bytes[end] == '\r' && end + 1 < bytes.size() && bytes[end + 1] == '\n') ? 2 : 1);
        }
        std::string line;
        if (text::isUtf8(raw)) {
            line = std::string{raw};
        } else {
            std::size_t n = 0;
            line = text::toUtf8(raw, n);
            converted += n;
        }
        if (const auto chars = text::characters(line); chars > kMaxLineCharacters) {
            throw ImportError(source, lineLabel(lineNo),
                              "is " + std::to_string(chars) +
                                  " characters long; a vCard line may have at most 10,000 "
                                  "(is this a vCard file?)");
        }
        if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {
            if (logicalLine == 0) {
                throw ImportError(source, lineLabel(lineNo),
                                  "continues a folded line, but no property comes before it");
            }
            logical.append(line, 1, std::string::npos);
            continue;
        }
        finishLogical();
        logical = std::move(line);
        logicalLine = lineNo;
    }
    finishLogical();
    if (inCard) {
        throw ImportError(source, lineLabel(current.line),
                          "begins a card that has no END:VCARD; the file ends at line " +
                              std::to_string(lineNo) + " (is it cut short?)");
    }
    if (cards.empty()) {
        throw ImportError(source, "", "holds no vCard (no BEGIN:VCARD line)");
    }
    return cards;
}

std::vector<ImportCandidate> VCard::candidates(const std::vector<VCardCard>& cards) {
    std::vector<ImportCandidate> out;
    out.reserve(cards.size());
    for (const auto& card : cards) {
        ImportCandidate c;
        c.line = card.line;
        c.contact.source = ContactSource::Vcard;
        if (card.converted > 0) {
            c.warnings.push_back("has text that is not UTF-8, read as Latin-1 (Windows-1252)");
        }
        // Labels of grouped properties: item1.X-ABLabel:LinkedIn names item1.URL.
        std::map<std::string, std::string> labels;
        for (const auto& p : card.properties) {
            if (!p.group.empty() && p.name == "X-ABLABEL") {
                labels[p.group] = unescape(p.value);
            }
        }
        std::string fn;
        std::string fromN;
        std::vector<std::string> emails;
        std::string preferredEmail;
        std::string title;
        std::string role;
        std::vector<std::string> extra;
        for (const auto& p : card.properties) {
            if (p.name == "FN" && fn.empty()) {
                fn = text::trim(unescape(p.value));
            } else if (p.name == "N" && fromN.empty()) {
                const auto n = split(p.value, ';');
                std::string full;
                for (const std::size_t k : {std::size_t{3}, std::size_t{1}, std::size_t{2},
                                            std::size_t{0}, std::size_t{4}}) {
                    if (k < n.size() && !text::trim(n[k]).empty()) {
                        for (const auto& piece : split(n[k], ',')) {
                            if (!full.empty()) {
                                full += ' ';
                            }
                            full += text::trim(piece);
                        }
                    }
                }
                fromN = full;
            } else if (p.name == "EMAIL") {
                const auto e = text::trim(unescape(p.value));
                if (e.empty()) {
                    continue;
                }
                const auto pref = p.params.find("PREF");
                if (preferredEmail.empty() && (hasType(p, "pref") || pref != p.params.end())) {
                    preferredEmail = e;
                }
                emails.push_back(e);
            } else if (p.name == "ORG" && c.contact.company.empty()) {
                c.contact.company = text::trim(split(p.value, ';').front());
            } else if (p.name == "TITLE" && title.empty()) {
                title = text::trim(unescape(p.value));
            } else if (p.name == "ROLE" && role.empty()) {
                role = text::trim(unescape(p.value));
            } else if (p.name == "NOTE") {
                const auto note = unescape(p.value);
                if (!c.contact.notes.empty()) {
                    c.contact.notes += '\n';
                }
                c.contact.notes += note;
            } else if (p.name == "CATEGORIES") {
                for (auto& tag : split(p.value, ',')) {
                    tag = text::trim(tag);
                    if (!tag.empty() && std::find(c.contact.tags.begin(), c.contact.tags.end(),
                                                  tag) == c.contact.tags.end()) {
                        c.contact.tags.push_back(tag);
                    }
                }
            } else if (p.name == "UID" && c.contact.uid.empty()) {
                c.contact.uid = text::trim(unescape(p.value));
            } else if (p.name == "URL") {
                const auto url = text::trim(unescape(p.value));
                if (auto h = keys::handleFromUrl(url)) {
                    addHandle(c.contact, *h);
                } else if (const auto label = labels.find(p.group);
                           label != labels.end() && kindFromLabel(label->second)) {
                    addHandle(c.contact, Handle{*kindFromLabel(label->second), url});
                } else if (!url.empty()) {
                    extra.push_back("Web: " + url);
                }
            } else if (p.name == "X-SOCIALPROFILE" || p.name == "X-TWITTER" ||
                       p.name == "X-LINKEDIN") {
                std::optional<ChannelKind> kind;
                if (p.name == "X-TWITTER") {
                    kind = ChannelKind::X;
                } else if (p.name == "X-LINKEDIN") {
                    kind = ChannelKind::LinkedIn;
                } else if (const auto t = p.params.find("TYPE");
                           t != p.params.end() && !t->second.empty()) {
                    kind = kindFromLabel(t->second.front());
                }
                const auto value = text::trim(unescape(p.value));
                addHandle(c.contact,
                          keys::importedHandle(kind.value_or(ChannelKind::Other), value));
            } else if (p.name == "TEL") {
                const auto tel = text::trim(unescape(p.value));
                if (!tel.empty()) {
                    extra.push_back("Phone: " + tel);
                }
            } else if (p.name == "X-RAPPORT-STAGE") {
                const auto v = text::lowerAscii(text::trim(unescape(p.value)));
                if (const auto stage = parseEnum<Stage>(v)) {
                    c.contact.stage = *stage;
                } else {
                    c.problems.push_back("X-RAPPORT-STAGE \"" + v + "\" (line " +
                                         std::to_string(p.line) + ") is not a stage (" +
                                         allowedNames<Stage>() + ")");
                }
            } else if (p.name == "X-RAPPORT-NICHE") {
                c.nicheName = text::trim(unescape(p.value));
            } else if (p.name == "X-RAPPORT-CREATED") {
                if (const auto d = parseDate(text::trim(p.value))) {
                    c.contact.createdOn = *d;
                    c.hasCreatedOn = true;
                }
            }
        }
        c.contact.displayName = fn.empty() ? fromN : fn;
        c.contact.role = title.empty() ? role : title;
        c.contact.email =
            preferredEmail.empty() ? (emails.empty() ? "" : emails.front()) : preferredEmail;
        for (const auto& e : emails) {
            if (e != c.contact.email) {
                extra.push_back("Email: " + e);
            }
        }
        for (const auto& line : extra) {
            if (!c.contact.notes.empty()) {
                c.contact.notes += '\n';
            }
            c.contact.notes += line;
        }
        if (c.contact.displayName.empty()) {
            c.problems.push_back("has no name (neither FN nor N)");
        }
        out.push_back(std::move(c));
    }
    return out;
}

std::string VCard::write(const std::vector<Contact>& contacts, VCardVersion version,
                         const std::map<Id, std::string>& nicheNames) {
    std::string out;
    for (const auto& c : contacts) {
        appendFolded(out, "BEGIN:VCARD");
        appendFolded(out, version == VCardVersion::V4 ? "VERSION:4.0" : "VERSION:3.0");
        appendFolded(out, "FN:" + escape(c.displayName));
        // N: family name is the last word, the rest given names (a guess vCard 3.0 requires).
        const auto space = c.displayName.rfind(' ');
        const std::string family =
            space == std::string::npos ? c.displayName : c.displayName.substr(space + 1);
        const std::string given = space == std::string::npos ? "" : c.displayName.substr(0, space);
        appendFolded(out, "N:" + escape(family) + ";" + escape(given) + ";;;");
        if (!c.uid.empty()) {
            appendFolded(out, "UID:" + escape(c.uid));
        }
        if (!c.email.empty()) {
            appendFolded(out, (version == VCardVersion::V3 ? "EMAIL;TYPE=INTERNET:" : "EMAIL:") +
                                  escape(c.email));
        }
        if (!c.company.empty()) {
            appendFolded(out, "ORG:" + escape(c.company));
        }
        if (!c.role.empty()) {
            appendFolded(out, "TITLE:" + escape(c.role));
        }
        if (!c.tags.empty()) {
            std::string cats;
            for (const auto& t : c.tags) {
                if (!cats.empty()) {
                    cats += ',';
                }
                cats += escape(t);
            }
            appendFolded(out, "CATEGORIES:" + cats);
        }
        if (!c.notes.empty()) {
            appendFolded(out, "NOTE:" + escape(c.notes));
        }
        for (const auto& h : c.handles) {
            appendFolded(out, "X-SOCIALPROFILE;TYPE=" + std::string{toString(h.kind)} + ":" +
                                  escape(h.handle));
        }
        appendFolded(out, "X-RAPPORT-STAGE:" + std::string{toString(c.stage)});
        if (c.nicheId) {
            if (const auto it = nicheNames.find(*c.nicheId); it != nicheNames.end()) {
                appendFolded(out, "X-RAPPORT-NICHE:" + escape(it->second));
            }
        }
        if (c.createdOn.ok()) {
            appendFolded(out, "X-RAPPORT-CREATED:" + formatDate(c.createdOn));
        }
        appendFolded(out, "END:VCARD");
    }
    return out;
}

}  // namespace rapport::core
