// Exporting from the window: F12 saves the view into the XDG pictures folder, and the export dialog (Shift+F12),
// driven by --test-export as a reader would fill it in, exports on a worker thread while the window keeps drawing;
// Cancel leaves no file. Settings go to a temporary XDG_CONFIG_HOME, pictures to a temporary XDG_PICTURES_DIR.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "app/ui/picture_panels.hpp"
#include "image_compare.hpp"
#include "test_support.hpp"
#include "video_decoder.hpp"

using namespace diplomap;

namespace {

bool have_display() {
    if (std::getenv("DISPLAY")) return true;
    WARN("no DISPLAY: run the tests under xvfb-run -a, as ctest does");
    return false;
}

// The viewer on the bundled story in an 800 x 600 window, with its configuration and pictures in `dir`.
test::CommandResult run_viewer(const test::TempDir& dir, const std::string& arguments) {
    const std::string story =
        (std::filesystem::path(DIPLOMAP_SOURCE_DIR) / "assets" / "stories" / "kim-train-2023").string();
    return test::run_command("env XDG_CONFIG_HOME='" + (dir / "config").string() + "' XDG_PICTURES_DIR='" +
                             (dir / "pictures").string() + "' " + std::string(DIPLOMAP_EXECUTABLE) + " '" + story +
                             "' --window-size 800x600 --test-report '" + (dir / "report.json").string() + "' " +
                             arguments);
}

nlohmann::json report(const test::TempDir& dir) {
    std::ifstream in(dir / "report.json");
    return nlohmann::json::parse(in);
}

}  // namespace

TEST_CASE("F12 saves the view at the window's size, without the panels, into the XDG pictures folder and says where",
          "[ui][window][export]") {
    if (!have_display()) return;
    test::TempDir dir;
    // The folder does not exist yet: F12 makes it. The window's own picture is taken too, to compare.
    const auto result = run_viewer(dir, "--quit-after-frames 20 --test-keys '8:F12 12:F12' --screenshot '" +
                                            (dir / "window.png").string() + "'");
    INFO(result.output);
    REQUIRE(result.exit_code == 0);
    REQUIRE(std::filesystem::is_directory(dir / "pictures"));
    std::vector<std::filesystem::path> pictures;
    for (const auto& entry : std::filesystem::directory_iterator(dir / "pictures")) pictures.push_back(entry.path());
    // Two presses, two files: a press within the same second gets "-2" rather than replacing the first.
    REQUIRE(pictures.size() == 2);
    for (const auto& file : pictures) {
        CHECK(file.filename().string().starts_with("diplomap-"));
        CHECK(file.extension() == ".png");
        auto image = test::read_png(file);
        REQUIRE(std::holds_alternative<RgbaImage>(image));
        CHECK(std::get<RgbaImage>(image).width == 800);
        CHECK(std::get<RgbaImage>(image).height == 600);
    }
    // Where the window shows its menu bar and the left column of panels, the picture shows the map: few of those
    // pixels agree.
    const auto window = test::read_png(dir / "window.png");
    const auto picture = test::read_png(pictures.front());
    REQUIRE(std::holds_alternative<RgbaImage>(window));
    REQUIRE(std::holds_alternative<RgbaImage>(picture));
    const RgbaImage& w = std::get<RgbaImage>(window);
    const RgbaImage& p = std::get<RgbaImage>(picture);
    int same = 0, compared = 0;
    for (int y = 0; y < 400; y += 2)
        for (int x = 0; x < 150; x += 2, ++compared) {
            const std::uint8_t* a = w.at(x, y);
            const std::uint8_t* b = p.at(x, y);
            if (std::abs(a[0] - b[0]) + std::abs(a[1] - b[1]) + std::abs(a[2] - b[2]) < 12) ++same;
        }
    INFO(same << " of " << compared << " pixels agree");
    CHECK(same < compared / 4);
    const nlohmann::json r = report(dir);
    const std::string saved = r["saved_picture"];
    CHECK(std::filesystem::path(saved).parent_path() == dir / "pictures");
    // The status line says where the picture went, in the interface's language (German for this story).
    bool said = false;
    for (const std::string text : r["strings"]) said = said || text == "Gespeichert: " + saved;
    CHECK(said);
}

