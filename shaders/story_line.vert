// The story's arcs and routes: each segment, and each arrowhead, drawn as a quad round its outline. Joins between
// the segments of a piece are mitred, so no pixel of a line is drawn twice: the translucent casing and the faint
// historic routes would otherwise show a bead at every vertex of their densified curves.
// Four vertices per segment, numbered 4 * segment + corner: the segment's record comes from u_segments (Segment in
// app/render/story_renderer.hpp, floats as their bits); positions in projected metres.
uniform isamplerBuffer u_segments;

const int kStyles = 12;
const int kRelationStyles = 10;  // styles below this are relations' arcs, which flow; above, routes on the ground
const int kStartCap = 0x100;
const int kEndCap = 0x200;
const int kArrow = 0x400;
const int kStartCut = 0x800;  // the map cut the line here (the globe's limb, a world map's seam)
const int kEndCut = 0x1000;
const int kBehindGlobe = 0x2000;  // on the globe's far side, seen beyond its limb
const float kFar = 1e6;
const float kHairlineHalfWidth = 0.5;  // pixels before u_pixel_ratio
const float kCrowdedAlpha = 0.4;

// Per line, updated only when the clock or the date moves it: draw progress (0..1), the along from which the line
// is dashed (<= 0: all of it, > 1: none), opacity (fading out as the date hides it).
uniform sampler2D u_lines;
uniform vec4 u_style_color[kStyles];
uniform vec4 u_style_shape[kStyles];  // half width, dash, gap, dash phase; pixels before u_pixel_ratio
uniform int u_visible_styles;         // bit per style
uniform int u_highlighted;            // line index, -1: none
uniform int u_selected;
uniform vec4 u_casing_color;          // the light ring round every line that lets it read over a busy map
uniform float u_pixel_ratio;
uniform float u_marker_scale;         // pixels per UI point of the markers
uniform float u_opacity;
uniform vec3 u_flow;                  // how strongly the flow pulses brighten arcs (0: settled), phase, period (pixels)
uniform float u_globe_radius;         // metres; the globe's disk is centred on the projection's origin
uniform float u_density;              // 0: few lines in view, styled as they are; 1: so many that all are hairlines

out vec2 v_pixel;
flat out vec4 v_segment;  // start, end in pixels
flat out vec4 v_shape;    // t range the distance is measured in (unbounded at mitred joins); half width at start, end
flat out vec4 v_cut;      // t range drawn (draw-in head, arrowhead base), t from which dashed, segment length in pixels
flat out vec4 v_dash;     // half the straight part of a dash, dash period, dash offset (pixels), flow strength
flat out vec2 v_pos;      // pixels from the line's start at start and end
flat out vec4 v_color;
flat out vec3 v_casing;   // the casing's reach beside the line and beyond its cut ends (pixels), its opacity
flat out vec3 v_globe;    // the disk that hides this segment's stroke: centre, radius (pixels); radius 0: none

vec2 direction(vec2 from, vec2 to, vec2 fallback) {
    vec2 d = to - from;
    float len = length(d);
    return len > 1e-6 ? d / len : fallback;
}

// The offset at a join that lies one pixel off both segments, or zero where the turn is too sharp to mitre (more
// than 120 degrees): both segments then end in round caps there. Both neighbours compute it from the same three
// points, so their quads share the edge exactly.
vec2 miter(vec2 before, vec2 at, vec2 after) {
    vec2 d0 = direction(before, at, vec2(1.0, 0.0));
    vec2 d1 = direction(at, after, d0);
    float turn = dot(d0, d1);
    if (turn < -0.5) return vec2(0.0);
    vec2 tangent = normalize(d0 + d1);
    return vec2(-tangent.y, tangent.x) / sqrt(0.5 + 0.5 * turn);
}

// Where along the segment (0 at start, 1 at end) a linear measure reaches `value`.
float t_at(float value, float at_start, float at_end) {
    if (at_end > at_start) return (value - at_start) / (at_end - at_start);
    return value > at_start ? kFar : -kFar;
}

