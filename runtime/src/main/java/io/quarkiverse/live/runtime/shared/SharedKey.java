package io.quarkiverse.live.runtime.shared;

import com.fasterxml.jackson.databind.JavaType;

/** One key of shared state: its name, the type of its value and the field that first declared it ({@code Chat.messages}). */
record SharedKey(String name, JavaType type, String declaredBy) {
}
