package io.quarkiverse.live.runtime.dispatch;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import jakarta.inject.Singleton;

import org.hibernate.validator.spi.messageinterpolation.LocaleResolver;
import org.hibernate.validator.spi.messageinterpolation.LocaleResolverContext;

/**
 * Gives Hibernate Validator the locale of the browser whose event is being handled (its {@code Accept-Language} at
 * connection time), so validation messages come in the user's language. Outside a live event it answers
 * {@code null} and the other resolvers decide.
 */
@Singleton
public class LiveLocaleResolver implements LocaleResolver {

    private static final ThreadLocal<List<Locale.LanguageRange>> CURRENT = new ThreadLocal<>();

    /** The best of the application's locales ({@code quarkus.locales}) for the browser, or null to let others decide. */
    @Override
    public Locale resolve(LocaleResolverContext context) {
        List<Locale.LanguageRange> languages = CURRENT.get();
        return languages == null || languages.isEmpty() ? null
                : Locale.lookup(languages, context.getSupportedLocales());
    }

    /** Runs the action with the browser's languages set for validation; handlers run on the connection's thread. */
    static <T> T withLanguages(List<Locale.LanguageRange> languages, Callable<T> action) throws Exception {
        List<Locale.LanguageRange> previous = CURRENT.get();
        CURRENT.set(languages);
        try {
            return action.call();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
