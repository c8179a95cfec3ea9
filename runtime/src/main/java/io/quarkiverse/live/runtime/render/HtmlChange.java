package io.quarkiverse.live.runtime.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.vertx.core.json.JsonArray;

/**
 * What a browser needs to go from the HTML it last received for a component to the new one: the whole HTML, or edits
 * of its copy ({@code [at, removed, inserted, ...]}: at index {@code at} of the old HTML, {@code removed} characters
 * give way to the string {@code inserted}; positions count UTF-16 code units, as Java and JavaScript strings do, and
 * ascend).
 */
public record HtmlChange(String html, JsonArray edits) {

    /** Below this many characters between the common beginning and end, one edit is as good as several. */
    private static final int FINE = 128;
    /** How many pieces may differ before the comparison gives up on finding several edits: past it, one edit. */
    private static final int MAX_DIFFERENCES = 64;
    /** What an edit costs on the wire beyond its inserted text, roughly: two numbers, quotes, commas. */
    private static final int EDIT_OVERHEAD = 12;

    /**
     * The change from {@code before} to {@code after} as edits. The common beginning and end are kept; what lies between
     * is compared piece by piece (a piece ends after each {@code >}), so that two changes far apart (a count at the top,
     * a row further down) are two small edits, not one spanning everything between them. A surrogate pair is never
     * split, so every string sent is valid UTF-16. The whole HTML when that is no longer than the edits.
     */
    public static HtmlChange between(String before, String after) {
        int prefix = commonPrefix(before, 0, before.length(), after, 0, after.length());
        int suffix = commonSuffix(before, prefix, before.length(), after, prefix, after.length());
        List<int[]> edits = new ArrayList<>();
        int beforeEnd = before.length() - suffix;
        int afterEnd = after.length() - suffix;
        if (beforeEnd - prefix > FINE && afterEnd - prefix > FINE) {
            edits = pieceEdits(before, prefix, beforeEnd, after, prefix, afterEnd);
        }
        if (edits == null || edits.isEmpty()) {
            edits = List.of(new int[] { prefix, beforeEnd, prefix, afterEnd });
        }
        JsonArray json = new JsonArray();
        int size = 0;
        for (int[] edit : edits) {
            json.add(edit[0]).add(edit[1] - edit[0]).add(after.substring(edit[2], edit[3]));
            size += edit[3] - edit[2] + EDIT_OVERHEAD;
        }
        return size >= after.length() ? whole(after) : new HtmlChange(null, json);
    }

    public static HtmlChange whole(String html) {
        return new HtmlChange(html, null);
    }

    /**
     * The HTML with the edits applied, as the browser runtime applies them: for those that hold a copy of a component's
     * HTML on the server's side of the wire, the test API among them.
     */
    public static String apply(String before, JsonArray edits) {
        StringBuilder after = new StringBuilder(before.length() + 64);
        int copied = 0;
        for (int i = 0; i < edits.size(); i += 3) {
            int at = edits.getInteger(i);
            after.append(before, copied, at).append(edits.getString(i + 2));
            copied = at + edits.getInteger(i + 1);
        }
        return after.append(before, copied, before.length()).toString();
    }

    /**
     * Edits between two stretches compared as sequences of pieces (Myers' difference algorithm over the pieces), each
     * trimmed to what differs inside it: {@code {beforeStart, beforeEnd, afterStart, afterEnd}} in ascending order. Null
     * when more than {@link #MAX_DIFFERENCES} pieces differ.
     */
    private static List<int[]> pieceEdits(String before, int beforeStart, int beforeEnd, String after, int afterStart,
            int afterEnd) {
        List<Integer> a = pieceEnds(before, beforeStart, beforeEnd);
        List<Integer> b = pieceEnds(after, afterStart, afterEnd);
        Map<String, Integer> ids = new HashMap<>();
        int[] x = ids(before, beforeStart, a, ids);
        int[] y = ids(after, afterStart, b, ids);
        List<int[]> matches = matches(x, y);
        if (matches == null) {
            return null;
        }
        List<int[]> edits = new ArrayList<>();
        int i = 0;
        int j = 0;
        matches.add(new int[] { x.length, y.length });
        for (int[] match : matches) {
            if (match[0] > i || match[1] > j) {
                int bs = i == 0 ? beforeStart : a.get(i - 1);
                int be = match[0] == 0 ? beforeStart : a.get(match[0] - 1);
                int as = j == 0 ? afterStart : b.get(j - 1);
                int ae = match[1] == 0 ? afterStart : b.get(match[1] - 1);
                int p = commonPrefix(before, bs, be, after, as, ae);
                int s = commonSuffix(before, bs + p, be, after, as + p, ae);
                edits.add(new int[] { bs + p, be - s, as + p, ae - s });
            }
            i = match[0] + 1;
            j = match[1] + 1;
        }
        return edits;
    }

