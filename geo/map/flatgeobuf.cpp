#include "geo/map/flatgeobuf.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <limits>
#include <string_view>

namespace geo {
namespace {

// The file, mapped read-only: the basemap is read once, front to back, so the page cache serves it without a copy.
class MappedFile {
public:
    explicit MappedFile(const std::filesystem::path& file) {
        fd_ = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd_ < 0) {
            error_ = errno;
            return;
        }
        struct stat status {};
        if (::fstat(fd_, &status) != 0) {
            error_ = errno;
            return;
        }
        if (S_ISDIR(status.st_mode)) {
            error_ = EISDIR;
            return;
        }
        size_ = static_cast<std::size_t>(status.st_size);
        if (size_ == 0) return;
        void* data = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd_, 0);
        if (data == MAP_FAILED) {
            error_ = errno;
            size_ = 0;
            return;
        }
        data_ = static_cast<const std::uint8_t*>(data);
    }
    ~MappedFile() {
        if (data_) ::munmap(const_cast<std::uint8_t*>(data_), size_);
        if (fd_ >= 0) ::close(fd_);
    }
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    [[nodiscard]] int error() const { return error_; }
    [[nodiscard]] const std::uint8_t* data() const { return data_; }
    [[nodiscard]] std::size_t size() const { return size_; }

private:
    int fd_ = -1;
    int error_ = 0;
    const std::uint8_t* data_ = nullptr;
    std::size_t size_ = 0;
};

// One FlatBuffers buffer (the header, or one feature) with every read checked against its end: a read outside
// marks the buffer bad and returns zero, and the caller asks ok() once at the end.
class FlatBuffer {
public:
    FlatBuffer(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}

    template <class T>
    T read(std::size_t at) {
        T value{};
        if (at > size_ || size_ - at < sizeof(T)) {
            ok_ = false;
            return value;
        }
        std::memcpy(&value, data_ + at, sizeof(T));  // FlatGeobuf's buffers need not be aligned in the file
        return value;
    }

    // A table starts with the (signed) distance back to its vtable.
    struct Table {
        std::size_t at = 0, vtable = 0;
        std::uint16_t vtable_size = 0;
    };

    Table table(std::size_t at) {
        Table t{at, 0, 0};
        const auto back = static_cast<std::int64_t>(read<std::int32_t>(at));
        const auto vtable = static_cast<std::int64_t>(at) - back;
        if (!ok_ || vtable < 0 || static_cast<std::uint64_t>(vtable) >= size_) {
            ok_ = false;
            return t;
        }
        t.vtable = static_cast<std::size_t>(vtable);
        t.vtable_size = read<std::uint16_t>(t.vtable);
        if (t.vtable_size < 4 || t.vtable_size % 2 != 0) ok_ = false;
        return t;
    }

    Table root() { return table(read<std::uint32_t>(0)); }

    // Where field `index` lies in the table, or 0 when the table leaves it out (its default then).
    std::size_t field(const Table& t, int index) {
        const std::size_t slot = 4 + 2 * static_cast<std::size_t>(index);
        if (!ok_ || slot + 2 > t.vtable_size) return 0;
        const std::uint16_t offset = read<std::uint16_t>(t.vtable + slot);
        return offset == 0 ? 0 : t.at + offset;
    }

    template <class T>
    T scalar(const Table& t, int index, T fallback) {
        const std::size_t at = field(t, index);
        return at == 0 ? fallback : read<T>(at);
    }

    // What an offset field points to (a vector or a table), or 0 when the field is absent.
    std::size_t target(const Table& t, int index) {
        const std::size_t at = field(t, index);
        if (at == 0) return 0;
        return follow(at);
    }

    std::size_t follow(std::size_t at) {
        const std::uint32_t offset = read<std::uint32_t>(at);
        if (!ok_ || offset == 0 || offset >= size_ - at) {
            ok_ = false;
            return 0;
        }
        return at + offset;
    }