TEST_CASE("the export dialog exports a social-media preset as PNG while the window keeps drawing",
          "[ui][window][export]") {
    if (!have_display()) return;
    test::TempDir dir;
    const std::filesystem::path file = dir / "square.png";
    const auto result =
        run_viewer(dir, "--quit-after-frames 12 --test-keys '4:Shift+F12' --test-export '6:preset=1080x1080 6:file=" +
                            file.string() + " 8:export'");
    INFO(result.output);
    REQUIRE(result.exit_code == 0);
    auto image = test::read_png(file);
    REQUIRE(std::holds_alternative<RgbaImage>(image));
    CHECK(std::get<RgbaImage>(image).width == 1080);
    CHECK(std::get<RgbaImage>(image).height == 1080);
    const nlohmann::json r = report(dir);
    CHECK(r["export_result"] == "written");
    // The window went on drawing frames while the export ran beside it.
    CHECK(r["export_frames"].get<int>() >= 1);
    // Nothing else in the folder: no temporary file left beside it.
    CHECK(test::files_in(dir.path()) == 2);  // square.png and report.json (a test run writes no settings)
}

TEST_CASE("the export dialog films a short GIF while the window keeps drawing", "[ui][window][export][video]") {
    if (!have_display()) return;
    test::TempDir dir;
    const std::filesystem::path file = dir / "clip.gif";
    const auto result =
        run_viewer(dir, "--quit-after-frames 12 --test-keys '4:Shift+F12' --test-export '6:preset=1080x1080 6:file=" +
                            file.string() + " 6:range=2-3 6:fps=10 8:export'");
    INFO(result.output);
    REQUIRE(result.exit_code == 0);
    const test::DecodedVideo video = test::decode_video(file);
    INFO(video.error);
    CHECK(video.error.empty());
    CHECK(video.codec == "gif");
    CHECK(video.width == 1080);
    CHECK(video.height == 1080);
    CHECK(video.frames == 10);
    const nlohmann::json r = report(dir);
    CHECK(r["export_result"] == "written");
    // Twenty pictures drawn (the palette pass and the frames), and the window drew frames all along: each picture
    // waits for one of the window's frames to lay out its text.
    CHECK(r["export_frames"].get<int>() >= 10);
}

TEST_CASE("Cancel in the export dialog stops the export and leaves no file", "[ui][window][export][video]") {
    if (!have_display()) return;
    test::TempDir dir;
    std::filesystem::create_directories(dir / "out");
    const std::filesystem::path file = dir / "out" / "story.mp4";
    // The whole animation at 1920 x 1080, 30 frames a second: far from done ten frames later.
    const auto result =
        run_viewer(dir, "--quit-after-frames 30 --test-keys '4:Shift+F12' --test-export '6:preset=1920x1080 6:file=" +
                            file.string() + " 8:export 18:cancel'");
    INFO(result.output);
    REQUIRE(result.exit_code == 0);
    const nlohmann::json r = report(dir);
    CHECK(r["export_result"] == "cancelled");
    CHECK(r["export_frames"].get<int>() >= 10);
    // Neither the video nor its hidden temporary file.
    CHECK(test::files_in(dir / "out") == 0);
}

