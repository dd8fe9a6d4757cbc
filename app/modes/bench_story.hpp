#pragma once
// A large generated story for the benchmark: random places and relations of every kind, written as story JSON so
// that the benchmark times loading and validation too, not only drawing.
#include <cstdint>
#include <string>

namespace diplomap {

struct GeneratedStory {
    std::string json;
    std::string article;
};

GeneratedStory generate_story(int places, int relations, std::uint32_t seed);

}  // namespace diplomap
