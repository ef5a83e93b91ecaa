package org.goldenthread.insight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.goldenthread.structure.Forum;
import org.goldenthread.structure.Level;

/**
 * The forums and their reports-to lines, laid out for an SVG drawing: one band per level, top to
 * bottom, each forum a box linking to its entry in the text list, each line an arrow from a forum
 * to the one it reports to. Within a band, forums sit under the forum they report to where they
 * can, so that lines cross as little as a simple layout allows.
 */
record ForumMap(String viewBox, List<Band> bands, List<Node> nodes, List<Line> lines) {

    static final int WIDTH = 1000;
    private static final int PER_ROW = 5;
    private static final int NODE_WIDTH = 180;
    private static final int NODE_HEIGHT = 58;
    private static final int COLUMN_GAP = 20;
    private static final int ROW_GAP = 36;
    private static final int BAND_HEADING = 30;
    private static final int BAND_GAP = 28;
    private static final int NAME_CHARACTERS = 21;

    /** A level's band: its heading and where it starts. */
    record Band(String label, int headingY, int top, int bottom) {}

    /**
     * A forum's box. {@code inView} is false for forums drawn only because a chosen forum reports
     * up through them; {@code chain} lists the ids of the forum's line of sight, for highlighting it.
     */
    record Node(
            long id,
            String name,
            List<String> nameLines,
            String status,
            int x,
            int y,
            int width,
            int height,
            boolean inView,
            boolean withoutLineOfSight,
            String ariaLabel,
            String chain) {

        public int centreX() {
            return x + width / 2;
        }
    }

    /** A reports-to line from one forum's box to the box of the forum it reports to. */
    record Line(long from, long to, String path) {}

    /**
     * @param forums      the forums to draw, in the order the ICS lists them (level, then name)
     * @param inView      ids of the forums the viewer chose; the rest give context
     * @param lineOfSight the chain from a forum up to a system board, empty when there is none
     * @param seats       seats defined and held, by forum id
     */
    static ForumMap of(
            List<Forum> forums, Set<Long> inView, Function<Forum, List<Forum>> lineOfSight, Map<Long, int[]> seats) {
        Map<Long, Node> placed = new HashMap<>();
        List<Band> bands = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        int y = 8;
        for (Level level : Level.values()) {
            List<Forum> band = forums.stream()
                    .filter(f -> level.code().equals(f.level()))
                    .sorted(Comparator.comparingInt((Forum f) -> parentX(f, placed))
                            .thenComparing(f -> Objects.toString(f.place(), ""))
                            .thenComparing(Forum::name))
                    .toList();
            if (band.isEmpty()) {
                continue;
            }
            int top = y;
            int headingY = y + 20;
            y += BAND_HEADING;
            // Rows suit a band whose forums report to a few forums above; columns, or stacks under each
            // parent, suit many forums each reporting to one of several (teams under their place's group).
            // Whichever keeps lines shortest without making the band too tall is used.
            int[][] at = positions(band.size(), true);
            if (band.size() > PER_ROW) {
                for (int[][] other : List.of(positions(band.size(), false), underParents(band, placed))) {
                    if (cost(band, other, placed) < cost(band, at, placed)) {
                        at = other;
                    }
                }
            }
            int bandRows = 0;
            for (int i = 0; i < band.size(); i++) {
                Forum f = band.get(i);
                bandRows = Math.max(bandRows, at[i][1] + 1);
                List<Forum> chain = lineOfSight.apply(f);
                boolean blind = chain.isEmpty();
                int[] s = seats.getOrDefault(f.id(), new int[2]);
                String status = blind
                        ? "No line of sight"
                        : s[1] + " of " + org.goldenthread.platform.Plurals.of(s[0], "seat") + " held";
                String where =
                        f.place() == null ? "" : ", " + (f.neighbourhood() == null ? f.place() : f.neighbourhood());
                String about = level.label().toLowerCase(Locale.ROOT)
                        + where
                        + (inView.contains(f.id()) ? "" : ", shown for context");
                List<String> nameLines = wrap(f.name());
                Node node = new Node(
                        f.id(),
                        f.name(),
                        nameLines,
                        status,
                        at[i][0],
                        y + at[i][1] * (NODE_HEIGHT + ROW_GAP),
                        NODE_WIDTH,
                        NODE_HEIGHT,
                        inView.contains(f.id()),
                        blind,
                        label(f.name(), nameLines, status, about),
                        chain.stream().map(c -> String.valueOf(c.id())).collect(Collectors.joining(" ")));
                placed.put(f.id(), node);
                nodes.add(node);
            }
            y += bandRows * NODE_HEIGHT + (bandRows - 1) * ROW_GAP;
            bands.add(new Band(level.label(), headingY, top, y + 8));
            y += BAND_GAP;
        }
        List<Line> lines = new ArrayList<>();
        for (Forum f : forums) {
            Node from = placed.get(f.id());
            Node to = f.reportsToId() == null ? null : placed.get(f.reportsToId());
            if (from != null && to != null) {
                lines.add(new Line(from.id(), to.id(), path(from, to)));
            }
        }
        return new ForumMap("0 0 " + WIDTH + " " + y, bands, nodes, lines);
    }

