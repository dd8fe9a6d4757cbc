#include "app/modes/test_report.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

namespace diplomap {
namespace {

nlohmann::json boxes(const std::vector<ReportBox>& list) {
    nlohmann::json out = nlohmann::json::array();
    for (const ReportBox& b : list) out.push_back({{"id", b.id}, {"box", {b.left, b.top, b.right, b.bottom}}});
    return out;
}

}  // namespace

void TestReport::note_string(std::string_view text) {
    if (text.empty()) return;
    if (std::find(strings.begin(), strings.end(), text) == strings.end()) strings.emplace_back(text);
}

void TestReport::clear_frame() {
    markers.clear();
    labels.clear();
    indicators.clear();
    captions.clear();
    strings.clear();
}

std::optional<std::string> write_test_report(const std::filesystem::path& file, const TestReport& report) {
    nlohmann::json j;
    j["mode"] = report.mode;
    j["window"] = {report.width, report.height};
    j["free"] = {report.free.left, report.free.top, report.free.right, report.free.bottom};
    j["language"] = report.language;
    j["projection"] = report.projection;
    j["zoom"] = report.zoom;
    j["animation_seconds"] = report.animation_seconds;
    j["markers"] = boxes(report.markers);
    j["labels"] = boxes(report.labels);
    j["indicators"] = boxes(report.indicators);
    j["captions"] = boxes(report.captions);
    j["strings"] = report.strings;
    j["slide"] = report.slide ? nlohmann::json(*report.slide) : nlohmann::json();
    j["slide_count"] = report.slide_count;
    j["autoplay"] = report.autoplay;
    j["flying"] = report.flying;
    j["blank"] = report.blank;
    j["presenter_view"] = report.presenter_view;
    j["presenter_window"] = report.presenter_window;
    j["presenter_picture"] = report.presenter_picture ? nlohmann::json(*report.presenter_picture) : nlohmann::json();
    j["saved_picture"] = report.saved_picture;
    j["export_frames"] = report.export_frames;
    j["export_result"] = report.export_result;
    std::filesystem::path temporary = file;
    temporary += ".part";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << j.dump(2) << '\n';
        if (!out) return "cannot write " + temporary.string();
    }
    std::error_code ec;
    std::filesystem::rename(temporary, file, ec);
    if (ec) return "cannot write " + file.string() + ": " + ec.message();
    return std::nullopt;
}

}  // namespace diplomap
