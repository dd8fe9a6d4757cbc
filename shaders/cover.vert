// A quad over the whole viewport; the stencil decides which of its pixels are inside the filled rings.
void main() {
    vec2 corner = vec2(float(gl_VertexID & 1), float((gl_VertexID >> 1) & 1)) * 2.0 - 1.0;
    gl_Position = vec4(corner, 0.0, 1.0);
}
