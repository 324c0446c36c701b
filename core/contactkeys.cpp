#include "core/contactkeys.h"

#include <array>

#include "core/textencoding.h"

namespace rapport::core::keys {

namespace {

// Base letters of U+00C0..U+00FF; "" for the two signs (multiplication, division).
constexpr std::array<const char*, 64> kLatin1 = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"};
// Base letters of U+0100..U+017F (Latin Extended-A); '1' is IJ, '2' is OE.
constexpr std::string_view kLatinA =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii11jjkkkllllllllllnnnnnnnnnoooooo22rrrrrr"
    "sssssssstttttt"
    "uuuuuuuuuuuuwwyyyzzzzzzs";
static_assert(kLatinA.size() == 128);

// Decodes one UTF-8 code point at `i` (advancing it); malformed bytes come back as themselves.
char32_t next(std::string_view s, std::size_t& i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    std::size_t len = b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
    if (i + len > s.size() || len == 1) {
        ++i;
        return b0;
    }
    char32_t cp = b0 & (0xFFu >> (len + 1));
    for (std::size_t k = 1; k < len; ++k) {
        cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    }
    i += len;
    return cp;
}

bool isAsciiAlnum(char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Host and path of an http(s) link, lower-case host without "www." or "m.".
bool splitUrl(std::string_view url, std::string& host, std::string& path) {
    const auto t = text::trim(url);
    std::string_view rest{t};
    const auto scheme = rest.find("://");
    if (scheme != std::string_view::npos) {
        const auto proto = text::lowerAscii(rest.substr(0, scheme));
        if (proto != "http" && proto != "https") {
            return false;
        }
        rest = rest.substr(scheme + 3);
    } else if (!text::lowerAscii(rest).starts_with("www.")) {
        return false;
    }
    const auto slash = rest.find('/');
    host = text::lowerAscii(rest.substr(0, slash));
    path = slash == std::string_view::npos ? "" : std::string{rest.substr(slash + 1)};
    for (const char* prefix : {"www.", "m.", "mobile."}) {
        if (host.starts_with(prefix)) {
            host = host.substr(std::string_view{prefix}.size());
        }
    }
    // The handle never holds a query, a fragment or a trailing slash.
    if (const auto cut = path.find_first_of("?#"); cut != std::string::npos) {
        path.resize(cut);
    }
    while (!path.empty() && path.back() == '/') {
        path.pop_back();
    }
    return !host.empty();
}

std::string firstSegment(const std::string& path) {
    return path.substr(0, path.find('/'));
}

}  // namespace

std::string name(std::string_view displayName) {
    std::string out;
    bool space = false;
    const auto put = [&](std::string_view letters) {
        if (space && !out.empty()) {
            out += ' ';
        }
        space = false;
        out += letters;
    };
    for (std::size_t i = 0; i < displayName.size();) {
        const std::size_t start = i;
        const char32_t c = next(displayName, i);
        if (isAsciiAlnum(c)) {
            const char lower =
                (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
            put(std::string_view{&lower, 1});
        } else if (c >= 0xC0 && c <= 0xFF) {
            const std::string_view base = kLatin1[c - 0xC0];
            if (base.empty()) {
                space = true;
            } else {
                put(base);
            }
        } else if (c >= 0x100 && c <= 0x17F) {
            const char base = kLatinA[c - 0x100];
            put(base == '1' ? "ij" : base == '2' ? "oe" : std::string_view{&base, 1});
        } else if (c < 0x80 || (c >= 0x80 && c < 0xC0) || c == 0x2010 || c == 0x2013 ||
                   c == 0x2014 || c == 0x2019) {
            space = true;  // punctuation, spaces, dashes and apostrophes separate words
        } else {
            put(displayName.substr(start, i - start));
        }
    }
    return out;
}

std::string email(std::string_view address) {
    return text::lowerAscii(text::trim(address));
}

std::optional<Handle> handleFromUrl(std::string_view url) {
    std::string host;
    std::string path;
    if (!splitUrl(url, host, path) || path.empty()) {
        return std::nullopt;
    }
    const auto first = firstSegment(path);
    if (host == "linkedin.com" || host.ends_with(".linkedin.com")) {
        const auto slash = path.find('/');
        if (slash == std::string::npos || (first != "in" && first != "company")) {
            return std::nullopt;
        }
        return Handle{ChannelKind::LinkedIn, first + "/" + firstSegment(path.substr(slash + 1))};
    }
    const auto at = [&](ChannelKind kind, std::string segment) -> std::optional<Handle> {
        if (segment.empty()) {
            return std::nullopt;
        }
        return Handle{kind, segment.starts_with("@") ? segment : "@" + segment};
    };
    if (host == "x.com" || host == "twitter.com") {
        return at(ChannelKind::X, first);
    }
    if (host == "instagram.com") {
        return at(ChannelKind::Instagram, first);
    }
    if (host == "tiktok.com") {
        return at(ChannelKind::TikTok, first);
    }
    if (host == "youtube.com") {
        if (first == "c" || first == "channel" || first == "user") {
            return Handle{ChannelKind::YouTube, path};
        }
        return at(ChannelKind::YouTube, first);
    }
    if (host == "facebook.com") {
        return Handle{ChannelKind::Facebook, first};
    }
    return std::nullopt;
}

std::string handle(ChannelKind kind, std::string_view value) {
    std::string h = text::trim(value);
    if (const auto fromUrl = handleFromUrl(h); fromUrl && fromUrl->kind == kind) {
        h = fromUrl->handle;
    }
    h = text::lowerAscii(h);
    if (h.starts_with("@")) {
        h.erase(0, 1);
    }
    while (!h.empty() && h.back() == '/') {
        h.pop_back();
    }
    return h;
}

Handle importedHandle(ChannelKind kind, std::string_view value) {
    if (auto fromUrl = handleFromUrl(value)) {
        return *fromUrl;
    }
    return Handle{kind, text::trim(value)};
}

}  // namespace rapport::core::keys
