package io.quarkiverse.live.runtime.dev;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import io.quarkiverse.live.runtime.component.ComponentBinding;
import io.quarkiverse.live.runtime.component.MountedComponent;
import io.quarkiverse.live.runtime.shared.SharedCodec;

/**
 * A component's own state as JSON, field by field: what a dev-mode restart keeps of it, and what the Dev UI measures.
 * A {@code @Shared} field is left out, since its value is the shared store's and not the component's. Reads the
 * instance, so call it on the component's task queue.
 */
public final class StateJson {

    private static final Logger LOG = Logger.getLogger(StateJson.class);

    private StateJson() {
    }

    /**
     * The JSON of each state field, by name, in the binding's order; a field whose value Jackson cannot write is left
     * out (logged at debug level).
     */
    public static Map<String, String> of(MountedComponent component, SharedCodec codec) {
        ComponentBinding binding = component.binding();
        Set<String> shared = binding.sharedFields().stream().map(ComponentBinding.SharedField::field)
                .collect(Collectors.toSet());
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : binding.writableGenericTypes().keySet()) {
            if (shared.contains(field)) {
                continue;
            }
            try {
                fields.put(field, codec.write(binding.read(component.instance(), field)));
            } catch (RuntimeException e) {
                LOG.debugf("%s.%s cannot be written as JSON: %s", binding.name(), field, e.getMessage());
            }
        }
        return fields;
    }

    /**
     * The length of the JSON object those fields make, {@code {"count":3}} for one field: field names are Java
     * identifiers, which JSON writes without escapes.
     */
    public static long objectLength(Map<String, String> fields) {
        long length = 2 + Math.max(0, fields.size() - 1);
        for (Map.Entry<String, String> field : fields.entrySet()) {
            length += field.getKey().length() + 3 + field.getValue().length();
        }
        return length;
    }
}
