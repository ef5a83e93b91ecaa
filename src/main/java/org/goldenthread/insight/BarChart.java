package org.goldenthread.insight;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A horizontal bar chart worked out to coordinates, so the page template only draws it: one group
 * of bars per category (a level, say), one bar per series. Drawn as server-side SVG with a title
 * and description, and always shown beside a table of the same figures, so it needs no JavaScript
 * and a screen reader loses nothing.
 *
 * @param id       unique on the page; prefixes the ids of the title and description
 * @param viewBox  the SVG view box, "0 0 width height"
 */
record BarChart(
        String id,
        String title,
        String description,
        String viewBox,
        List<Legend> legend,
        List<Tick> ticks,
        List<Category> categories) {

    static final double WIDTH = 640;
    private static final double LABEL_RIGHT = 184;
    private static final double PLOT_LEFT = 192;
    private static final double PLOT_WIDTH = 340;
    private static final double BAR = 20;
    private static final double BAR_GAP = 4;
    private static final double GROUP_GAP = 14;
    private static final double TOP = 8;
    private static final double LEGEND = 28;
    private static final double AXIS = 24;

    record Legend(int series, String label, double x, double y, double textX, double textY) {}

    record Tick(String label, double x, double top, double bottom, double textY) {}

    record Category(String label, double labelY, List<Bar> bars) {}

    /** One bar; {@code width} is 0 when there is no value, and {@code text} says why (none, hidden). */
    record Bar(
            int series,
            String seriesLabel,
            double x,
            double y,
            double width,
            double height,
            String text,
            double textX,
            double textY) {}

    /** What one category contributes: its label and one value per series (null for none or hidden). */
    record Values(String label, List<Double> values, List<String> texts) {}

    /**
     * Works out the chart. Values run from 0 to {@code max}; {@code ticks} gives the axis marks.
     *
     * @param tickLabel how an axis mark is written
     */
    static BarChart of(
            String id,
            String title,
            String description,
            List<String> series,
            List<Values> categories,
            double max,
            List<Double> ticks,
            Function<Double, String> tickLabel) {
        double top = TOP + (series.size() > 1 ? LEGEND : 0);
        List<Legend> legend = new ArrayList<>();
        if (series.size() > 1) {
            double x = PLOT_LEFT;
            for (int s = 0; s < series.size(); s++) {
                legend.add(new Legend(s, series.get(s), x, TOP, x + 20, TOP + 13));
                x += 28 + 8 * series.get(s).length();
            }
        }
        List<Category> drawn = new ArrayList<>();
        double y = top;
        double scale = max <= 0 ? 0 : PLOT_WIDTH / max;
        for (Values c : categories) {
            List<Bar> bars = new ArrayList<>();
            double groupTop = y;
            for (int s = 0; s < series.size(); s++) {
                Double v = c.values().get(s);
                double w = v == null ? 0 : round(Math.min(v, max) * scale);
                bars.add(new Bar(
                        s,
                        series.get(s),
                        PLOT_LEFT,
                        round(y),
                        w,
                        BAR,
                        c.texts().get(s),
                        round(PLOT_LEFT + w + 6),
                        round(y + BAR - 6)));
                y += BAR + BAR_GAP;
            }
            y -= BAR_GAP;
            drawn.add(new Category(c.label(), round((groupTop + y) / 2 + 5), bars));
            y += GROUP_GAP;
        }
        double bottom = y - GROUP_GAP + 6;
        List<Tick> axis = ticks.stream()
                .map(t -> new Tick(
                        tickLabel.apply(t), round(PLOT_LEFT + t * scale), top - 4, round(bottom), round(bottom + 16)))
                .toList();
        double height = round(bottom + AXIS);
        return new BarChart(
                id, title, description, "0 0 " + (int) WIDTH + " " + (int) Math.ceil(height), legend, axis, drawn);
    }

    public double labelX() {
        return LABEL_RIGHT;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