    /**
     * Where each of {@code n} boxes goes in a band, as {x, row}: filling rows of {@value #PER_ROW}
     * left to right, or filling {@value #PER_ROW} columns top to bottom; either way centred.
     */
    private static int[][] positions(int n, boolean byRow) {
        int[][] at = new int[n][2];
        int depth = (n + PER_ROW - 1) / PER_ROW;
        for (int i = 0; i < n; i++) {
            int column = byRow ? i % PER_ROW : i / depth;
            int row = byRow ? i / PER_ROW : i % depth;
            int across = byRow ? Math.min(PER_ROW, n - row * PER_ROW) : (n + depth - 1) / depth;
            int width = across * NODE_WIDTH + (across - 1) * COLUMN_GAP;
            at[i] = new int[] {(WIDTH - width) / 2 + column * (NODE_WIDTH + COLUMN_GAP), row};
        }
        return at;
    }

    /**
     * Each forum stacked in the column of the forum it reports to (drawn above, or earlier in this band);
     * forums reporting to none of those fill the shortest columns.
     */
    private static int[][] underParents(List<Forum> band, Map<Long, Node> placed) {
        int left = (WIDTH - PER_ROW * NODE_WIDTH - (PER_ROW - 1) * COLUMN_GAP) / 2;
        int step = NODE_WIDTH + COLUMN_GAP;
        int[] depth = new int[PER_ROW];
        int[][] at = new int[band.size()][];
        Map<Long, Integer> columnOf = new HashMap<>();
        List<Integer> unplaced = new ArrayList<>();
        for (int i = 0; i < band.size(); i++) {
            Long parent = band.get(i).reportsToId();
            Integer column = parent == null
                    ? null
                    : placed.containsKey(parent)
                            ? Integer.valueOf(Math.max(
                                    0,
                                    Math.min(
                                            PER_ROW - 1,
                                            Math.round((placed.get(parent).x() - left) / (float) step))))
                            : columnOf.get(parent);
            if (column == null) {
                unplaced.add(i);
                continue;
            }
            at[i] = new int[] {left + column * step, depth[column]++};
            columnOf.put(band.get(i).id(), column);
        }
        for (int i : unplaced) {
            int column = 0;
            for (int c = 1; c < PER_ROW; c++) {
                if (depth[c] < depth[column]) {
                    column = c;
                }
            }
            at[i] = new int[] {left + column * step, depth[column]++};
        }
        return at;
    }

    /** Lines running sideways, plus a price on every row, so a short band with slanted lines can win. */
    private static int cost(List<Forum> band, int[][] at, Map<Long, Node> placed) {
        int rows = 0;
        for (int[] a : at) {
            rows = Math.max(rows, a[1] + 1);
        }
        return sideways(band, at, placed) + rows * 2 * (NODE_WIDTH + COLUMN_GAP);
    }

