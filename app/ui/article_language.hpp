#pragma once
// Which text of the article the article panel shows: the original, its English translation, or both side by side.
#include <cstdint>

namespace diplomap {

enum class ArticleLanguage : std::uint8_t { original, translation, both };

}  // namespace diplomap
