// Coverage from the distance to the segment (round caps, tapered arrowheads, round-ended dashes), cut where the
// line has not yet drawn itself, brightened by a soft pulse that travels from source to target. The light casing
// is a ring round the line computed in the same pass: half the fragments of a separate casing pass, and a
// translucent line keeps its own colour over the map instead of taking on the casing's.
uniform vec4 u_casing_color;
uniform vec3 u_flow;  // strength (per line: v_dash.w), phase, period in pixels

in vec2 v_pixel;
flat in vec4 v_segment;
flat in vec4 v_shape;
flat in vec4 v_cut;
flat in vec4 v_dash;
flat in vec2 v_pos;
flat in vec4 v_color;
flat in vec3 v_casing;
flat in vec3 v_globe;
out vec4 frag_color;

void main() {
    vec2 d = v_segment.zw - v_segment.xy;
    float len = v_cut.w;
    float t = dot(v_pixel - v_segment.xy, d) / max(len * len, 1e-12);
    float across = length(v_pixel - v_segment.xy - clamp(t, v_shape.x, v_shape.y) * d);
    float half_width = mix(v_shape.z, v_shape.w, clamp(t, 0.0, 1.0));
    float pos = mix(v_pos.x, v_pos.y, t);
    if (t > v_cut.z) {
        // Distance along the line from the middle of the nearest dash, beyond its straight part: a capsule.
        float from_middle = abs(mod(pos - v_dash.z, v_dash.y) - 0.5 * v_dash.y);
        across = length(vec2(max(from_middle - v_dash.x, 0.0), across));
    }
    float inside = min(t - v_cut.x, v_cut.y - t) * len;  // pixels inside the drawn stretch
    float line = clamp(half_width + 0.5 - across, 0.0, 1.0) * clamp(inside + 0.5, 0.0, 1.0);
    float ring = clamp(half_width + v_casing.x + 0.5 - across, 0.0, 1.0) * clamp(inside + v_casing.y + 0.5, 0.0, 1.0) *
                 (1.0 - line);
    if (v_globe.z > 0.0) {
        float beyond_limb = clamp(distance(v_pixel, v_globe.xy) - v_globe.z + 0.5, 0.0, 1.0);
        line *= beyond_limb;
        ring *= beyond_limb;
    }
    float line_alpha = v_color.a * line;
    float ring_alpha = v_casing.z * ring * (1.0 - line_alpha);
    float alpha = line_alpha + ring_alpha;
    if (alpha <= 0.0) discard;
    float pulse = max(1.0 - 4.0 * abs(fract((pos - u_flow.y) / u_flow.z) - 0.5), 0.0);
    vec3 color = mix(v_color.rgb, vec3(1.0), v_dash.w * pulse);
    frag_color = vec4((color * line_alpha + u_casing_color.rgb * ring_alpha) / alpha, alpha);
}
