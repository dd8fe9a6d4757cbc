#pragma once
// Owners for PROJ's C handles: each PJ and PJ_CONTEXT is freed exactly once.
#include <proj.h>

#include <memory>

namespace geo {

struct ProjContextDeleter {
    void operator()(PJ_CONTEXT* ctx) const { proj_context_destroy(ctx); }
};
struct ProjDeleter {
    void operator()(PJ* pj) const { proj_destroy(pj); }
};
using ProjContextPtr = std::unique_ptr<PJ_CONTEXT, ProjContextDeleter>;
using ProjPtr = std::unique_ptr<PJ, ProjDeleter>;

// A PJ together with the context it was made in; PROJ contexts are not thread-safe, so each thread gets one.
struct ProjWithContext {
    ProjContextPtr context;
    ProjPtr pj;
};

}  // namespace geo
