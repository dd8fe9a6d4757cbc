// The bad-input catalogue, output targets: folders that are missing, read-only or not folders, names the file
// system refuses, and disks that fill up (a 64 KiB tmpfs where the tests may mount one, else a file-size limit).
// Each export must exit 1 with its one message naming the target and leave nothing behind: no image, no temporary
// file, and an earlier image at the same name untouched.
#include <catch2/catch.hpp>

#include <sys/mount.h>

#include <algorithm>
#include <optional>

#include "bad_input_support.hpp"

namespace fs = std::filesystem;
using namespace diplomap::test;

namespace {

const fs::path good_story = fs::path(DIPLOMAP_TEST_DATA) / "stories" / "good-minimal";
// One of each format the export writes: PNG through libpng, GeoTIFF through GDAL.
constexpr const char* kImageNames[] = {"map.png", "map.tif"};

// A small tmpfs mounted for the life of the object; `mounted()` is false where the tests may not mount (not root,
// or a container without CAP_SYS_ADMIN).
class SmallTmpfs {
public:
    SmallTmpfs(const fs::path& where, const char* options, unsigned long flags = 0) : where_(where) {
        fs::create_directories(where_);
        mounted_ = ::mount("tmpfs", where_.c_str(), "tmpfs", flags, options) == 0;
    }
    ~SmallTmpfs() {
        if (mounted_) ::umount2(where_.c_str(), MNT_DETACH);
    }
    SmallTmpfs(const SmallTmpfs&) = delete;
    SmallTmpfs& operator=(const SmallTmpfs&) = delete;
    [[nodiscard]] bool mounted() const { return mounted_; }

private:
    fs::path where_;
    bool mounted_ = false;
};

CommandResult export_to(const TempDir& dir, const std::string& out, const std::string& size = "64x64",
                        const std::string& setup = "") {
    return run_diplomap_in(
        dir.path(),
        // --force: some cases write over an earlier image on purpose.
        "export --force --detail 110m --size " + size + " --out " + shell_quote(out) + " " + quoted(good_story),
        setup);
}

// The program's own message is its last line that is not empty (GDAL may print its own lines before it, and its
// messages may end in a line break of their own; docs/trust.md).
std::string last_line(const CommandResult& result) {
    const auto lines = lines_of(result.output);
    const auto last = std::find_if(lines.rbegin(), lines.rend(), [](const std::string& line) { return !line.empty(); });
    return last == lines.rend() ? std::string() : *last;
}

}  // namespace

TEST_CASE("outputs into folders that are not there exit 1 and create nothing", "[output][bad-input]") {
    TempDir dir;
    write_file(dir / "notes.txt", "not a folder");
    fs::create_directory(dir / "taken.png");
    struct Case {
        std::string out;
        std::string message;
    };
    const Case cases[] = {
        {"no/such/folder/map.png", "diplomap: no/such/folder/map.png: folder 'no/such/folder' does not exist"},
        {"missing/map.tif", "diplomap: missing/map.tif: folder 'missing' does not exist"},
        {(dir / "gone" / "map.png").string(), "diplomap: " + (dir / "gone" / "map.png").string() + ": folder '" +
                                                  (dir / "gone").string() + "' does not exist"},
        {"notes.txt/map.png", "diplomap: notes.txt/map.png: 'notes.txt' is a file, not a folder"},
        {"notes.txt/deeper/map.png", "diplomap: notes.txt/deeper/map.png: 'notes.txt' is a file, not a folder"},
        {"taken.png", "diplomap: taken.png: is a folder"},
    };
    for (const Case& c : cases) {
        INFO("--out " << c.out);
        check_refused(export_to(dir, c.out), 1, c.message);
        CHECK(entries_below(dir.path()) == std::vector<std::string>{"notes.txt", "taken.png"});
    }
}

TEST_CASE("outputs the file system refuses exit 1 and create nothing", "[output][bad-input]") {
    TempDir dir;
    const std::string long_name = std::string(300, 'a') + ".png";
    const auto too_long = export_to(dir, long_name);
    CHECK(too_long.exit_code == 1);
    CHECK(last_line(too_long) == "diplomap: " + long_name + ": cannot create a file in '.' (File name too long)");
    const auto proc = export_to(dir, "/proc/map.png");
    CHECK(proc.exit_code == 1);
    CHECK_THAT(
        last_line(proc),
        Catch::Matches(
            R"(diplomap: /proc/map\.png: (cannot create a file in '/proc' \(No such file or directory\)|cannot write in '/proc' \(Permission denied\)))"));
    CHECK_FALSE(fs::exists("/proc/map.png"));
    CHECK(entries_below(dir.path()).empty());
}

TEST_CASE("a read-only output folder exits 1 and creates nothing", "[output][bad-input]") {
    TempDir dir;
    const fs::path folder = dir / "read-only";
    std::optional<SmallTmpfs> read_only_mount;
    std::string reason;
    if (running_as_root()) {
        // Root writes through mode 555; a read-only mount stops root too.
        read_only_mount.emplace(folder, "size=64k", MS_RDONLY);
        if (!read_only_mount->mounted()) {
            WARN("cannot mount a read-only tmpfs here; read-only output case skipped");
            return;
        }
        reason = "Read-only file system";
    } else {
        fs::create_directory(folder);
        fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec);
        reason = "Permission denied";
    }
    const std::string because = ": cannot write in '" + folder.string() + "' (" + reason + ")";
    for (const char* name : kImageNames) {
        const std::string out = (folder / name).string();
        INFO("--out " << out);
        std::string wanted = "diplomap: ";
        wanted += out;
        wanted += because;
        check_refused(export_to(dir, out), 1, wanted);
        CHECK(entries_below(folder).empty());
    }
    if (!running_as_root()) fs::permissions(folder, fs::perms::owner_all);
}

TEST_CASE("a full disk exits 1, leaves no partial file and keeps the earlier image", "[output][bad-input]") {
    TempDir dir;
    const fs::path disk = dir / "disk";
    SmallTmpfs tmpfs(disk, "size=64k");
    if (!tmpfs.mounted()) {
        WARN("cannot mount a 64 KiB tmpfs here; the file-size limit case below stands in for a full disk");
        return;
    }
    for (const char* name : kImageNames) {
        const std::string out = (disk / name).string();
        INFO("--out " << out);
        // A small earlier image that fits; the failed export must not touch it.
        REQUIRE(export_to(dir, out, "16x16").exit_code == 0);
        const std::string before = read_file(out);
        check_refused(export_to(dir, out, "800x600"), 1, "diplomap: " + out + ": No space left on device");
        CHECK(entries_below(disk) == std::vector<std::string>{name});
        CHECK(read_file(out) == before);
        fs::remove(out);
    }
    // A fresh name on a full disk: nothing at all afterwards.
    for (const char* name : {"fresh.png", "fresh.tif"}) {
        const auto result = export_to(dir, (disk / name).string(), "800x600");
        CHECK(result.exit_code == 1);
        CHECK(entries_below(disk).empty());
    }
}

TEST_CASE("a file-size limit (a disk that fills up, without root) exits 1 and leaves nothing", "[output][bad-input]") {
    TempDir dir;
    for (const char* name : kImageNames) {
        INFO("--out " << name);
        // 16 blocks of 512 bytes; SIGXFSZ ignored so that writes fail with EFBIG as on a full disk instead of
        // killing the program.
        check_refused(export_to(dir, name, "800x600", "trap '' XFSZ; ulimit -f 16;"), 1,
                      std::string("diplomap: ") + name + ": File too large");
        CHECK(entries_below(dir.path()).empty());
    }
}
