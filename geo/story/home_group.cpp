#include "geo/story/home_group.hpp"

#include <algorithm>
#include <numeric>

#include "geo/map/sphere.hpp"

namespace geo {
namespace {

double distance_deg(const Story& story, std::size_t a, std::size_t b) {
    return angular_distance_deg(to_unit_vector({story.places[a].lon, story.places[a].lat}),
                                to_unit_vector({story.places[b].lon, story.places[b].lat}));
}

double diameter_deg(const Story& story, const std::vector<std::size_t>& places) {
    double d = 0;
    for (std::size_t i = 0; i < places.size(); ++i)
        for (std::size_t j = i + 1; j < places.size(); ++j) d = std::max(d, distance_deg(story, places[i], places[j]));
    return d;
}

}  // namespace

HomeGroup home_group(const Story& story, double readable_share) {
    const std::vector<std::size_t> main = main_places_target(story).places;
    HomeGroup group{main, {}};
    const double whole = diameter_deg(story, main);
    if (main.size() < 3 || whole <= 0) return group;
    const double link = readable_share * whole;
    // Union-find over the main places, linking every pair closer than `link`.
    std::vector<std::size_t> parent(main.size());
    std::iota(parent.begin(), parent.end(), std::size_t{0});
    const auto root = [&](std::size_t i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    };
    for (std::size_t i = 0; i < main.size(); ++i)
        for (std::size_t j = i + 1; j < main.size(); ++j)
            if (distance_deg(story, main[i], main[j]) < link) parent[root(j)] = root(i);
    std::vector<std::size_t> size(main.size(), 0);
    for (std::size_t i = 0; i < main.size(); ++i) ++size[root(i)];
    // The most places; on a tie the earliest root wins, which is the group of the first main place when it ties.
    std::size_t best = root(0);
    for (std::size_t i = 0; i < main.size(); ++i)
        if (size[root(i)] > size[best]) best = root(i);
    std::vector<std::size_t> dense, rest;
    for (std::size_t i = 0; i < main.size(); ++i) (root(i) == best ? dense : rest).push_back(main[i]);
    if (rest.empty() || dense.size() < 2 || diameter_deg(story, dense) >= link) return group;
    return {dense, rest};
}

FitTarget home_target(const Story& story, const HomeGroup& group) {
    FitTarget target;
    target.places = group.framed;
    const auto framed = [&](std::size_t p) {
        return std::find(group.framed.begin(), group.framed.end(), p) != group.framed.end();
    };
    for (std::size_t r = 0; r < story.relations.size(); ++r)
        if (framed(story.relations[r].from_place) && framed(story.relations[r].to_place)) target.relations.push_back(r);
    return target;
}

}  // namespace geo