void main() {
    int record = 4 * (gl_VertexID >> 2);
    int corner_index = gl_VertexID & 3;
    // The line's index, style | flags, its projected length (metres), the gap before its target marker in UI
    // points (< 0: no arrowhead).
    ivec4 ids = texelFetch(u_segments, record + 3);
    int line = ids.x;
    int style = ids.y & 0xFF;
    int flags = ids.y;
    bool arrow = (flags & kArrow) != 0;
    vec4 per_line = texelFetch(u_lines, ivec2(line & 1023, line >> 10), 0);
    float progress = per_line.x;
    vec4 measure = intBitsToFloat(texelFetch(u_segments, record + 2));
    bool shown = ((u_visible_styles >> style) & 1) != 0 && progress > 0.0 && per_line.z > 0.0 &&
                 (arrow ? progress >= 1.0 : (measure.x < progress || progress >= 1.0));
    if (!shown) {
        gl_Position = vec4(0.0);  // all four corners in one point: nothing rasterised
        return;
    }

    vec4 segment = intBitsToFloat(texelFetch(u_segments, record));
    vec4 neighbours = intBitsToFloat(texelFetch(u_segments, record + 1));
    float line_length = intBitsToFloat(ids.z);
    float line_target_gap = intBitsToFloat(ids.w);

    vec4 color = u_style_color[style];
    vec4 shape = u_style_shape[style] * u_pixel_ratio;
    // Crowded: every line a hairline (or its own width where thinner), no casing but round the selected one.
    float half_width = mix(shape.x, min(shape.x, kHairlineHalfWidth * u_pixel_ratio), u_density);
    float casing = line == u_selected ? 1.0 : 1.0 - u_density;
    if (line == u_highlighted) {
        half_width = half_width * 1.5 + 0.5 * u_pixel_ratio;
        color = vec4(mix(color.rgb, vec3(1.0), 0.2), max(color.a, 0.9));
    }
    if (line == u_selected) half_width += 0.75 * u_pixel_ratio;
    float extra = (line == u_selected ? 3.5 : 1.5) * u_pixel_ratio * casing;  // the casing's reach beside the line
    float line_opacity = u_opacity * per_line.z;
    float casing_alpha =
        min(u_casing_color.a * color.a * (line == u_selected ? 1.5 : 1.0), 1.0) * line_opacity * casing;
    float flow = style < kRelationStyles ? u_flow.x : 0.0;
    // Crowded lines are translucent, so that where many cross reads darker than where few do, and the map shows.
    bool picked = line == u_selected || line == u_highlighted;
    color.a = min(color.a, 1.0) * line_opacity * (picked ? 1.0 : mix(1.0, kCrowdedAlpha, u_density));

    vec2 a = metres_to_pixels(segment.xy);
    vec2 b = metres_to_pixels(segment.zw);
    vec2 dir = direction(a, b, vec2(1.0, 0.0));
    float line_px = line_length * u_pixels_per_metre;
    float arrow_half = max(2.2 * half_width, half_width + mix(3.0, 1.5, u_density) * u_pixel_ratio);
    float arrow_len = min(2.6 * arrow_half, 0.4 * line_px);
    float target_gap = line_target_gap < 0.0 ? -1.0 : min(line_target_gap * u_marker_scale, 0.4 * line_px);

    vec2 pos = measure.zw * u_pixels_per_metre;
    vec2 start_miter = vec2(0.0), end_miter = vec2(0.0);
    vec2 t_range = vec2(0.0, 1.0);
    vec2 half_widths = vec2(half_width);
    float head_extra = extra;
    vec2 t_cut = vec2(-kFar, kFar);
    float t_dashed = kFar;
    if (arrow) {
        // A triangle from its base to its tip: the line's half width tapering to nothing, its base cut flat.
        b -= dir * max(target_gap, 0.0);
        a = b - dir * arrow_len;
        half_widths = vec2(arrow_half, 0.0);
        t_cut.x = 0.0;
        head_extra = 0.0;  // a casing behind the base would part the arrowhead from its line
    } else {
        if ((flags & kStartCap) == 0) start_miter = miter(metres_to_pixels(neighbours.xy), a, b);
        if ((flags & kEndCap) == 0) end_miter = miter(a, b, metres_to_pixels(neighbours.zw));
        if (start_miter != vec2(0.0)) t_range.x = -kFar;
        if (end_miter != vec2(0.0)) t_range.y = kFar;
        if (progress < 1.0) {
            t_cut.y = t_at(progress, measure.x, measure.y);
        } else if (target_gap >= 0.0) {
            // An opaque line stops inside its arrowhead, so the seam never shows; a translucent one at the base,
            // where it would otherwise show through the arrowhead twice as dark.
            float under_arrow = color.a < 0.999 ? 0.0 : 0.5 * arrow_len;
            t_cut.y = t_at(line_px - target_gap - arrow_len + under_arrow, pos.x, pos.y);
            head_extra = 0.0;
        }
        // Where the map cut the line, it ends flat, casing and all: it goes on out of sight, and a round cap would
        // reach over the limb into the globe.
        if ((flags & kStartCut) != 0) t_cut.x = 0.0;
        if ((flags & kEndCut) != 0) t_cut.y = min(t_cut.y, 1.0);
        if ((flags & (kStartCut | kEndCut)) != 0) head_extra = 0.0;
        t_dashed = t_at(per_line.y, measure.x, measure.y);
    }

    // Coverage (story_line.frag) ends half a pixel beyond the casing: the quad need reach no further.
    float reach = max(half_widths.x, half_widths.y) + extra + 0.5;
    vec2 across = vec2(-dir.y, dir.x);
    bool at_end = corner_index >= 2;
    float side = (corner_index & 1) == 0 ? -1.0 : 1.0;
    vec2 corner;
    if (at_end)
        corner = end_miter == vec2(0.0) ? b + (dir + across * side) * reach : b + end_miter * side * reach;
    else
        corner = start_miter == vec2(0.0) ? a + (across * side - dir) * reach : a + start_miter * side * reach;

    float dash = shape.y, period = shape.y + shape.z;
    v_pixel = corner;
    v_segment = vec4(a, b);
    v_shape = vec4(t_range, half_widths);
    v_cut = vec4(t_cut, period > 0.0 ? t_dashed : kFar, distance(a, b));
    v_dash = vec4(max(0.5 * dash - half_width, 0.0), max(period, 1.0), shape.w + 0.5 * dash - 0.5 * period, flow);
    v_pos = pos;
    v_color = color;
    v_casing = vec3(extra, head_extra, casing_alpha);
    v_globe = (flags & kBehindGlobe) != 0 ? vec3(metres_to_pixels(vec2(0.0)), u_globe_radius * u_pixels_per_metre)
                                          : vec3(0.0);
    gl_Position = pixels_to_clip(corner);
}
