#version 330 core
// Shared by every stage. Geometry arrives in projected metres; the camera maps it to pixels about the viewport's
// centre, so line widths and anti-aliasing can be computed in pixels.
uniform vec2 u_camera_center;   // projected metres at the viewport centre
uniform float u_pixels_per_metre;
uniform vec2 u_viewport;        // framebuffer size in pixels

vec2 metres_to_pixels(vec2 metres) { return (metres - u_camera_center) * u_pixels_per_metre; }
vec4 pixels_to_clip(vec2 pixels) { return vec4(pixels * 2.0 / u_viewport, 0.0, 1.0); }
