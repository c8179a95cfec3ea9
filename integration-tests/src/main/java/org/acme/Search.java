package org.acme;

import java.util.List;
import java.util.Locale;

import io.quarkiverse.live.Live;

/**
 * Search as you type: the input sends {@code search(value)} once the user pauses ({@code @input.debounce}), and a
 * throttled preview field sends at most one event per 200 ms. Both count the events the server handled, so the page
 * shows what debounce and throttle saved.
 */
@Live(path = "/search")
public class Search {

    static final List<String> FRUITS = List.of("Apple", "Apricot", "Avocado", "Banana", "Blackberry", "Blueberry",
            "Cherry", "Coconut", "Cranberry", "Date", "Dragonfruit", "Elderberry", "Fig", "Gooseberry", "Grape",
            "Grapefruit", "Guava", "Kiwi", "Lemon", "Lime", "Lychee", "Mango", "Melon", "Nectarine", "Orange",
            "Papaya", "Peach", "Pear", "Pineapple", "Raspberry");

    String query = "";
    int searches;
    String preview = "";
    int previews;

    void search(String value) {
        query = value == null ? "" : value.strip();
        searches++;
    }

    void preview(String value) {
        preview = value == null ? "" : value;
        previews++;
    }

    List<String> matches() {
        String needle = query.toLowerCase(Locale.ROOT);
        return FRUITS.stream().filter(fruit -> fruit.toLowerCase(Locale.ROOT).contains(needle)).toList();
    }

    int total() {
        return FRUITS.size();
    }
}
