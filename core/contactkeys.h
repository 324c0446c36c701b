#pragma once
// The keys by which two records are the same person: an email, a handle on a network, a name
// written the same way. Import matching and duplicate detection both use them, so "the same
// person" means one thing.

#include <optional>
#include <string>
#include <string_view>

#include "core/entities.h"

namespace rapport::core::keys {

/// "José  Núñez-Ortiz" -> "jose nunez ortiz": Latin letters without accents and in lower case,
/// anything that is not a letter or digit a single space. Other scripts are kept as they are.
std::string name(std::string_view displayName);

/// Trimmed, lower case; empty for an empty email.
std::string email(std::string_view address);

/// The handle as a key: lower case, without a leading "@", a profile link reduced to its
/// handle ("https://www.linkedin.com/in/Priya/" and "in/priya" give the same key).
std::string handle(ChannelKind kind, std::string_view text);

/// A profile link of a network Rapport knows, as the handle it stands for: linkedin.com/in/x ->
/// (linkedin, "in/x"), x.com/x or twitter.com/x -> (x, "@x"), instagram, tiktok and youtube
/// likewise, facebook.com/x -> (facebook, "x"). None for other links.
std::optional<Handle> handleFromUrl(std::string_view url);

/// A handle as stored from imported text: a known profile link becomes its handle (the kind of
/// the link wins), anything else is kept trimmed under `kind`.
Handle importedHandle(ChannelKind kind, std::string_view text);

}  // namespace rapport::core::keys
