#pragma once
// Bytes from other programs' files: UTF-8 checks, and Latin-1 (Windows-1252) bytes turned into
// UTF-8, so a contact exported by an old spreadsheet keeps its "Müller".

#include <cstddef>
#include <string>
#include <string_view>

namespace rapport::core::text {

/// True when `bytes` is well-formed UTF-8 (no overlongs, no surrogates).
bool isUtf8(std::string_view bytes);

/// Keeps every well-formed UTF-8 sequence and reads each other byte as Windows-1252 (a superset
/// of Latin-1's printable characters). `converted` counts the bytes read that way.
std::string toUtf8(std::string_view bytes, std::size_t& converted);

/// The number of characters (code points) of UTF-8 text.
std::size_t characters(std::string_view utf8);

/// Removes a UTF-8 byte-order mark; true when there was one.
bool stripBom(std::string& bytes);
/// True when the bytes start with a UTF-16 or UTF-32 byte-order mark.
bool hasWideBom(std::string_view bytes);

/// Trims spaces, tabs and line breaks at both ends.
std::string trim(std::string_view s);
/// Lower-cases ASCII letters only.
std::string lowerAscii(std::string_view s);

}  // namespace rapport::core::text