    /** How far, summed across the band, its forums sit to the side of the forums they report to. */
    private static int sideways(List<Forum> band, int[][] at, Map<Long, Node> placed) {
        Map<Long, Integer> here = new HashMap<>();
        for (int i = 0; i < band.size(); i++) {
            here.put(band.get(i).id(), at[i][0]);
        }
        int total = 0;
        for (int i = 0; i < band.size(); i++) {
            Long parent = band.get(i).reportsToId();
            Integer parentX = parent == null
                    ? null
                    : placed.containsKey(parent)
                            ? Integer.valueOf(placed.get(parent).x())
                            : here.get(parent);
            if (parentX != null) {
                total += Math.abs(at[i][0] - parentX);
            }
        }
        return total;
    }

    /** Sorting key: the centre of the box of the forum this one reports to, if already placed. */
    private static int parentX(Forum f, Map<Long, Node> placed) {
        Node parent = f.reportsToId() == null ? null : placed.get(f.reportsToId());
        return parent == null ? Integer.MAX_VALUE : parent.centreX();
    }

    /** A curve from the edge of one box to the facing edge of the other, arrow at the second. */
    private static String path(Node from, Node to) {
        int x1;
        int y1;
        int x2;
        int y2;
        if (to.y() + to.height() <= from.y()) {
            x1 = from.centreX();
            y1 = from.y();
            x2 = to.centreX();
            y2 = to.y() + to.height() + 2;
        } else if (to.y() >= from.y() + from.height()) {
            x1 = from.centreX();
            y1 = from.y() + from.height();
            x2 = to.centreX();
            y2 = to.y() - 2;
        } else {
            boolean right = to.x() > from.x();
            x1 = right ? from.x() + from.width() : from.x();
            y1 = from.y() + from.height() / 2;
            x2 = right ? to.x() - 2 : to.x() + to.width() + 2;
            y2 = to.y() + to.height() / 2;
            int mid = (x1 + x2) / 2;
            return "M" + x1 + " " + y1 + " C" + mid + " " + y1 + " " + mid + " " + y2 + " " + x2 + " " + y2;
        }
        int mid = (y1 + y2) / 2;
        return "M" + x1 + " " + y1 + " C" + x1 + " " + mid + " " + x2 + " " + mid + " " + x2 + " " + y2;
    }

    /** A forum's name in at most two lines that fit the box, cut short with an ellipsis when longer. */
    /**
     * A box's accessible name begins with the words it shows, in their order (WCAG 2.5.3, label in
     * name), so someone using speech input can say what they see: its name, then its seats. A name
     * cut short in the box is given whole after them.
     */
    static String label(String name, List<String> nameLines, String status, String about) {
        String shown = String.join(" ", nameLines);
        String seats = status.toLowerCase(Locale.ROOT);
        return shown.equals(String.join(" ", name.trim().split("\\s+")))
                ? shown + ", " + seats + " – " + about
                : shown + " " + seats + " – " + name + ", " + about;
    }

    static List<String> wrap(String name) {
        String[] words = name.trim().split("\\s+");
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int used = 0;
        for (String word : words) {
            if (line.length() > 0 && line.length() + 1 + word.length() > NAME_CHARACTERS) {
                lines.add(line.toString());
                line.setLength(0);
                if (lines.size() == 2) {
                    break;
                }
            }
            line.append(line.length() > 0 ? " " : "").append(word);
            used++;
        }
        if (lines.size() < 2) {
            lines.add(line.toString());
        }
        if (used < words.length) {
            String last = lines.get(lines.size() - 1);
            lines.set(lines.size() - 1, last.substring(0, Math.min(last.length(), NAME_CHARACTERS - 1)) + "…");
        }
        return lines.stream()
                .map(l -> l.length() > NAME_CHARACTERS ? l.substring(0, NAME_CHARACTERS - 1) + "…" : l)
                .toList();
    }
}