    // A vector of scalars: its length, checked to fit the buffer; its elements start 4 bytes after `at`.
    std::size_t vector_length(std::size_t at, std::size_t element_size) {
        const std::uint32_t length = read<std::uint32_t>(at);
        if (!ok_ || static_cast<std::uint64_t>(length) * element_size > size_ - at - 4) {
            ok_ = false;
            return 0;
        }
        return length;
    }

    template <class T>
    void copy_vector(const Table& t, int index, std::vector<T>& out) {
        out.clear();
        const std::size_t at = target(t, index);
        if (at == 0) return;
        const std::size_t length = vector_length(at, sizeof(T));
        if (!ok_) return;
        out.resize(length);
        if (length > 0) std::memcpy(out.data(), data_ + at + 4, length * sizeof(T));
    }

    [[nodiscard]] bool ok() const { return ok_; }
    [[nodiscard]] const std::uint8_t* at(std::size_t offset) const { return data_ + offset; }

private:
    const std::uint8_t* data_;
    std::size_t size_;
    bool ok_ = true;
};

// Field numbers in FlatGeobuf's schema (header.fbs, feature.fbs).
namespace header_field {
constexpr int kGeometryType = 2, kFeaturesCount = 8, kIndexNodeSize = 9;
}
namespace feature_field {
constexpr int kGeometry = 0;
}
namespace geometry_field {
constexpr int kEnds = 0, kXy = 1, kType = 6, kParts = 7;
}

constexpr int kMaxNesting = 32;  // collections of collections: deeper than any real file, shallow enough for a stack

// The type of the parts of a multi-geometry whose parts leave it out.
std::uint8_t part_type(std::uint8_t type) {
    switch (static_cast<FgbGeometryType>(type)) {
        case FgbGeometryType::MultiPolygon: return static_cast<std::uint8_t>(FgbGeometryType::Polygon);
        case FgbGeometryType::MultiLineString: return static_cast<std::uint8_t>(FgbGeometryType::LineString);
        case FgbGeometryType::MultiPoint: return static_cast<std::uint8_t>(FgbGeometryType::Point);
        default: return static_cast<std::uint8_t>(FgbGeometryType::Unknown);
    }
}

bool read_geometry(FlatBuffer& buffer, const FlatBuffer::Table& table, std::uint8_t fallback_type, int depth,
                   FgbGeometry& out) {
    if (depth > kMaxNesting) return false;
    out.type = buffer.scalar<std::uint8_t>(table, geometry_field::kType, 0);
    if (out.type == 0) out.type = fallback_type;
    buffer.copy_vector(table, geometry_field::kEnds, out.ends);
    out.xy = nullptr;
    out.vertices = 0;
    if (const std::size_t xy = buffer.target(table, geometry_field::kXy); xy != 0) {
        const std::size_t doubles = buffer.vector_length(xy, sizeof(double));
        if (!buffer.ok() || doubles % 2 != 0) return false;
        out.xy = buffer.at(xy + 4);
        out.vertices = doubles / 2;
    }
    if (!buffer.ok()) return false;
    std::uint32_t previous = 0;
    for (const std::uint32_t end : out.ends) {
        if (end < previous || end > out.vertices) return false;
        previous = end;
    }
    out.parts.clear();
    const std::size_t parts = buffer.target(table, geometry_field::kParts);
    if (parts == 0) return buffer.ok();
    const std::size_t count = buffer.vector_length(parts, 4);
    if (!buffer.ok()) return false;
    out.parts.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t at = buffer.follow(parts + 4 + 4 * i);
        if (!buffer.ok()) return false;
        const FlatBuffer::Table part = buffer.table(at);
        if (!buffer.ok() || !read_geometry(buffer, part, part_type(out.type), depth + 1, out.parts[i])) return false;
    }
    return buffer.ok();
}

