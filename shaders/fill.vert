// Ring fans for the stencil pass of an even-odd fill.
layout(location = 0) in vec2 a_position;

void main() { gl_Position = pixels_to_clip(metres_to_pixels(a_position)); }
