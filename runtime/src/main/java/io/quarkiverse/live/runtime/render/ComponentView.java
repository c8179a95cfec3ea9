package io.quarkiverse.live.runtime.render;

import io.quarkiverse.live.Errors;
import io.quarkiverse.live.runtime.component.ComponentBinding;
import io.quarkiverse.live.runtime.component.MountedComponent;

/**
 * The root data object a component template is rendered with: names in the template resolve to the component's
 * fields and no-arg methods through {@link ComponentValueResolver}, whatever their visibility, and {@code errors} to
 * the messages of the component's last rejected calls, {@code uploads} to where its uploads stand.
 */
public record ComponentView(ComponentBinding binding, Object component, Errors errors, MountedComponent mounted) {

    /** The name under which a template finds the validation messages, unless a state field takes it. */
    public static final String ERRORS = "errors";
    /** The name under which a template finds its uploads' progress, unless a state field takes it. */
    public static final String UPLOADS = "uploads";
}
