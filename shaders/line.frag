// Distance to the segment gives a round-capped line with a one-pixel anti-aliased edge.
uniform vec4 u_color;
uniform float u_half_width;

in vec2 v_pixel;
flat in vec2 v_start;
flat in vec2 v_end;
out vec4 frag_color;

void main() {
    vec2 d = v_end - v_start;
    float t = clamp(dot(v_pixel - v_start, d) / max(dot(d, d), 1e-12), 0.0, 1.0);
    float distance_px = length(v_pixel - (v_start + t * d));
    float coverage = clamp(u_half_width + 0.5 - distance_px, 0.0, 1.0);
    if (coverage <= 0.0) discard;
    frag_color = vec4(u_color.rgb, u_color.a * coverage);
}