TEST_CASE("an existing file is replaced only after the dialog asked", "[ui][window][export]") {
    if (!have_display()) return;
    test::TempDir dir;
    const std::filesystem::path file = dir / "map.png";
    std::ofstream(file) << "an older picture";
    SECTION("not confirmed: the file stays") {
        const auto result =
            run_viewer(dir, "--quit-after-frames 14 --test-keys '4:Shift+F12' --test-export '6:file=" + file.string() +
                                " 8:export'");
        INFO(result.output);
        REQUIRE(result.exit_code == 0);
        CHECK(std::filesystem::file_size(file) == 16);
        const nlohmann::json r = report(dir);
        CHECK(r["export_result"].get<std::string>().empty());
        bool asked = false;
        for (const std::string text : r["strings"]) asked = asked || text == "%s gibt es schon. Ersetzen?";
        CHECK(asked);
    }
    SECTION("confirmed: replaced") {
        const auto result =
            run_viewer(dir, "--quit-after-frames 14 --test-keys '4:Shift+F12' --test-export '6:file=" + file.string() +
                                " 8:export 10:replace'");
        INFO(result.output);
        REQUIRE(result.exit_code == 0);
        CHECK(report(dir)["export_result"] == "written");
        auto image = test::read_png(file);
        REQUIRE(std::holds_alternative<RgbaImage>(image));
        // The window's size: the dialog's first preset.
        CHECK(std::get<RgbaImage>(image).width == 800);
    }
}

TEST_CASE("F12 in a presentation saves the slide as the room sees it into the pictures folder",
          "[ui][window][export][present]") {
    if (!have_display()) return;
    test::TempDir dir;
    const auto result = test::run_command(
        "env XDG_CONFIG_HOME='" + (dir / "config").string() + "' XDG_PICTURES_DIR='" + (dir / "pictures").string() +
        "' " + std::string(DIPLOMAP_EXECUTABLE) + " present --window --window-size 640x480 --quit-after-frames 16 " +
        "--test-keys '10:F12' --test-report '" + (dir / "report.json").string() + "'");
    INFO(result.output);
    REQUIRE(result.exit_code == 0);
    REQUIRE(std::filesystem::is_directory(dir / "pictures"));
    REQUIRE(test::files_in(dir / "pictures") == 1);
    const std::string saved = report(dir)["saved_picture"];
    auto image = test::read_png(saved);
    REQUIRE(std::holds_alternative<RgbaImage>(image));
    CHECK(std::get<RgbaImage>(image).width == 640);
    CHECK(std::get<RgbaImage>(image).height == 480);
}

TEST_CASE("\"Include the panels\" in the dialog draws the window's panels into the still", "[ui][window][export]") {
    if (!have_display()) return;
    test::TempDir dir;
    const std::filesystem::path file = dir / "panels.png";
    const auto result = run_viewer(dir,
                                   "--quit-after-frames 12 --test-keys '4:Shift+F12' --test-export "
                                   "'6:preset=1920x1080 6:panels 6:file=" +
                                       file.string() + " 8:export'");
    INFO(result.output);
    REQUIRE(result.exit_code == 0);
    auto read = test::read_png(file);
    REQUIRE(std::holds_alternative<RgbaImage>(read));
    const RgbaImage& image = std::get<RgbaImage>(read);
    // A test run has the default panels and sizes; 1920 x 1080 is drawn at scale 1.
    const PanelLayout layout = layout_picture_panels(PicturePanels{}, true, 1920.0F, 1080.0F);
    const auto dark = [&](const PanelRect& r) {
        std::size_t n = 0, total = 0;
        for (int y = static_cast<int>(r.top) + 30; y < static_cast<int>(r.bottom) - 8; y += 3)
            for (int x = static_cast<int>(r.left) + 8; x < static_cast<int>(r.right) - 8; x += 3) {
                const std::uint8_t* p =
                    &image.pixels[(static_cast<std::size_t>(y) * 1920 + static_cast<std::size_t>(x)) * 4];
                n += p[0] < 40 && p[1] < 40 && p[2] < 45 ? 1 : 0;
                ++total;
            }
        return static_cast<double>(n) / static_cast<double>(total);
    };
    CHECK(dark(layout.panels[Panel::people]) > 0.5);
    CHECK(dark(layout.panels[Panel::layers]) > 0.5);
    CHECK(dark(layout.panels[Panel::search]) > 0.5);
    // The map in the middle: the bundled story's view over Korea, land and sea.
    CHECK(dark(layout.map) < 0.05);
}
