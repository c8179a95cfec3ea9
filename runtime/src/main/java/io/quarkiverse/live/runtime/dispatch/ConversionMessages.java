package io.quarkiverse.live.runtime.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The messages end users read when a value they entered cannot be converted ({@code must be a number}), in the
 * browser's language among the application's locales ({@code quarkus.locales}), chosen the way Hibernate Validator's
 * messages are ({@link LiveLocaleResolver}). Each message is looked up by its key first in the application's
 * {@code ValidationMessages} bundle, where constraint messages are overridden too, then in the extension's own
 * ({@code ConversionMessages}: English, French and German).
 */
@Singleton
public class ConversionMessages {

    static final String OWN_BUNDLE = "io.quarkiverse.live.runtime.dispatch.ConversionMessages";
    static final String APPLICATION_BUNDLE = "ValidationMessages";

    private final List<Locale> supported = new ArrayList<>();
    private final Locale fallback;
    private final ClassLoader loader = Thread.currentThread().getContextClassLoader();
    private final Map<String, Optional<ResourceBundle>> bundles = new ConcurrentHashMap<>();

    ConversionMessages() {
        var config = ConfigProvider.getConfig();
        fallback = config.getOptionalValue("quarkus.default-locale", String.class).map(ConversionMessages::locale)
                .orElse(Locale.ENGLISH);
        config.getOptionalValues("quarkus.locales", String.class)
                .ifPresent(tags -> tags.forEach(tag -> supported.add(locale(tag))));
    }

    /** The message for the problem, in the best of the application's locales for the browser's languages. */
    public String text(ConversionProblem problem, List<Locale.LanguageRange> languages) {
        String template = find(problem.kind().messageKey(), languages);
        return template == null ? problem.detail()
                : template.replace("{choices}", String.join(", ", problem.choices()));
    }

    /**
     * Any message of the bundles, its {@code {name}} placeholders replaced by the arguments: those of uploads, for
     * instance ({@code io.quarkiverse.live.upload.too-large}).
     */
    public String text(String key, Map<String, String> arguments, List<Locale.LanguageRange> languages) {
        String text = find(key, languages);
        if (text == null) {
            return key;
        }
        for (Map.Entry<String, String> argument : arguments.entrySet()) {
            text = text.replace("{" + argument.getKey() + "}", argument.getValue());
        }
        return text;
    }

    private String find(String key, List<Locale.LanguageRange> languages) {
        Locale locale = languages == null || languages.isEmpty() ? null : Locale.lookup(languages, supported);
        return find(key, locale != null ? locale : fallback);
    }

    private String find(String key, Locale locale) {
        for (String name : List.of(APPLICATION_BUNDLE, OWN_BUNDLE)) {
            ResourceBundle bundle = bundle(name, locale);
            if (bundle != null && bundle.containsKey(key)) {
                return bundle.getString(key);
            }
        }
        return null;
    }

    /**
     * The bundle for the locale or, when it has no file for the locale's language, its base file: never the file of
     * the JVM's default locale, which {@link ResourceBundle#getBundle} falls back to and which would answer an English
     * browser in the server's language.
     */
    private ResourceBundle bundle(String name, Locale locale) {
        return bundles.computeIfAbsent(name + "_" + locale.toLanguageTag(), ignored -> {
            try {
                ResourceBundle bundle = ResourceBundle.getBundle(name, locale, loader);
                Locale found = bundle.getLocale();
                if (!found.equals(Locale.ROOT) && !found.getLanguage().equals(locale.getLanguage())) {
                    bundle = ResourceBundle.getBundle(name, Locale.ROOT, loader);
                }
                return Optional.of(bundle);
            } catch (MissingResourceException e) {
                return Optional.empty();
            }
        }).orElse(null);
    }

    private static Locale locale(String tag) {
        return Locale.forLanguageTag(tag.trim().replace('_', '-'));
    }
}