// Bytes of the packed Hilbert R-tree between header and features: 40 bytes a node, over every level.
std::optional<std::uint64_t> index_bytes(std::uint64_t features, std::uint16_t node_size) {
    if (node_size == 0 || features == 0) return 0;
    if (node_size < 2) return std::nullopt;
    std::uint64_t level = features, nodes = features;
    do {
        level = (level + node_size - 1) / node_size;
        nodes += level;
    } while (level != 1);
    if (nodes > std::numeric_limits<std::uint64_t>::max() / 40) return std::nullopt;
    return nodes * 40;
}

}  // namespace

std::optional<FgbError> read_flatgeobuf(const std::filesystem::path& file,
                                        const std::function<bool(std::size_t, const FgbGeometry&)>& feature) {
    const MappedFile mapped(file);
    if (mapped.error() == EISDIR) return FgbError{"is a folder, not a FlatGeobuf file"};
    if (mapped.error() != 0) return FgbError{std::string("cannot be read (") + std::strerror(mapped.error()) + ")"};
    if (mapped.size() == 0) return FgbError{"is empty"};
    const std::uint8_t* data = mapped.data();
    const std::size_t size = mapped.size();
    constexpr std::string_view kSignature(
        "fgb\x03"
        "fgb",
        7);
    if (size < 8 || std::memcmp(data, "fgb", 3) != 0 || std::memcmp(data + 4, "fgb", 3) != 0)
        return FgbError{"not a FlatGeobuf file (it does not start with FlatGeobuf's signature)"};
    if (std::memcmp(data, kSignature.data(), kSignature.size()) != 0)
        return FgbError{"FlatGeobuf version " + std::to_string(data[3]) + "; this program reads version 3"};

    const std::string kCut = "its header is cut short or corrupt";
    if (size < 12) return FgbError{kCut};
    std::uint32_t header_size = 0;
    std::memcpy(&header_size, data + 8, 4);
    if (header_size < 4 || header_size > size - 12) return FgbError{kCut};
    FlatBuffer header(data + 12, header_size);
    const FlatBuffer::Table root = header.root();
    const auto geometry_type = header.scalar<std::uint8_t>(root, header_field::kGeometryType, 0);
    const auto features_count = header.scalar<std::uint64_t>(root, header_field::kFeaturesCount, 0);
    const auto node_size = header.scalar<std::uint16_t>(root, header_field::kIndexNodeSize, 16);
    const auto index = index_bytes(features_count, node_size);
    if (!header.ok() || !index) return FgbError{kCut};
    std::uint64_t at = 12 + static_cast<std::uint64_t>(header_size);
    if (*index > size - at) return FgbError{"its spatial index is cut short"};
    at += *index;

    FgbGeometry geometry;
    std::size_t number = 0;
    for (; at < size; ++number) {
        const std::string cut = "cannot read features (feature " + std::to_string(number) + " is cut short or corrupt)";
        if (size - at < 4) return FgbError{cut};
        std::uint32_t feature_size = 0;
        std::memcpy(&feature_size, data + at, 4);
        at += 4;
        if (feature_size < 4 || feature_size > size - at) return FgbError{cut};
        FlatBuffer buffer(data + at, feature_size);
        at += feature_size;
        const FlatBuffer::Table table = buffer.root();
        const std::size_t geometry_at = buffer.target(table, feature_field::kGeometry);
        if (!buffer.ok()) return FgbError{cut};
        if (geometry_at == 0) continue;  // a feature without geometry
        const FlatBuffer::Table geometry_table = buffer.table(geometry_at);
        if (!buffer.ok() || !read_geometry(buffer, geometry_table, geometry_type, 0, geometry)) return FgbError{cut};
        if (!feature(number, geometry)) return std::nullopt;
    }
    if (features_count != 0 && number < features_count)
        return FgbError{"cannot read features (the file ends after " + std::to_string(number) + " of " +
                        std::to_string(features_count) + ")"};
    return std::nullopt;
}

}  // namespace geo
