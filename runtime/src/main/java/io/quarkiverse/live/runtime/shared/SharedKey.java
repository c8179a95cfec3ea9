package io.quarkiverse.live.runtime.shared;

import com.fasterxml.jackson.databind.JavaType;

/**
 * One key of shared state: its name, the type of its value, the field that first declared it ({@code Chat.messages}),
 * and whether values of that type cannot change once made ({@link SharedCodec#immutable}), decided once here rather
 * than at each read.
 */
record SharedKey(String name, JavaType type, String declaredBy, boolean immutable) {
}