    /** Where each piece of the stretch ends (exclusive): after every {@code >}, and at the stretch's end. */
    private static List<Integer> pieceEnds(String text, int start, int end) {
        List<Integer> ends = new ArrayList<>();
        for (int i = start; i < end; i++) {
            if (text.charAt(i) == '>') {
                ends.add(i + 1);
            }
        }
        if (ends.isEmpty() || ends.get(ends.size() - 1) != end) {
            ends.add(end);
        }
        return ends;
    }

    private static int[] ids(String text, int start, List<Integer> ends, Map<String, Integer> ids) {
        int[] result = new int[ends.size()];
        int from = start;
        for (int i = 0; i < result.length; i++) {
            result[i] = ids.computeIfAbsent(text.substring(from, ends.get(i)), piece -> ids.size());
            from = ends.get(i);
        }
        return result;
    }

    /**
     * The pairs of equal pieces of a longest common subsequence, ascending, by Myers' greedy algorithm; null when the
     * sequences differ in more than {@link #MAX_DIFFERENCES} pieces.
     */
    private static List<int[]> matches(int[] a, int[] b) {
        int offset = MAX_DIFFERENCES + 1;
        int[] v = new int[2 * MAX_DIFFERENCES + 3];
        List<int[]> trace = new ArrayList<>();
        for (int d = 0; d <= MAX_DIFFERENCES; d++) {
            trace.add(v.clone());
            for (int k = -d; k <= d; k += 2) {
                int x = k == -d || k != d && v[offset + k - 1] < v[offset + k + 1] ? v[offset + k + 1]
                        : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < a.length && y < b.length && a[x] == b[y]) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= a.length && y >= b.length) {
                    return backtrack(trace, a.length, b.length, offset);
                }
            }
        }
        return null;
    }

    private static List<int[]> backtrack(List<int[]> trace, int x, int y, int offset) {
        List<int[]> matches = new ArrayList<>();
        for (int d = trace.size() - 1; d > 0; d--) {
            int[] v = trace.get(d);
            int k = x - y;
            int previousK = k == -d || k != d && v[offset + k - 1] < v[offset + k + 1] ? k + 1 : k - 1;
            int previousX = v[offset + previousK];
            int previousY = previousX - previousK;
            while (x > previousX && y > previousY) {
                matches.add(new int[] { --x, --y });
            }
            x = previousX;
            y = previousY;
        }
        while (x > 0 && y > 0) {
            matches.add(new int[] { --x, --y });
        }
        java.util.Collections.reverse(matches);
        return matches;
    }

    /** How many characters the two stretches share at their start, not ending inside a surrogate pair. */
    private static int commonPrefix(String a, int aStart, int aEnd, String b, int bStart, int bEnd) {
        int limit = Math.min(aEnd - aStart, bEnd - bStart);
        int n = 0;
        while (n < limit && a.charAt(aStart + n) == b.charAt(bStart + n)) {
            n++;
        }
        if (n > 0 && n < limit && Character.isHighSurrogate(a.charAt(aStart + n - 1))) {
            n--;
        }
        return n;
    }

    /** How many characters the two stretches share at their end, not starting inside a surrogate pair. */
    private static int commonSuffix(String a, int aStart, int aEnd, String b, int bStart, int bEnd) {
        int limit = Math.min(aEnd - aStart, bEnd - bStart);
        int n = 0;
        while (n < limit && a.charAt(aEnd - 1 - n) == b.charAt(bEnd - 1 - n)) {
            n++;
        }
        if (n > 0 && n < limit && Character.isLowSurrogate(b.charAt(bEnd - n))) {
            n--;
        }
        return n;
    }
}
