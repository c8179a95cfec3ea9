package org.acme;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link WireBenchmarkIT}'s plot as a small SVG: the p99 round trip per number of connections, one bar per target, on a
 * logarithmic scale (the floor and the demo can be orders of magnitude apart).
 */
final class WireChart {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 320;
    private static final int LEFT = 60;
    private static final int RIGHT = 150;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    private static final String[] COLOURS = { "#8a94a6", "#3050c8", "#c8702f" };

    private final List<Integer> levels;
    private final Map<WireTarget, WireResults> results;

    WireChart(List<Integer> levels, Map<WireTarget, WireResults> results) {
        this.levels = levels;
        this.results = results;
    }

    String svg() {
        double lowest = 0.1;
        double highest = 10;
        for (WireResults r : results.values()) {
            for (WireLoads.Paced paced : r.latency.values()) {
                double p99 = paced.percentiles().ms(0.99);
                if (!Double.isNaN(p99)) {
                    highest = Math.max(highest, p99);
                    lowest = Math.min(lowest, p99);
                }
            }
        }
        int fromDecade = (int) Math.floor(Math.log10(lowest));
        int toDecade = (int) Math.ceil(Math.log10(highest));
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double plotWidth = WIDTH - LEFT - RIGHT;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n", WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"14\">p99 round trip, one click a"
                + " second per connection (ms, log scale)</text>%n", LEFT));
        for (int decade = fromDecade; decade <= toDecade; decade++) {
            double y = TOP + plotHeight * (1 - (double) (decade - fromDecade) / (toDecade - fromDecade));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
                    + " stroke=\"#d6dae3\"/>%n", LEFT, y, LEFT + plotWidth, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    LEFT - 6, y + 4, label(decade)));
        }
        double group = plotWidth / Math.max(1, levels.size());
        double bar = group / 4;
        WireTarget[] targets = WireTarget.values();
        for (int l = 0; l < levels.size(); l++) {
            int level = levels.get(l);
            double x0 = LEFT + l * group + bar / 2;
            for (int t = 0; t < targets.length; t++) {
                WireResults r = results.get(targets[t]);
                if (r == null || !r.latency.containsKey(level)) {
                    continue;
                }
                double p99 = r.latency.get(level).percentiles().ms(0.99);
                double ratio = (Math.log10(p99) - fromDecade) / (toDecade - fromDecade);
                double height = Math.max(1, plotHeight * Math.max(0, ratio));
                double x = x0 + t * bar;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\""
                        + " fill=\"%s\"/>%n", x, TOP + plotHeight - height, bar - 2, height, COLOURS[t]));
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\""
                        + " font-size=\"10\">%s</text>%n", x + bar / 2 - 1, TOP + plotHeight - height - 3, value(p99)));
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%,d"
                    + " connections</text>%n", LEFT + l * group + group / 2, TOP + plotHeight + 20, level));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%.1f\" stroke=\"#1d2433\"/>%n",
                LEFT, TOP, LEFT, TOP + plotHeight));
        for (int t = 0; t < targets.length; t++) {
            double y = TOP + 10 + t * 20;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"12\""
                    + " fill=\"%s\"/>%n", LEFT + plotWidth + 16, y - 10, COLOURS[t]));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>%n", LEFT + plotWidth + 34, y,
                    targets[t].title));
        }
        return svg.append("</svg>\n").toString();
    }

    private static String label(int decade) {
        return decade < 0 ? String.format(Locale.ROOT, "%." + (-decade) + "f", Math.pow(10, decade))
                : String.format(Locale.ROOT, "%,.0f", Math.pow(10, decade));
    }

    private static String value(double ms) {
        return ms < 10 ? String.format(Locale.ROOT, "%.2f", ms) : String.format(Locale.ROOT, "%.0f", ms);
    }
}
