package io.quarkiverse.live.runtime;

/**
 * The root data object a component template is rendered with: names in the template resolve to the component's
 * fields and no-arg methods through {@link ComponentValueResolver}, whatever their visibility.
 */
public record ComponentView(ComponentBinding binding, Object component) {
}
