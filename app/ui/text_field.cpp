#include "app/ui/text_field.hpp"

#include <imgui.h>

namespace diplomap {
int grow_string(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* text = static_cast<std::string*>(data->UserData);
        text->resize(static_cast<std::size_t>(data->BufTextLen));
        data->Buf = text->data();
    }
    return 0;
}

bool text_field(const char* label, std::string& text, const char* hint, bool multiline) {
    const ImGuiInputTextFlags flags = ImGuiInputTextFlags_CallbackResize;
    if (multiline) {
        ImGui::InputTextMultiline(label, text.data(), text.capacity() + 1,
                                  ImVec2(-1, ImGui::GetTextLineHeight() * 3.5F), flags, grow_string, &text);
    } else if (hint != nullptr) {
        ImGui::InputTextWithHint(label, hint, text.data(), text.capacity() + 1, flags, grow_string, &text);
    } else {
        ImGui::InputText(label, text.data(), text.capacity() + 1, flags, grow_string, &text);
    }
    return ImGui::IsItemDeactivatedAfterEdit();
}

}  // namespace diplomap
