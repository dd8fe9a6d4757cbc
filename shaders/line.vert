// One instance per segment: a quad round the segment, wide enough for the line and its anti-aliased fringe.
layout(location = 0) in vec2 a_start;  // projected metres
layout(location = 1) in vec2 a_end;
uniform float u_half_width;              // pixels

out vec2 v_pixel;
flat out vec2 v_start;
flat out vec2 v_end;

void main() {
    // A segment touching a break vertex (1e30) between two paths is not drawn: all four corners leave the clip box.
    if (max(abs(a_start.x), abs(a_end.x)) > 1e29) {
        gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
        return;
    }
    vec2 a = metres_to_pixels(a_start);
    vec2 b = metres_to_pixels(a_end);
    vec2 d = b - a;
    float len = length(d);
    vec2 along = len > 1e-6 ? d / len : vec2(1.0, 0.0);
    vec2 across = vec2(-along.y, along.x);
    float reach = u_half_width + 1.0;
    bool at_end = gl_VertexID >= 2;
    float side = (gl_VertexID & 1) == 0 ? -1.0 : 1.0;
    vec2 p = (at_end ? b + along * reach : a - along * reach) + across * side * reach;
    v_pixel = p;
    v_start = a;
    v_end = b;
    gl_Position = pixels_to_clip(p);
}
